import type { EmulatorContext } from '../../context';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { invalidResourceReference } from './networkErrors';
import { isOfType, parseResourceId, type NetworkType } from './networkIds';
import { networkRecordAt } from './networkRecords';
import { subnetsOf } from './networkReferences';

type Json = Record<string, unknown>;

/**
 * A network resource another one points at (a NIC's public IP or security group, a subnet's
 * security group). Microsoft.Network refuses one that does not exist, is of another type, or is
 * in another region with the same answer: InvalidResourceReference.
 */
export function requireReferenced(context: EmulatorContext, referencedId: string, type: NetworkType, location: string, referencingId: string): ResourceRecord {
  const parsed = parseResourceId(referencedId);
  const record = parsed && isOfType(parsed, 'Microsoft.Network', type) ? networkRecordAt(context, referencedId) : undefined;
  if (!record || record.resource.location !== location) throw invalidResourceReference(referencedId, referencingId);
  return record;
}

/** A subnet an IP configuration points at: its network must exist in the same region and hold it. */
export function requireReferencedSubnet(context: EmulatorContext, subnetId: string, location: string, referencingId: string): { network: ResourceRecord; subnet: Json } {
  const parsed = parseResourceId(subnetId);
  if (!parsed || !isOfType(parsed, 'Microsoft.Network', 'virtualNetworks', 'subnets')) throw invalidResourceReference(subnetId, referencingId);
  const networkId = subnetId.slice(0, subnetId.toLowerCase().lastIndexOf('/subnets/'));
  const network = networkRecordAt(context, networkId);
  const subnet = network && subnetsOf(network).find((candidate) => keyOf(String(candidate.name)) === keyOf(parsed.segments[1]!.name));
  if (!network || !subnet || network.resource.location !== location) throw invalidResourceReference(subnetId, referencingId);
  return { network, subnet };
}
