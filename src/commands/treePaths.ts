import { sameArmId } from '../azure/armId';
import type { ProtectedVm, Vault } from '../azure/model';
import type { FlowServices } from './services';

/** The subscription node's id and the cache scope of everything under it. */
export function subscriptionScope(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

/** The tree path of a protected VM: subscription, vault, item (the ids the nodes carry). */
export function protectedVmPath(subscriptionId: string, vaultId: string, itemId: string): string[] {
  return [subscriptionScope(subscriptionId), vaultId, itemId];
}

/** The vault's item for this VM, as the (refreshed) listing has it: its id is the tree node's. */
export async function findProtectedVm(services: FlowServices, vault: Vault, vmId: string): Promise<ProtectedVm | undefined> {
  const items = await services.azure().cache.protectedVms(vault);
  return items.find((item) => sameArmId(item.virtualMachineId, vmId));
}
