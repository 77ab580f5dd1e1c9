import { setMaxListeners } from 'node:events';
import type { BackupReader } from './backupReader';
import { withoutBackup } from './backupEstate';
import type { BackupJob, BackupPolicy, ProtectedVm, RecoveryPoint, Subscription, Vault, VirtualMachine } from './model';
import { RecoveryPoints, type RecoveryPointRange } from './recoveryPoints';

/** How far back a vault's jobs folder lists jobs. */
export const recentJobDays = 7;

/**
 * What the tree has loaded since the last refresh. Each listing is requested once and shared
 * (the "without backup" group reuses the vaults' protected items). A refresh cancels every load
 * still in flight; a failed load is forgotten so that retrying asks again.
 */
export class BackupCache {
  private readonly loads = new Map<string, Promise<unknown>>();
  private controller = newController();
  private readonly points: RecoveryPoints;

  constructor(readonly reader: BackupReader) {
    this.points = new RecoveryPoints(reader);
  }

  /** Cancels what is in flight and forgets everything. */
  reset(): void {
    this.controller.abort(new Error('Refreshed'));
    this.controller = newController();
    this.loads.clear();
  }

  /** Forgets the loads of one subscription or vault (by ARM id) and what is under it. */
  forget(armId: string): void {
    const prefix = armId.toLowerCase();
    for (const key of this.loads.keys()) {
      if (key.startsWith(prefix)) this.loads.delete(key);
    }
  }

  subscriptions(tenantId: string): Promise<Subscription[]> {
    return this.once(`tenant:${tenantId}`, (signal) =>
      this.reader.listSubscriptions(tenantId, signal).then((subscriptions) => subscriptions.filter((subscription) => !subscription.tenantId || sameText(subscription.tenantId, tenantId))),
    );
  }

  vaults(subscriptionId: string): Promise<Vault[]> {
    return this.once(`/subscriptions/${subscriptionId}#vaults`, (signal) => this.reader.listVaults(subscriptionId, signal));
  }

  virtualMachines(subscriptionId: string): Promise<VirtualMachine[]> {
    return this.once(`/subscriptions/${subscriptionId}#vms`, (signal) => this.reader.listVirtualMachines(subscriptionId, signal));
  }

  protectedVms(vault: Vault): Promise<ProtectedVm[]> {
    return this.once(`${vault.id}#items`, (signal) => this.reader.listProtectedVms(vault, signal));
  }

  policies(vault: Vault): Promise<BackupPolicy[]> {
    return this.once(`${vault.id}#policies`, (signal) => this.reader.listPolicies(vault, signal));
  }

  /** The vault's jobs of the last `recentJobDays` days, any status, newest first. */
  recentJobs(vault: Vault): Promise<BackupJob[]> {
    return this.once(`${vault.id}#jobs`, (signal) => this.reader.listJobs(vault, { since: new Date(Date.now() - recentJobDays * 86_400_000) }, signal));
  }

  /**
   * A protected VM's recovery points, newest first: the last 30 days (measured when they load), or
   * the range given. Keyed under the item's id, which starts with its vault's: refreshing the vault
   * (or retrying the item) forgets them.
   */
  recoveryPoints(item: ProtectedVm, range?: RecoveryPointRange): Promise<RecoveryPoint[]> {
    const span = range ? `${range.from.toISOString()}/${range.to.toISOString()}` : 'recent';
    return this.once(`${item.id}#points:${span}`, (signal) => this.points.list(item, range, signal));
  }

  /** The subscription's VMs that no vault of it protects (vaults and VMs share a subscription). */
  async unprotectedVms(subscriptionId: string): Promise<VirtualMachine[]> {
    const [vms, protectedVms] = await Promise.all([
      this.virtualMachines(subscriptionId),
      this.vaults(subscriptionId).then((vaults) => Promise.all(vaults.map((vault) => this.protectedVms(vault)))),
    ]);
    return withoutBackup(vms, protectedVms.flat());
  }

  private once<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const normalized = key.toLowerCase();
    let promise = this.loads.get(normalized) as Promise<T> | undefined;
    if (!promise) {
      promise = load(this.controller.signal);
      this.loads.set(normalized, promise);
      promise.catch(() => {
        if (this.loads.get(normalized) === promise) this.loads.delete(normalized);
      });
    }
    return promise;
  }
}

/** One signal is shared by every load in flight (hundreds): not a listener leak. */
function newController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
