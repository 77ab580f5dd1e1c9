import type { EmulatorState } from '../state/model';
import { jobErrors } from '../backup/serviceErrors';
import { backupErrorTag } from '../backup/onDemandBackup';
import { scheduleTime } from '../backup/defaultPolicies';
import { SeedBuilder } from './seedBuilder';
import { NetworkSeeder } from './networkSeed';

export const demoSubscriptions = {
  production: '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90',
  development: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

/**
 * Two subscriptions in several regions: protected VMs in every state the tree shows (healthy,
 * failed with a real error code, initial backup pending, stopped, soft-deleted), Standard and
 * Enhanced policies, a week of job history, and VMs no vault protects yet. Recovery points in every
 * tier mix: the last nights' with their snapshot and in the vault, older ones in the vault only, and
 * sql-01's monthly points of past months in the archive tier only; file-system consistent (Linux),
 * application-consistent (Windows), and one crash-consistent night of build-agent-01. Each region with VMs
 * has a virtual network (subnets, security groups, public IPs, the interfaces the VMs name), and
 * each subscription a storage account.
 */
export function demoSeed(now: number): EmulatorState {
  const seed = new SeedBuilder(now);
  const prod = seed.subscription(demoSubscriptions.production, 'Contoso Production', ['westeurope', 'northeurope', 'eastus', 'westus2', 'uksouth']);
  // West US has no availability zones: the development subscription can try a zone where there is none.
  const dev = seed.subscription(demoSubscriptions.development, 'Contoso Development', ['westeurope', 'northeurope', 'eastus', 'swedencentral', 'westus']);

  seed.resourceGroup(prod, 'rg-web-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-data-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-backup-prod', 'westeurope');
  seed.resourceGroup(prod, 'rg-app-eastus', 'eastus');
  seed.resourceGroup(prod, 'rg-ml', 'westus2');
  seed.resourceGroup(dev, 'rg-dev', 'northeurope');
  seed.resourceGroup(dev, 'rg-ci', 'northeurope');

  const web1 = seed.vm(prod, 'rg-web-prod', 'web-01', 'westeurope', { size: 'Standard_D2s_v5' });
  const web2 = seed.vm(prod, 'rg-web-prod', 'web-02', 'westeurope', { size: 'Standard_D2s_v5' });
  const web3 = seed.vm(prod, 'rg-web-prod', 'web-03', 'westeurope', { size: 'Standard_D2s_v5' });
  const sql1 = seed.vm(prod, 'rg-data-prod', 'sql-01', 'westeurope', { size: 'Standard_E4s_v5', os: 'Windows' });
  const jumpbox = seed.vm(prod, 'rg-data-prod', 'jumpbox', 'westeurope', { size: 'Standard_B1s', os: 'Windows', powerState: 'deallocated' });
  const app1 = seed.vm(prod, 'rg-app-eastus', 'app-eus-01', 'eastus', { tags: { [backupErrorTag]: 'UserErrorGuestAgentStatusUnavailable' } });
  const app2 = seed.vm(prod, 'rg-app-eastus', 'app-eus-02', 'eastus');
  const app3 = seed.vm(prod, 'rg-app-eastus', 'app-eus-03', 'eastus');
  const ml = seed.vm(prod, 'rg-ml', 'ml-gpu-01', 'westus2', { size: 'Standard_NC6s_v3' });
  const build1 = seed.vm(dev, 'rg-ci', 'build-agent-01', 'northeurope');
  const build2 = seed.vm(dev, 'rg-ci', 'build-agent-02', 'northeurope');
  const old = seed.vm(dev, 'rg-dev', 'legacy-api', 'northeurope', { os: 'Windows' });
  const testVm = seed.vm(dev, 'rg-dev', 'test-vm-01', 'northeurope');

  // Every region with VMs has a network to pick as "existing": each VM has the interface it names.
  const net = new NetworkSeeder(seed.state, now);
  const webNsg = net.securityGroup(prod, 'rg-web-prod', 'web-nsg', 'westeurope', [
    { name: 'AllowHTTPS', priority: 100, port: '443' },
    { name: 'AllowHTTP', priority: 110, port: '80' },
    { name: 'AllowSSHFromVnet', priority: 120, port: '22', source: 'VirtualNetwork' },
  ]);
  const web = net.virtualNetwork(prod, 'rg-web-prod', 'vnet-web-prod', 'westeurope', '10.10.0.0/16', [
    { name: 'web', prefix: '10.10.1.0/24', securityGroupId: webNsg },
    { name: 'app', prefix: '10.10.2.0/24' },
  ]);
  const web1Ip = net.publicIp(prod, 'rg-web-prod', 'web-01-ip', 'westeurope', { sku: 'Standard', label: 'contoso-web-01' });
  net.interfaceFor(web1, web.web!, { publicIpId: web1Ip });
  net.interfaceFor(web2, web.web!);
  net.interfaceFor(web3, web.web!);
  const jumpboxNsg = net.securityGroup(prod, 'rg-data-prod', 'jumpbox-nsg', 'westeurope', [{ name: 'AllowRDP', priority: 300, port: '3389' }]);
  const data = net.virtualNetwork(prod, 'rg-data-prod', 'vnet-data-prod', 'westeurope', '10.20.0.0/16', [
    { name: 'data', prefix: '10.20.1.0/24' },
    { name: 'management', prefix: '10.20.2.0/27' },
  ]);
  net.interfaceFor(sql1, data.data!);
  net.interfaceFor(jumpbox, data.management!, { publicIpId: net.publicIp(prod, 'rg-data-prod', 'jumpbox-ip', 'westeurope', { sku: 'Standard' }), securityGroupId: jumpboxNsg });
  const appNsg = net.securityGroup(prod, 'rg-app-eastus', 'app-eus-nsg', 'eastus', [{ name: 'AllowSSH', priority: 300, port: '22' }]);
  const app = net.virtualNetwork(prod, 'rg-app-eastus', 'vnet-app-eastus', 'eastus', '10.30.0.0/16', [{ name: 'default', prefix: '10.30.0.0/24' }]);
  for (const vm of [app1, app2, app3]) net.interfaceFor(vm, app.default!, { securityGroupId: appNsg });
  net.interfaceFor(ml, net.virtualNetwork(prod, 'rg-ml', 'vnet-ml', 'westus2', '10.40.0.0/16', [{ name: 'gpu', prefix: '10.40.0.0/24' }]).gpu!);
  net.storageAccount(prod, 'rg-web-prod', 'contosowebdiag', 'westeurope', 'Standard_LRS');

  const ci = net.virtualNetwork(dev, 'rg-ci', 'vnet-ci', 'northeurope', '10.50.0.0/16', [{ name: 'agents', prefix: '10.50.0.0/24' }]);
  net.interfaceFor(build1, ci.agents!);
  net.interfaceFor(build2, ci.agents!);
  const devNsg = net.securityGroup(dev, 'rg-dev', 'dev-nsg', 'northeurope', [
    { name: 'AllowSSH', priority: 300, port: '22' },
    { name: 'AllowRDP', priority: 320, port: '3389' },
  ]);
  const devNet = net.virtualNetwork(dev, 'rg-dev', 'vnet-dev', 'northeurope', '10.60.0.0/16', [{ name: 'default', prefix: '10.60.0.0/24', securityGroupId: devNsg }]);
  net.interfaceFor(old, devNet.default!, { publicIpId: net.publicIp(dev, 'rg-dev', 'legacy-api-ip', 'northeurope', { sku: 'Basic', label: 'contoso-legacy-api' }) });
  net.interfaceFor(testVm, devNet.default!);
  net.storageAccount(dev, 'rg-dev', 'contosodevartifacts', 'northeurope', 'Standard_RAGRS');

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
    // Monthly points move to the archive tier after 3 months: sql-01 has some that live only there.
    tieringPolicy: { ArchivedRP: { tieringMode: 'TierAfter', duration: 3, durationType: 'Months' } },
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
  seed.protect(weu, sql1, { policy: 'Hourly-Enhanced', monthlyHistory: 11 });

  const eus = seed.vault(prod, 'rg-app-eastus', 'prod-eus-vault', 'eastus', { redundancy: 'LocallyRedundant' });
  seed.protect(eus, app1, { failures: { count: 2, error: jobErrors.UserErrorGuestAgentStatusUnavailable! } });
  seed.protect(eus, app2, { historyDays: 0 });

  const neu = seed.vault(dev, 'rg-dev', 'dev-neu-vault', 'northeurope', { redundancy: 'LocallyRedundant' });
  seed.protect(neu, build1, { crashConsistentNights: [3] });
  seed.protect(neu, build2, { state: 'ProtectionStopped', historyDays: 3 });
  seed.protect(neu, old, { historyDays: 5, softDeletedDaysAgo: 2 });
  return seed.build();
}
