import { ArmCalls } from './armCalls';
import { AzureError } from './azureError';
import { serviceTime, type BackupReader } from './backupReader';
import type { ProtectedVm, RecoveryPoint } from './model';
import { azureFabric, itemRefOf, type ItemRef } from './protectedItemNames';
import { listRawPages } from './rawPages';
import { toRecoveryPoint, type RecoveryPointJson } from './recoveryPointMappers';

/** How far back the tree lists a VM's recovery points until the user asks for older ones (as Azure's CLI and PowerShell default). */
export const recentRecoveryPointDays = 30;

/** A time range of recovery points; Azure's list needs both ends. */
export interface RecoveryPointRange {
  from: Date;
  to: Date;
}

/**
 * The last `recentRecoveryPointDays` days. The filter has whole seconds: the end reaches a minute
 * ahead so a point taken this second (or on a service clock slightly ahead of ours) is listed.
 */
export function recentRecoveryPointRange(now = new Date()): RecoveryPointRange {
  return { from: new Date(now.getTime() - recentRecoveryPointDays * 86_400_000), to: new Date(now.getTime() + 60_000) };
}

/** RecoveryPoints_List's $filter: `startDate eq 'yyyy-MM-dd hh:mm:ss tt' and endDate eq '…'` in UTC, as the SDKs and the portal send it. */
export function recoveryPointFilter(range: RecoveryPointRange): string {
  return `startDate eq '${serviceTime(range.from)}' and endDate eq '${serviceTime(range.to)}'`;
}

/**
 * A protected VM's recovery points (RecoveryPoints_List / _Get, @azure/arm-recoveryservicesbackup
 * 12.0.0 at 2023-06-01), read as plain JSON through the SDK client's pipeline: the mapper needs
 * the fields as Azure wrote them and "View Properties" shows the point exactly as it came.
 * Requests run under the reader's limiter and fail with an AzureError.
 */
export class RecoveryPoints {
  private readonly calls: ArmCalls;

  constructor(reader: BackupReader) {
    this.calls = new ArmCalls(reader, { pollDelayMs: 1_000, maxPollDelayMs: 15_000 });
  }

  /** The item's points in the range (default: the last 30 days), newest first, every page followed. */
  async list(item: ProtectedVm, range: RecoveryPointRange = recentRecoveryPointRange(), signal?: AbortSignal): Promise<RecoveryPoint[]> {
    if (Number.isNaN(range.from.getTime()) || Number.isNaN(range.to.getTime()) || range.from.getTime() > range.to.getTime()) {
      throw new AzureError('invalidInput', 'InvalidDateRange', 'Choose a start date before the end date to list recovery points.');
    }
    const ref = itemRefOf(item);
    const client = await this.calls.backup(ref.vault.subscriptionId, signal);
    const url = `${this.pointsUrl(ref)}?api-version=${client.apiVersion}&$filter=${encodeURIComponent(recoveryPointFilter(range))}`;
    const points = await this.calls.run(ref.vault.subscriptionId, signal, () => listRawPages<RecoveryPointJson>(client, url, signal));
    return points.flatMap((json) => toRecoveryPoint(json) ?? []).sort((a, b) => b.time.getTime() - a.time.getTime());
  }

  /** One point by name; a point that is gone (expired, deleted) fails with reason notFound. */
  async get(item: ProtectedVm, name: string, signal?: AbortSignal): Promise<RecoveryPoint> {
    const ref = itemRefOf(item);
    const client = await this.calls.backup(ref.vault.subscriptionId, signal);
    const url = `${this.pointsUrl(ref)}/${encodeURIComponent(name)}?api-version=${client.apiVersion}`;
    const answer = await this.calls.send(ref.vault.subscriptionId, client, 'GET', url, signal);
    const point = toRecoveryPoint((answer.body ?? {}) as RecoveryPointJson);
    if (!point) throw new AzureError('unknown', 'UnexpectedRecoveryPoint', `Azure answered recovery point ${name} of ${item.name} in a form the extension does not read.`);
    return point;
  }

  private pointsUrl(ref: ItemRef): string {
    const item = `${ref.vault.id}/backupFabrics/${azureFabric}/protectionContainers/${encodeURIComponent(ref.containerName)}/protectedItems/${encodeURIComponent(ref.itemName)}`;
    return `${this.calls.endpoint(ref.vault.subscriptionId)}${item}/recoveryPoints`;
  }
}
