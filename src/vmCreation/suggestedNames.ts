// Default names as the portal makes them when it creates a VM (`<vm>-vnet` with a `default` subnet,
// `<vm>-ip`, `<vm>-nsg`, `<vm>-nic`) and for a new vault and its resource group, each made unique
// against the names already taken (compared ignoring case, as Azure does).
import { isNameTaken } from './nameRules';
import type { VmNetworkResourceNames } from './vmCreateRequest';
import type { TakenNetworkNames } from './vmRulesContext';

/** The portal's address space for a new virtual network and its first subnet. */
export const defaultAddressPrefix = '10.0.0.0/16';
export const defaultSubnetPrefix = '10.0.0.0/24';
export const defaultSubnetName = 'default';

/** `base`, else `base-2`, `base-3`… (cut so the whole fits `maxLength`), the first not taken. */
export function uniqueName(base: string, taken: readonly string[] | undefined, maxLength = 80): string {
  const fit = (name: string, suffix = '') => `${name.slice(0, maxLength - suffix.length).replace(/[-.]+$/, '')}${suffix}`;
  if (!isNameTaken(fit(base), taken)) return fit(base);
  for (let n = 2; ; n++) {
    const candidate = fit(base, `-${n}`);
    if (!isNameTaken(candidate, taken)) return candidate;
  }
}

/** NSG, public IP and NIC names for a VM, unique in its resource group. */
export function suggestNetworkResourceNames(vmName: string, taken: TakenNetworkNames = {}): VmNetworkResourceNames {
  return {
    networkSecurityGroup: uniqueName(`${vmName}-nsg`, taken.networkSecurityGroups),
    publicIp: uniqueName(`${vmName}-ip`, taken.publicIpAddresses),
    networkInterface: uniqueName(`${vmName}-nic`, taken.networkInterfaces),
  };
}

/** The names a request uses for its NSG, public IP and NIC: its own, else the portal's defaults. */
export function networkResourceNamesOf(request: { name: string; networkResourceNames?: VmNetworkResourceNames }): VmNetworkResourceNames {
  return request.networkResourceNames ?? suggestNetworkResourceNames(request.name);
}

/** A new virtual network for a VM: `<vm>-vnet` (unique), 10.0.0.0/16, subnet `default` 10.0.0.0/24. */
export function suggestVirtualNetwork(vmName: string, takenVirtualNetworks?: readonly string[]) {
  return {
    kind: 'new' as const,
    virtualNetworkName: uniqueName(`${vmName}-vnet`, takenVirtualNetworks, 64),
    addressPrefix: defaultAddressPrefix,
    subnetName: defaultSubnetName,
    subnetPrefix: defaultSubnetPrefix,
  };
}

/**
 * A new vault's name: `vault-<region>-<4 random letters or digits>`, unique in the subscription
 * (vault names are). `random` returns numbers in [0, 1) like Math.random; tests pass their own.
 */
export function suggestVaultName(location: string, takenVaultNames: readonly string[] = [], random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const region = location.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 36);
  for (;;) {
    const suffix = Array.from({ length: 4 }, () => alphabet[Math.floor(random() * alphabet.length) % alphabet.length]).join('');
    const name = `vault-${region}-${suffix}`;
    if (!isNameTaken(name, takenVaultNames)) return name;
  }
}

/** The resource group for a new vault: `rg-backup-<region>`, used as it is when it exists already. */
export function suggestVaultResourceGroup(location: string, existingGroups: readonly string[] = []): { name: string; isNew: boolean } {
  const name = `rg-backup-${location.toLowerCase()}`;
  const existing = existingGroups.find((group) => group.toLowerCase() === name);
  return existing ? { name: existing, isNew: false } : { name, isNew: true };
}
