import type { ErrorDetail, ValidateOperationRequestResource } from '@azure/arm-recoveryservicesbackup';
import type { RestoreRequest } from '../restore/restoreRequest';
import { restoreResourceBody, validateRestoreBody } from '../restore/restoreRequestBody';
import type { RestoreValidation } from '../restore/restoreValidation';
import { ArmCalls, failure, type Accepted } from './armCalls';
import { armIdKey, sameArmId } from './armId';
import { AzureError, type AzureErrorReason } from './azureError';
import type { BackupReader } from './backupReader';
import { jobStartedSince, listItemJobs, runningJobWindowMs } from './itemJobs';
import { toBackupJob } from './mappers';
import type { BackupJob, ProtectedVm } from './model';
import { azureFabric, itemRefOf, vaultRefOf, type ItemRef } from './protectedItemNames';

export interface RestoreOperationsOptions {
  /** Wait between polls of an operation when the service sends no Retry-After (default 5 s). */
  pollDelayMs?: number;
  /** Upper bound on one wait, whatever Retry-After says (default 15 s; Azure sends 60 s). */
  maxPollDelayMs?: number;
}

export interface RestoreStarted {
  /** The Restore job's name (a GUID). */
  jobId: string;
  /** True when a restore of the item was already running and no request was sent. */
  alreadyRunning: boolean;
}

/** The Backup service's job operation for a restore. */
export const restoreJobOperation = 'Restore';

/** Without the service's clock, how far before our own click a job may have started and still be ours. */
const clockSkewMs = 2 * 60_000;

/**
 * Failures after which the POST may have started a restore anyway: its answer was lost (reset,
 * timeout), the service failed (5xx) or throttled after accepting, the operation it started could
 * not be followed, or it refused because a restore of the item already runs. A 4xx refusal with
 * the service's code is final: nothing started.
 */
const mayHaveStartedReasons: ReadonlySet<AzureErrorReason> = new Set(['network', 'serviceUnavailable', 'throttled', 'itemBusy', 'backupInProgress']);

function mayHaveStarted(error: AzureError): boolean {
  return mayHaveStartedReasons.has(error.reason) || (error.reason === 'unknown' && (error.statusCode === undefined || error.statusCode >= 500));
}

/**
 * Restores of a VM's recovery points (Restores_Trigger) and Azure's check of a restore request
 * (Operation_Validate), through @azure/arm-recoveryservicesbackup 12.0.0's client and pipeline.
 *
 * Never two restores from one click: a restore already running on the item is answered as it is;
 * otherwise the POST is sent once, without the pipeline's retries (SDK 12.0.0's beginTrigger
 * would poll with core-lro, and its pipeline re-sends a POST after a reset connection or a 5xx),
 * and its operation is followed to the job it names. When the POST or the following fails in a
 * way that may hide a started restore, the Restore job that started on the item since the click
 * is the answer; this code never sends a second POST.
 */
export class RestoreOperations {
  private readonly calls: ArmCalls;

  constructor(reader: BackupReader, options: RestoreOperationsOptions = {}) {
    const pollDelayMs = options.pollDelayMs ?? 5_000;
    this.calls = new ArmCalls(reader, { pollDelayMs, maxPollDelayMs: Math.max(pollDelayMs, options.maxPollDelayMs ?? 15_000) });
  }

  /** The restore running on the item now, if any (one jobs-list request). */
  async runningRestore(item: ProtectedVm, signal?: AbortSignal): Promise<BackupJob | undefined> {
    const { jobs } = await this.runningRestoreJobs(itemRefOf(item), signal);
    return jobs[0] ? toBackupJob(jobs[0], item.vaultId) : undefined;
  }

  /** Starts the restore the request describes, or answers the restore that already runs on the item. */
  async restore(item: ProtectedVm, request: RestoreRequest, signal?: AbortSignal): Promise<RestoreStarted> {
    checkSameItem(item, request);
    const ref = itemRefOf(item);
    const { vault } = ref;
    const running = await this.runningRestoreJobs(ref, signal);
    if (running.jobs[0]?.name) return { jobId: running.jobs[0].name, alreadyRunning: true };
    // The service's clock (the jobs list's Date header, whole seconds) dates the click as its job times will.
    const since = running.serverTime ? new Date(running.serverTime.getTime() - 1000) : new Date(Date.now() - clockSkewMs);

    const client = await this.calls.backup(vault.subscriptionId, signal);
    const url = `${this.pointUrl(ref, request.source.point.name)}/restore?api-version=${client.apiVersion}`;
    try {
      const accepted = await this.calls.send(vault.subscriptionId, client, 'POST', url, signal, restoreResourceBody(request), { once: true });
      const jobId = await this.jobOfOperation(ref, accepted, signal);
      if (jobId) return { jobId, alreadyRunning: false };
      const started = await jobStartedSince(this.calls, ref, restoreJobOperation, since, signal);
      if (started?.name) return { jobId: started.name, alreadyRunning: false };
      throw new AzureError('unknown', 'RestoreJobNotFound', `The restore of ${item.name} was accepted, but its job could not be found. Look for it in the vault's backup jobs before restoring again.`);
    } catch (error) {
      const refused = failure(error, signal);
      if (!mayHaveStarted(refused)) throw refused;
      return this.attach(ref, since, refused, signal);
    }
  }

