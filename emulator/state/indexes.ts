import type { EmulatorContext } from '../context';
import type { ProtectedItemRecord, ResourceGroupRecord, VaultRecord, VirtualMachineRecord } from './model';
import { derived } from './derived';

/**
 * The state's records grouped the way lists ask for them, rebuilt after each change. Each group
 * keeps the order of the state's own maps, so a list shows what a walk of every record would, and
 * compares names exactly as that walk did (subscription ids as stored, the rest case-insensitively).
 */
const empty: readonly never[] = [];

function groupBy<T>(records: Iterable<T>, ...keysOf: ((record: T) => string)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    for (const keyOf of keysOf) {
      const key = keyOf(record);
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
  }
  return groups;
}

// The prefixes keep a subscription's key apart from a resource group's; \0 cannot occur in either name.
const inSubscription = (subscriptionId: string) => `s\0${subscriptionId}`;
const inGroup = (subscriptionId: string, resourceGroup: string) => `g\0${subscriptionId}\0${resourceGroup.toLowerCase()}`;

const virtualMachinesIndex = derived((state) =>
  groupBy(
    Object.values(state.virtualMachines),
    (vm) => inSubscription(vm.subscriptionId),
    (vm) => inGroup(vm.subscriptionId, vm.resourceGroup),
  ),
);

const resourceGroupsIndex = derived((state) => groupBy(Object.values(state.resourceGroups), (group) => inSubscription(group.subscriptionId)));

const vaultsIndex = derived((state) =>
  groupBy(
    Object.values(state.vaults),
    (vault) => inSubscription(vault.subscriptionId.toLowerCase()),
    (vault) => inGroup(vault.subscriptionId.toLowerCase(), vault.resourceGroup),
  ),
);

export interface Protection {
  vault: VaultRecord;
  item: ProtectedItemRecord;
}

/** Which vault holds an item for a VM (lower-cased id): the first, in the state's order, if several do. */
const protectionsIndex = derived((state) => {
  const protections = new Map<string, Protection>();
  for (const vault of Object.values(state.vaults)) {
    for (const item of Object.values(vault.protectedItems)) {
      const key = item.virtualMachineId.toLowerCase();
      if (!protections.has(key)) protections.set(key, { vault, item });
    }
  }
  return protections;
});

/** The VMs of a subscription, given its id as the subscription's record spells it. */
export function virtualMachinesOf(context: EmulatorContext, subscriptionId: string, resourceGroup?: string): readonly VirtualMachineRecord[] {
  const key = resourceGroup === undefined ? inSubscription(subscriptionId) : inGroup(subscriptionId, resourceGroup);
  return virtualMachinesIndex(context).get(key) ?? empty;
}

/** The resource groups of a subscription, given its id as the subscription's record spells it. */
export function resourceGroupsOf(context: EmulatorContext, subscriptionId: string): readonly ResourceGroupRecord[] {
  return resourceGroupsIndex(context).get(inSubscription(subscriptionId)) ?? empty;
}

export function vaultsOf(context: EmulatorContext, subscriptionId: string, resourceGroup?: string): readonly VaultRecord[] {
  const subscription = subscriptionId.toLowerCase();
  const key = resourceGroup === undefined ? inSubscription(subscription) : inGroup(subscription, resourceGroup);
  return vaultsIndex(context).get(key) ?? empty;
}

/** The vault and item protecting a VM, if any vault does. */
export function protectionOf(context: EmulatorContext, virtualMachineId: string): Protection | undefined {
  return protectionsIndex(context).get(virtualMachineId.toLowerCase());
}
