// The name of a staging storage account the Restore form creates: Azure's rules for storage account
// names (learn.microsoft.com "Storage account overview", Naming: 3 to 24 characters, numbers and
// lower-case letters only, unique across Azure) and a suggestion made from the VM's name. Whether
// the name is free across Azure only the service knows: the host asks it before creating.

export const stagingAccountNameLength = { min: 3, max: 24 } as const;

export function stagingAccountNameProblem(name: string): string | undefined {
  if (name === '') return 'Storage account name is required: 3–24 lower-case letters and digits, unique across Azure.';
  if (/[A-Z]/.test(name)) return `Storage account name can hold only lower-case letters and digits: use '${name.toLowerCase()}'.`;
  const wrong = [...new Set(name.replace(/[a-z0-9]/g, ''))];
  if (wrong.length > 0) return `Storage account name can hold only lower-case letters and digits, not ${wrong.map((character) => `'${character}'`).join(', ')}.`;
  if (name.length < stagingAccountNameLength.min || name.length > stagingAccountNameLength.max) {
    return `Storage account name must be ${stagingAccountNameLength.min}–${stagingAccountNameLength.max} characters long (it has ${name.length}).`;
  }
  return undefined;
}

/** e.g. web01restore7k2f: the VM's letters and digits, 'restore', and a few random ones (names are global). */
export function suggestedStagingAccountName(vmName: string, random: () => number = Math.random): string {
  const base = vmName.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 13);
  const tail = Array.from({ length: 4 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(Math.floor(random() * 36))).join('');
  return `${base}restore${tail}`;
}
