import type { AzureIaaSVMJob, JobResource } from '@azure/arm-recoveryservicesbackup';
import type { ArmCalls } from './armCalls';
import { serverTimeOf } from './armCalls';
import { jobFilter, type JobQuery } from './backupReader';
import { collectPages } from './requestLimiter';
import { sameContainer, type ItemRef } from './protectedItemNames';

const day = 86_400_000;
/** How far back a running backup is looked for: longer than any backup should take (12 h is already wrong). */
export const runningJobWindowMs = 7 * day;

export interface ItemJobs {
  /** The item's jobs, newest first. */
  jobs: JobResource[];
  /** The service's clock when it answered (its Date header), when it said. */
  serverTime?: Date;
}

/**
 * One jobs-list request for a vault, narrowed to one item's jobs. The service names a job's item
 * by its container (`iaasvmcontainerv2;rg;vm`) and its VM name (entityFriendlyName); the
 * container tells apart two VMs of the same name in different resource groups.
 */
export async function listItemJobs(calls: ArmCalls, item: ItemRef, query: Omit<JobQuery, 'until'>, signal?: AbortSignal): Promise<ItemJobs> {
  const { vault } = item;
  const client = await calls.backup(vault.subscriptionId, signal);
  let serverTime: Date | undefined;
  // jobFilter's open end already reaches a minute past now (whole seconds, a service clock ahead of ours).
  const filter = jobFilter(query);
  const jobs = await calls.run(vault.subscriptionId, signal, () =>
    collectPages(
      client.backupJobs.list(vault.name, vault.resourceGroup, {
        filter,
        ...(signal ? { abortSignal: signal } : {}),
        onResponse: (raw) => {
          serverTime ??= serverTimeOf(raw.headers).serverTime;
        },
      }),
      signal,
    ),
  );
  return { jobs: jobs.filter((job) => isJobOf(job, item)).sort(newestFirst), ...(serverTime ? { serverTime } : {}) };
}

/** The backup running on the item now, if any: InProgress Backup jobs of the last days. */
export async function runningBackupJob(calls: ArmCalls, item: ItemRef, signal?: AbortSignal): Promise<{ job?: JobResource; serverTime?: Date }> {
  const answer = await listItemJobs(calls, item, { since: new Date(Date.now() - runningJobWindowMs), status: 'InProgress', operation: 'Backup' }, signal);
  return { ...(answer.jobs[0] ? { job: answer.jobs[0] } : {}), ...(answer.serverTime ? { serverTime: answer.serverTime } : {}) };
}

/** The newest job of an operation on the item that started at or after `since`; a running one first. */
export async function jobStartedSince(calls: ArmCalls, item: ItemRef, operation: string, since: Date, signal?: AbortSignal): Promise<JobResource | undefined> {
  const { jobs } = await listItemJobs(calls, item, { since, operation }, signal);
  const started = jobs.filter((job) => (job.properties?.startTime?.getTime() ?? 0) >= since.getTime());
  return started.find((job) => job.properties?.status === 'InProgress') ?? started[0];
}

export function isJobOf(job: JobResource, item: ItemRef): boolean {
  const properties = job.properties as Partial<AzureIaaSVMJob> | undefined;
  if (properties?.containerName?.includes(';')) return sameContainer(properties.containerName, item.containerName);
  return (properties?.entityFriendlyName ?? '').toLowerCase() === item.vmName.toLowerCase();
}

function newestFirst(a: JobResource, b: JobResource): number {
  return (b.properties?.startTime?.getTime() ?? 0) - (a.properties?.startTime?.getTime() ?? 0);
}
