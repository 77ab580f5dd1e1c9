// The administrator account's rules. Sources: the Compute API's OSProfile documentation
// (adminUsername: disallowed values, Windows at most 20 characters and not ending in "."; adminPassword:
// lengths, 3 of 4 character classes with special = [\W_], disallowed values), Compute's own
// InvalidParameter message for Windows user names, the Azure CLI's checks (Linux: no upper case,
// none of \/"[]:|<>+=;,?*@#()!, not starting with $ or -), and useradd's 32-character limit on
// Linux user names (MicrosoftDocs/azure-docs#6101; the API itself allows 64).
import type { OsType } from './vmCreateRequest';

export const adminUsernameLength: Record<OsType, { min: number; max: number }> = { Windows: { min: 1, max: 20 }, Linux: { min: 1, max: 32 } };
/** The portal's minimum for Windows (the API's is 8); the API's for Linux. */
export const adminPasswordLength: Record<OsType, { min: number; max: number }> = { Windows: { min: 12, max: 123 }, Linux: { min: 6, max: 72 } };

/** Names Azure refuses as the administrator account, compared ignoring case. */
export const disallowedAdminUsernames: readonly string[] = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2',
  'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys',
  'test2', 'test3', 'user4', 'user5',
];

/** Passwords Azure refuses although they meet the complexity rule. */
export const disallowedAdminPasswords: readonly string[] = [
  'abc@123', 'P@$$w0rd', 'P@ssw0rd', 'P@ssword123', 'Pa$$word', 'pass@word1', 'Password!', 'Password1', 'Password22', 'iloveyou!',
];

const windowsForbidden = '\\/"[]:|<>+=;,?*@';
const linuxForbidden = '\\/"[]:|<>+=;,?*@#()!$&\'`~%^{}';

/** Why an administrator user name is not acceptable for this OS, or undefined. */
export function adminUsernameProblem(username: string, osType: OsType): string | undefined {
  const { min, max } = adminUsernameLength[osType];
  if (username.length === 0) return `Administrator user name is required: ${min}–${max} characters.`;
  if (username.length > max) return `Administrator user name can be at most ${max} characters on ${osType} (it has ${username.length}).`;
  if (/\s/.test(username)) return 'Administrator user name cannot contain spaces.';
  if (osType === 'Windows') {
    const bad = [...username].find((character) => windowsForbidden.includes(character) || character < ' ');
    if (bad !== undefined) return `Administrator user name cannot contain any of ${[...windowsForbidden].join(' ')} (it has '${bad}').`;
    if (username.endsWith('.')) return 'Administrator user name of a Windows VM cannot end with a period.';
  } else {
    if (/[A-Z]/.test(username)) return 'Administrator user name of a Linux VM must be in lower case (Linux user names have no capitals).';
    const bad = [...username].find((character) => linuxForbidden.includes(character) || character < ' ');
    if (bad !== undefined) return `Administrator user name of a Linux VM can contain only lower-case letters, digits, periods, underscores and hyphens (not '${bad}').`;
    if (/^[-.0-9]/.test(username)) return `Administrator user name of a Linux VM must start with a letter or an underscore (not '${username[0]}').`;
  }
  if (disallowedAdminUsernames.includes(username.toLowerCase())) {
    return `Administrator user name '${username}' is reserved and refused by Azure (like admin, administrator, root, user, guest): choose another, e.g. azureuser.`;
  }
  return undefined;
}

/** The character classes a password has, of the four Azure counts. */
export function passwordCharacterClasses(password: string): { lower: boolean; upper: boolean; digit: boolean; special: boolean } {
  return { lower: /[a-z]/.test(password), upper: /[A-Z]/.test(password), digit: /[0-9]/.test(password), special: /[\W_]/.test(password) };
}

/** Why an administrator password is not acceptable for this OS, or undefined. */
export function adminPasswordProblem(password: string, osType: OsType): string | undefined {
  const { min, max } = adminPasswordLength[osType];
  if (password.length === 0) return `Password is required: ${min}–${max} characters with 3 of lower case, upper case, digit and special character.`;
  if (password.length < min || password.length > max) {
    return `Password must be ${min}–${max} characters long for a ${osType} VM (it has ${password.length}).`;
  }
  if (disallowedAdminPasswords.includes(password)) return 'Password is one Azure refuses as too common: choose another.';
  const classes = passwordCharacterClasses(password);
  const missing = [
    classes.lower ? undefined : 'a lower-case letter',
    classes.upper ? undefined : 'an upper-case letter',
    classes.digit ? undefined : 'a digit',
    classes.special ? undefined : 'a special character',
  ].filter((item): item is string => item !== undefined);
  if (missing.length <= 1) return undefined;
  const needed = missing.length - 1;
  const choices = `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
  return `Password must have 3 of: lower-case letter, upper-case letter, digit, special character (it has ${4 - missing.length}): add ${needed === 1 ? '' : 'two of '}${choices}.`;
}
