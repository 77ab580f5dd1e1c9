import { randomUUID } from 'node:crypto';
import type { EmulatorState, ResourceRecord, VirtualMachineRecord } from '../state/model';
import { keyOf } from '../state/lookup';
import { isoTime } from '../operations';
import { hostAddress, parsePrefix } from '../resources/network/addressPrefixes';
import { networkResourceId, subnetId } from '../resources/network/networkIds';
import { publicAddressFor, publicIpFqdn } from '../resources/network/publicIpAddresses';
import { newStorageAccount, storageAccountId } from '../resources/storage/storageAccountResource';

type Json = Record<string, unknown>;

export interface SeedRule {
  name: string;
  priority: number;
  port: string;
  protocol?: 'Tcp' | 'Udp' | '*';
  source?: string;
}

/**
 * Builds networks, interfaces, public IPs, security groups and storage accounts directly into the
 * state, as they would look had they been made through the API (settled, with etags and GUIDs).
 * Interfaces take the id the seeded VM already points at, and the next free address of their subnet.
 */
export class NetworkSeeder {
  private readonly nextAddress = new Map<string, number>();

  constructor(
    private readonly state: EmulatorState,
    private readonly now: number,
  ) {}

  securityGroup(subscriptionId: string, resourceGroup: string, name: string, location: string, rules: SeedRule[]): string {
    return this.put(subscriptionId, resourceGroup, 'networkSecurityGroups', name, location, {
      securityRules: rules.map((rule) => ({
        name: rule.name,
        properties: {
          protocol: rule.protocol ?? 'Tcp',
          sourcePortRange: '*',
          destinationPortRange: rule.port,
          sourceAddressPrefix: rule.source ?? '*',
          destinationAddressPrefix: '*',
          access: 'Allow',
          priority: rule.priority,
          direction: 'Inbound',
          sourcePortRanges: [],
          destinationPortRanges: [],
          sourceAddressPrefixes: [],
          destinationAddressPrefixes: [],
        },
      })),
    });
  }

  /** A network and its subnets; returns the subnets' ids by name. */
  virtualNetwork(
    subscriptionId: string,
    resourceGroup: string,
    name: string,
    location: string,
    addressPrefix: string,
    subnets: { name: string; prefix: string; securityGroupId?: string }[],
  ): Record<string, string> {
    const id = this.put(subscriptionId, resourceGroup, 'virtualNetworks', name, location, {
      addressSpace: { addressPrefixes: [addressPrefix] },
      subnets: subnets.map((subnet) => ({
        name: subnet.name,
        properties: {
          addressPrefix: subnet.prefix,
          privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled',
          delegations: [],
          ...(subnet.securityGroupId ? { networkSecurityGroup: { id: subnet.securityGroupId } } : {}),
        },
      })),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    });
    return Object.fromEntries(subnets.map((subnet) => [subnet.name, subnetId(id, subnet.name)]));
  }

  publicIp(subscriptionId: string, resourceGroup: string, name: string, location: string, options: { sku: 'Basic' | 'Standard'; label?: string }): string {
    const id = networkResourceId(subscriptionId, resourceGroup, 'publicIPAddresses', name);
    const allocation = options.sku === 'Standard' ? 'Static' : 'Dynamic';
    return this.put(
      subscriptionId,
      resourceGroup,
      'publicIPAddresses',
      name,
      location,
      {
        publicIPAddressVersion: 'IPv4',
        publicIPAllocationMethod: allocation,
        idleTimeoutInMinutes: 4,
        ipTags: [],
        ddosSettings: { protectionMode: 'VirtualNetworkInherited' },
        ...(allocation === 'Static' ? { ipAddress: publicAddressFor(id) } : {}),
        ...(options.label ? { dnsSettings: { domainNameLabel: options.label, fqdn: publicIpFqdn(options.label, location) } } : {}),
      },
      { sku: { name: options.sku, tier: 'Regional' } },
    );
  }

  /** The interface a seeded VM already names in its network profile, in a subnet of its region. */
  interfaceFor(vm: VirtualMachineRecord, subnet: string, options: { publicIpId?: string; securityGroupId?: string } = {}): string {
    const reference = ((vm.resource.properties.networkProfile as Json).networkInterfaces as { id: string }[])[0]!;
    const name = reference.id.split('/').pop()!;
    return this.put(vm.subscriptionId, vm.resourceGroup, 'networkInterfaces', name, vm.resource.location, {
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            privateIPAllocationMethod: 'Dynamic',
            privateIPAddress: this.addressIn(subnet),
            privateIPAddressVersion: 'IPv4',
            primary: true,
            subnet: { id: subnet },
            ...(options.publicIpId ? { publicIPAddress: { id: options.publicIpId } } : {}),
          },
        },
      ],
      ...(options.securityGroupId ? { networkSecurityGroup: { id: options.securityGroupId } } : {}),
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
      disableTcpStateTracking: false,
      nicType: 'Standard',
      vnetEncryptionSupported: false,
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
    });
  }

  storageAccount(subscriptionId: string, resourceGroup: string, name: string, location: string, sku: string, kind = 'StorageV2'): string {
    const id = storageAccountId(subscriptionId, resourceGroup, name);
    const resource = newStorageAccount({ id, name, location, sku, kind, created: isoTime(this.now - 200 * 86_400_000) });
    this.state.storageAccounts[keyOf(id)] = { subscriptionId, resourceGroup, resource };
    return id;
  }

  private addressIn(subnet: string): string {
    const network = this.state.networkResources[keyOf(subnet.slice(0, subnet.toLowerCase().lastIndexOf('/subnets/')))]!;
    const name = subnet.split('/').pop()!;
    const found = ((network.resource.properties.subnets ?? []) as Json[]).find((candidate) => candidate.name === name)!;
    const index = this.nextAddress.get(keyOf(subnet)) ?? 0;
    this.nextAddress.set(keyOf(subnet), index + 1);
    return hostAddress(parsePrefix(String((found.properties as Json).addressPrefix))!, index)!;
  }

  private put(subscriptionId: string, resourceGroup: string, type: Parameters<typeof networkResourceId>[2], name: string, location: string, properties: Json, extra: Json = {}): string {
    const id = networkResourceId(subscriptionId, resourceGroup, type, name);
    const record: ResourceRecord = {
      subscriptionId,
      resourceGroup,
      resource: { id, name, type: `Microsoft.Network/${type}`, location, ...extra, etag: `W/"${randomUUID()}"`, properties: { ...properties, resourceGuid: randomUUID() } },
    };
    this.state.networkResources[keyOf(id)] = record;
    return id;
  }
}
