import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { ArmError, conflict } from '../http/armError';
import { findResourceGroup, keyOf, resourceGroupId } from '../state/lookup';
import type { OperationRecord, ResourceGroupRecord } from '../state/model';
import { startOperation } from '../operations';
import { derived } from '../state/derived';
import { refuseDeleteWhileItemsRemain } from './vaults';

/**
 * Deleting a resource group, as ARM does it: the DELETE answers 202 and the group shows
 * provisioningState 'Deleting' while ARM deletes what it holds; when the time is up every
 * resource in it is gone (VMs, networks, storage accounts, empty vaults, deployments) and so is
 * the group. A vault that still holds backup items refuses, as its own DELETE would: the others
 * are deleted, the group stays, and the operation fails with ResourceGroupDeletionBlocked naming
 * the vault, its refusal in the details (the shape of the answer quoted in
 * MicrosoftDocs/azure-docs#52282).
 */
const baseAzureMs = 30_000;
const perResourceAzureMs = 5_000;

/** The deletes not yet applied, by group (lower-cased id): kept until the state changes, as lists ask per group. */
const pendingDeletions = derived((state) => {
  const pending = new Map<string, OperationRecord>();
  for (const operation of Object.values(state.operations)) {
    if (operation.kind === 'resourceGroupDelete' && !operation.effectApplied) pending.set(operation.resourceKey, operation);
  }
  return pending;
});

/** The running delete of a group, if any. */
export function groupDeletion(context: EmulatorContext, subscriptionId: string, resourceGroup: string, now: number): OperationRecord | undefined {
  const operation = pendingDeletions(context).get(keyOf(resourceGroupId(subscriptionId, resourceGroup)));
  return operation && now < operation.endTime ? operation : undefined;
}

/** The group a write goes to: it must exist and not be being deleted (ARM's 409 ResourceGroupBeingDeleted). */
export function requireGroupForWrite(context: EmulatorContext, subscriptionId: string, resourceGroup: string, now: number): ResourceGroupRecord {
  const group = findResourceGroup(context, subscriptionId, resourceGroup);
  if (groupDeletion(context, group.subscriptionId, group.name, now)) {
    throw conflict('ResourceGroupBeingDeleted', `The resource group '${group.name}' is in deprovisioning state and cannot perform this operation.`);
  }
  return group;
}

export function startGroupDeletion(context: EmulatorContext, group: ResourceGroupRecord, now: number): OperationRecord {
  const running = groupDeletion(context, group.subscriptionId, group.name, now);
  if (running) return running;
  const count = resourcesIn(context, group).length;
  return startOperation(context, 'resourceGroupDelete', keyOf(resourceGroupId(group.subscriptionId, group.name)), baseAzureMs + count * perResourceAzureMs, now);
}

interface Held {
  id: string;
  type: string;
  name: string;
  remove(): void;
  /** Throws the resource's own refusal when it cannot be deleted. */
  refuse?(): void;
}

function inGroup(record: { subscriptionId: string; resourceGroup: string }, group: ResourceGroupRecord): boolean {
  return record.subscriptionId.toLowerCase() === group.subscriptionId.toLowerCase() && record.resourceGroup.toLowerCase() === group.name.toLowerCase();
}

function resourcesIn(context: EmulatorContext, group: ResourceGroupRecord): Held[] {
  const { state } = context;
  const held: Held[] = [];
  for (const [key, vm] of Object.entries(state.virtualMachines)) {
    if (inGroup(vm, group)) held.push({ id: vm.resource.id, type: vm.resource.type, name: vm.resource.name, remove: () => delete state.virtualMachines[key] });
  }
  for (const [key, record] of Object.entries(state.networkResources)) {
    if (inGroup(record, group)) held.push({ id: record.resource.id, type: record.resource.type, name: record.resource.name, remove: () => delete state.networkResources[key] });
  }
  for (const [key, record] of Object.entries(state.storageAccounts)) {
    if (inGroup(record, group)) held.push({ id: record.resource.id, type: record.resource.type, name: record.resource.name, remove: () => delete state.storageAccounts[key] });
  }
  for (const [key, vault] of Object.entries(state.vaults)) {
    if (inGroup(vault, group)) {
      held.push({ id: vault.resource.id, type: vault.resource.type, name: vault.resource.name, remove: () => delete state.vaults[key], refuse: () => refuseDeleteWhileItemsRemain(vault) });
    }
  }
  // Azure Backup's restore point collections (AzureBackupRG_*) go with their group too.
  const collections = state.restorePointCollections ?? {};
  for (const [key, record] of Object.entries(collections)) {
    if (inGroup(record, group)) held.push({ id: record.resource.id, type: record.resource.type, name: record.resource.name, remove: () => delete collections[key] });
  }
  // ... and the managed disks restores made.
  const disks = state.disks ?? {};
  for (const [key, record] of Object.entries(disks)) {
    if (inGroup(record, group)) held.push({ id: record.resource.id, type: record.resource.type, name: record.resource.name, remove: () => delete disks[key] });
  }
  for (const [key, deployment] of Object.entries(state.deployments)) {
    if (inGroup(deployment, group)) held.push({ id: deployment.id, type: 'Microsoft.Resources/deployments', name: deployment.name, remove: () => delete state.deployments[key] });
  }
  return held;
}

/** Applied when the delete's time is up (from advanceTime): deletes what can be, fails on what refuses. */
export function completeGroupDeletion(context: EmulatorContext, operation: OperationRecord): void {
  const group = context.state.resourceGroups[operation.resourceKey];
  if (!group) return;
  const blocked: { held: Held; error: ArmError }[] = [];
  for (const held of resourcesIn(context, group)) {
    try {
      held.refuse?.();
      held.remove();
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      blocked.push({ held, error });
    }
  }
  if (blocked.length === 0) {
    delete context.state.resourceGroups[operation.resourceKey];
  } else {
    operation.error = {
      code: 'ResourceGroupDeletionBlocked',
      message: `Deletion of resource group '${group.name}' failed as resources with identifiers '${blocked.map(({ held }) => `${held.type}/${held.name}`).join(',')}' could not be deleted. The provisioning state of the resource group will be rolled back. The tracking Id is '${randomUUID()}'. Please check audit logs for more details.`,
      details: blocked.map(({ held, error }) => ({ code: error.code, target: held.id, message: error.message })),
    };
  }
  context.changed();
}
