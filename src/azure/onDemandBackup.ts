import type { ArmCalls } from './armCalls';
import { failure } from './armCalls';
import { AzureError, type AzureErrorReason } from './azureError';
import { jobStartedSince, runningBackupJob } from './itemJobs';
import { azureFabric, type ItemRef } from './protectedItemNames';

/** The service keeps an on-demand recovery point at most 99 calendar years. */
const maxRetentionYears = 99;
/** Without the service's clock, how far before our own click a job may have started and still be ours. */
const clockSkewMs = 2 * 60_000;

/**
 * Answers after which the click's backup may have started anyway: the pipeline retried the POST
 * after a reset connection or a 5xx and the service refused the retry because the first one
 * started a backup, or the answer never came.
 */
const mayHaveStarted: ReadonlySet<AzureErrorReason> = new Set(['backupInProgress', 'network', 'serviceUnavailable', 'throttled', 'unknown']);

export interface BackupStarted {
  jobId: string;
  alreadyRunning: boolean;
}

/**
 * "Back up now", one job per click: a running backup is answered as it is; otherwise one POST
 * (which the pipeline may retry), followed to its job; and when that fails in a way that may
 * hide a started backup, the backup job that started on the item since the click is the answer.
 * The service refuses a second backup while one runs (UserErrorBackupOperationInProgress), so
 * a retried POST cannot start another; this code never sends a second POST.
 */
export async function backUpNow(calls: ArmCalls, item: ItemRef, retainUntil: Date, signal?: AbortSignal): Promise<BackupStarted> {
  checkRetention(retainUntil);
  const { vault } = item;
  const running = await runningBackupJob(calls, item, signal);
  if (running.job?.name) return { jobId: running.job.name, alreadyRunning: true };
  // The service's clock (the jobs list's Date header, whole seconds) dates the click as its job times will.
  const since = running.serverTime ? new Date(running.serverTime.getTime() - 1000) : new Date(Date.now() - clockSkewMs);

  const client = await calls.backup(vault.subscriptionId, signal);
  try {
    const accepted = await calls.start(vault.subscriptionId, signal, (options) =>
      client.backups.trigger(
        vault.name,
        vault.resourceGroup,
        azureFabric,
        item.containerName,
        item.itemName,
        { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: retainUntil } },
        options,
      ),
    );
    const operationId = operationIdOf(accepted.operation.azureAsyncOperation ?? accepted.operation.location);
    if (operationId) {
      // As Azure's own tools do: the vault's backupOperations/{id} names the job once the operation ends.
      const url = `${calls.endpoint(vault.subscriptionId)}${vault.id}/backupOperations/${encodeURIComponent(operationId)}?api-version=${client.apiVersion}`;
      const outcome = await calls.followStatus(vault.subscriptionId, client, url, accepted.operation.retryAfterMs, signal);
      if (outcome.jobId) return { jobId: outcome.jobId, alreadyRunning: false };
    }
    const started = await jobStartedSince(calls, item, 'Backup', since, signal);
    if (started?.name) return { jobId: started.name, alreadyRunning: false };
    throw new AzureError('unknown', 'BackupJobNotFound', `The backup of ${item.vmName} was accepted, but its job could not be found. Look for it in the vault's backup jobs.`);
  } catch (error) {
    const refused = failure(error, signal);
    if (!mayHaveStarted.has(refused.reason)) throw refused;
    return attach(calls, item, since, refused, signal);
  }
}

/** After a failure that may hide a started backup: the job this click started, or the one that runs. */
async function attach(calls: ArmCalls, item: ItemRef, since: Date, refused: AzureError, signal?: AbortSignal): Promise<BackupStarted> {
  try {
    const started = await jobStartedSince(calls, item, 'Backup', since, signal);
    if (started?.name) return { jobId: started.name, alreadyRunning: false };
    if (refused.reason === 'backupInProgress') {
      const running = await runningBackupJob(calls, item, signal);
      if (running.job?.name) return { jobId: running.job.name, alreadyRunning: true };
    }
  } catch (lookup) {
    if ((lookup as AzureError).reason === 'cancelled') throw lookup;
  }
  throw refused;
}

function checkRetention(retainUntil: Date): void {
  const time = retainUntil.getTime();
  const now = new Date();
  const latest = new Date(now);
  latest.setFullYear(now.getFullYear() + maxRetentionYears);
  if (Number.isNaN(time) || time <= now.getTime() || time > latest.getTime()) {
    throw new AzureError('invalidInput', 'InvalidRetainUntil', `Retain the backup until a date in the future, at most 99 years from now (got ${Number.isNaN(time) ? 'an invalid date' : retainUntil.toISOString()}).`);
  }
}

/** The operation id is the last segment of the Azure-AsyncOperation or Location URL (which may carry extra query). */
function operationIdOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return segment ? decodeURIComponent(segment) : undefined;
  } catch {
    return undefined;
  }
}
