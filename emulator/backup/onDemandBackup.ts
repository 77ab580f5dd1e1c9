import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { apiVersions } from '../apiVersions';
import { keyOf } from '../state/lookup';
import type { JobRecord } from '../state/model';
import { startOperation } from '../operations';
import { jobErrorFor, serviceErrors } from './serviceErrors';
import { isSoftDeleted } from './protectedItemState';
import { jobDurationsAzureMs, runningJobsOf, startJob } from './jobEngine';
import { itemOperationHeaders, itemPath, requireItem, vaultKeyOf, vaultOf } from './vaultRequest';

type Json = Record<string, unknown>;
const day = 24 * 3600 * 1000;
const onDemandPerDay = 3;
/** A VM carrying this tag makes its backups fail with the code it holds: faults on demand. */
export const backupErrorTag = 'emulator-backup-error';

export function onDemandBackupRoutes(context: EmulatorContext): RouteDefinition[] {
  return [{ method: 'POST', template: `${itemPath}/backup`, apiVersions: apiVersions.backup, handler: (request) => triggerBackup(context, request) }];
}

function triggerBackup(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  const item = requireItem(vault, request);
  const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
  if (properties.objectType !== 'IaasVMBackupRequest') throw serviceErrors.invalidParameter('objectType');
  const expiry = expiryOf(properties.recoveryPointExpiryTimeInUTC, request.now);
  if (isSoftDeleted(item)) throw serviceErrors.itemSoftDeleted();
  if (item.protectionState === 'ProtectionStopped' || item.protectionState === 'BackupsSuspended') throw serviceErrors.protectionStopped();
  const running = runningJobsOf(vault, item.name);
  if (running.some((job) => job.operation === 'Backup')) throw serviceErrors.backupInProgress();
  if (running.length > 0) throw serviceErrors.objectLocked();
  item.onDemandBackups = item.onDemandBackups.filter((time) => request.now - time < day);
  if (item.onDemandBackups.length >= onDemandPerDay) throw serviceErrors.onDemandLimit();
  item.onDemandBackups.push(request.now);

  const job = startJob(context, vault, {
    operation: 'Backup',
    item,
    entityFriendlyName: item.friendlyName,
    tasks: [
      { taskId: 'Take Snapshot', azureMs: jobDurationsAzureMs.takeSnapshot },
      { taskId: 'Transfer data to vault', azureMs: jobDurationsAzureMs.transferData },
    ],
    outcome: outcomeFor(context, item.virtualMachineId),
    backupType: 'OnDemand',
    recoveryPointExpiry: expiry,
    startTime: request.now,
  });
  const operation = startOperation(context, 'backup', vaultKeyOf(vault), 2_000, request.now, { jobId: job.id, itemKey: item.name.toLowerCase() });
  return { status: 202, headers: itemOperationHeaders(context, request, vault, item, operation.id) };
}

/** Decided when the backup starts: a deleted VM or a VM tagged with an error code fails. */
export function outcomeFor(context: EmulatorContext, virtualMachineId: string): JobRecord['outcome'] {
  const vm = context.state.virtualMachines[keyOf(virtualMachineId)];
  if (!vm) return { status: 'Failed', error: jobErrorFor('BCMV2VMNotFound') };
  const code = vm.resource.tags?.[backupErrorTag];
  return code ? { status: 'Failed', error: jobErrorFor(code) } : { status: 'Completed' };
}

function expiryOf(value: unknown, now: number): string {
  if (value === undefined || value === null) return new Date(now + 30 * day).toISOString();
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time) || time <= now || time > now + 99 * 365.25 * day) throw serviceErrors.invalidParameter('recoveryPointExpiryTimeInUTC');
  return new Date(time).toISOString();
}
