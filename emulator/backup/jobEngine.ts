import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { JobError, JobOperation, JobRecord, JobStatus, ProtectedItemRecord, VaultRecord } from '../state/model';
import { isoTime } from '../operations';
import { collectionForBackup } from './restorePointCollections';
import { pointOfBackup } from './recoveryPointMaking';
import { applyRestore } from './restoreResults';
import { restorePropertyBag } from './restoreJobBag';

/** Azure-time durations of each kind of job; the emulator divides them by --time-scale. */
export const jobDurationsAzureMs = {
  takeSnapshot: 3 * 60_000,
  transferData: 20 * 60_000,
  configureBackup: 30_000,
  disableBackup: 20_000,
  deleteBackupData: 40_000,
  undelete: 20_000,
  cancel: 5_000,
};

export interface NewJob {
  operation: JobOperation;
  item?: ProtectedItemRecord;
  entityFriendlyName: string;
  tasks: { taskId: string; azureMs: number }[];
  outcome?: JobRecord['outcome'];
  backupType?: JobRecord['backupType'];
  recoveryPointExpiry?: string;
  /** For seeded history: when the job started and, if it already ended, nothing else is needed. */
  startTime: number;
}

export function startJob(context: EmulatorContext, vault: VaultRecord, job: NewJob): JobRecord {
  const record: JobRecord = {
    id: randomUUID(),
    operation: job.operation,
    entityFriendlyName: job.entityFriendlyName,
    ...(job.item ? { protectedItemName: job.item.name, virtualMachineId: job.item.virtualMachineId } : {}),
    startTime: job.startTime,
    tasks: job.tasks.map((task) => ({ taskId: task.taskId, durationMs: context.scaled(task.azureMs) })),
    outcome: job.outcome ?? { status: 'Completed' },
    ...(job.backupType ? { backupType: job.backupType } : {}),
    ...(job.recoveryPointExpiry ? { recoveryPointExpiry: job.recoveryPointExpiry } : {}),
    activityId: randomUUID(),
  };
  vault.jobs[record.id] = record;
  context.changed();
  return record;
}

export function jobEndsAt(job: JobRecord): number {
  return job.startTime + job.tasks.reduce((sum, task) => sum + task.durationMs, 0);
}

/** When an unfinished job ends by itself: when its cancel lands, or else when its last task does. */
export function jobDueAt(context: EmulatorContext, job: JobRecord): number {
  return job.cancelRequestedAt !== undefined ? job.cancelRequestedAt + context.scaled(jobDurationsAzureMs.cancel) : jobEndsAt(job);
}

export function jobStatus(job: JobRecord): JobStatus {
  if (job.finalStatus) return job.finalStatus;
  return job.cancelRequestedAt !== undefined ? 'Cancelling' : 'InProgress';
}

/** Whether the job may be cancelled now: a backup still taking its snapshot. */
export function isCancellable(job: JobRecord, now: number): boolean {
  if (job.operation !== 'Backup' || jobStatus(job) !== 'InProgress') return false;
  const snapshot = job.tasks[0];
  return snapshot !== undefined && now < job.startTime + snapshot.durationMs;
}

export function runningJobsOf(vault: VaultRecord, itemName: string): JobRecord[] {
  return Object.values(vault.jobs).filter((job) => job.endTime === undefined && job.protectedItemName?.toLowerCase() === itemName.toLowerCase());
}

/**
 * Ends the jobs whose time has come and applies what they do to their items. Called before
 * every request, so the state any answer shows is up to date; a restart replays the same ends
 * because each job's plan and outcome were stored when it started.
 */
export function advanceJobs(context: EmulatorContext, vault: VaultRecord, now: number): void {
  for (const job of Object.values(vault.jobs)) {
    if (job.endTime !== undefined) continue;
    const endsAt = jobDueAt(context, job);
    if (now < endsAt) continue;
    if (job.cancelRequestedAt !== undefined) {
      finish(context, job, 'Cancelled', endsAt);
      continue;
    }
    const item = job.protectedItemName ? vault.protectedItems[job.protectedItemName.toLowerCase()] : undefined;
    // A restore makes its resources as it ends; what stands in its way then fails the job.
    if (job.operation === 'Restore' && job.outcome.status === 'Completed') {
      const failure = applyRestore(context, vault, item, job, endsAt);
      if (failure) job.outcome = { status: 'Failed', error: failure };
    }
    finish(context, job, job.outcome.status, endsAt);
    if (item && job.operation === 'Backup') {
      applyBackupResult(context, vault, item, job, endsAt);
      // The snapshot went to the VM's restore point collection: its first backup makes it.
      if (job.outcome.status === 'Completed') collectionForBackup(context, vault, item);
    }
  }
}

