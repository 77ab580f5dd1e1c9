import type { EmulatorContext } from '../context';
import { keyOf } from '../state/lookup';
import { protectionOf } from '../state/indexes';
import type { VaultRecord, VirtualMachineRecord } from '../state/model';
import { vmProvisioningState } from '../resources/virtualMachines';
import { serviceErrors } from './serviceErrors';
import { containerNameFor, protectedItemNameFor } from './protectedItemState';

const vmIdPattern = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;

/** What a request to protect a VM names: the VM, and the container and item names in its path. */
export interface ProtectionRequest {
  sourceResourceId: unknown;
  /** Absent for a protection intent, whose path names no container. */
  containerName?: string;
  /** The protected item's name, or the intent's (the same name, written vm;iaasvmcontainerv2;rg;vm by the portal). */
  itemName: string;
  now: number;
}

/**
 * The VM a first protection request names, checked as the service checks it. Azure's templates
 * protect a VM they have just created with no refresh-containers step, so the VM need not have
 * been discovered: the service finds it itself (AZURE-BACKUP-FACTS.md, "Create a VM with backup").
 * It still refuses a request whose names do not match the VM, a VM that does not exist, one in
 * another subscription or region than the vault, one still being created, and one another vault
 * already protects.
 */
export function vmToProtect(context: EmulatorContext, vault: VaultRecord, request: ProtectionRequest): VirtualMachineRecord {
  const sourceId = typeof request.sourceResourceId === 'string' ? request.sourceResourceId : '';
  const parts = vmIdPattern.exec(sourceId);
  if (!parts) throw serviceErrors.vmNotFound(sourceId);
  const [, subscriptionId, resourceGroup, vmName] = parts as unknown as [string, string, string, string];
  // The path's names carry the VM's resource group and name, lower case or not (the quickstart
  // templates write iaasvmcontainer;iaasvmcontainerv2;rg;vm); they must be this VM's.
  const sameName = (actual: string, expected: string) => actual.toLowerCase() === expected.toLowerCase();
  if (
    (request.containerName !== undefined && !sameName(request.containerName, containerNameFor(resourceGroup, vmName))) ||
    !sameName(request.itemName, protectedItemNameFor(resourceGroup, vmName))
  ) {
    throw serviceErrors.containerNotDiscovered();
  }
  if (subscriptionId.toLowerCase() !== vault.subscriptionId.toLowerCase()) throw serviceErrors.vmInOtherSubscription(sourceId, vault.subscriptionId);
  const vm = context.state.virtualMachines[keyOf(sourceId)];
  if (!vm) throw serviceErrors.vmNotFound(sourceId);
  if (vm.resource.location !== vault.resource.location) throw serviceErrors.vmInOtherRegion(vm.resource.location, vault.resource.location);
  // A VM being updated was provisioned before and can be protected; one being created cannot yet.
  if (vmProvisioningState(vm, request.now) === 'Creating') throw serviceErrors.vmNotReady();
  const holder = protectionOf(context, vm.resource.id)?.vault;
  if (holder) throw serviceErrors.alreadyProtected(holder.resource.name);
  return vm;
}

/** The service discovers the VM it was asked to protect, as a refresh would have. */
export function markDiscovered(vault: VaultRecord, vm: VirtualMachineRecord): void {
  const key = keyOf(vm.resource.id);
  if (!vault.discoveredVmIds.includes(key)) vault.discoveredVmIds.push(key);
}
