import type { EmulatorState, RecoveryPointRecord, VirtualMachineRecord } from '../state/model';
import { isoTime } from '../operations';
import { consistencyOf, sourceOf } from '../backup/recoveryPointSource';
import { pointName } from '../backup/recoveryPointMaking';
import { addMonths, archiveAfterMonths, isChosenDay, scheduledRetention } from '../backup/retentionRules';

type Json = Record<string, unknown>;

const hour = 3600_000;
const day = 24 * hour;
/** An archived point must have at least 6 months of retention left when it moves (AZURE-BACKUP-FACTS.md, tiering). */
const minimumArchiveMs = 180 * day;

/**
 * A scheduled backup's point as the past would have left it, laid out in real days: its vault
 * copy kept by the policy's retention rules, its snapshot for the policy's instant restore days,
 * moved to the archive tier when the policy tiers it and it is a monthly or yearly point with six
 * months left, its consistency that of the VM (crash-consistent when it was not running).
 */
export function seededPoint(state: EmulatorState, vm: VirtualMachineRecord | undefined, policy: Json | undefined, time: number, crashConsistent = false): RecoveryPointRecord {
  const retention = scheduledRetention(policy, time) ?? { expiresAt: time + 30 * day, ruleName: 'Daily' };
  const instantDays = Number(policy?.instantRpRetentionRangeInDays ?? 2);
  const tierAfter = archiveAfterMonths(policy);
  const archivedAt = tierAfter !== undefined && (retention.ruleName === 'Monthly' || retention.ruleName === 'Yearly') ? addMonths(time, tierAfter) : undefined;
  return {
    name: pointName(time),
    time: isoTime(time),
    type: crashConsistent ? 'CrashConsistent' : consistencyOf(vm),
    expiresAt: isoTime(retention.expiresAt),
    snapshotUntil: isoTime(Math.min(time + instantDays * day, retention.expiresAt)),
    ...(archivedAt !== undefined && retention.expiresAt - archivedAt >= minimumArchiveMs ? { archivedAt: isoTime(archivedAt) } : {}),
    ruleName: retention.ruleName,
    ...(vm ? { source: sourceOf(state, vm) } : {}),
  };
}

/**
 * The monthly points of the past `months` months a policy with monthly retention kept: one on the
 * month's chosen day at the hour its schedule runs. Those past their expiry are left out.
 */
export function monthlyPointTimes(policy: Json | undefined, now: number, months: number, hourOfDay: number): number[] {
  const monthly = ((policy?.retentionPolicy ?? {}) as Json).monthlySchedule as Json | undefined;
  if (!monthly) return [];
  const times: number[] = [];
  const today = new Date(now);
  for (let back = months; back >= 1; back--) {
    for (let date = 1; date <= 31; date++) {
      const candidate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, date, hourOfDay));
      if (candidate.getUTCMonth() !== (((today.getUTCMonth() - back) % 12) + 12) % 12) break;
      if (isChosenDay(monthly, candidate)) {
        times.push(candidate.getTime());
        break;
      }
    }
  }
  return times;
}
