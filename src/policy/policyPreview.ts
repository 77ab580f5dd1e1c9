import type { PolicyDraft } from './policyDraft';
import { policyLimits } from './policyLimits';
import type { PolicyProblem } from './policyProblem';
import { policyError } from './policyProblem';
import type { RetentionTier, TierRetention } from './retentionCalendar';
import { longestRetentionDays, retentionTiers, tierRetentions } from './retentionCalendar';
import type { SchedulePlan } from './policySchedule';
import { backupTimes, dayMs, forEachRetentionBackup, hourMs, schedulePlan, scheduledDays } from './policySchedule';

/** A backup the policy takes, and what keeps it. Instants are UTC epoch milliseconds. */
export interface PreviewPoint {
  at: number;
  /** When the last tier lets it go. */
  keptUntil: number;
  tiers: TierRetention[];
}

/** One row of the timeline: the points a tier keeps. */
export interface TierTimeline {
  tier: RetentionTier;
  points: { at: number; keptUntil: number }[];
}

export interface PolicyPreview {
  /** The previewed period [from, to): now and a year later. */
  from: number;
  to: number;
  /** The base offset the schedule runs at (Azure ignores daylight saving). */
  timeZoneOffsetMinutes: number;
  /** Backups taken in the period, ascending. */
  points: PreviewPoint[];
  /** Per tier (snapshot, daily, weekly, monthly, yearly), the period's points it keeps; empty rows included. */
  tiers: TierTimeline[];
  /** The first scheduled backup at or after `from`; undefined if the schedule cannot run. */
  firstBackupAt: number | undefined;
  /** The longest time without a backup, once running; undefined if the schedule cannot run. */
  worstGapHours: number | undefined;
  /** The backup the worst gap follows. */
  worstGapStartsAt: number | undefined;
  /** Recovery points of one VM at the fullest moment once every tier has filled up (as if the policy had always run). */
  peakRetained: number;
  peakAt: number | undefined;
  /** Recovery points one VM can hold: 9,999. */
  limit: number;
  /** Points a VM protected from `from` holds a year later. */
  retainedAfterPeriod: number;
  /** An error when peakRetained exceeds the limit. */
  problems: PolicyProblem[];
}

export interface PreviewOptions {
  /** Length of the previewed period; default 365 days. */
  days?: number;
}

/**
 * What a policy keeps: every backup of the coming year with the tiers that keep it, the fullest
 * the vault gets per VM against Azure's 9,999-point limit, the longest stretch without a backup,
 * and when the first backup runs. Pure: the caller formats the UTC instants in the user's zone.
 */
export function previewPolicy(draft: PolicyDraft, now: Date | number, options: PreviewOptions = {}): PolicyPreview {
  const from = typeof now === 'number' ? now : now.getTime();
  const to = from + (options.days ?? 365) * dayMs;
  const plan = schedulePlan(draft);
  const points = pointsBetween(draft, plan, from, to);
  const tiers = retentionTiers.map((tier) => ({
    tier,
    points: points.flatMap((point) => point.tiers.filter((kept) => kept.tier === tier).map((kept) => ({ at: point.at, keptUntil: kept.keptUntil }))),
  }));
  const gap = worstGap(plan, from);
  const peak = peakRetained(draft, plan, from, to);
  const limit = policyLimits.maxRecoveryPoints;
  const problems = peak.count > limit
    ? [policyError('retention', `This policy keeps up to ${peak.count} recovery points per VM; Azure keeps at most ${limit}: shorten daily, weekly, monthly or yearly retention.`)]
    : [];
  return {
    from,
    to,
    timeZoneOffsetMinutes: plan.offsetMinutes,
    points,
    tiers,
    firstBackupAt: backupTimes(plan, from, from + 8 * dayMs)[0],
    worstGapHours: gap?.hours,
    worstGapStartsAt: gap?.startsAt,
    peakRetained: peak.count,
    peakAt: peak.at,
    limit,
    retainedAfterPeriod: points.filter((point) => point.keptUntil > to).length,
    problems,
  };
}

