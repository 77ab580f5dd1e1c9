import type { EmulatorContext } from '../context';
import type { ResourceGroupRecord, SubscriptionRecord, VaultRecord, VirtualMachineRecord } from './model';
import { resourceGroupNotFound, resourceNotFound, subscriptionNotFound } from '../http/armError';

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

export function vaultId(subscriptionId: string, resourceGroup: string, vaultName: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.RecoveryServices/vaults/${vaultName}`;
}

export function virtualMachineId(subscriptionId: string, resourceGroup: string, vmName: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.Compute/virtualMachines/${vmName}`;
}

export function keyOf(id: string): string {
  return id.toLowerCase();
}

export function findSubscription(context: EmulatorContext, subscriptionId: string): SubscriptionRecord {
  const subscription = context.state.subscriptions[subscriptionId.toLowerCase()];
  if (!subscription) throw subscriptionNotFound(subscriptionId);
  return subscription;
}

export function findResourceGroup(context: EmulatorContext, subscriptionId: string, resourceGroup: string): ResourceGroupRecord {
  findSubscription(context, subscriptionId);
  const group = context.state.resourceGroups[keyOf(resourceGroupId(subscriptionId, resourceGroup))];
  if (!group) throw resourceGroupNotFound(resourceGroup);
  return group;
}

export function findVault(context: EmulatorContext, subscriptionId: string, resourceGroup: string, vaultName: string): VaultRecord {
  findResourceGroup(context, subscriptionId, resourceGroup);
  const vault = context.state.vaults[keyOf(vaultId(subscriptionId, resourceGroup, vaultName))];
  if (!vault) throw resourceNotFound('Microsoft.RecoveryServices/vaults', vaultName, resourceGroup);
  return vault;
}

export function findVirtualMachine(context: EmulatorContext, subscriptionId: string, resourceGroup: string, vmName: string): VirtualMachineRecord {
  findResourceGroup(context, subscriptionId, resourceGroup);
  const vm = context.state.virtualMachines[keyOf(virtualMachineId(subscriptionId, resourceGroup, vmName))];
  if (!vm) throw resourceNotFound('Microsoft.Compute/virtualMachines', vmName, resourceGroup);
  return vm;
}
