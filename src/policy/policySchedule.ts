import type { PolicyDraft } from './policyDraft';
import { hourlyIntervals, minutesOfDay, weekdays } from './policyDraft';
import { windowsTimeZoneOffset } from './windowsTimeZones';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/**
 * When a policy backs up. Azure reads schedule times in the policy's Windows time zone at its base
 * offset (no daylight saving), so a fixed offset turns local times into UTC instants; an unknown
 * zone counts as UTC (the rules report it). A "local day" here is the UTC-midnight instant of the
 * policy's calendar date, so its getUTC* fields are the policy's local calendar fields.
 */
export interface SchedulePlan {
  offsetMinutes: number;
  /** Backups of one local day, in minutes after its midnight (an hourly window may pass midnight). */
  minutes: number[];
  /** The backup retention tiers keep: the schedule time, or the window start for hourly. */
  retentionMinutes: number | undefined;
  /** Days of the week (0 = Sunday) the schedule runs; all seven unless weekly. */
  days: ReadonlySet<number>;
}

export interface ScheduledDay {
  /** The local day, as the UTC-midnight instant of its date. */
  day: number;
  /** UTC instants of its backups, ascending. */
  times: number[];
  /** UTC instant of its backup the retention tiers keep, if it backs up that day. */
  retentionAt: number | undefined;
}

export function schedulePlan(draft: PolicyDraft): SchedulePlan {
  const offsetMinutes = windowsTimeZoneOffset(draft.timeZone) ?? 0;
  const { frequency, time, hourly } = draft.schedule;
  const all = new Set([0, 1, 2, 3, 4, 5, 6]);
  if (frequency === 'Hourly') {
    const start = minutesOfDay(hourly.windowStartTime);
    const interval = hourly.intervalHours;
    const window = hourly.windowDurationHours;
    if (start === undefined || !hourlyIntervals.includes(interval) || !Number.isInteger(window) || window < 0 || window > 24) {
      return { offsetMinutes, minutes: [], retentionMinutes: undefined, days: all };
    }
    // The window's end counts: 4-hourly from 08:00 over 8 hours backs up at 08:00, 12:00 and 16:00.
    const minutes: number[] = [];
    for (let hours = 0; hours <= window; hours += interval) minutes.push(start + hours * 60);
    return { offsetMinutes, minutes, retentionMinutes: start, days: all };
  }
  const at = minutesOfDay(time);
  const days = frequency === 'Weekly' ? new Set(draft.schedule.weekdays.map((day) => weekdays.indexOf(day)).filter((day) => day >= 0)) : all;
  return { offsetMinutes, minutes: at === undefined ? [] : [at], retentionMinutes: at, days };
}

/** The local day (UTC-midnight instant of the policy's date) an instant falls on. */
export function localDayOf(instant: number, offsetMinutes: number): number {
  return Math.floor((instant + offsetMinutes * minuteMs) / dayMs) * dayMs;
}

/** Each local day whose backups could fall in [from, to), with those backups. */
export function scheduledDays(plan: SchedulePlan, from: number, to: number): ScheduledDay[] {
  const result: ScheduledDay[] = [];
  const offset = plan.offsetMinutes * minuteMs;
  const spill = Math.ceil(Math.max(0, ...plan.minutes) / 1440) * dayMs;
  for (let day = localDayOf(from, plan.offsetMinutes) - spill; day <= localDayOf(to, plan.offsetMinutes); day += dayMs) {
    if (!plan.days.has(new Date(day).getUTCDay())) continue;
    const times = plan.minutes.map((minutes) => day + minutes * minuteMs - offset);
    const retentionAt = plan.retentionMinutes === undefined ? undefined : day + plan.retentionMinutes * minuteMs - offset;
    result.push({ day, times, retentionAt });
  }
  return result;
}

/** Each retention backup (see SchedulePlan) in [from, to), with its local day; allocates nothing, for long look-backs. */
export function forEachRetentionBackup(plan: SchedulePlan, from: number, to: number, visit: (day: number, at: number) => void): void {
  if (plan.retentionMinutes === undefined) return;
  const shift = plan.retentionMinutes * minuteMs - plan.offsetMinutes * minuteMs;
  for (let day = localDayOf(from, plan.offsetMinutes) - dayMs; day <= localDayOf(to, plan.offsetMinutes); day += dayMs) {
    const at = day + shift;
    if (at >= from && at < to && plan.days.has(new Date(day).getUTCDay())) visit(day, at);
  }
}

/** UTC instants of every backup in [from, to), ascending, each once. */
export function backupTimes(plan: SchedulePlan, from: number, to: number): number[] {
  const times = new Set<number>();
  for (const { times: dayTimes } of scheduledDays(plan, from, to)) {
    for (const time of dayTimes) if (time >= from && time < to) times.add(time);
  }
  return [...times].sort((a, b) => a - b);
}

/** The instant `months` calendar months after `instant`, on the policy's calendar (day clamped to the month's end). */
export function addMonths(instant: number, months: number, offsetMinutes: number): number {
  const offset = offsetMinutes * minuteMs;
  const local = new Date(instant + offset);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(local.getUTCDate(), lastDay));
  return target + (instant + offset - localDayOf(instant, offsetMinutes)) - offset;
}
