import { resourceGroupId } from '../../state/lookup';

/** The four Microsoft.Network types the emulator keeps, as their path segments. */
export type NetworkType = 'virtualNetworks' | 'networkInterfaces' | 'publicIPAddresses' | 'networkSecurityGroups';

export const networkTypeNames: Record<NetworkType, string> = {
  virtualNetworks: 'Microsoft.Network/virtualNetworks',
  networkInterfaces: 'Microsoft.Network/networkInterfaces',
  publicIPAddresses: 'Microsoft.Network/publicIPAddresses',
  networkSecurityGroups: 'Microsoft.Network/networkSecurityGroups',
};

export function networkResourceId(subscriptionId: string, resourceGroup: string, type: NetworkType, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.Network/${type}/${name}`;
}

export function subnetId(virtualNetworkId: string, subnetName: string): string {
  return `${virtualNetworkId}/subnets/${subnetName}`;
}

/** The parts of an ARM resource id under a resource group: /subscriptions/s/resourceGroups/g/providers/P/t1/n1[/t2/n2]. */
export interface ParsedResourceId {
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  /** Type and name pairs, outermost first (a subnet: virtualNetworks/v, subnets/s). */
  segments: { type: string; name: string }[];
}

export function parseResourceId(id: string): ParsedResourceId | undefined {
  const parts = id.split('/').filter((part) => part.length > 0);
  if (parts.length < 8 || parts.length % 2 !== 0) return undefined;
  if (parts[0]!.toLowerCase() !== 'subscriptions' || parts[2]!.toLowerCase() !== 'resourcegroups' || parts[4]!.toLowerCase() !== 'providers') return undefined;
  const segments: ParsedResourceId['segments'] = [];
  for (let i = 6; i < parts.length; i += 2) segments.push({ type: parts[i]!, name: parts[i + 1]! });
  return { subscriptionId: parts[1]!, resourceGroup: parts[3]!, provider: parts[5]!, segments };
}

/** Whether an id names a resource of `provider/type` (the top-level type, compared case-insensitively). */
export function isOfType(parsed: ParsedResourceId, provider: string, ...types: string[]): boolean {
  return (
    parsed.provider.toLowerCase() === provider.toLowerCase() &&
    parsed.segments.length === types.length &&
    parsed.segments.every((segment, i) => segment.type.toLowerCase() === types[i]!.toLowerCase())
  );
}
