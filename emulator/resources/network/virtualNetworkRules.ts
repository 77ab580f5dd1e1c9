import type { ArmError } from '../../http/armError';
import { alignedPrefix, contains, isAligned, overlaps, parsePrefix, smallestSubnetPrefixLength, type AddressRange } from './addressPrefixes';
import { invalidCidrNotation, invalidResourceName, invalidSubnet, subnetOutsideVirtualNetwork, subnetsOverlap } from './networkErrors';
import { networkNamePattern } from './networkNames';

type Json = Record<string, unknown>;

/** A subnet's prefixes: `addressPrefix`, or the newer `addressPrefixes` list. */
export function subnetPrefixes(subnet: Json): string[] {
  const properties = (subnet.properties ?? {}) as Json;
  if (Array.isArray(properties.addressPrefixes) && properties.addressPrefixes.length > 0) return properties.addressPrefixes.map(String);
  return typeof properties.addressPrefix === 'string' ? [properties.addressPrefix] : [];
}

/**
 * Checks a virtual network's address space and subnets as Microsoft.Network does, in its order:
 * names, prefix notation, each subnet inside the address space, no two subnets overlapping.
 * Returns the first refusal, or undefined when the network is valid. Pure.
 */
export function virtualNetworkProblem(virtualNetworkId: string, virtualNetworkName: string, addressPrefixes: readonly string[], subnets: readonly Json[]): ArmError | undefined {
  const space: AddressRange[] = [];
  for (const prefix of addressPrefixes) {
    const range = parsePrefix(prefix);
    if (!range) return invalidCidrNotation(prefix, virtualNetworkId, prefix);
    if (!isAligned(range)) return invalidCidrNotation(prefix, virtualNetworkId, alignedPrefix(range));
    space.push(range);
  }
  const placed: AddressRange[] = [];
  for (const subnet of subnets) {
    const name = String(subnet.name ?? '');
    if (!networkNamePattern.test(name)) return invalidResourceName(name);
    const prefixes = subnetPrefixes(subnet);
    if (prefixes.length === 0) return invalidSubnet(name, virtualNetworkName);
    for (const prefix of prefixes) {
      const range = parsePrefix(prefix);
      // Not a prefix at all, or smaller than Azure's smallest subnet (/29).
      if (!range || range.length > smallestSubnetPrefixLength) return invalidSubnet(name, virtualNetworkName);
      if (!isAligned(range)) return invalidCidrNotation(prefix, `${virtualNetworkId}/subnets/${name}`, alignedPrefix(range));
      if (!space.some((block) => contains(block, range))) return subnetOutsideVirtualNetwork(name, virtualNetworkName);
      if (placed.some((other) => overlaps(other, range))) return subnetsOverlap(name, virtualNetworkName);
      placed.push(range);
    }
  }
  return undefined;
}
