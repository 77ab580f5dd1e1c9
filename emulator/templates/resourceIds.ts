/**
 * Resource ids from a type and names, as resourceId() builds them and as the plan gives each
 * resource: `…/providers/{namespace}/{type1}/{name1}/{type2}/{name2}`. A type has one more
 * segment than its name (the namespace); `vault/Azure/container/item` names a
 * `vaults/backupFabrics/protectionContainers/protectedItems`.
 */

export function typeSegments(type: string): string[] {
  return type.split('/');
}

export function nameSegments(name: string): string[] {
  return name.split('/');
}

/** Whether `name` has exactly one segment per type segment after the namespace. */
export function segmentsMatch(type: string, name: string): boolean {
  const types = typeSegments(type);
  const names = nameSegments(name);
  return types.length >= 2 && types.every((t) => t !== '') && names.length === types.length - 1 && names.every((n) => n !== '');
}

/** `{scopeId}/providers/{namespace}/{t1}/{n1}/…`; `names` must already match the type's segments. */
export function buildResourceId(scopeId: string, type: string, names: string[]): string {
  const [namespace, ...types] = typeSegments(type);
  const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `${scopeId}/providers/${namespace}/${path}`;
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

export function subscriptionId(subscription: string): string {
  return `/subscriptions/${subscription}`;
}

export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
