import type { EmulatorContext } from '../context';
import type { JobRecord, ProtectedItemRecord, RecoveryPointRecord, VaultRecord } from '../state/model';
import { keyOf } from '../state/lookup';
import { isoTime } from '../operations';
import { consistencyOf, sourceOf } from './recoveryPointSource';
import { scheduledRetention } from './retentionRules';

const day = 24 * 3600 * 1000;
/** A new vault's DefaultPolicy keeps snapshots 2 days (AZURE-BACKUP-FACTS.md). */
const defaultInstantRestoreDays = 2;

/**
 * The point a completed backup makes. Its snapshot tier is kept for the policy's
 * instantRpRetentionRangeInDays, an on-demand point's too ("Back up now" keeps the snapshot as the
 * policy says, learn.microsoft.com/azure/backup/backup-instant-restore-capability), never past the
 * point's own expiry; its vault tier until the retain-until date of an on-demand backup, or what the
 * policy's retention rules give a scheduled one. Durations the policy gives run --time-scale times
 * faster, as jobs do; a date the client gave is kept as it is.
 */
export function pointOfBackup(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord, job: JobRecord, endedAt: number): RecoveryPointRecord {
  const vm = context.state.virtualMachines[keyOf(item.virtualMachineId)];
  const policy = item.policyName ? vault.policies[item.policyName.toLowerCase()]?.properties : undefined;
  const time = job.startTime + (job.tasks[0]?.durationMs ?? 0);
  const scheduled = job.backupType === 'Scheduled' ? scheduledRetention(policy, time) : undefined;
  const expires = job.recoveryPointExpiry ? Date.parse(job.recoveryPointExpiry) : scheduled ? time + context.scaled(scheduled.expiresAt - time) : undefined;
  const instantDays = Number(policy?.instantRpRetentionRangeInDays ?? defaultInstantRestoreDays);
  const snapshotUntil = Math.min(time + context.scaled(instantDays * day), expires ?? Number.POSITIVE_INFINITY);
  return {
    name: pointName(endedAt),
    time: isoTime(time),
    type: consistencyOf(vm),
    ...(expires !== undefined ? { expiresAt: isoTime(expires) } : {}),
    snapshotUntil: isoTime(snapshotUntil),
    ...(scheduled ? { ruleName: scheduled.ruleName } : {}),
    ...(vm ? { source: sourceOf(context.state, vm) } : {}),
  };
}

/** Azure names points with numbers of 14 to 18 digits (RecoveryPoints_List examples). */
export function pointName(time: number): string {
  return String(time * 1000 + Math.floor(Math.random() * 1000));
}
