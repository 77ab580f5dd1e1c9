import type { PolicyDraft, RetentionFormat, Weekday } from './policyDraft';
import { monthNames, weekdays, weeksOfMonth } from './policyDraft';
import { policyLimits } from './policyLimits';
import type { PolicyProblem } from './policyProblem';
import { inRange, listText, policyError, policyWarning, rangeMessage } from './policyProblem';

/** The retention rules of AZURE-BACKUP-FACTS.md: which tiers a schedule needs, their ranges and days. */
export function retentionProblems(draft: PolicyDraft): PolicyProblem[] {
  const { retention, schedule } = draft;
  const weeklySchedule = schedule.frequency === 'Weekly';
  const scheduleDays = weeklySchedule ? schedule.weekdays : undefined;
  const problems: PolicyProblem[] = [];
  if (weeklySchedule) {
    if (retention.daily) problems.push(policyError('retention.daily', 'Daily retention does not apply to a weekly schedule: keep the weekly backups with weekly retention.'));
    if (!retention.weekly) problems.push(policyError('retention.weekly', 'A weekly schedule needs weekly retention (1 to 5163 weeks).'));
  } else if (!retention.daily) {
    problems.push(policyError('retention.daily', `${schedule.frequency === 'Hourly' ? 'An hourly' : 'A daily'} schedule needs daily retention (7 to 9999 days).`));
  }
  const { daily, weekly, monthly, yearly } = retention;
  if (daily && !inRange(daily.days, policyLimits.dailyDays)) {
    problems.push(policyError('retention.daily.days', rangeMessage('Daily retention', policyLimits.dailyDays, 'days', daily.days)));
  }
  if (weekly) {
    if (!inRange(weekly.weeks, policyLimits.weeklyWeeks)) {
      problems.push(policyError('retention.weekly.weeks', rangeMessage('Weekly retention', policyLimits.weeklyWeeks, 'weeks', weekly.weeks)));
    }
    problems.push(...dayProblems('retention.weekly.weekdays', 'Weekly retention days', weekly.weekdays, scheduleDays));
  }
  if (monthly) {
    if (!inRange(monthly.months, policyLimits.monthlyMonths)) {
      problems.push(policyError('retention.monthly.months', rangeMessage('Monthly retention', policyLimits.monthlyMonths, 'months', monthly.months)));
    }
    problems.push(...formatProblems('retention.monthly.format', 'Monthly retention', monthly.format, scheduleDays));
  }
  if (yearly) {
    if (!inRange(yearly.years, policyLimits.yearlyYears)) {
      problems.push(policyError('retention.yearly.years', rangeMessage('Yearly retention', policyLimits.yearlyYears, 'years', yearly.years)));
    }
    if (yearly.months.length === 0) problems.push(policyError('retention.yearly.months', 'Yearly retention months: choose at least one month (January to December).'));
    const unknown = yearly.months.filter((month) => !monthNames.includes(month));
    if (unknown.length > 0) problems.push(policyError('retention.yearly.months', `Yearly retention months must be January to December, not ${listText(unknown)}.`));
    problems.push(...formatProblems('retention.yearly.format', 'Yearly retention', yearly.format, scheduleDays));
  }
  return problems;
}

/** With a weekly schedule, only days it backs up can be kept. */
function dayProblems(field: string, label: string, days: readonly Weekday[], scheduleDays: readonly Weekday[] | undefined): PolicyProblem[] {
  if (days.length === 0) return [policyError(field, `${label}: choose at least one day of the week.`)];
  const unknown = days.filter((day) => !weekdays.includes(day));
  if (unknown.length > 0) return [policyError(field, `${label} must be days of the week (Sunday to Saturday), not ${listText(unknown)}.`)];
  const unscheduled = scheduleDays ? days.filter((day) => !scheduleDays.includes(day)) : [];
  if (unscheduled.length === 0) return [];
  return [policyError(field, `${label} must be days the schedule backs up (${listText(scheduleDays ?? [])}); ${listText(unscheduled)} ${unscheduled.length === 1 ? 'is' : 'are'} not.`)];
}

