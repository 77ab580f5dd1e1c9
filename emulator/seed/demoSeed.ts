import type { EmulatorState } from '../state/model';
import { jobErrors } from '../backup/serviceErrors';
import { backupErrorTag } from '../backup/onDemandBackup';
import { scheduleTime } from '../backup/defaultPolicies';
import { SeedBuilder } from './seedBuilder';

export const demoSubscriptions = {
  production: '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90',
  development: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

/**
 * Two subscriptions in several regions: protected VMs in every state the tree shows (healthy,
 * failed with a real error code, initial backup pending, stopped, soft-deleted), Standard and
 * Enhanced policies, a week of job history, and VMs no vault protects yet.
 */
export function demoSeed(now: number): EmulatorState {
  const seed = new SeedBuilder(now);
  const prod = seed.subscription(demoSubscriptions.production, 'Contoso Production', ['westeurope', 'northeurope', 'eastus', 'westus2', 'uksouth']);
  const dev = seed.subscription(demoSubscriptions.development, 'Contoso Development', ['westeurope', 'northeurope', 'eastus', 'swedencentral']);

  seed.resourceGroup(prod, 'rg-web-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-data-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-backup-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-app-eastus', 'eastus');
  seed.resourceGroup(prod, 'rg-ml', 'westus2');
  seed.resourceGroup(dev, 'rg-dev', 'northeurope');
  seed.resourceGroup(dev, 'rg-ci', 'northeurope');

  const web1 = seed.vm(prod, 'rg-web-prod', 'web-01', 'westeurope', { size: 'Standard_D2s_v5' });
  const web2 = seed.vm(prod, 'rg-web-prod', 'web-02', 'westeurope', { size: 'Standard_D2s_v5' });
  seed.vm(prod, 'rg-web-prod', 'web-03', 'westeurope', { size: 'Standard_D2s_v5' });
  const sql1 = seed.vm(prod, 'rg-data-prod', 'sql-01', 'westeurope', { size: 'Standard_E4s_v5', os: 'Windows' });
  seed.vm(prod, 'rg-data-prod', 'jumpbox', 'westeurope', { size: 'Standard_B1s', os: 'Windows', powerState: 'deallocated' });
  const app1 = seed.vm(prod, 'rg-app-eastus', 'app-eus-01', 'eastus', { tags: { [backupErrorTag]: 'UserErrorGuestAgentStatusUnavailable' } });
  const app2 = seed.vm(prod, 'rg-app-eastus', 'app-eus-02', 'eastus');
  seed.vm(prod, 'rg-app-eastus', 'app-eus-03', 'eastus');
  seed.vm(prod, 'rg-ml', 'ml-gpu-01', 'westus2', { size: 'Standard_NC6s_v3' });
  const build1 = seed.vm(dev, 'rg-ci', 'build-agent-01', 'northeurope');
  const build2 = seed.vm(dev, 'rg-ci', 'build-agent-02', 'northeurope');
  const old = seed.vm(dev, 'rg-dev', 'legacy-api', 'northeurope', { os: 'Windows' });
  seed.vm(dev, 'rg-dev', 'test-vm-01', 'northeurope');

  const weu = seed.vault(prod, 'rg-backup-prod', 'prod-weu-vault', 'westeurope');
  const hourly = scheduleTime(now - 60 * 86_400_000, 6, 0);
  seed.policy(weu, 'Hourly-Enhanced', {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V2',
    instantRpRetentionRangeInDays: 7,
    timeZone: 'W. Europe Standard Time',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: hourly, scheduleWindowDuration: 16 } },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: [hourly], retentionDuration: { count: 30, durationType: 'Days' } },
      weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [hourly], retentionDuration: { count: 12, durationType: 'Weeks' } },
      monthlySchedule: {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
        retentionTimes: [hourly],
        retentionDuration: { count: 12, durationType: 'Months' },
      },
    },
  });
  const weekly = scheduleTime(now - 60 * 86_400_000, 1, 0);
  seed.policy(weu, 'Weekly-Sunday', {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    instantRpRetentionRangeInDays: 5,
    timeZone: 'UTC',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday'], scheduleRunTimes: [weekly], scheduleWeeklyFrequency: 0 },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [weekly], retentionDuration: { count: 26, durationType: 'Weeks' } },
    },
  });
  seed.protect(weu, web1);
  seed.protect(weu, web2);
  seed.protect(weu, sql1, { policy: 'Hourly-Enhanced' });

  const eus = seed.vault(prod, 'rg-app-eastus', 'prod-eus-vault', 'eastus', { redundancy: 'LocallyRedundant' });
  seed.protect(eus, app1, { failures: { count: 2, error: jobErrors.UserErrorGuestAgentStatusUnavailable! } });
  seed.protect(eus, app2, { historyDays: 0 });

  const neu = seed.vault(dev, 'rg-dev', 'dev-neu-vault', 'northeurope', { redundancy: 'LocallyRedundant' });
  seed.protect(neu, build1);
  seed.protect(neu, build2, { state: 'ProtectionStopped', historyDays: 3 });
  seed.protect(neu, old, { historyDays: 5, softDeletedDaysAgo: 2 });
  return seed.build();
}
