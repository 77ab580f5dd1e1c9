import { invalidResourceName } from './networkErrors';

/**
 * Azure's naming rule for virtual networks, subnets, interfaces, public IPs, security groups and
 * rules (learn.microsoft.com, "Naming rules and restrictions for Azure resources", Microsoft.Network):
 * 1-80 characters of letters, digits, underscores, periods and hyphens; start with a letter or
 * digit; end with a letter, digit or underscore.
 */
export const networkNamePattern = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/;

export function requireValidName(name: string): void {
  if (!networkNamePattern.test(name)) throw invalidResourceName(name);
}
