import { setMaxListeners } from 'node:events';
import type { BackupReader } from './backupReader';
import type { ProtectedVm, Subscription, Vault, VirtualMachine } from './model';
import { armIdKey } from './armId';

export interface VaultContents {
  vault: Vault;
  protectedVms: ProtectedVm[];
}

export interface SubscriptionContents {
  subscription: Subscription;
  vaults: VaultContents[];
  /** Present when asked for: the subscription's VMs that no vault protects. */
  unprotectedVms?: VirtualMachine[];
}

/**
 * Loads every subscription → vault → protected VM at once, as wide as the request limiter
 * allows: each level starts as soon as its parent answers, never waiting for siblings.
 */
export async function loadBackupEstate(
  reader: BackupReader,
  tenantIds: readonly string[],
  options: { includeUnprotectedVms?: boolean; signal?: AbortSignal } = {},
): Promise<SubscriptionContents[]> {
  // Every request of the load listens to the one signal.
  if (options.signal) setMaxListeners(0, options.signal);
  const perTenant = await Promise.all(tenantIds.map((tenantId) => reader.listSubscriptions(tenantId, options.signal)));
  return Promise.all(perTenant.flat().map((subscription) => loadSubscription(reader, subscription, options)));
}

async function loadSubscription(reader: BackupReader, subscription: Subscription, options: { includeUnprotectedVms?: boolean; signal?: AbortSignal }): Promise<SubscriptionContents> {
  const vaultsLoad = reader.listVaults(subscription.subscriptionId, options.signal).then((vaults) =>
    Promise.all(vaults.map(async (vault) => ({ vault, protectedVms: await reader.listProtectedVms(vault, options.signal) }))),
  );
  const vmsLoad = options.includeUnprotectedVms ? reader.listVirtualMachines(subscription.subscriptionId, options.signal) : undefined;
  const [vaults, vms] = await Promise.all([vaultsLoad, vmsLoad]);
  return { subscription, vaults, ...(vms ? { unprotectedVms: withoutBackup(vms, vaults.flatMap((contents) => contents.protectedVms)) } : {}) };
}

/** The VMs that no protected item (in any state, soft-deleted included) points at. */
export function withoutBackup(vms: readonly VirtualMachine[], protectedVms: readonly ProtectedVm[]): VirtualMachine[] {
  const protectedIds = new Set(protectedVms.map((item) => armIdKey(item.virtualMachineId)));
  return vms.filter((vm) => !protectedIds.has(armIdKey(vm.id)));
}
