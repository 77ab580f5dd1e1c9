// Typed reading of the ARM ids a VM creation is given (an existing vault, an existing virtual
// network): the template needs their subscription, resource group and name apart.

export interface TypedResourceId {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/**
 * `/subscriptions/{s}/resourceGroups/{rg}/providers/{provider}/{type}/{name}` for one top-level
 * type such as 'Microsoft.RecoveryServices/vaults' (compared ignoring case), or undefined.
 */
export function parseTypedResourceId(id: string, type: string): TypedResourceId | undefined {
  const [provider, resourceType] = type.split('/');
  const segments = id.split('/');
  if (segments.length !== 9 || segments[0] !== '') return undefined;
  const [, subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, idProvider, idType, name] = segments;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (!same(subscriptions, 'subscriptions') || !same(resourceGroups, 'resourceGroups') || !same(providers, 'providers')) return undefined;
  if (!same(idProvider, provider) || !same(idType, resourceType) || !subscriptionId || !resourceGroup || !name) return undefined;
  return { subscriptionId, resourceGroup, name: decodeURIComponent(name) };
}

export const vaultResourceType = 'Microsoft.RecoveryServices/vaults';
export const virtualNetworkResourceType = 'Microsoft.Network/virtualNetworks';

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
