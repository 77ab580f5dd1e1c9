import { parseArmId } from './armId';
import type { ProtectedVm, VirtualMachine } from './model';

/** Azure VMs live in the backup fabric named Azure. */
export const azureFabric = 'Azure';
export const vmProtectedItemType = 'Microsoft.Compute/virtualMachines';

/** Where a vault is, as every backup call needs it. */
export interface VaultRef {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** A VM's protected item in a vault, whether or not it exists yet. */
export interface ItemRef {
  vault: VaultRef;
  containerName: string;
  itemName: string;
  /** The VM's name: what the service calls the job's entityFriendlyName. */
  vmName: string;
  vmId: string;
}

export function vaultRefOf(vaultId: string): VaultRef {
  const parts = parseArmId(vaultId);
  if (!parts.resourceGroup) throw new Error(`Not a vault id: '${vaultId}'`);
  return { id: vaultId, subscriptionId: parts.subscriptionId, resourceGroup: parts.resourceGroup, name: parts.name };
}

export function containerNameOf(resourceGroup: string, vmName: string): string {
  return `IaasVMContainer;iaasvmcontainerv2;${resourceGroup};${vmName}`;
}

export function protectedItemNameOf(resourceGroup: string, vmName: string): string {
  return `VM;iaasvmcontainerv2;${resourceGroup};${vmName}`;
}

/** The item a VM gets when it is protected in this vault. */
export function itemRefOfVm(vault: VaultRef, vm: Pick<VirtualMachine, 'id' | 'name' | 'resourceGroup'>): ItemRef {
  return { vault, containerName: containerNameOf(vm.resourceGroup, vm.name), itemName: protectedItemNameOf(vm.resourceGroup, vm.name), vmName: vm.name, vmId: vm.id };
}

export function itemRefOf(item: ProtectedVm): ItemRef {
  return {
    vault: vaultRefOf(item.vaultId),
    // The SDK sends ';' as %3B and ids may carry it either way: keep the raw name.
    containerName: safeDecode(item.containerName),
    itemName: safeDecode(item.itemName),
    vmName: item.name,
    vmId: item.virtualMachineId,
  };
}

export function protectedItemIdOf(vaultId: string, containerName: string, itemName: string): string {
  return `${vaultId}/backupFabrics/${azureFabric}/protectionContainers/${containerName}/protectedItems/${itemName}`;
}

/**
 * Container names compare without the `IaasVMContainer;` prefix, which jobs and backup status
 * leave out (`iaasvmcontainerv2;rg;vm`), case-insensitively and with `;` encoded or not.
 */
export function sameContainer(a: string, b: string): boolean {
  return containerKey(a) === containerKey(b);
}

export function fullContainerName(name: string): string {
  return /^iaasvmcontainer;/i.test(name) ? name : `IaasVMContainer;${name}`;
}

function containerKey(name: string): string {
  return safeDecode(name).toLowerCase().replace(/^iaasvmcontainer;/, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
