/**
 * The editable model of an AzureIaasVM backup policy, as the policy editor holds it. Plain data
 * (JSON-safe), so a webview can keep it with setState and post it to the host. Every schedule and
 * retention field stays present while the user switches frequency, so nothing typed is lost;
 * the mapper sends only the parts that apply.
 */

export type PolicyKind = 'Standard' | 'Enhanced';
export type ScheduleFrequency = 'Daily' | 'Weekly' | 'Hourly';
export type Weekday = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';
export type WeekOfMonth = 'First' | 'Second' | 'Third' | 'Fourth' | 'Last';
export type MonthName =
  | 'January' | 'February' | 'March' | 'April' | 'May' | 'June'
  | 'July' | 'August' | 'September' | 'October' | 'November' | 'December';
export type HourlyInterval = 4 | 6 | 8 | 12 | 24;
/** A day of the month for absolute retention: 1 to 28, or the month's last day. */
export type DayOfMonth = number | 'Last';
export type TieringMode = 'None' | 'TierAfter' | 'TierRecommended';

export interface HourlyScheduleDraft {
  intervalHours: HourlyInterval;
  /** 'HH:MM', in the policy's time zone. */
  windowStartTime: string;
  windowDurationHours: number;
}

export interface ScheduleDraft {
  frequency: ScheduleFrequency;
  /** 'HH:MM', in the policy's time zone; used by Daily and Weekly. */
  time: string;
  /** The days a Weekly schedule backs up. */
  weekdays: Weekday[];
  hourly: HourlyScheduleDraft;
}

/** "Keep the backup of the First Sunday" (relative) or "of the 1st and the last day" (absolute). */
export type RetentionFormat =
  | { type: 'relative'; weeks: WeekOfMonth[]; weekdays: Weekday[] }
  | { type: 'absolute'; days: DayOfMonth[] };

export interface RetentionDraft {
  daily?: { days: number };
  weekly?: { weeks: number; weekdays: Weekday[] };
  monthly?: { months: number; format: RetentionFormat };
  yearly?: { years: number; months: MonthName[]; format: RetentionFormat };
}

export interface TieringDraft {
  mode: TieringMode;
  /** For TierAfter: months after which monthly and yearly points move to the archive tier. */
  afterMonths: number;
}

/** Resource group for the restore point collections: named `<prefix>N<suffix>`. */
export interface InstantRpResourceGroupDraft {
  prefix: string;
  suffix: string;
}

export interface PolicyDraft {
  name: string;
  kind: PolicyKind;
  schedule: ScheduleDraft;
  /** A Windows time-zone id; Azure does not adjust the schedule for daylight saving. */
  timeZone: string;
  instantRestoreDays: number;
  instantRpResourceGroup?: InstantRpResourceGroupDraft;
  retention: RetentionDraft;
  /** Archive tiering; Enhanced policies only. */
  tiering: TieringDraft;
}

export const weekdays: readonly Weekday[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weeksOfMonth: readonly WeekOfMonth[] = ['First', 'Second', 'Third', 'Fourth', 'Last'];
export const monthNames: readonly MonthName[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const hourlyIntervals: readonly HourlyInterval[] = [4, 6, 8, 12, 24];

/**
 * A new Standard policy: what Azure gives every new vault as DefaultPolicy (daily at 22:30 UTC,
 * 30 daily points, 2 days of instant restore snapshots).
 */
export function newStandardPolicyDraft(name = ''): PolicyDraft {
  return {
    name,
    kind: 'Standard',
    schedule: defaultSchedule('Daily'),
    timeZone: 'UTC',
    instantRestoreDays: 2,
    retention: { daily: { days: 30 } },
    tiering: { mode: 'None', afterMonths: 3 },
  };
}

/**
 * A new Enhanced policy: what Azure gives every new vault as EnhancedPolicy (every 4 hours in a
 * 12-hour window from 08:00 UTC, 30 daily points, 7 days of instant restore snapshots).
 */
export function newEnhancedPolicyDraft(name = ''): PolicyDraft {
  return {
    name,
    kind: 'Enhanced',
    schedule: defaultSchedule('Hourly'),
    timeZone: 'UTC',
    instantRestoreDays: 7,
    retention: { daily: { days: 30 } },
    tiering: { mode: 'None', afterMonths: 3 },
  };
}

export function newPolicyDraft(kind: PolicyKind, name = ''): PolicyDraft {
  return kind === 'Enhanced' ? newEnhancedPolicyDraft(name) : newStandardPolicyDraft(name);
}

function defaultSchedule(frequency: ScheduleFrequency): ScheduleDraft {
  return {
    frequency,
    time: '22:30',
    weekdays: ['Sunday'],
    hourly: { intervalHours: 4, windowStartTime: '08:00', windowDurationHours: 12 },
  };
}

/** A deep copy, so an edit never aliases the original the rules compare against. */
export function clonePolicyDraft(draft: PolicyDraft): PolicyDraft {
  return JSON.parse(JSON.stringify(draft)) as PolicyDraft;
}

/** 'HH:MM' as minutes after midnight, or undefined when it is not a valid 24-hour time. */
export function minutesOfDay(time: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The schedule's time of day that retention applies to: the window start for hourly schedules. */
export function retentionTimeOf(draft: PolicyDraft): string {
  return draft.schedule.frequency === 'Hourly' ? draft.schedule.hourly.windowStartTime : draft.schedule.time;
}
