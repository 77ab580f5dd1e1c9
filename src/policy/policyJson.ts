import type { MonthName, WeekOfMonth, Weekday } from './policyDraft';

/**
 * The service's JSON for the `properties` of an AzureIaasVM ProtectionPolicyResource, as this
 * extension writes it (api-version 2023-06-01). Times are ISO date-times whose time part is the
 * time of day in the policy's timeZone ("2024-05-01T22:30:00Z" means 22:30 there); the date part
 * is ignored by the service.
 */
export interface IaasVmPolicyProperties {
  backupManagementType: 'AzureIaasVM';
  /** V1 = Standard, V2 = Enhanced. */
  policyType: 'V1' | 'V2';
  timeZone: string;
  instantRpRetentionRangeInDays: number;
  instantRPDetails?: InstantRpDetailsJson;
  schedulePolicy: SimpleSchedulePolicyJson | SimpleSchedulePolicyV2Json;
  retentionPolicy: LongTermRetentionPolicyJson;
  /** Keyed by target tier: the only one is ArchivedRP. */
  tieringPolicy?: Record<string, TieringPolicyJson>;
}

export interface InstantRpDetailsJson {
  azureBackupRGNamePrefix?: string;
  azureBackupRGNameSuffix?: string;
}

/** Standard (V1): daily or weekly, one time a day. */
export interface SimpleSchedulePolicyJson {
  schedulePolicyType: 'SimpleSchedulePolicy';
  scheduleRunFrequency: string;
  scheduleRunTimes: string[];
  scheduleRunDays?: Weekday[];
  scheduleWeeklyFrequency?: number;
}

/** Enhanced (V2): hourly, daily or weekly. */
export interface SimpleSchedulePolicyV2Json {
  schedulePolicyType: 'SimpleSchedulePolicyV2';
  scheduleRunFrequency: string;
  hourlySchedule?: { interval: number; scheduleWindowStartTime: string; scheduleWindowDuration: number };
  dailySchedule?: { scheduleRunTimes: string[] };
  weeklySchedule?: { scheduleRunDays: Weekday[]; scheduleRunTimes: string[] };
}

export interface RetentionDurationJson {
  count: number;
  durationType: 'Days' | 'Weeks' | 'Months' | 'Years';
}

export interface WeeklyRetentionFormatJson {
  daysOfTheWeek: Weekday[];
  weeksOfTheMonth: WeekOfMonth[];
}

export interface DailyRetentionFormatJson {
  daysOfTheMonth: { date: number; isLast: boolean }[];
}

/** 'Weekly' = relative (First Sunday), 'Daily' = absolute (days of the month). */
export interface MonthlyRetentionScheduleJson {
  retentionScheduleFormatType: 'Weekly' | 'Daily';
  retentionScheduleWeekly?: WeeklyRetentionFormatJson;
  retentionScheduleDaily?: DailyRetentionFormatJson;
  retentionTimes: string[];
  retentionDuration: RetentionDurationJson;
}

export interface YearlyRetentionScheduleJson extends MonthlyRetentionScheduleJson {
  monthsOfYear: MonthName[];
}

export interface LongTermRetentionPolicyJson {
  retentionPolicyType: 'LongTermRetentionPolicy';
  dailySchedule?: { retentionTimes: string[]; retentionDuration: RetentionDurationJson };
  weeklySchedule?: { daysOfTheWeek: Weekday[]; retentionTimes: string[]; retentionDuration: RetentionDurationJson };
  monthlySchedule?: MonthlyRetentionScheduleJson;
  yearlySchedule?: YearlyRetentionScheduleJson;
}

export interface TieringPolicyJson {
  tieringMode: 'TierAfter' | 'TierRecommended' | 'DoNotTier';
  duration?: number;
  durationType?: 'Days' | 'Weeks' | 'Months' | 'Years';
}
