import { l10n } from 'vscode';
import { AzureError, reasonForCode } from '../azure/azureError';
import type { BackupJob } from '../azure/model';
import { errorText } from '../ui/azureErrorText';
import { durationText, relativeTime } from '../ui/timeText';

/** The service's operation names, as the tree and messages say them. */
export function operationText(operation: string): string {
  switch (operation) {
    case 'Backup':
      return l10n.t('Backup');
    case 'ConfigureBackup':
      return l10n.t('Configure backup');
    case 'DisableBackup':
      return l10n.t('Stop backup');
    case 'DeleteBackupData':
      return l10n.t('Delete backup data');
    case 'Restore':
      return l10n.t('Restore');
    case 'UndoDelete':
      return l10n.t('Undelete');
    default:
      return operation.replace(/([a-z])([A-Z])/g, '$1 $2') || l10n.t('Job');
  }
}

export function statusText(status: string): string {
  switch (status) {
    case 'InProgress':
      return l10n.t('In progress');
    case 'Completed':
      return l10n.t('Completed');
    case 'CompletedWithWarnings':
      return l10n.t('Completed with warnings');
    case 'Failed':
      return l10n.t('Failed');
    case 'Cancelled':
      return l10n.t('Cancelled');
    case 'Cancelling':
      return l10n.t('Cancelling');
    case 'NotStarted':
      return l10n.t('Not started');
    default:
      return status;
  }
}

/** "Backup · vm-web-01" */
export function jobLabel(job: Pick<BackupJob, 'operation' | 'entityFriendlyName'>): string {
  return job.entityFriendlyName ? `${operationText(job.operation)} · ${job.entityFriendlyName}` : operationText(job.operation);
}

/** "started 5 minutes ago" while running; "2 hours ago · 12m 3s" once ended. */
export function jobTiming(job: BackupJob, now = Date.now()): string {
  if (job.status === 'InProgress' || job.status === 'Cancelling') {
    return job.startTime ? l10n.t('started {0}', relativeTime(job.startTime, now)) : '';
  }
  const when = job.endTime ?? job.startTime;
  const duration = job.durationMs ?? (job.startTime && job.endTime ? job.endTime.getTime() - job.startTime.getTime() : undefined);
  return [when ? relativeTime(when, now) : undefined, duration !== undefined ? durationText(duration) : undefined].filter(Boolean).join(' · ');
}

/** How long a job has run, or ran. */
export function jobDuration(job: BackupJob, now = Date.now()): number | undefined {
  if (job.durationMs !== undefined) return job.durationMs;
  if (!job.startTime) return undefined;
  return (job.endTime?.getTime() ?? now) - job.startTime.getTime();
}

/** A job error in our words (what happened, what to do), with the service's code and message. */
export function jobErrorText(error: BackupJob['errors'][number]): string {
  const reason = reasonForCode(error.code);
  if (reason === 'unknown') return error.message ? `${error.message}${error.code ? ` (${error.code})` : ''}` : error.code || l10n.t('The job failed.');
  return errorText(new AzureError(reason, error.code, error.message));
}

/** The sentence that tells the user how a job started from this window ended. */
export function jobEndMessage(job: BackupJob): string {
  const name = job.entityFriendlyName;
  if (job.operation === 'Backup') {
    switch (job.status) {
      case 'Completed':
        return l10n.t('Backup of {0} completed', name);
      case 'CompletedWithWarnings':
        return l10n.t('Backup of {0} completed with warnings', name);
      case 'Failed':
        return l10n.t('Backup of {0} failed', name);
      case 'Cancelled':
        return l10n.t('Backup of {0} was cancelled', name);
    }
  }
  if (job.operation === 'ConfigureBackup') {
    switch (job.status) {
      case 'Completed':
        return l10n.t('Backup of {0} is configured', name);
      case 'CompletedWithWarnings':
        return l10n.t('Backup of {0} is configured, with warnings', name);
      case 'Failed':
        return l10n.t('Configuring backup of {0} failed', name);
      case 'Cancelled':
        return l10n.t('Configuring backup of {0} was cancelled', name);
    }
  }
  if (job.operation === 'Restore') {
    switch (job.status) {
      case 'Completed':
        return l10n.t('Restore of {0} completed', name);
      case 'CompletedWithWarnings':
        return l10n.t('Restore of {0} completed with warnings', name);
      case 'Failed':
        return l10n.t('Restore of {0} failed', name);
      case 'Cancelled':
        return l10n.t('Restore of {0} was cancelled', name);
    }
  }
  return l10n.t('{0} of {1}: {2}', operationText(job.operation), name, statusText(job.status));
}

/** Everything the service said about a job, for the log. */
export function jobDetails(job: BackupJob): string[] {
  const lines = [
    `Job ${job.operation} of ${job.entityFriendlyName || '-'} (${job.jobName}) in ${job.vaultId}: ${job.status}` +
      (job.startTime ? `, started ${job.startTime.toISOString()}` : '') +
      (job.endTime ? `, ended ${job.endTime.toISOString()}` : '') +
      (job.durationMs !== undefined ? `, took ${durationText(job.durationMs)}` : ''),
  ];
  for (const task of job.subtasks) lines.push(`  ${task.name}: ${task.status}${task.durationMs !== undefined ? ` (${durationText(task.durationMs)})` : ''}`);
  for (const error of job.errors) {
    lines.push(`  Error ${error.code}: ${error.message}`);
    for (const recommendation of error.recommendations) lines.push(`    Recommended: ${recommendation}`);
  }
  return lines;
}
