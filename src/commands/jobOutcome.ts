import { l10n } from 'vscode';
import { AzureError, isServiceFailure, toAzureError } from '../azure/azureError';
import type { BackupJob } from '../azure/model';
import { jobErrorText } from '../jobs/jobText';
import { errorText } from '../ui/azureErrorText';

/** Completed, or completed with warnings: the operation took effect. */
export function jobSucceeded(job: BackupJob): boolean {
  return job.status === 'Completed' || job.status === 'CompletedWithWarnings';
}

/** Why a job did not succeed, in the words the rest of the extension uses for that error code. */
export function jobFailureText(job: BackupJob): string {
  if (job.status === 'Cancelled') return l10n.t('The job was cancelled.');
  const error = job.errors[0];
  if (!error) return l10n.t('The job ended with status {0}.', job.status);
  const text = jobErrorText(error);
  return error.recommendations.length > 0 ? `${text} ${error.recommendations.join(' ')}` : text;
}

/** What went wrong, for a message: our explanation of an Azure error, or the error's own words. */
export function failureText(error: unknown): string {
  return isServiceFailure(error) ? errorText(toAzureError(error)) : error instanceof Error ? error.message : String(error);
}

/** The user cancelled (a progress notification, or a request aborted by its signal). */
export function wasCancelled(error: unknown): boolean {
  return (error instanceof AzureError && error.reason === 'cancelled') || (error as { name?: unknown } | undefined)?.name === 'AbortError';
}
