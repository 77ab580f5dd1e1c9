import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { hostAddress, parsePrefix } from './addressPrefixes';
import { invalidResourceName, nicInUse, publicIpAlreadyAllocated } from './networkErrors';
import { networkNamePattern } from './networkNames';
import {
  allNetworkResourcesOf,
  childJson,
  networkProvisioningState,
  saveNetworkResource,
  startNetworkPut,
} from './networkRecords';
import { networkResourceRoutes } from './networkResourceRoutes';
import { ipConfigurationsOf, networkUses, referenceId } from './networkReferences';
import { requireReferenced, requireReferencedSubnet } from './referenceChecks';
import { subnetPrefixes } from './virtualNetworkRules';

type Json = Record<string, unknown>;
const ipConfigurationType = 'Microsoft.Network/networkInterfaces/ipConfigurations';

/**
 * Network interfaces (NetworkInterfaces_*): IP configurations in a subnet of a network in the same
 * region, optionally holding a public IP no other configuration holds, and an optional security
 * group. The VM that uses an interface is worked out from the VMs (virtualMachine.id).
 */
export function networkInterfaceRoutes(context: EmulatorContext): RouteDefinition[] {
  return networkResourceRoutes(context, {
    type: 'networkInterfaces',
    nameParameter: 'networkInterfaceName',
    toJson: networkInterfaceJson,
    put: putNetworkInterface,
    refuseDelete: (context, record) => {
      const owner = networkUses(context).interfaceOwners.get(keyOf(record.resource.id));
      if (owner) throw nicInUse(record.resource.id, owner);
    },
  });
}

/** The private addresses other interfaces already have in a subnet. */
function addressesTaken(context: EmulatorContext, subnetId: string, exceptNicId: string): Set<string> {
  const taken = new Set<string>();
  for (const record of allNetworkResourcesOf(context, 'networkInterfaces')) {
    if (keyOf(record.resource.id) === keyOf(exceptNicId)) continue;
    for (const configuration of ipConfigurationsOf(record)) {
      const properties = (configuration.properties ?? {}) as Json;
      if (keyOf(referenceId(properties.subnet) ?? '') === keyOf(subnetId) && typeof properties.privateIPAddress === 'string') taken.add(properties.privateIPAddress);
    }
  }
  return taken;
}

function putNetworkInterface(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const start = startNetworkPut(context, request, 'networkInterfaces', request.parameters.networkInterfaceName!);
  const properties = { ...((start.body.properties ?? {}) as Json) };
  const nsg = referenceId(properties.networkSecurityGroup);
  if (nsg) requireReferenced(context, nsg, 'networkSecurityGroups', start.location, start.id);
  const previous = new Map((start.existing ? ipConfigurationsOf(start.existing) : []).map((configuration) => [keyOf(String(configuration.name)), (configuration.properties ?? {}) as Json]));
  const holders = networkUses(context).publicIpUsers;
  const sent = (properties.ipConfigurations ?? []) as Json[];
  const configurations = sent.map((configuration, index) => {
    const name = String(configuration.name ?? '');
    if (!networkNamePattern.test(name)) throw invalidResourceName(name);
    const configurationId = `${start.id}/ipConfigurations/${name}`;
    const sentProperties = { ...((configuration.properties ?? {}) as Json) };
    delete sentProperties.provisioningState;
    const subnetId = referenceId(sentProperties.subnet);
    let privateIPAddress: unknown = sentProperties.privateIPAddress;
    const method = String(sentProperties.privateIPAllocationMethod ?? 'Dynamic');
    if (subnetId) {
      const { subnet } = requireReferencedSubnet(context, subnetId, start.location, start.id);
      const before = previous.get(keyOf(name));
      if (method !== 'Static') {
        const kept = before && keyOf(referenceId(before.subnet) ?? '') === keyOf(subnetId) ? before.privateIPAddress : undefined;
        privateIPAddress = kept ?? nextFreeAddress(subnetPrefixes(subnet)[0], addressesTaken(context, subnetId, start.id));
      }
    }
    const publicIp = referenceId(sentProperties.publicIPAddress);
    if (publicIp) {
      requireReferenced(context, publicIp, 'publicIPAddresses', start.location, configurationId);
      const holder = holders.get(keyOf(publicIp));
      if (holder && !keyOf(holder).startsWith(`${keyOf(start.id)}/`)) throw publicIpAlreadyAllocated(configurationId, publicIp, holder);
    }
    return {
      name,
      properties: {
        ...sentProperties,
        privateIPAllocationMethod: method,
        ...(typeof privateIPAddress === 'string' ? { privateIPAddress } : {}),
        privateIPAddressVersion: 'IPv4',
        primary: sentProperties.primary ?? index === 0,
      },
    };
  });
  for (const computed of ['provisioningState', 'virtualMachine', 'macAddress', 'ipConfigurations']) delete properties[computed];
  const resource: ResourceRecord['resource'] = {
    id: start.id,
    name: start.name,
    type: 'Microsoft.Network/networkInterfaces',
    location: start.location,
    ...(start.body.tags ? { tags: start.body.tags as Record<string, string> } : {}),
    properties: {
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
      disableTcpStateTracking: false,
      nicType: 'Standard',
      vnetEncryptionSupported: false,
      ...properties,
      dnsSettings: { dnsServers: [], appliedDnsServers: [], ...((properties.dnsSettings ?? {}) as Json) },
      ipConfigurations: configurations,
      resourceGuid: start.existing?.resource.properties.resourceGuid ?? randomUUID(),
    },
  };
  return saveNetworkResource(context, request, start, 'networkInterfaces', resource, (record) => networkInterfaceJson(context, record, request.now));
}

