import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { JobRecord, ProtectedItemRecord, VaultRecord } from '../state/model';
import { resourceGroupId } from '../state/lookup';
import { startJob } from './jobEngine';
import { tiersOf } from './recoveryPointTiers';
import { sourceOfPoint } from './recoveryPointSource';
import type { RestorePlan } from './restoreRequest';

const minute = 60_000;
const hour = 60 * minute;

/**
 * Azure-time durations of a restore's phases. A point that still has its snapshot restores from it
 * in minutes (instant restore); otherwise the data comes from the vault. Rehydrating an archived
 * point takes up to 15 hours at Standard priority and about an hour at High (the archive tier's
 * rehydration priorities, learn.microsoft.com/azure/storage/blobs/archive-rehydrate-overview).
 */
export const restoreDurationsAzureMs = {
  fromSnapshot: 4 * minute,
  fromVault: 25 * minute,
  rehydrateStandard: 15 * hour,
  rehydrateHigh: 1 * hour,
};

/**
 * The task ids of a restore job. 'Transfer data' is the phase the portal shows for an IaaS VM
 * restore; the rehydration phase's name is this emulator's (no recorded job showed it).
 */
export const restoreTasks = { rehydrate: 'Rehydrate recovery point', transfer: 'Transfer data' };

/** Starts the Restore job of an accepted request; what it makes is made when it ends (restoreResults.ts). */
export function startRestoreJob(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord, plan: RestorePlan, now: number): JobRecord {
  const fromSnapshot = tiersOf(plan.point, now, true).snapshot;
  const tasks = [
    ...(plan.rehydration ? [{ taskId: restoreTasks.rehydrate, azureMs: plan.rehydration.priority === 'High' ? restoreDurationsAzureMs.rehydrateHigh : restoreDurationsAzureMs.rehydrateStandard }] : []),
    { taskId: restoreTasks.transfer, azureMs: fromSnapshot ? restoreDurationsAzureMs.fromSnapshot : restoreDurationsAzureMs.fromVault },
  ];
  const job = startJob(context, vault, { operation: 'Restore', item, entityFriendlyName: item.friendlyName, tasks, startTime: now });
  const source = sourceOfPoint(context.state, plan.point, item.virtualMachineId);
  job.restore = {
    recoveryType: plan.recoveryType,
    pointName: plan.point.name,
    pointTime: plan.point.time,
    region: plan.region,
    storageAccountId: plan.storageAccount.resource.id,
    ...(plan.targetGroup ? { targetResourceGroupId: resourceGroupId(plan.targetGroup.subscriptionId, plan.targetGroup.name) } : {}),
    ...(plan.targetVirtualMachineId ? { targetVirtualMachineId: plan.targetVirtualMachineId } : {}),
    ...(plan.subnetId ? { subnetId: plan.subnetId } : {}),
    ...(plan.zones ? { zones: plan.zones } : {}),
    ...(plan.rehydration ? { rehydration: plan.rehydration } : {}),
    source,
    stamp: diskStamp(now),
    // The configuration's container: '<vm>-<32 hex>', as restore jobs' property bags show it.
    ...(plan.recoveryType === 'RestoreDisks' ? { configContainer: `${item.friendlyName.toLowerCase()}-${randomBytes(16).toString('hex')}` } : {}),
  };
  context.changed();
  return job;
}

/** yyyyMMdd-HHmmss (UTC): the suffix restored disks are named with, e.g. web-01-osdisk-20240521-223412. */
function diskStamp(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