function finish(context: EmulatorContext, job: JobRecord, status: JobStatus, at: number): void {
  job.endTime = at;
  job.finalStatus = status;
  context.changed();
}

function applyBackupResult(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord, job: JobRecord, at: number): void {
  if (job.outcome.status === 'Failed') {
    item.lastBackupStatus = 'Failed';
    item.lastBackupTime = isoTime(at);
    if (job.outcome.error) item.lastBackupError = job.outcome.error;
    return;
  }
  item.lastBackupStatus = 'Completed';
  item.lastBackupTime = isoTime(at);
  delete item.lastBackupError;
  if (item.protectionState === 'IRPending' || item.protectionState === 'ProtectionError') item.protectionState = 'Protected';
  item.recoveryPoints.push(pointOfBackup(context, vault, item, job, at));
}

/** The job as the service lists it; job details add extendedInfo. */
export function jobJson(vault: VaultRecord, job: JobRecord, now: number, detailed: boolean): Record<string, unknown> {
  const status = jobStatus(job);
  const end = job.endTime ?? now;
  const properties: Record<string, unknown> = {
    jobType: 'AzureIaaSVMJob',
    entityFriendlyName: job.entityFriendlyName,
    backupManagementType: 'AzureIaasVM',
    operation: job.operation,
    status,
    startTime: isoTime(job.startTime),
    ...(job.endTime !== undefined ? { endTime: isoTime(job.endTime) } : {}),
    activityId: job.activityId,
    duration: isoDuration(end - job.startTime),
    virtualMachineVersion: 'Compute',
    actionsInfo: isCancellable(job, now) ? ['Cancellable'] : [],
    isUserTriggered: job.backupType !== 'Scheduled',
    ...(job.protectedItemName ? { containerName: job.protectedItemName.replace(/^VM;/i, '') } : {}),
  };
  if (status === 'Failed' && job.outcome.error) properties.errorDetails = [errorInfo(job.outcome.error)];
  if (detailed) {
    properties.extendedInfo = {
      tasksList: taskList(job, now),
      propertyBag: job.restore
        ? restorePropertyBag(job, job.restore)
        : {
            'VM Name': job.entityFriendlyName,
            ...(job.operation === 'Backup' ? { 'Backup Size': status === 'Completed' ? '10240 MB' : '0 MB', 'Backup Type': job.backupType === 'Scheduled' ? 'Scheduled' : 'On-demand' } : {}),
            ...(job.recoveryPointExpiry ? { 'Recovery point expiry time in UTC': job.recoveryPointExpiry } : {}),
          },
      ...(status === 'InProgress' ? { progressPercentage: progress(job, now) } : {}),
      ...(status === 'Failed' && job.outcome.error ? { dynamicErrorMessage: job.outcome.error.message } : {}),
    };
  }
  return { id: `${vault.resource.id}/backupJobs/${job.id}`, name: job.id, type: 'Microsoft.RecoveryServices/vaults/backupJobs', properties };
}

function taskList(job: JobRecord, now: number): Record<string, unknown>[] {
  let taskStart = job.startTime;
  const ended = job.endTime ?? Number.POSITIVE_INFINITY;
  return job.tasks.map((task) => {
    const start = taskStart;
    const end = start + task.durationMs;
    taskStart = end;
    let status: string;
    if (now < start || ended <= start) status = job.finalStatus === 'Cancelled' ? 'Cancelled' : 'NotStarted';
    else if (now < end && ended > now) status = job.cancelRequestedAt !== undefined ? 'Cancelling' : 'InProgress';
    else if (ended < end) status = job.finalStatus === 'Failed' ? 'Failed' : 'Cancelled';
    else status = job.finalStatus === 'Failed' && end >= ended ? 'Failed' : 'Completed';
    const shownEnd = Math.min(now, end, ended);
    return {
      taskId: task.taskId,
      ...(now >= start ? { startTime: isoTime(start) } : {}),
      ...(status !== 'InProgress' && status !== 'NotStarted' ? { endTime: isoTime(shownEnd) } : {}),
      duration: isoDuration(Math.max(0, (now >= start ? shownEnd : start) - start)),
      status,
    };
  });
}

function progress(job: JobRecord, now: number): number {
  const total = jobEndsAt(job) - job.startTime;
  return total <= 0 ? 100 : Math.min(99, Math.floor(((now - job.startTime) / total) * 100));
}

function errorInfo(error: JobError): Record<string, unknown> {
  return { errorCode: error.numericCode, errorString: error.message, errorTitle: error.code, recommendations: error.recommendations };
}

/** ISO 8601 duration as the service writes it, e.g. PT1M2.5S. */
export function isoDuration(ms: number): string {
  const totalSeconds = Math.max(0, ms) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}
