import { ArmError } from '../http/armError';
import { windowsTimeZoneIds } from './windowsTimeZones';

type Json = Record<string, unknown>;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weeksOfMonth = ['First', 'Second', 'Third', 'Fourth', 'Last'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The backup service's own checks of an AzureIaasVM policy. Like the service, it answers
 * BMSUserErrorInvalidPolicyInput with a vague message; the rule that failed is in the details,
 * so a test can tell which one it was. The extension must catch all of these before sending.
 */
export function validateIaasVmPolicy(properties: Json, previous: Json | undefined): void {
  const problems = policyProblems(properties, previous);
  if (problems.length === 0) return;
  throw new ArmError(
    400,
    'BMSUserErrorInvalidPolicyInput',
    'Input for create or update policy is not in proper format. Please check format of parameters like schedule time, schedule days, retention time and retention days',
    {},
    problems.map((message) => ({ code: 'BMSUserErrorInvalidPolicyInput', message })),
  );
}

export function policyProblems(properties: Json, previous: Json | undefined): string[] {
  const problems: string[] = [];
  if (properties.backupManagementType !== 'AzureIaasVM') problems.push(`backupManagementType must be 'AzureIaasVM'.`);
  const policyType = (properties.policyType as string | undefined) ?? 'V1';
  if (policyType !== 'V1' && policyType !== 'V2') problems.push(`policyType must be V1 (Standard) or V2 (Enhanced), not '${policyType}'.`);
  const enhanced = policyType === 'V2';
  if (previous && previous.policyType === 'V2' && !enhanced) {
    problems.push('An Enhanced (V2) policy cannot be changed back to Standard (V1).');
  }
  const timeZone = (properties.timeZone as string | undefined) ?? 'UTC';
  if (!windowsTimeZoneIds.includes(timeZone)) problems.push(`timeZone '${timeZone}' is not a Windows time-zone id (for example 'UTC' or 'W. Europe Standard Time').`);

  const schedule = (properties.schedulePolicy ?? {}) as Json;
  const frequency = schedule.scheduleRunFrequency as string | undefined;
  const scheduleDays: string[] = [];
  let scheduleTimeOfDay: string | undefined;
  if (enhanced) {
    if (schedule.schedulePolicyType !== 'SimpleSchedulePolicyV2') problems.push('An Enhanced policy needs schedulePolicyType SimpleSchedulePolicyV2.');
    if (frequency === 'Hourly') {
      const hourly = (schedule.hourlySchedule ?? {}) as Json;
      const interval = hourly.interval as number | undefined;
      const window = hourly.scheduleWindowDuration as number | undefined;
      if (![4, 6, 8, 12, 24].includes(interval ?? -1)) problems.push(`hourlySchedule.interval must be 4, 6, 8, 12 or 24 hours, not ${String(interval)}.`);
      if (!Number.isInteger(window) || window! < 4 || window! > 24) problems.push(`hourlySchedule.scheduleWindowDuration must be 4 to 24 hours, not ${String(window)}.`);
      else if (interval && window! % interval !== 0) problems.push(`hourlySchedule.scheduleWindowDuration (${window}) must be a multiple of the interval (${interval}).`);
      scheduleTimeOfDay = checkTime(hourly.scheduleWindowStartTime, 'hourlySchedule.scheduleWindowStartTime', problems);
    } else if (frequency === 'Daily') {
      scheduleTimeOfDay = checkTimes((schedule.dailySchedule as Json | undefined)?.scheduleRunTimes, 'dailySchedule.scheduleRunTimes', problems);
    } else if (frequency === 'Weekly') {
      const weekly = (schedule.weeklySchedule ?? {}) as Json;
      scheduleDays.push(...checkDays(weekly.scheduleRunDays, 'weeklySchedule.scheduleRunDays', problems));
      scheduleTimeOfDay = checkTimes(weekly.scheduleRunTimes, 'weeklySchedule.scheduleRunTimes', problems);
    } else {
      problems.push(`scheduleRunFrequency must be Hourly, Daily or Weekly, not '${String(frequency)}'.`);
    }
  } else {
    if (schedule.schedulePolicyType !== 'SimpleSchedulePolicy') problems.push('A Standard policy needs schedulePolicyType SimpleSchedulePolicy.');
    if (frequency === 'Weekly') scheduleDays.push(...checkDays(schedule.scheduleRunDays, 'scheduleRunDays', problems));
    else if (frequency !== 'Daily') problems.push(`A Standard policy runs Daily or Weekly, not '${String(frequency)}'; hourly backups need an Enhanced policy.`);
    scheduleTimeOfDay = checkTimes(schedule.scheduleRunTimes, 'scheduleRunTimes', problems);
  }

  const instant = properties.instantRpRetentionRangeInDays as number | undefined;
  if (instant !== undefined) {
    const [low, high] = enhanced ? [1, 30] : [1, 5];
    if (!Number.isInteger(instant) || instant < low || instant > high) problems.push(`instantRpRetentionRangeInDays must be ${low} to ${high} days for a ${enhanced ? 'Enhanced' : 'Standard'} policy, not ${instant}.`);
    else if (!enhanced && frequency === 'Weekly' && instant !== 5) problems.push(`A Standard policy with a weekly schedule keeps instant restore snapshots for exactly 5 days, not ${instant}.`);
  }
  checkInstantRpDetails(properties.instantRPDetails as Json | undefined, problems);
  checkRetention((properties.retentionPolicy ?? {}) as Json, frequency, scheduleDays, scheduleTimeOfDay, problems);
  checkTiering(properties.tieringPolicy as Json | undefined, enhanced, (properties.retentionPolicy ?? {}) as Json, problems);
  return problems;
}

function checkRetention(retention: Json, frequency: string | undefined, scheduleDays: string[], time: string | undefined, problems: string[]): void {
  if (retention.retentionPolicyType !== 'LongTermRetentionPolicy') {
    problems.push('retentionPolicy.retentionPolicyType must be LongTermRetentionPolicy.');
    return;
  }
  const daily = retention.dailySchedule as Json | undefined;
  const weekly = retention.weeklySchedule as Json | undefined;
  const monthly = retention.monthlySchedule as Json | undefined;
  const yearly = retention.yearlySchedule as Json | undefined;
  if (frequency === 'Weekly') {
    if (daily) problems.push('A weekly schedule cannot have daily retention; use weekly retention.');
    if (!weekly) problems.push('A weekly schedule needs weekly retention.');
  } else if (!daily) {
    problems.push(frequency === 'Hourly' ? 'An hourly schedule needs daily retention.' : 'A daily schedule needs daily retention.');
  }
  if (daily) checkDuration(daily, 'dailySchedule', 'Days', 7, 9999, time, problems);
  if (weekly) {
    checkDuration(weekly, 'weeklySchedule', 'Weeks', 1, 5163, time, problems);
    const days = checkDays(weekly.daysOfTheWeek, 'weeklySchedule.daysOfTheWeek', problems);
    if (frequency === 'Weekly') {
      for (const day of days) if (!scheduleDays.includes(day)) problems.push(`weeklySchedule.daysOfTheWeek has ${day}, which is not a day the schedule backs up (${scheduleDays.join(', ')}).`);
    }
  }
  if (monthly) {
    checkDuration(monthly, 'monthlySchedule', 'Months', 1, 1188, time, problems);
    checkRelativeOrAbsolute(monthly, 'monthlySchedule', frequency, scheduleDays, problems);
  }
  if (yearly) {
    checkDuration(yearly, 'yearlySchedule', 'Years', 1, 99, time, problems);
    const monthsOfYear = yearly.monthsOfYear;
    if (!Array.isArray(monthsOfYear) || monthsOfYear.length === 0) problems.push('yearlySchedule.monthsOfYear needs at least one month.');
    else for (const month of monthsOfYear) if (!months.includes(String(month))) problems.push(`yearlySchedule.monthsOfYear has '${String(month)}', which is not a month.`);
    checkRelativeOrAbsolute(yearly, 'yearlySchedule', frequency, scheduleDays, problems);
  }
}

function checkDuration(schedule: Json, field: string, unit: string, low: number, high: number, time: string | undefined, problems: string[]): void {
  const duration = (schedule.retentionDuration ?? {}) as Json;
  const count = duration.count as number | undefined;
  if (duration.durationType !== unit) problems.push(`${field}.retentionDuration.durationType must be ${unit}.`);
  if (!Number.isInteger(count) || count! < low || count! > high) problems.push(`${field}.retentionDuration.count must be ${low} to ${high} ${unit.toLowerCase()}, not ${String(count)}.`);
  const retentionTime = checkTimes(schedule.retentionTimes, `${field}.retentionTimes`, problems);
  if (time && retentionTime && retentionTime !== time) problems.push(`${field}.retentionTimes (${retentionTime}) must be the schedule's time (${time}).`);
}

function checkRelativeOrAbsolute(schedule: Json, field: string, frequency: string | undefined, scheduleDays: string[], problems: string[]): void {
  const format = schedule.retentionScheduleFormatType;
  if (format === 'Weekly') {
    const weekly = (schedule.retentionScheduleWeekly ?? {}) as Json;
    const days = checkDays(weekly.daysOfTheWeek, `${field}.retentionScheduleWeekly.daysOfTheWeek`, problems);
    const weeks = weekly.weeksOfTheMonth;
    if (!Array.isArray(weeks) || weeks.length === 0) problems.push(`${field}.retentionScheduleWeekly.weeksOfTheMonth needs at least one of First, Second, Third, Fourth, Last.`);
    else for (const week of weeks) if (!weeksOfMonth.includes(String(week))) problems.push(`${field}.retentionScheduleWeekly.weeksOfTheMonth has '${String(week)}'; use First, Second, Third, Fourth or Last.`);
    if (frequency === 'Weekly') for (const day of days) if (!scheduleDays.includes(day)) problems.push(`${field} keeps ${day} backups, but the schedule does not back up on ${day}.`);
  } else if (format === 'Daily') {
    if (frequency === 'Weekly') problems.push(`${field} must use the relative (Weekly) format with a weekly schedule, not days of the month.`);
    const days = ((schedule.retentionScheduleDaily ?? {}) as Json).daysOfTheMonth;
    if (!Array.isArray(days) || days.length === 0) problems.push(`${field}.retentionScheduleDaily.daysOfTheMonth needs at least one day (1-28 or Last).`);
    else for (const day of days as Json[]) {
      if (day.isLast === true) continue;
      const date = day.date as number | undefined;
      if (!Number.isInteger(date) || date! < 1 || date! > 28) problems.push(`${field}.retentionScheduleDaily.daysOfTheMonth has day ${String(date)}; use 1 to 28, or Last.`);
    }
  } else {
    problems.push(`${field}.retentionScheduleFormatType must be Weekly (relative) or Daily (days of the month).`);
  }
}

function checkTiering(tiering: Json | undefined, enhanced: boolean, retention: Json, problems: string[]): void {
  if (!tiering || Object.keys(tiering).length === 0) return;
  if (!enhanced) {
    problems.push('Archive tiering needs an Enhanced policy.');
    return;
  }
  for (const [key, value] of Object.entries(tiering)) {
    const rule = (value ?? {}) as Json;
    if (key !== 'ArchivedRP') problems.push(`tieringPolicy has '${key}'; the only tier is ArchivedRP.`);
    if (rule.tieringMode === 'TierAfter') {
      const months = toMonths(rule.duration as number | undefined, rule.durationType as string | undefined);
      if (months === undefined || months < 3) problems.push('tieringPolicy.ArchivedRP moves recovery points after at least 3 months.');
      const longest = Math.max(retentionMonths(retention.monthlySchedule as Json | undefined), retentionMonths(retention.yearlySchedule as Json | undefined));
      if (months !== undefined && longest - months < 6) problems.push('Archived recovery points must have at least 6 months of retention left when they move: lengthen monthly or yearly retention, or tier sooner.');
    } else if (!['TierRecommended', 'DoNotTier'].includes(String(rule.tieringMode))) {
      problems.push(`tieringPolicy.ArchivedRP.tieringMode must be TierAfter, TierRecommended or DoNotTier, not '${String(rule.tieringMode)}'.`);
    }
  }
}

function checkInstantRpDetails(details: Json | undefined, problems: string[]): void {
  if (!details) return;
  const prefix = (details.azureBackupRGNamePrefix as string | undefined) ?? '';
  const suffix = (details.azureBackupRGNameSuffix as string | undefined) ?? '';
  if (prefix === '' && suffix === '') return;
  const allowed = /^[A-Za-z0-9._\-()]*$/;
  if (prefix === '') problems.push('instantRPDetails.azureBackupRGNamePrefix is required when a suffix is given.');
  if (!allowed.test(prefix) || !allowed.test(suffix)) problems.push('The restore point collection resource group name may use only letters, digits, and . _ - ( ).');
  const last = suffix !== '' ? suffix : undefined;
  if (last?.endsWith('.')) problems.push('The restore point collection resource group name cannot end in a period.');
  if (prefix.length + suffix.length + 1 > 74) problems.push('The restore point collection resource group name, with its numeric suffix, must be at most 74 characters.');
}

function checkDays(value: unknown, field: string, problems: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${field} needs at least one weekday.`);
    return [];
  }
  const days = value.map(String);
  for (const day of days) if (!weekdays.includes(day)) problems.push(`${field} has '${day}', which is not a weekday.`);
  return days;
}

function checkTimes(value: unknown, field: string, problems: string[]): string | undefined {
  if (!Array.isArray(value) || value.length !== 1) {
    problems.push(`${field} needs exactly one time: backups run once a day.`);
    return undefined;
  }
  return checkTime(value[0], `${field}[0]`, problems);
}

function checkTime(value: unknown, field: string, problems: string[]): string | undefined {
  const time = typeof value === 'string' ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime())) {
    problems.push(`${field} must be a date-time.`);
    return undefined;
  }
  if (time.getUTCSeconds() !== 0 || time.getUTCMilliseconds() !== 0 || (time.getUTCMinutes() !== 0 && time.getUTCMinutes() !== 30)) {
    problems.push(`${field} must be on the hour or the half hour, not ${time.toISOString().slice(11, 19)}.`);
  }
  return time.toISOString().slice(11, 16);
}

function toMonths(duration: number | undefined, unit: string | undefined): number | undefined {
  if (!Number.isInteger(duration)) return undefined;
  if (unit === 'Months') return duration!;
  if (unit === 'Years') return duration! * 12;
  if (unit === 'Weeks') return duration! / 4.345;
  if (unit === 'Days') return duration! / 30.44;
  return undefined;
}

function retentionMonths(schedule: Json | undefined): number {
  const duration = (schedule?.retentionDuration ?? {}) as Json;
  return toMonths(duration.count as number | undefined, duration.durationType as string | undefined) ?? 0;
}
