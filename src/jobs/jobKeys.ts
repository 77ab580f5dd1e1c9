import type { BackupJob } from '../azure/model';

// How the watcher keys vaults, jobs and subscriptions (ARM ids compare case-insensitively), and
// what it counts as a change of a job.

/** What counts as a change: not the growing duration of a running job. */
export function signatureOf(job: BackupJob): string {
  return JSON.stringify([job.status, job.cancellable, job.endTime?.getTime(), job.subtasks.map((task) => [task.name, task.status]), job.errors.length]);
}

export function vaultKey(vaultId: string): string {
  return vaultId.toLowerCase().replace(/\/+$/, '');
}

export function jobKey(vaultId: string, jobName: string): string {
  return `${vaultKey(vaultId)}/backupjobs/${jobName.toLowerCase()}`;
}

export function subscriptionKey(vaultId: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(vaultId)?.[1]?.toLowerCase() ?? vaultKey(vaultId);
}
