import type { PolicyRecord } from '../state/model';

/** Today's date at a time of day, in UTC, as the service writes schedule times. */
export function scheduleTime(now: number, hours: number, minutes: number): string {
  const day = new Date(now);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes)).toISOString().replace('.000Z', 'Z');
}

/** The two policies Azure gives a new vault: DefaultPolicy (Standard) and EnhancedPolicy. */
export function newVaultPolicies(_vaultId: string, now: number): Record<string, PolicyRecord> {
  const daily = scheduleTime(now, 22, 30);
  const hourlyStart = scheduleTime(now, 8, 0);
  return {
    defaultpolicy: {
      name: 'DefaultPolicy',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [daily], scheduleWeeklyFrequency: 0 },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [daily], retentionDuration: { count: 30, durationType: 'Days' } },
        },
      },
    },
    enhancedpolicy: {
      name: 'EnhancedPolicy',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V2',
        instantRpRetentionRangeInDays: 7,
        timeZone: 'UTC',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicyV2',
          scheduleRunFrequency: 'Hourly',
          hourlySchedule: { interval: 4, scheduleWindowStartTime: hourlyStart, scheduleWindowDuration: 12 },
        },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [hourlyStart], retentionDuration: { count: 30, durationType: 'Days' } },
        },
      },
    },
  };
}