function nextFreeAddress(prefix: string | undefined, taken: Set<string>): string | undefined {
  const range = prefix ? parsePrefix(prefix) : undefined;
  if (!range) return undefined;
  for (let index = 0; ; index++) {
    const address = hostAddress(range, index);
    if (address === undefined || !taken.has(address)) return address;
  }
}

/** A MAC address worked out from the id, shown once a VM has the interface (as Azure does). */
function macFor(id: string): string {
  const digest = createHash('sha256').update(keyOf(id)).digest();
  return ['00', '0D', '3A', ...[0, 1, 2].map((i) => digest[i]!.toString(16).padStart(2, '0').toUpperCase())].join('-');
}

/**
 * The DNS suffix Azure's internal DNS gives the interfaces of one virtual network
 * ('<26 characters>.<2>.internal.cloudapp.net', as NetworkInterfaceGet.json shows), worked out
 * from the network's id so all its interfaces share it.
 */
function internalDomainNameSuffix(record: ResourceRecord): string | undefined {
  const subnet = ipConfigurationsOf(record).map((configuration) => referenceId(((configuration.properties ?? {}) as Json).subnet)).find((id) => id !== undefined);
  if (!subnet) return undefined;
  const network = keyOf(subnet.slice(0, subnet.toLowerCase().lastIndexOf('/subnets/')));
  const digest = createHash('sha256').update(network).digest();
  const letters = [...digest.subarray(0, 26)].map((byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
  return `${letters}.ax.internal.cloudapp.net`;
}

export function networkInterfaceJson(context: EmulatorContext, record: ResourceRecord, now: number): Json {
  const state = networkProvisioningState(record, now);
  const owner = networkUses(context).interfaceOwners.get(keyOf(record.resource.id));
  const configurations = ipConfigurationsOf(record).map((configuration) => childJson(record.resource.id, 'ipConfigurations', ipConfigurationType, configuration, record.resource.etag, state));
  const suffix = internalDomainNameSuffix(record);
  const dnsSettings = (record.resource.properties.dnsSettings ?? {}) as Json;
  return {
    ...record.resource,
    properties: {
      ...record.resource.properties,
      provisioningState: state,
      dnsSettings: suffix ? { ...dnsSettings, internalDomainNameSuffix: suffix } : dnsSettings,
      ipConfigurations: configurations,
      ...(owner ? { virtualMachine: { id: owner }, macAddress: macFor(record.resource.id), primary: true } : {}),
    },
  };
}
