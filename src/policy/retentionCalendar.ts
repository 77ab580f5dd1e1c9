import type { PolicyDraft, RetentionFormat } from './policyDraft';
import { monthNames, weekdays, weeksOfMonth } from './policyDraft';
import { policyLimits } from './policyLimits';
import { addMonths, dayMs } from './policySchedule';

export type RetentionTier = 'snapshot' | 'daily' | 'weekly' | 'monthly' | 'yearly';
export const retentionTiers: readonly RetentionTier[] = ['snapshot', 'daily', 'weekly', 'monthly', 'yearly'];

export interface TierRetention {
  tier: RetentionTier;
  /** UTC instant the tier lets the point go. */
  keptUntil: number;
}

/**
 * Which tiers keep a backup, and until when. Every backup is an instant restore snapshot for
 * instantRestoreDays; the day's retention backup (the schedule time, or the hourly window start)
 * is also kept by each tier whose calendar it matches, judged on the policy's local date.
 * Durations are capped at Azure's maxima so a typo cannot make the simulation run for ever.
 */
export function tierRetentions(draft: PolicyDraft, at: number, day: number | undefined, offsetMinutes: number): TierRetention[] {
  const tiers: TierRetention[] = [];
  const snapshotDays = capped(draft.instantRestoreDays, policyLimits.instantRestoreDays.Enhanced.max);
  if (snapshotDays > 0) tiers.push({ tier: 'snapshot', keptUntil: at + snapshotDays * dayMs });
  if (day === undefined) return tiers;
  const { daily, weekly, monthly, yearly } = draft.retention;
  const date = new Date(day);
  if (daily) {
    const days = capped(daily.days, policyLimits.dailyDays.max);
    if (days > 0) tiers.push({ tier: 'daily', keptUntil: at + days * dayMs });
  }
  if (weekly && weekly.weekdays.includes(weekdays[date.getUTCDay()]!)) {
    const weeks = capped(weekly.weeks, policyLimits.weeklyWeeks.max);
    if (weeks > 0) tiers.push({ tier: 'weekly', keptUntil: at + weeks * 7 * dayMs });
  }
  if (monthly && matchesFormat(monthly.format, date)) {
    const months = capped(monthly.months, policyLimits.monthlyMonths.max);
    if (months > 0) tiers.push({ tier: 'monthly', keptUntil: addMonths(at, months, offsetMinutes) });
  }
  if (yearly && yearly.months.includes(monthNames[date.getUTCMonth()]!) && matchesFormat(yearly.format, date)) {
    const years = capped(yearly.years, policyLimits.yearlyYears.max);
    if (years > 0) tiers.push({ tier: 'yearly', keptUntil: addMonths(at, years * 12, offsetMinutes) });
  }
  return tiers;
}

/** Whether a local date is "the First Sunday" / "the 15th" / "the Last day" a format names. */
export function matchesFormat(format: RetentionFormat, date: Date): boolean {
  const dayOfMonth = date.getUTCDate();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  if (format.type === 'absolute') {
    return format.days.some((day) => (day === 'Last' ? dayOfMonth === daysInMonth : day === dayOfMonth));
  }
  if (!format.weekdays.includes(weekdays[date.getUTCDay()]!)) return false;
  const ordinal = weeksOfMonth[Math.floor((dayOfMonth - 1) / 7)];
  return format.weeks.some((week) => (week === 'Last' ? dayOfMonth + 7 > daysInMonth : week === ordinal));
}

/** The longest any tier can keep a point, in days (capped like tierRetentions), for the simulation's horizon. */
export function longestRetentionDays(draft: PolicyDraft): number {
  const { daily, weekly, monthly, yearly } = draft.retention;
  return Math.max(
    capped(draft.instantRestoreDays, policyLimits.instantRestoreDays.Enhanced.max),
    daily ? capped(daily.days, policyLimits.dailyDays.max) : 0,
    weekly ? capped(weekly.weeks, policyLimits.weeklyWeeks.max) * 7 : 0,
    monthly ? Math.ceil(capped(monthly.months, policyLimits.monthlyMonths.max) * 31) : 0,
    yearly ? Math.ceil(capped(yearly.years, policyLimits.yearlyYears.max) * 366) : 0,
  );
}

function capped(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : 0;
}