/**
 * Every backup in [from, to) with its tiers; with aliveAfter, only those still kept then. A backup
 * two days' hourly windows share counts once, as its own day's retention backup if it is one.
 */
function pointsBetween(draft: PolicyDraft, plan: SchedulePlan, from: number, to: number, aliveAfter?: number): PreviewPoint[] {
  const byInstant = new Map<number, PreviewPoint>();
  const add = (at: number, day: number | undefined): void => {
    if (at < from || at >= to || (byInstant.has(at) && day === undefined)) return;
    const tiers = tierRetentions(draft, at, day, plan.offsetMinutes);
    let keptUntil = -Infinity;
    for (const kept of tiers) keptUntil = Math.max(keptUntil, kept.keptUntil);
    if (tiers.length > 0 && (aliveAfter === undefined || keptUntil > aliveAfter)) byInstant.set(at, { at, keptUntil, tiers });
  };
  // Far back only a day's retention backup can still be kept (other backups are snapshots, gone
  // within 30 days): visit just those there, which keeps a 99-year look-back cheap.
  const recent = aliveAfter === undefined ? from : Math.max(from, Math.min(to, aliveAfter - 32 * dayMs));
  forEachRetentionBackup(plan, from, recent, (day, at) => add(at, day));
  for (const { day, times, retentionAt } of scheduledDays(plan, recent, to)) {
    for (const at of times) if (at !== retentionAt && at >= recent) add(at, undefined);
    if (retentionAt !== undefined && retentionAt >= recent) add(retentionAt, day);
  }
  return [...byInstant.values()].sort((a, b) => a.at - b.at);
}

/** The longest wait between consecutive backups over two weeks, which covers a weekly schedule's cycle. */
function worstGap(plan: SchedulePlan, from: number): { hours: number; startsAt: number } | undefined {
  const times = backupTimes(plan, from, from + 15 * dayMs);
  let worst: { hours: number; startsAt: number } | undefined;
  for (let index = 1; index < times.length; index++) {
    const hours = (times[index]! - times[index - 1]!) / hourMs;
    if (!worst || hours > worst.hours) worst = { hours, startsAt: times[index - 1]! };
  }
  return worst;
}

/**
 * The most points alive at once during [from, to) if the policy had run since long before: the
 * steady state the 9,999 limit applies to. Backups from further back than the longest retention
 * cannot be alive, and older ones are simulated only if some tier keeps them past `from`.
 */
function peakRetained(draft: PolicyDraft, plan: SchedulePlan, from: number, to: number): { count: number; at: number | undefined } {
  const start = from - (longestRetentionDays(draft) + 2) * dayMs;
  const alive = [...pointsBetween(draft, plan, start, from, from), ...pointsBetween(draft, plan, from, to)];
  const starts = Float64Array.from(alive, (point) => point.at).sort();
  const ends = Float64Array.from(alive, (point) => point.keptUntil).sort();
  let count = 0;
  let best = { count: 0, at: undefined as number | undefined };
  let nextStart = 0;
  let nextEnd = 0;
  while (nextStart < starts.length || (nextEnd < ends.length && ends[nextEnd]! <= from)) {
    // At the same instant a point expiring leaves before a new one arrives.
    const time = Math.min(starts[nextStart]!, ends[nextEnd] ?? Infinity);
    while (nextEnd < ends.length && ends[nextEnd] === time) { count--; nextEnd++; }
    while (nextStart < starts.length && starts[nextStart] === time) { count++; nextStart++; }
    // Before `from`, only the count at `from` matters.
    const upcoming = Math.min(starts[nextStart] ?? Infinity, ends[nextEnd] ?? Infinity);
    if (time < from && upcoming <= from) continue;
    const at = Math.max(time, from);
    if (at < to && count > best.count) best = { count, at };
  }
  return best;
}