function formatProblems(field: string, label: string, format: RetentionFormat, scheduleDays: readonly Weekday[] | undefined): PolicyProblem[] {
  if (format.type === 'relative') {
    const problems: PolicyProblem[] = [];
    if (format.weeks.length === 0) problems.push(policyError(`${field}.weeks`, `${label} weeks: choose at least one of First, Second, Third, Fourth or Last.`));
    const unknown = format.weeks.filter((week) => !weeksOfMonth.includes(week));
    if (unknown.length > 0) problems.push(policyError(`${field}.weeks`, `${label} weeks must be First, Second, Third, Fourth or Last, not ${listText(unknown)}.`));
    problems.push(...dayProblems(`${field}.weekdays`, `${label} days`, format.weekdays, scheduleDays));
    return problems;
  }
  if (scheduleDays) {
    return [policyError(`${field}.type`, `${label} with a weekly schedule must name a week and day (for example First Sunday), not days of the month.`)];
  }
  if (format.days.length === 0) return [policyError(`${field}.days`, `${label} days of the month: choose at least one (1 to 28, or Last).`)];
  const { min, max } = policyLimits.absoluteDay;
  const bad = format.days.filter((day) => day !== 'Last' && !inRange(day, policyLimits.absoluteDay));
  if (bad.length > 0) return [policyError(`${field}.days`, `${label} days of the month must be ${min} to ${max}, or Last, not ${listText(bad.map(String))}.`)];
  return [];
}

/**
 * Every way an edit makes the saved policy keep less: saving prunes recovery points. Warnings,
 * or errors in an immutable vault, where the service refuses retention cuts.
 */
export function retentionCutProblems(draft: PolicyDraft, original: PolicyDraft, immutableVault = false): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const report = (field: string, cut: string, consequence: string): void => {
    problems.push(immutableVault
      ? policyError(field, `${cut}: this vault is immutable, and Azure refuses retention cuts there.`)
      : policyWarning(field, `${cut}: ${consequence} when you save.`));
  };
  const shrink = (field: string, label: string, before: number, after: number, unit: string): void => {
    if (after < before) report(field, `${label} shrinks from ${before} to ${after} ${unit}`, 'older recovery points are deleted');
  };
  const removed = (field: string, label: string): void => {
    report(field, `${label} is removed`, 'recovery points that only it keeps are deleted');
  };
  const dropped = <T extends string>(field: string, label: string, before: readonly T[], after: readonly T[]): void => {
    const gone = before.filter((item) => !after.includes(item));
    if (gone.length > 0) report(field, `${label} no longer include ${listText(gone)}`, `points kept only for ${gone.length === 1 ? 'it' : 'them'} are deleted`);
  };
  shrink('instantRestoreDays', 'Instant restore snapshot retention', original.instantRestoreDays, draft.instantRestoreDays, 'days');
  const before = original.retention;
  const after = draft.retention;
  if (before.daily) {
    if (!after.daily) removed('retention.daily', 'Daily retention');
    else shrink('retention.daily.days', 'Daily retention', before.daily.days, after.daily.days, 'days');
  }
  if (before.weekly) {
    if (!after.weekly) removed('retention.weekly', 'Weekly retention');
    else {
      shrink('retention.weekly.weeks', 'Weekly retention', before.weekly.weeks, after.weekly.weeks, 'weeks');
      dropped('retention.weekly.weekdays', 'Weekly retention days', before.weekly.weekdays, after.weekly.weekdays);
    }
  }
  if (before.monthly) {
    if (!after.monthly) removed('retention.monthly', 'Monthly retention');
    else shrink('retention.monthly.months', 'Monthly retention', before.monthly.months, after.monthly.months, 'months');
  }
  if (before.yearly) {
    if (!after.yearly) removed('retention.yearly', 'Yearly retention');
    else {
      shrink('retention.yearly.years', 'Yearly retention', before.yearly.years, after.yearly.years, 'years');
      dropped('retention.yearly.months', 'Yearly retention months', before.yearly.months, after.yearly.months);
    }
  }
  return problems;
}
