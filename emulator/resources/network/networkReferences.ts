import type { EmulatorContext } from '../../context';
import { derived } from '../../state/derived';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { networkTypeNames } from './networkIds';

type Json = Record<string, unknown>;

/**
 * Who uses what, worked out from the state rather than stored twice: a subnet's and a public IP's
 * IP configurations, a security group's interfaces and subnets, an interface's VM. Azure shows
 * these back-references on the used resource (subnet.ipConfigurations, publicIPAddress.ipConfiguration,
 * networkSecurityGroup.networkInterfaces/subnets, networkInterface.virtualMachine) and refuses to
 * delete what is in use.
 */
export interface NetworkUses {
  /** Subnet id (lower case) → the ids of the IP configurations in it. */
  subnetUsers: Map<string, string[]>;
  /** Public IP id (lower case) → the id of the IP configuration that holds it. */
  publicIpUsers: Map<string, string>;
  /** Security group id (lower case) → interfaces and subnets associated with it. */
  securityGroupUsers: Map<string, { networkInterfaces: string[]; subnets: string[] }>;
  /** Interface id (lower case) → the VM that has it. */
  interfaceOwners: Map<string, string>;
}

const usesIndex = derived((state): NetworkUses => {
  const uses: NetworkUses = { subnetUsers: new Map(), publicIpUsers: new Map(), securityGroupUsers: new Map(), interfaceOwners: new Map() };
  const securityGroup = (id: string) => {
    const key = keyOf(id);
    let entry = uses.securityGroupUsers.get(key);
    if (!entry) uses.securityGroupUsers.set(key, (entry = { networkInterfaces: [], subnets: [] }));
    return entry;
  };
  for (const record of Object.values(state.networkResources)) {
    const type = record.resource.type.toLowerCase();
    if (type === networkTypeNames.networkInterfaces.toLowerCase()) {
      const nsg = referenceId(record.resource.properties.networkSecurityGroup);
      if (nsg) securityGroup(nsg).networkInterfaces.push(record.resource.id);
      for (const configuration of ipConfigurationsOf(record)) {
        const configurationId = `${record.resource.id}/ipConfigurations/${String(configuration.name)}`;
        const properties = (configuration.properties ?? {}) as Json;
        const subnet = referenceId(properties.subnet);
        if (subnet) uses.subnetUsers.set(keyOf(subnet), [...(uses.subnetUsers.get(keyOf(subnet)) ?? []), configurationId]);
        const publicIp = referenceId(properties.publicIPAddress);
        if (publicIp && !uses.publicIpUsers.has(keyOf(publicIp))) uses.publicIpUsers.set(keyOf(publicIp), configurationId);
      }
    } else if (type === networkTypeNames.virtualNetworks.toLowerCase()) {
      for (const subnet of subnetsOf(record)) {
        const nsg = referenceId(((subnet.properties ?? {}) as Json).networkSecurityGroup);
        if (nsg) securityGroup(nsg).subnets.push(`${record.resource.id}/subnets/${String(subnet.name)}`);
      }
    }
  }
  for (const vm of Object.values(state.virtualMachines)) {
    const profile = (vm.resource.properties.networkProfile ?? {}) as Json;
    for (const reference of (profile.networkInterfaces ?? []) as Json[]) {
      const id = referenceId(reference);
      if (id && !uses.interfaceOwners.has(keyOf(id))) uses.interfaceOwners.set(keyOf(id), vm.resource.id);
    }
  }
  return uses;
});

export function networkUses(context: EmulatorContext): NetworkUses {
  return usesIndex(context);
}

/** The id of a `{ "id": ... }` reference, if it is one. */
export function referenceId(reference: unknown): string | undefined {
  const id = (reference as Json | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

export function ipConfigurationsOf(record: ResourceRecord): Json[] {
  return ((record.resource.properties.ipConfigurations ?? []) as Json[]).filter((item) => typeof item === 'object' && item !== null);
}

export function subnetsOf(record: ResourceRecord): Json[] {
  return ((record.resource.properties.subnets ?? []) as Json[]).filter((item) => typeof item === 'object' && item !== null);
}
