import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { keyOf, resourceGroupId } from '../state/lookup';
import type { EmulatorState, ProtectedItemRecord, ResourceRecord, VaultRecord, VirtualMachineRecord } from '../state/model';

/**
 * Where Azure Backup keeps a VM's instant restore snapshots: a restore point collection
 * (Microsoft.Compute/restorePointCollections) made by the VM's first backup, in the resource group
 * its policy names. Facts from the seed rule and AZURE-BACKUP-FACTS.md ("Create a VM with
 * backup"): the group is `AzureBackupRG_<region>_<n>` by default, else `<prefix><n><suffix>` from
 * the policy's instantRPDetails; n starts at 1 and a group holds at most 600 collections, after
 * which n+1 is used; a missing group is made in the VM's subscription and region, without tags (a
 * policy that requires tags on resource groups breaks backups, UserErrorRequestDisallowedByPolicy);
 * a changed pattern sends the next new collection to the new group and leaves the old ones where
 * they are. Names as real ones read, e.g. AzureBackupRG_southeastasia_1/…/AzureBackup_vm-web_140738144265919:
 * `AzureBackup_<vmName>_<protectedItemDataId>`.
 */
export const collectionsPerResourceGroup = 600;
export const restorePointCollectionType = 'Microsoft.Compute/restorePointCollections';

export interface CollectionGroupPattern {
  prefix: string;
  suffix: string;
}

/** The pattern of the groups a policy's collections go to (its instantRPDetails, or the default for the VM's region). */
export function groupPatternOf(policyProperties: Record<string, unknown> | undefined, vmLocation: string): CollectionGroupPattern {
  const details = (policyProperties?.instantRPDetails ?? {}) as { azureBackupRGNamePrefix?: unknown; azureBackupRGNameSuffix?: unknown };
  const prefix = typeof details.azureBackupRGNamePrefix === 'string' ? details.azureBackupRGNamePrefix : '';
  const suffix = typeof details.azureBackupRGNameSuffix === 'string' ? details.azureBackupRGNameSuffix : '';
  return prefix === '' ? { prefix: `AzureBackupRG_${vmLocation}_`, suffix: '' } : { prefix, suffix };
}

export function groupNameOf(pattern: CollectionGroupPattern, n: number): string {
  return `${pattern.prefix}${n}${pattern.suffix}`;
}

function fitsPattern(groupName: string, pattern: CollectionGroupPattern): boolean {
  const lower = groupName.toLowerCase();
  const prefix = pattern.prefix.toLowerCase();
  const suffix = pattern.suffix.toLowerCase();
  if (!lower.startsWith(prefix) || !lower.endsWith(suffix) || lower.length <= prefix.length + suffix.length) return false;
  return /^[1-9]\d*$/.test(lower.slice(prefix.length, lower.length - suffix.length));
}

/**
 * The collection a successful backup of the item puts its snapshot in: the VM's own collection in a
 * group of the policy's current pattern when it has one, else a new one in the first group of that
 * pattern with room (made if missing). Undefined when the VM is gone.
 */
export function collectionForBackup(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord): ResourceRecord | undefined {
  const vm = context.state.virtualMachines[keyOf(item.virtualMachineId)];
  if (!vm) return undefined;
  const policy = item.policyName ? vault.policies[item.policyName.toLowerCase()] : undefined;
  const pattern = groupPatternOf(policy?.properties, vm.resource.location);
  const collections = Object.values(context.state.restorePointCollections).filter((record) => record.subscriptionId.toLowerCase() === vm.subscriptionId.toLowerCase());
  const own = collections.find((record) => sourceIdOf(record).toLowerCase() === vm.resource.id.toLowerCase() && fitsPattern(record.resourceGroup, pattern));
  if (own) return own;
  const held = (group: string) => collections.filter((record) => record.resourceGroup.toLowerCase() === group.toLowerCase()).length;
  let n = 1;
  while (held(groupNameOf(pattern, n)) >= collectionsPerResourceGroup) n++;
  const group = ensureResourceGroup(context.state, vm.subscriptionId, groupNameOf(pattern, n), vm.resource.location);
  const record = addCollection(context.state, vm, group, `AzureBackup_${vm.resource.name}_${item.protectedItemDataId}`);
  context.changed();
  return record;
}

function sourceIdOf(record: ResourceRecord): string {
  return ((record.resource.properties.source ?? {}) as { id?: string }).id ?? '';
}

/** The group's name as the state spells it, after adding it when missing. */
function ensureResourceGroup(state: EmulatorState, subscriptionId: string, name: string, location: string): string {
  const key = keyOf(resourceGroupId(subscriptionId, name));
  state.resourceGroups[key] ??= { subscriptionId, name, location };
  return state.resourceGroups[key].name;
}

function addCollection(state: EmulatorState, vm: Pick<VirtualMachineRecord, 'subscriptionId' | 'resource'>, resourceGroup: string, name: string): ResourceRecord {
  const id = `${resourceGroupId(vm.subscriptionId, resourceGroup)}/providers/${restorePointCollectionType}/${name}`;
  const record: ResourceRecord = {
    subscriptionId: vm.subscriptionId,
    resourceGroup,
    resource: {
      id,
      name,
      type: restorePointCollectionType,
      location: vm.resource.location,
      properties: { source: { id: vm.resource.id }, restorePointCollectionId: randomUUID() },
    },
  };
  state.restorePointCollections[keyOf(id)] = record;
  return record;
}

/**
 * Seeds a resource group already holding `count` collections of VMs that no longer exist, so the
 * 600-per-group limit can be reached without 600 backups (tests and seeds).
 */
export function seedFullCollectionGroup(state: EmulatorState, subscriptionId: string, groupName: string, location: string, count = collectionsPerResourceGroup): void {
  const group = ensureResourceGroup(state, subscriptionId, groupName, location);
  for (let i = 0; i < count; i++) {
    const vmName = `retired-vm-${i + 1}`;
    const vm = { subscriptionId, resource: { id: `${resourceGroupId(subscriptionId, 'rg-retired')}/providers/Microsoft.Compute/virtualMachines/${vmName}`, name: vmName, type: 'Microsoft.Compute/virtualMachines', location, properties: {} } };
    addCollection(state, vm, group, `AzureBackup_${vmName}_${100_000_000_000_000 + i}`);
  }
}

/** The collection as Compute shows it (RestorePointCollection, ComputeRP.json 2026-03-01). */
export function restorePointCollectionJson(record: ResourceRecord): Record<string, unknown> {
  const { source, ...rest } = record.resource.properties as { source: { id: string } };
  return {
    ...record.resource,
    properties: { source: { id: source.id, location: record.resource.location }, ...rest, provisioningState: 'Succeeded' },
  };
}
