import type { AzureIaaSVMProtectionPolicy, ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import type {
  DayOfMonth, MonthName, PolicyDraft, PolicyKind, RetentionDraft, RetentionFormat, ScheduleDraft, TieringDraft, WeekOfMonth,
} from './policyDraft';
import { hourlyIntervals, monthNames, newPolicyDraft, retentionTimeOf, weekdays, weeksOfMonth } from './policyDraft';
import type {
  IaasVmPolicyProperties, LongTermRetentionPolicyJson, MonthlyRetentionScheduleJson, SimpleSchedulePolicyJson,
  SimpleSchedulePolicyV2Json, TieringPolicyJson,
} from './policyJson';

type Json = Record<string, unknown>;

export interface PolicyWriteOptions {
  /** Its UTC date becomes the date part of the schedule times (the service ignores it). Default: now. */
  now?: Date;
}

/** The `properties` to PUT for a draft. Only the parts that apply to its kind and frequency are written. */
export function policyPropertiesFromDraft(draft: PolicyDraft, options: PolicyWriteOptions = {}): IaasVmPolicyProperties {
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const at = (time: string): string => `${date}T${time}:00Z`;
  const enhanced = draft.kind === 'Enhanced';
  const properties: IaasVmPolicyProperties = {
    backupManagementType: 'AzureIaasVM',
    policyType: enhanced ? 'V2' : 'V1',
    timeZone: draft.timeZone,
    instantRpRetentionRangeInDays: draft.instantRestoreDays,
    schedulePolicy: enhanced ? scheduleV2(draft.schedule, at) : scheduleV1(draft.schedule, at),
    retentionPolicy: retentionJson(draft.retention, at(retentionTimeOf(draft))),
  };
  const group = draft.instantRpResourceGroup;
  if (group && (group.prefix !== '' || group.suffix !== '')) {
    properties.instantRPDetails = { azureBackupRGNamePrefix: group.prefix, ...(group.suffix !== '' ? { azureBackupRGNameSuffix: group.suffix } : {}) };
  }
  // An absent tier keeps the service's current setting, so "no tiering" is sent explicitly.
  if (enhanced) properties.tieringPolicy = { ArchivedRP: tieringJson(draft.tiering) };
  return properties;
}

/** The resource to pass to the SDK's protectionPolicies.createOrUpdate (times as ISO strings, which its serializer accepts). */
export function protectionPolicyResourceFromDraft(draft: PolicyDraft, options: PolicyWriteOptions = {}): ProtectionPolicyResource {
  return { properties: policyPropertiesFromDraft(draft, options) as unknown as AzureIaaSVMProtectionPolicy };
}

/**
 * The draft for a policy the service returned: its JSON, or the SDK's deserialized model (times as
 * Date). Lenient: a missing or unknown part falls back to the defaults of a new policy of its kind,
 * so the editor opens, and the rules then say what is wrong.
 */
export function policyDraftFromProperties(name: string, properties: IaasVmPolicyProperties | AzureIaaSVMProtectionPolicy): PolicyDraft {
  const json = properties as unknown as Json;
  const schedule = object(json.schedulePolicy);
  const kind: PolicyKind = json.policyType === 'V2' || schedule.schedulePolicyType === 'SimpleSchedulePolicyV2' ? 'Enhanced' : 'Standard';
  const draft = newPolicyDraft(kind, name);
  draft.schedule = scheduleDraft(schedule, kind, draft.schedule);
  if (typeof json.timeZone === 'string' && json.timeZone !== '') draft.timeZone = json.timeZone;
  if (typeof json.instantRpRetentionRangeInDays === 'number') draft.instantRestoreDays = json.instantRpRetentionRangeInDays;
  const details = object(json.instantRPDetails);
  const prefix = text(details.azureBackupRGNamePrefix);
  const suffix = text(details.azureBackupRGNameSuffix);
  if (prefix !== '' || suffix !== '') draft.instantRpResourceGroup = { prefix, suffix };
  draft.retention = retentionDraft(object(json.retentionPolicy));
  draft.tiering = tieringDraft(object(object(json.tieringPolicy).ArchivedRP), draft.tiering);
  return draft;
}

/** The draft for a ProtectionPolicyResource as the SDK returns it. */
export function policyDraftFromResource(resource: ProtectionPolicyResource): PolicyDraft {
  return policyDraftFromProperties(resource.name ?? '', (resource.properties ?? {}) as AzureIaaSVMProtectionPolicy);
}

function scheduleV1(schedule: ScheduleDraft, at: (time: string) => string): SimpleSchedulePolicyJson {
  return {
    schedulePolicyType: 'SimpleSchedulePolicy',
    scheduleRunFrequency: schedule.frequency,
    scheduleRunTimes: [at(schedule.time)],
    ...(schedule.frequency === 'Weekly' ? { scheduleRunDays: [...schedule.weekdays] } : {}),
    scheduleWeeklyFrequency: 0,
  };
}

function scheduleV2(schedule: ScheduleDraft, at: (time: string) => string): SimpleSchedulePolicyV2Json {
  const json: SimpleSchedulePolicyV2Json = { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: schedule.frequency };
  if (schedule.frequency === 'Hourly') {
    const { intervalHours, windowStartTime, windowDurationHours } = schedule.hourly;
    json.hourlySchedule = { interval: intervalHours, scheduleWindowStartTime: at(windowStartTime), scheduleWindowDuration: windowDurationHours };
  } else if (schedule.frequency === 'Weekly') {
    json.weeklySchedule = { scheduleRunDays: [...schedule.weekdays], scheduleRunTimes: [at(schedule.time)] };
  } else {
    json.dailySchedule = { scheduleRunTimes: [at(schedule.time)] };
  }
  return json;
}

function retentionJson(retention: RetentionDraft, time: string): LongTermRetentionPolicyJson {
  const json: LongTermRetentionPolicyJson = { retentionPolicyType: 'LongTermRetentionPolicy' };
  const { daily, weekly, monthly, yearly } = retention;
  if (daily) json.dailySchedule = { retentionTimes: [time], retentionDuration: { count: daily.days, durationType: 'Days' } };
  if (weekly) {
    json.weeklySchedule = { daysOfTheWeek: [...weekly.weekdays], retentionTimes: [time], retentionDuration: { count: weekly.weeks, durationType: 'Weeks' } };
  }
  if (monthly) json.monthlySchedule = { ...formatJson(monthly.format), retentionTimes: [time], retentionDuration: { count: monthly.months, durationType: 'Months' } };
  if (yearly) {
    json.yearlySchedule = {
      ...formatJson(yearly.format),
      monthsOfYear: [...yearly.months],
      retentionTimes: [time],
      retentionDuration: { count: yearly.years, durationType: 'Years' },
    };
  }
  return json;
}

function formatJson(format: RetentionFormat): Pick<MonthlyRetentionScheduleJson, 'retentionScheduleFormatType' | 'retentionScheduleWeekly' | 'retentionScheduleDaily'> {
  if (format.type === 'relative') {
    return { retentionScheduleFormatType: 'Weekly', retentionScheduleWeekly: { daysOfTheWeek: [...format.weekdays], weeksOfTheMonth: [...format.weeks] } };
  }
  return {
    retentionScheduleFormatType: 'Daily',
    retentionScheduleDaily: { daysOfTheMonth: format.days.map((day) => (day === 'Last' ? { date: 0, isLast: true } : { date: day, isLast: false })) },
  };
}

function tieringJson(tiering: TieringDraft): TieringPolicyJson {
  if (tiering.mode === 'TierAfter') return { tieringMode: 'TierAfter', duration: tiering.afterMonths, durationType: 'Months' };
  if (tiering.mode === 'TierRecommended') return { tieringMode: 'TierRecommended' };
  return { tieringMode: 'DoNotTier' };
}

function scheduleDraft(json: Json, kind: PolicyKind, fallback: ScheduleDraft): ScheduleDraft {
  const frequency = (['Daily', 'Weekly', 'Hourly'] as const).find((value) => value === json.scheduleRunFrequency) ?? fallback.frequency;
  const schedule: ScheduleDraft = { ...fallback, frequency, weekdays: [...fallback.weekdays], hourly: { ...fallback.hourly } };
  const hourly = object(json.hourlySchedule);
  const weekly = object(json.weeklySchedule);
  const runTimes = kind === 'Enhanced' ? (frequency === 'Weekly' ? weekly.scheduleRunTimes : object(json.dailySchedule).scheduleRunTimes) : json.scheduleRunTimes;
  schedule.time = timeOfDay(first(runTimes)) ?? fallback.time;
  const runDays = kind === 'Enhanced' ? weekly.scheduleRunDays : json.scheduleRunDays;
  if (frequency === 'Weekly') schedule.weekdays = pick(runDays, weekdays);
  if (frequency === 'Hourly' || Object.keys(hourly).length > 0) {
    const interval = hourlyIntervals.find((value) => value === hourly.interval);
    if (interval !== undefined) schedule.hourly.intervalHours = interval;
    schedule.hourly.windowStartTime = timeOfDay(hourly.scheduleWindowStartTime) ?? fallback.hourly.windowStartTime;
    if (typeof hourly.scheduleWindowDuration === 'number') schedule.hourly.windowDurationHours = hourly.scheduleWindowDuration;
  }
  return schedule;
}

function retentionDraft(json: Json): RetentionDraft {
  const retention: RetentionDraft = {};
  const daily = object(json.dailySchedule);
  const weekly = object(json.weeklySchedule);
  const monthly = object(json.monthlySchedule);
  const yearly = object(json.yearlySchedule);
  if (Object.keys(daily).length > 0) retention.daily = { days: count(daily) };
  if (Object.keys(weekly).length > 0) retention.weekly = { weeks: count(weekly), weekdays: pick(weekly.daysOfTheWeek, weekdays) };
  if (Object.keys(monthly).length > 0) retention.monthly = { months: count(monthly), format: formatDraft(monthly) };
  if (Object.keys(yearly).length > 0) {
    retention.yearly = { years: count(yearly), months: pick<MonthName>(yearly.monthsOfYear, monthNames), format: formatDraft(yearly) };
  }
  return retention;
}

function formatDraft(json: Json): RetentionFormat {
  if (json.retentionScheduleFormatType === 'Daily') {
    const days = object(json.retentionScheduleDaily).daysOfTheMonth;
    return {
      type: 'absolute',
      days: (Array.isArray(days) ? days : []).map((day): DayOfMonth => {
        const value = object(day);
        return value.isLast === true ? 'Last' : Number(value.date);
      }),
    };
  }
  const weekly = object(json.retentionScheduleWeekly);
  return { type: 'relative', weeks: pick<WeekOfMonth>(weekly.weeksOfTheMonth, weeksOfMonth), weekdays: pick(weekly.daysOfTheWeek, weekdays) };
}

function tieringDraft(json: Json, fallback: TieringDraft): TieringDraft {
  if (json.tieringMode === 'TierRecommended') return { ...fallback, mode: 'TierRecommended' };
  if (json.tieringMode !== 'TierAfter') return { ...fallback };
  const duration = typeof json.duration === 'number' ? json.duration : fallback.afterMonths;
  const perMonth: Record<string, number> = { Days: 30.44, Weeks: 4.345, Months: 1, Years: 1 / 12 };
  return { mode: 'TierAfter', afterMonths: Math.round(duration / (perMonth[String(json.durationType)] ?? 1)) };
}

/** The time of day an ISO date-time (or Date) names, as 'HH:MM' in its UTC reading. */
function timeOfDay(value: unknown): string | undefined {
  if (!(value instanceof Date) && typeof value !== 'string') return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(11, 16);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

function count(schedule: Json): number {
  return Number(object(schedule.retentionDuration).count ?? 0);
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  return Array.isArray(value) ? value.filter((item): item is T => allowed.includes(item as T)) : [];
}

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
