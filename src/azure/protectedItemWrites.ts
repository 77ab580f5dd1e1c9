import type { AzureIaaSVMProtectedItem, ProtectedItemUnion, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { Accepted, ArmCalls } from './armCalls';
import { failure } from './armCalls';
import type { AzureError, AzureErrorReason } from './azureError';
import type { StartedJob } from './backupOperations';
import { jobStartedSince } from './itemJobs';
import { azureFabric, vmProtectedItemType, type ItemRef } from './protectedItemNames';
import { sameArmId } from './armId';

/** What a write to a protected item leaves behind, to recognise it when its answer was lost. */
export interface WriteGoal {
  /** The job the service starts for it: ConfigureBackup, DisableBackup, DeleteBackupData, Undelete. */
  operation: string;
  /** Whether the item as it is now shows the write took effect (undefined: there is no item). */
  reached(item: AzureIaaSVMProtectedItem | undefined): boolean;
}

/**
 * Failures that may hide a write that was done: the pipeline retries PUT, DELETE and POST after
 * a reset connection or a 5xx, and the retry is then refused (another operation runs on the item,
 * it is already soft-deleted or gone) or its answer never comes.
 */
const maybeDone: ReadonlySet<AzureErrorReason> = new Set(['itemBusy', 'network', 'serviceUnavailable', 'throttled', 'itemSoftDeleted', 'notFound', 'unknown']);
/** Jobs that started this long before the click may still be its own, when the service's clock is behind ours. */
const clockSkewMs = 5 * 60_000;

const stopped = (state: string | undefined) => state === 'ProtectionStopped' || state === 'BackupsSuspended';

export const goals = {
  protectedWith: (policyId: string): WriteGoal => ({
    operation: 'ConfigureBackup',
    reached: (item) => !!item && sameArmId(item.policyId, policyId) && !stopped(item.protectionState) && !item.isScheduledForDeferredDelete,
  }),
  stoppedAs: (state: 'ProtectionStopped' | 'BackupsSuspended'): WriteGoal => ({
    operation: 'DisableBackup',
    reached: (item) => item?.protectionState === state && !item.isScheduledForDeferredDelete,
  }),
  dataDeleted: (): WriteGoal => ({ operation: 'DeleteBackupData', reached: (item) => !item || item.isScheduledForDeferredDelete === true }),
  undeleted: (): WriteGoal => ({ operation: 'Undelete', reached: (item) => !!item && !item.isScheduledForDeferredDelete }),
};

/**
 * PUT and DELETE of a VM's protected item, followed to the job they start. When the answer is an
 * error that may hide a write the service did, the item is read back: if it shows the goal,
 * the write counts as done and the job it started is looked up; no write is ever sent twice
 * by this code.
 */
export class ProtectedItemWrites {
  constructor(private readonly calls: ArmCalls) {}

  async put(target: ItemRef, properties: Record<string, unknown>, goal: WriteGoal, signal?: AbortSignal): Promise<StartedJob> {
    const clicked = Date.now();
    const { vault } = target;
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const resource = { properties: { protectedItemType: vmProtectedItemType, ...properties } as unknown as ProtectedItemUnion };
    try {
      const accepted = await this.calls.start(vault.subscriptionId, signal, (options) =>
        client.protectedItems.createOrUpdate(vault.name, vault.resourceGroup, azureFabric, target.containerName, target.itemName, resource, options),
      );
      return await this.follow(target, client, accepted, signal);
    } catch (error) {
      return this.recover(target, goal, clicked, failure(error, signal), signal);
    }
  }

  async delete(target: ItemRef, goal: WriteGoal, signal?: AbortSignal): Promise<StartedJob> {
    const clicked = Date.now();
    const { vault } = target;
    const client = await this.calls.backup(vault.subscriptionId, signal);
    try {
      const accepted = await this.calls.start(vault.subscriptionId, signal, (options) =>
        client.protectedItems.delete(vault.name, vault.resourceGroup, azureFabric, target.containerName, target.itemName, options),
      );
      return await this.follow(target, client, accepted, signal);
    } catch (error) {
      return this.recover(target, goal, clicked, failure(error, signal), signal);
    }
  }

  /** The item as the service shows it now; undefined when there is none. */
  async get(target: ItemRef, signal?: AbortSignal): Promise<AzureIaaSVMProtectedItem | undefined> {
    const { vault } = target;
    const client = await this.calls.backup(vault.subscriptionId, signal);
    try {
      const item = await this.calls.run(vault.subscriptionId, signal, () =>
        client.protectedItems.get(vault.name, vault.resourceGroup, azureFabric, target.containerName, target.itemName, signal ? { abortSignal: signal } : {}),
      );
      return item.properties as AzureIaaSVMProtectedItem | undefined;
    } catch (error) {
      if ((error as AzureError).reason === 'notFound') return undefined;
      throw error;
    }
  }

  /** Azure-AsyncOperation ends with the job id; a Location alone only says when it is done. */
  private async follow(target: ItemRef, client: RecoveryServicesBackupClient, accepted: Accepted, signal?: AbortSignal): Promise<StartedJob> {
    const subscriptionId = target.vault.subscriptionId;
    const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
    if (azureAsyncOperation) {
      const outcome = await this.calls.followStatus(subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
      return outcome.jobId ? { jobId: outcome.jobId } : {};
    }
    if (location) await this.calls.followResult(subscriptionId, client, location, retryAfterMs, signal);
    return {};
  }

  private async recover(target: ItemRef, goal: WriteGoal, clicked: number, error: AzureError, signal?: AbortSignal): Promise<StartedJob> {
    if (!maybeDone.has(error.reason)) throw error;
    let item: AzureIaaSVMProtectedItem | undefined;
    try {
      item = await this.get(target, signal);
    } catch {
      throw error;
    }
    if (!goal.reached(item)) throw error;
    const job = await jobStartedSince(this.calls, target, goal.operation, new Date(clicked - clockSkewMs), signal).catch(() => undefined);
    return job?.name ? { jobId: job.name } : {};
  }
}