  /**
   * Azure's own check of the request (Operation_Validate, synchronous): its problems with their
   * codes, messages and recommendations; none when Azure would accept it.
   */
  async validate(request: RestoreRequest, signal?: AbortSignal): Promise<RestoreValidation> {
    const ref = vaultRefOf(request.source.vaultId);
    const client = await this.calls.backup(ref.subscriptionId, signal);
    const body = validateRestoreBody(request) as unknown as ValidateOperationRequestResource;
    const answer = await this.calls.run(ref.subscriptionId, signal, () => client.operation.validate(ref.name, ref.resourceGroup, body, signal ? { abortSignal: signal } : {}));
    const results = (answer.validateOperationResponse?.validationResults ?? []).map((detail: ErrorDetail) => ({
      code: detail.code ?? 'ValidationFailed',
      message: detail.message ?? '',
      recommendations: [...(detail.recommendations ?? [])],
    }));
    return { valid: results.length === 0, results };
  }

  /** The job the restore's operation names: Azure-AsyncOperation ends with it; a Location alone only says when it is done. */
  private async jobOfOperation(ref: ItemRef, accepted: Accepted, signal?: AbortSignal): Promise<string | undefined> {
    const subscriptionId = ref.vault.subscriptionId;
    const client = await this.calls.backup(subscriptionId, signal);
    const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
    if (azureAsyncOperation) return (await this.calls.followStatus(subscriptionId, client, azureAsyncOperation, retryAfterMs, signal)).jobId;
    if (location) await this.calls.followResult(subscriptionId, client, location, retryAfterMs, signal);
    return undefined;
  }

  /** After a failure that may hide a started restore: the job this click started, or the one that runs. */
  private async attach(ref: ItemRef, since: Date, refused: AzureError, signal?: AbortSignal): Promise<RestoreStarted> {
    try {
      const started = await jobStartedSince(this.calls, ref, restoreJobOperation, since, signal);
      if (started?.name) return { jobId: started.name, alreadyRunning: false };
      const running = await this.runningRestoreJobs(ref, signal);
      if (running.jobs[0]?.name) return { jobId: running.jobs[0].name, alreadyRunning: true };
    } catch (lookup) {
      if ((lookup as AzureError).reason === 'cancelled') throw lookup;
    }
    throw refused;
  }

  private runningRestoreJobs(ref: ItemRef, signal?: AbortSignal): ReturnType<typeof listItemJobs> {
    return listItemJobs(this.calls, ref, { since: new Date(Date.now() - runningJobWindowMs), status: 'InProgress', operation: restoreJobOperation }, signal);
  }

  private pointUrl(ref: ItemRef, pointName: string): string {
    const item = `${ref.vault.id}/backupFabrics/${azureFabric}/protectionContainers/${encodeURIComponent(ref.containerName)}/protectedItems/${encodeURIComponent(ref.itemName)}`;
    return `${this.calls.endpoint(ref.vault.subscriptionId)}${item}/recoveryPoints/${encodeURIComponent(pointName)}`;
  }
}

/** The request restores a point of this item: its vault and VM (a form opened for another item would restore the wrong VM). */
function checkSameItem(item: ProtectedVm, request: RestoreRequest): void {
  const { source } = request;
  if (!sameArmId(source.vaultId, item.vaultId) || !sameArmId(source.virtualMachineId, item.virtualMachineId)) {
    throw new AzureError('invalidInput', 'RestoreSourceMismatch', `This restore was prepared for ${source.vmName}, not ${item.name}: open the restore form again from ${item.name}.`);
  }
  // The service writes ';' in ids raw or as %3B.
  const key = (id: string) => armIdKey(safeDecode(id));
  if (key(source.point.id) !== key(`${item.id}/recoveryPoints/${source.point.name}`)) {
    throw new AzureError('invalidInput', 'RestoreSourceMismatch', `Recovery point ${source.point.name} is not a point of ${item.name}: choose one of its points.`);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
