type Json = Record<string, unknown>;

const day = 24 * 3600 * 1000;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const weeksOfTheMonth = ['First', 'Second', 'Third', 'Fourth'];

/**
 * How long a scheduled backup's point stays in the vault under a policy's LongTermRetentionPolicy
 * (bms.json: dailySchedule, weeklySchedule, monthlySchedule, yearlySchedule), and the rule that keeps
 * it: every point is a daily point; one taken on a weekly day is also a weekly point; the one of the
 * month's chosen day (First…Last weekday, or a date) a monthly point; of the year's chosen month a
 * yearly point. The longest of the rules that apply wins ("Backup policy" in
 * learn.microsoft.com/azure/backup/backup-azure-vms-introduction). Times are taken in UTC: the
 * policy's time zone is not applied. On-demand points are not scheduled: their expiry is the
 * retain-until date the request gives.
 */
export function scheduledRetention(policy: Json | undefined, pointTime: number): { expiresAt: number; ruleName: string } | undefined {
  const retention = (policy?.retentionPolicy ?? {}) as Json;
  const date = new Date(pointTime);
  const candidates: { expiresAt: number; ruleName: string }[] = [];
  const count = (schedule: Json) => Number(((schedule.retentionDuration ?? {}) as Json).count ?? 0);
  const daily = retention.dailySchedule as Json | undefined;
  if (daily) candidates.push({ expiresAt: pointTime + count(daily) * day, ruleName: 'Daily' });
  const weekly = retention.weeklySchedule as Json | undefined;
  if (weekly && listed(weekly.daysOfTheWeek, weekdays[date.getUTCDay()]!)) candidates.push({ expiresAt: pointTime + count(weekly) * 7 * day, ruleName: 'Weekly' });
  const monthly = retention.monthlySchedule as Json | undefined;
  if (monthly && isChosenDay(monthly, date)) candidates.push({ expiresAt: addMonths(pointTime, count(monthly)), ruleName: 'Monthly' });
  const yearly = retention.yearlySchedule as Json | undefined;
  if (yearly && listed(yearly.monthsOfYear, months[date.getUTCMonth()]!) && isChosenDay(yearly, date)) {
    candidates.push({ expiresAt: addMonths(pointTime, 12 * count(yearly)), ruleName: 'Yearly' });
  }
  return candidates.sort((a, b) => b.expiresAt - a.expiresAt)[0];
}

/** The day a monthly or yearly rule keeps: a weekday of a week of the month, or a date (or the last day). */
export function isChosenDay(schedule: Json, date: Date): boolean {
  if (schedule.retentionScheduleFormatType === 'Daily') {
    const days = (((schedule.retentionScheduleDaily ?? {}) as Json).daysOfTheMonth ?? []) as { date?: number; isLast?: boolean }[];
    const last = daysInMonth(date) === date.getUTCDate();
    return days.some((entry) => (entry.isLast ? last : entry.date === date.getUTCDate()));
  }
  const weekly = (schedule.retentionScheduleWeekly ?? {}) as Json;
  if (!listed(weekly.daysOfTheWeek, weekdays[date.getUTCDay()]!)) return false;
  const ordinal = Math.floor((date.getUTCDate() - 1) / 7);
  const isLastWeek = date.getUTCDate() + 7 > daysInMonth(date);
  return listed(weekly.weeksOfTheMonth, weeksOfTheMonth[ordinal] ?? '') || (isLastWeek && listed(weekly.weeksOfTheMonth, 'Last'));
}

/** The policy's tiering rule for archive: points are moved `months` after they are taken. */
export function archiveAfterMonths(policy: Json | undefined): number | undefined {
  const rule = ((policy?.tieringPolicy ?? {}) as Json).ArchivedRP as Json | undefined;
  if (!rule || rule.tieringMode !== 'TierAfter') return undefined;
  const duration = Number(rule.duration ?? 0);
  if (rule.durationType === 'Months') return duration;
  if (rule.durationType === 'Days') return duration / 30;
  return undefined;
}

export function addMonths(time: number, count: number): number {
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() + count);
  return date.getTime();
}

function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

function listed(values: unknown, wanted: string): boolean {
  return Array.isArray(values) && values.some((value) => String(value).toLowerCase() === wanted.toLowerCase());
}
