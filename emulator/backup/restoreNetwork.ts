import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { keyOf } from '../state/lookup';
import type { ResourceRecord } from '../state/model';
import { hostAddress, parsePrefix } from '../resources/network/addressPrefixes';
import { networkResourceId } from '../resources/network/networkIds';
import { networkRecordAt } from '../resources/network/networkRecords';
import { ipConfigurationsOf, referenceId, subnetsOf } from '../resources/network/networkReferences';
import { subnetPrefixes } from '../resources/network/virtualNetworkRules';

type Json = Record<string, unknown>;

/**
 * The network interface a restore to a new VM makes in the subnet it was given: the subnet's next
 * free address, dynamically allocated, no public IP (a restored VM gets none: "Restore options",
 * learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms). Stored settled, as the restore
 * job has already taken its time.
 */
export function newRestoredInterface(context: EmulatorContext, subscriptionId: string, resourceGroup: string, vmName: string, location: string, subnetId: string): ResourceRecord {
  const name = `${vmName}-nic-${randomBytes(3).toString('hex')}`;
  const id = networkResourceId(subscriptionId, resourceGroup, 'networkInterfaces', name);
  const address = freeAddress(context, subnetId);
  const record: ResourceRecord = {
    subscriptionId,
    resourceGroup,
    resource: {
      id,
      name,
      type: 'Microsoft.Network/networkInterfaces',
      location,
      etag: `W/"${randomUUID()}"`,
      properties: {
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: { privateIPAllocationMethod: 'Dynamic', ...(address ? { privateIPAddress: address } : {}), privateIPAddressVersion: 'IPv4', primary: true, subnet: { id: subnetId } },
          },
        ],
        enableAcceleratedNetworking: false,
        enableIPForwarding: false,
        disableTcpStateTracking: false,
        nicType: 'Standard',
        vnetEncryptionSupported: false,
        dnsSettings: { dnsServers: [], appliedDnsServers: [] },
        resourceGuid: randomUUID(),
      },
    },
  };
  context.state.networkResources[keyOf(id)] = record;
  context.changed();
  return record;
}

function freeAddress(context: EmulatorContext, subnetId: string): string | undefined {
  const networkId = subnetId.slice(0, keyOf(subnetId).lastIndexOf('/subnets/'));
  const network = networkRecordAt(context, networkId);
  const subnet = network ? subnetsOf(network).find((candidate) => keyOf(String(candidate.name)) === keyOf(subnetId.split('/').pop()!)) : undefined;
  const range = subnet ? parsePrefix(subnetPrefixes(subnet)[0] ?? '') : undefined;
  if (!range) return undefined;
  const taken = new Set<string>();
  for (const record of Object.values(context.state.networkResources)) {
    for (const configuration of ipConfigurationsOf(record)) {
      const properties = (configuration.properties ?? {}) as Json;
      if (keyOf(referenceId(properties.subnet) ?? '') === keyOf(subnetId) && typeof properties.privateIPAddress === 'string') taken.add(properties.privateIPAddress);
    }
  }
  for (let index = 0; ; index++) {
    const address = hostAddress(range, index);
    if (address === undefined || !taken.has(address)) return address;
  }
}
