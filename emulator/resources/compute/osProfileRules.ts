import { invalidParameter, type ComputeError } from './computeErrors';

type Json = Record<string, unknown>;

/**
 * A VM's osProfile as Microsoft.Compute checks it on create, from the rules learn.microsoft.com
 * states for OSProfile (Virtual Machines - Create Or Update) and the FAQ on user names and
 * passwords. Pure: returns the first refusal, or undefined.
 *
 * - computerName: Windows 1-15 characters, not all digits, none of ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \ | ; : . ' " , < > / ?;
 *   Linux 1-64 characters, none of the same except the period.
 * - adminUsername: not one of the names Azure refuses (the list Azure CLI keeps in
 *   DISALLOWED_USER_NAMES, Azure/azure-cli#14346, plus 'sa', MicrosoftDocs/azure-docs#106743);
 *   Windows at most 20 characters, not ending in '.', none of \ / " [ ] : | < > + = ; , ? * @;
 *   Linux at most 64 characters.
 * - adminPassword: Windows 8-123 characters, Linux 6-72; three of upper case, lower case, digit,
 *   special character; no control characters. Required on Windows; on Linux unless password
 *   authentication is off and SSH keys are given.
 */
export const refusedAdminNames: readonly string[] = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2',
  'aspnet', 'backup', 'console', 'guest', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3',
  'user4', 'user5', 'sa',
];

const windowsNameForbidden = /[`~!@#$%^&*()=+_[\]{}\\|;:.'",<>/?\s]/;
const linuxNameForbidden = /[`~!@#$%^&*()=+_[\]{}\\|;:'",<>/?\s]/;
const windowsUserForbidden = /[\\/"[\]:|<>+=;,?*@]/;

export function computerNameProblem(name: string, os: 'Linux' | 'Windows'): ComputeError | undefined {
  if (os === 'Windows') {
    if (name.length < 1 || name.length > 15 || /^\d+$/.test(name) || windowsNameForbidden.test(name)) {
      return invalidParameter(
        "Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . ' \" , < > / ?.",
        'computerName',
      );
    }
    return undefined;
  }
  if (name.length < 1 || name.length > 64 || linuxNameForbidden.test(name)) {
    return invalidParameter(
      "Linux host name cannot exceed 64 characters in length or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : ' \" , < > / ?.",
      'computerName',
    );
  }
  return undefined;
}

export function adminUsernameProblem(name: string, os: 'Linux' | 'Windows'): ComputeError | undefined {
  if (refusedAdminNames.includes(name.toLowerCase()) || name.length === 0) return invalidParameter('The Admin Username specified is not allowed.', 'adminUsername');
  if (os === 'Windows' && (name.length > 20 || name.endsWith('.') || windowsUserForbidden.test(name))) {
    return invalidParameter('Windows admin user name cannot be more than 20 characters long, end with a period(.), or contain the following characters: \\ / " [ ] : | < > + = ; , ? * @.', 'adminUsername');
  }
  if (os === 'Linux' && name.length > 64) return invalidParameter('The Admin Username specified is not allowed.', 'adminUsername');
  return undefined;
}

export function passwordProblem(password: string, os: 'Linux' | 'Windows'): ComputeError | undefined {
  const [min, max] = os === 'Windows' ? [8, 123] : [6, 72];
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const hasControl = /[\u0000-\u001f\u007f]/.test(password);
  if (password.length < min || password.length > max || classes < 3 || hasControl) {
    return invalidParameter(
      `The supplied password must be between ${min}-${max} characters long and must satisfy at least 3 of password complexity requirements from the following:\r\n1) Contains an uppercase character\r\n2) Contains a lowercase character\r\n3) Contains a numeric digit\r\n4) Contains a special character\r\n5) Control characters are not allowed`,
      'adminPassword',
    );
  }
  return undefined;
}

/** Checks a whole osProfile for a new VM of the given OS. */
export function osProfileProblem(osProfile: Json, os: 'Linux' | 'Windows'): ComputeError | undefined {
  const computerName = osProfile.computerName;
  if (typeof computerName !== 'string') return invalidParameter("Required parameter 'computerName' is missing (null).", 'computerName');
  const nameProblem = computerNameProblem(computerName, os);
  if (nameProblem) return nameProblem;
  const adminUsername = osProfile.adminUsername;
  if (typeof adminUsername !== 'string') return invalidParameter("Required parameter 'adminUsername' is missing (null).", 'adminUsername');
  const userProblem = adminUsernameProblem(adminUsername, os);
  if (userProblem) return userProblem;
  const password = osProfile.adminPassword;
  const linux = (osProfile.linuxConfiguration ?? {}) as Json;
  const keys = (((linux.ssh ?? {}) as Json).publicKeys ?? []) as unknown[];
  const passwordOff = os === 'Linux' && linux.disablePasswordAuthentication === true;
  if (passwordOff && keys.length === 0) {
    return invalidParameter('Authentication using either SSH or by user name and password must be enabled in Linux profile.', 'linuxConfiguration');
  }
  if (typeof password === 'string') return passwordOff ? undefined : passwordProblem(password, os);
  if (os === 'Windows' || keys.length === 0) return invalidParameter("Required parameter 'adminPassword' is missing (null).", 'adminPassword');
  return undefined;
}
