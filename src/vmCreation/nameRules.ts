// Azure's naming rules for a new VM and its network resources, each answering a message that
// names the field and the fix (or undefined). Sources: learn.microsoft.com "Naming rules and
// restrictions for Azure resources" (Microsoft.Compute virtualMachines; Microsoft.Network) and the
// portal's VM name check (AZURE-BACKUP-FACTS.md, "Create a VM with backup").
import type { OsType } from './vmCreateRequest';

export const vmNameLength: Record<OsType, { min: number; max: number }> = { Windows: { min: 1, max: 15 }, Linux: { min: 1, max: 64 } };

/** Network resources a VM creation names: each with its documented length (all: alphanumerics, `_`, `.`, `-`). */
export type NetworkResourceKind = 'virtualNetwork' | 'subnet' | 'networkSecurityGroup' | 'publicIp' | 'networkInterface';

export const networkResourceNameRules: Record<NetworkResourceKind, { label: string; min: number; max: number }> = {
  virtualNetwork: { label: 'Virtual network name', min: 2, max: 64 },
  subnet: { label: 'Subnet name', min: 1, max: 80 },
  networkSecurityGroup: { label: 'Network security group name', min: 1, max: 80 },
  publicIp: { label: 'Public IP address name', min: 1, max: 80 },
  networkInterface: { label: 'Network interface name', min: 1, max: 80 },
};

/**
 * Why a VM name is not acceptable for this OS, or undefined. The portal uses the name as the
 * computer name too, so it applies the host name's rules: Windows 1–15 letters, digits and
 * hyphens, not all digits; Linux 1–64 letters, digits, hyphens, underscores and periods; neither
 * starting with an underscore nor ending with a period or hyphen.
 */
export function vmNameProblem(name: string, osType: OsType): string | undefined {
  const { min, max } = vmNameLength[osType];
  const allowed = osType === 'Windows' ? 'letters, digits and hyphens' : 'letters, digits, hyphens, underscores and periods';
  if (name.length === 0) return `Virtual machine name is required: ${min}–${max} ${allowed}.`;
  if (name.length > max) return `Virtual machine name can be at most ${max} characters for a ${osType} VM (it has ${name.length}): shorten it.`;
  const pattern = osType === 'Windows' ? /[-a-zA-Z0-9]/ : /[-a-zA-Z0-9_.]/;
  const bad = [...name].find((character) => !pattern.test(character));
  if (bad !== undefined) return `Virtual machine name can contain only ${allowed} for a ${osType} VM (not '${bad === ' ' ? 'space' : bad}').`;
  if (name.startsWith('_')) return 'Virtual machine name cannot start with an underscore.';
  if (name.endsWith('.') || name.endsWith('-')) return `Virtual machine name cannot end with '${name[name.length - 1]}': end it with a letter or digit.`;
  if (osType === 'Windows' && /^\d+$/.test(name)) return 'Virtual machine name of a Windows VM cannot be only digits: add a letter.';
  return undefined;
}

/** Whether a name is among those taken, as Azure compares names (ignoring case). */
export function isNameTaken(name: string, taken: readonly string[] | undefined): boolean {
  const lower = name.toLowerCase();
  return (taken ?? []).some((other) => other.toLowerCase() === lower);
}

/**
 * The host name the VM gets: its name, except that a Linux host name cannot hold underscores
 * (Azure refuses `_` in osProfile.computerName), so they are dropped, with whatever period or
 * hyphen that leaves at the end.
 */
export function computerNameFor(vmName: string, osType: OsType): string {
  if (osType === 'Windows') return vmName;
  const cleaned = vmName.replace(/_/g, '').replace(/[.-]+$/, '');
  return cleaned === '' ? 'vm' : cleaned;
}

/** Why a virtual network, subnet, NSG, public IP or NIC name is not acceptable, or undefined. */
export function networkResourceNameProblem(kind: NetworkResourceKind, name: string): string | undefined {
  const { label, min, max } = networkResourceNameRules[kind];
  const allowed = 'letters, digits, underscores, periods and hyphens';
  if (name.length === 0) return `${label} is required: ${min}–${max} ${allowed}.`;
  if (name.length < min || name.length > max) return `${label} must be ${min}–${max} characters long (it has ${name.length}).`;
  const bad = [...name].find((character) => !/[-a-zA-Z0-9_.]/.test(character));
  if (bad !== undefined) return `${label} can contain only ${allowed} (not '${bad === ' ' ? 'space' : bad}').`;
  if (!/^[a-zA-Z0-9]/.test(name)) return `${label} must start with a letter or digit (it starts with '${name[0]}').`;
  if (!/[a-zA-Z0-9_]$/.test(name)) return `${label} must end with a letter, digit or underscore (it ends with '${name[name.length - 1]}').`;
  return undefined;
}
