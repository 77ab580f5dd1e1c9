// Backup policies and discovery, through @azure/arm-recoveryservicesbackup 12.0.0 (imported by
// backup.scenario.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProtectionPolicyResource, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { all, capture, detailMessages, emulatorWithNewVault, paged, refreshContainers, refused, type VaultRef } from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const at = (hh: number, mm = 0) => new Date(Date.UTC(2024, 0, 1, hh, mm));
const days = (count: number) => ({ count, durationType: 'Days' });

/** A valid Standard daily policy at 22:30 UTC keeping 30 days. */
function standardDaily(): Json {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    instantRpRetentionRangeInDays: 2,
    timeZone: 'UTC',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at(22, 30)] },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at(22, 30)], retentionDuration: days(30) } },
  };
}

/** A valid Standard weekly policy (Sunday and Wednesday 01:00), weekly and relative monthly retention. */
function standardWeekly(): Json {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    instantRpRetentionRangeInDays: 5,
    timeZone: 'W. Europe Standard Time',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday', 'Wednesday'], scheduleRunTimes: [at(1)] },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [at(1)], retentionDuration: { count: 12, durationType: 'Weeks' } },
      monthlySchedule: {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
        retentionTimes: [at(1)],
        retentionDuration: { count: 6, durationType: 'Months' },
      },
    },
  };
}

/** A valid Enhanced hourly policy: every 4 h in a 12 h window from 08:00, daily/weekly/monthly/yearly retention. */
function enhancedHourly(): Json {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V2',
    instantRpRetentionRangeInDays: 7,
    timeZone: 'UTC',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: at(8), scheduleWindowDuration: 12 } },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: [at(8)], retentionDuration: days(30) },
      weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [at(8)], retentionDuration: { count: 12, durationType: 'Weeks' } },
      monthlySchedule: {
        retentionScheduleFormatType: 'Daily',
        retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }] },
        retentionTimes: [at(8)],
        retentionDuration: { count: 12, durationType: 'Months' },
      },
      yearlySchedule: {
        retentionScheduleFormatType: 'Weekly',
        monthsOfYear: ['January'],
        retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
        retentionTimes: [at(8)],
        retentionDuration: { count: 5, durationType: 'Years' },
      },
    },
  };
}

const resource = (properties: Json): ProtectionPolicyResource => ({ properties: properties as ProtectionPolicyResource['properties'] });

describe('backup policies', () => {
  let backup: RecoveryServicesBackupClient;
  const v: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'scn-policy-vault' };
  const demo: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };
  const put = (name: string, properties: Json) => backup.protectionPolicies.createOrUpdate(v.vault, v.rg, name, resource(properties));

  emulatorWithNewVault(v, (client) => {
    backup = client;
  });

  it('gives a new vault DefaultPolicy (daily, 30 days, instant restore 2) and EnhancedPolicy', async () => {
    const policies = await all(backup.backupPolicies.list(v.vault, v.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    assert.deepEqual(policies.map((p) => p.name).sort(), ['DefaultPolicy', 'EnhancedPolicy']);
    const standard = (await backup.protectionPolicies.get(v.vault, v.rg, 'DefaultPolicy')).properties as Json;
    assert.equal(standard.backupManagementType, 'AzureIaasVM');
    assert.equal(standard.instantRpRetentionRangeInDays, 2);
    assert.equal(standard.schedulePolicy.scheduleRunFrequency, 'Daily');
    assert.deepEqual(standard.retentionPolicy.dailySchedule.retentionDuration, days(30));
    assert.equal(standard.protectedItemsCount, 0);
    const enhanced = (await backup.protectionPolicies.get(v.vault, v.rg, 'EnhancedPolicy')).properties as Json;
    assert.equal(enhanced.policyType, 'V2');
    assert.equal(enhanced.schedulePolicy.schedulePolicyType, 'SimpleSchedulePolicyV2');
  });

  it('creates Standard daily and weekly and Enhanced hourly policies, and reads them back', async () => {
    const daily = await put('Daily-2230', standardDaily());
    assert.equal(daily.name, 'Daily-2230');
    assert.equal(daily.id, `/subscriptions/${sub}/resourceGroups/${v.rg}/providers/Microsoft.RecoveryServices/vaults/${v.vault}/backupPolicies/Daily-2230`);
    await put('Weekly-SunWed', standardWeekly());
    await put('Hourly-4h', enhancedHourly());
    const weekly = (await backup.protectionPolicies.get(v.vault, v.rg, 'Weekly-SunWed')).properties as Json;
    assert.deepEqual(weekly.schedulePolicy.scheduleRunDays, ['Sunday', 'Wednesday']);
    assert.equal(weekly.retentionPolicy.monthlySchedule.retentionScheduleWeekly.weeksOfTheMonth[0], 'First');
    const hourly = (await backup.protectionPolicies.get(v.vault, v.rg, 'Hourly-4h')).properties as Json;
    assert.deepEqual({ ...hourly.schedulePolicy.hourlySchedule, scheduleWindowStartTime: undefined }, { interval: 4, scheduleWindowDuration: 12, scheduleWindowStartTime: undefined });
    assert.equal(new Date(hourly.schedulePolicy.hourlySchedule.scheduleWindowStartTime).getUTCHours(), 8);
    assert.deepEqual(hourly.retentionPolicy.yearlySchedule.monthsOfYear, ['January']);
    assert.equal(hourly.retentionPolicy.monthlySchedule.retentionScheduleDaily.daysOfTheMonth[0].date, 1);
  });

  it('lists policies page by page', async () => {
    for (const name of ['Daily-a', 'Daily-b']) await put(name, standardDaily());
    const { items, pages } = await paged(backup.backupPolicies.list(v.vault, v.rg));
    assert.equal(items.length, 7);
    assert.equal(pages, 2, 'pageSize 5 makes two pages of seven policies');
    assert.equal(new Set(items.map((p) => p.name)).size, 7);
  });

  it('updates a policy in place', async () => {
    const updated = { ...standardDaily(), retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at(22, 30)], retentionDuration: days(90) } } };
    await put('Daily-2230', updated);
    const policy = (await backup.protectionPolicies.get(v.vault, v.rg, 'Daily-2230')).properties as Json;
    assert.equal(policy.retentionPolicy.dailySchedule.retentionDuration.count, 90);
  });

  it('updates a policy items use with 202 and an operation to follow', async () => {
    const seen = capture();
    const current = (await backup.protectionPolicies.get(demo.vault, demo.rg, 'DefaultPolicy')).properties as Json;
    assert.ok(current.protectedItemsCount > 0);
    const changed = { ...current, retentionPolicy: { ...current.retentionPolicy, dailySchedule: { ...current.retentionPolicy.dailySchedule, retentionDuration: days(45) } } };
    await backup.protectionPolicies.createOrUpdate(demo.vault, demo.rg, 'DefaultPolicy', resource(changed), seen.options);
    assert.equal(seen.status(), 202);
    assert.match(seen.headers().get('location') ?? '', /\/backupPolicies\/DefaultPolicy\/operationResults\//);
    const operationId = new URL(seen.headers().get('azure-asyncoperation')!).pathname.split('/').pop()!;
    const { pollAsyncOperation } = await import('../../src/azure/asyncOperation');
    assert.equal((await pollAsyncOperation(backup, seen.headers().get('azure-asyncoperation')!, { defaultDelayMs: 5 })).status, 'Succeeded');
    assert.ok(operationId);
    const after = (await backup.protectionPolicies.get(demo.vault, demo.rg, 'DefaultPolicy')).properties as Json;
    assert.equal(after.retentionPolicy.dailySchedule.retentionDuration.count, 45);
  });

  const invalid: [string, () => Json, RegExp][] = [
    ['daily retention of 6 days', () => ({ ...standardDaily(), retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at(22, 30)], retentionDuration: days(6) } } }), /dailySchedule\.retentionDuration\.count must be 7 to 9999/],
    ['daily retention of 10000 days', () => ({ ...standardDaily(), retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at(22, 30)], retentionDuration: days(10000) } } }), /not 10000/],
    ['Standard instant restore of 6 days', () => ({ ...standardDaily(), instantRpRetentionRangeInDays: 6 }), /instantRpRetentionRangeInDays must be 1 to 5/],
    ['weekly schedule with instant restore 3', () => ({ ...standardWeekly(), instantRpRetentionRangeInDays: 3 }), /exactly 5 days/],
    ['hourly window not a multiple of the interval', () => {
      const policy = enhancedHourly();
      policy.schedulePolicy.hourlySchedule.scheduleWindowDuration = 10;
      return policy;
    }, /multiple of the interval/],
    ['hourly without daily retention', () => {
      const policy = enhancedHourly();
      delete policy.retentionPolicy.dailySchedule;
      return policy;
    }, /hourly schedule needs daily retention/],
    ['weekly retention on a day the schedule skips', () => {
      const policy = standardWeekly();
      policy.retentionPolicy.weeklySchedule.daysOfTheWeek = ['Monday'];
      return policy;
    }, /weeklySchedule\.daysOfTheWeek has Monday/],
    ['monthly retention on day 29', () => {
      const policy = enhancedHourly();
      policy.retentionPolicy.monthlySchedule.retentionScheduleDaily.daysOfTheMonth = [{ date: 29, isLast: false }];
      return policy;
    }, /day 29/],
    ['yearly retention without months', () => {
      const policy = enhancedHourly();
      policy.retentionPolicy.yearlySchedule.monthsOfYear = [];
      return policy;
    }, /monthsOfYear needs at least one month/],
    ['schedule time 10:15', () => ({ ...standardDaily(), schedulePolicy: { ...standardDaily().schedulePolicy, scheduleRunTimes: [at(10, 15)] }, retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at(10, 15)], retentionDuration: days(30) } } }), /on the hour or the half hour/],
  ];
  for (const [rule, body, detail] of invalid) {
    it(`refuses ${rule} with BMSUserErrorInvalidPolicyInput`, async () => {
      const error = await refused(put('Refused', body()), 400, 'BMSUserErrorInvalidPolicyInput');
      const details = detailMessages(error);
      assert.ok(details.some((message) => detail.test(message)), `details ${JSON.stringify(details)} should match ${detail}`);
      await refused(backup.protectionPolicies.get(v.vault, v.rg, 'Refused'), 404, 'BMSUserErrorPolicyNotFound');
    });
  }

  it('refuses to turn an Enhanced policy back into a Standard one', async () => {
    const error = await refused(put('Hourly-4h', standardDaily()), 400, 'BMSUserErrorInvalidPolicyInput');
    assert.ok(detailMessages(error).some((message) => /cannot be changed back to Standard/.test(message)));
    assert.equal(((await backup.protectionPolicies.get(v.vault, v.rg, 'Hourly-4h')).properties as Json).policyType, 'V2');
  });

  it('deletes an unused policy; a missing one answers 404', async () => {
    await backup.protectionPolicies.beginDeleteAndWait(v.vault, v.rg, 'Daily-a', { updateIntervalInMs: 5 });
    await refused(backup.protectionPolicies.get(v.vault, v.rg, 'Daily-a'), 404, 'BMSUserErrorPolicyNotFound');
    const names = (await all(backup.backupPolicies.list(v.vault, v.rg))).map((p) => p.name);
    assert.ok(!names.includes('Daily-a') && names.includes('Daily-b'));
  });

  it('refuses to delete a policy items use', async () => {
    await refused(backup.protectionPolicies.beginDeleteAndWait(demo.vault, demo.rg, 'DefaultPolicy', { updateIntervalInMs: 5 }), 400, 'BMSUserErrorPolicyObjectInUse');
    assert.equal((await backup.protectionPolicies.get(demo.vault, demo.rg, 'DefaultPolicy')).name, 'DefaultPolicy');
  });
});

describe('backup discovery', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  const v: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'scn-discovery-vault' };
  const demo: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };
  const protectable = async (vault: VaultRef) =>
    (await all(backup.backupProtectableItems.list(vault.vault, vault.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }))).map((item) => item.properties?.friendlyName).sort();

  // Slower than the default so a refresh is still running when first asked about.
  emulatorWithNewVault(v, (client, started) => {
    backup = client;
    env = started;
  }, { emulator: { timeScale: 200 } });

  it('a refresh answers 202 with a Location that answers 202 until 204', async () => {
    assert.deepEqual(await protectable(v), [], 'nothing is protectable before the first refresh');
    const seen = capture();
    await backup.protectionContainers.refresh(v.vault, v.rg, 'Azure', seen.options);
    assert.equal(seen.status(), 202);
    const location = new URL(seen.headers().get('location')!);
    assert.match(location.pathname, /\/vaults\/scn-discovery-vault\/backupFabrics\/Azure\/operationResults\/[^/]+$/);
    const operationId = location.pathname.split('/').pop()!;
    const statuses: number[] = [];
    const poll = capture();
    for (;;) {
      await backup.protectionContainerRefreshOperationResults.get(v.vault, v.rg, 'Azure', operationId, poll.options);
      statuses.push(poll.status());
      if (poll.status() !== 202) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(statuses[0], 202);
    assert.equal(statuses.at(-1), 204);
  });

  it('lists the unprotected VMs of the vault region as protectable', async () => {
    const names = await protectable(v);
    assert.ok(names.includes('web-03') && names.includes('jumpbox'), JSON.stringify(names));
    assert.ok(!names.includes('web-01'), 'a VM protected by another vault is not protectable');
    assert.ok(!names.includes('app-eus-03'), 'a VM of another region is not protectable');
    const items = await all(backup.backupProtectableItems.list(v.vault, v.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    const web3 = items.find((item) => item.properties?.friendlyName === 'web-03')!;
    assert.equal(web3.name, 'VM;iaasvmcontainerv2;rg-web-prod;web-03');
    assert.equal(web3.properties?.protectableItemType, 'Microsoft.Compute/virtualMachines');
    assert.equal((web3.properties as Json).protectionState, 'NotProtected');
  });

  it('a VM created after the last refresh is protectable only after another refresh', async () => {
    const compute = await env.clients.compute(sub);
    await compute.virtualMachines.beginCreateOrUpdateAndWait('rg-web-prod', 'web-04', { location: 'westeurope', hardwareProfile: { vmSize: 'Standard_B2s' } }, { updateIntervalInMs: 20 });
    assert.ok(!(await protectable(v)).includes('web-04'));
    await refreshContainers(backup, v);
    assert.ok((await protectable(v)).includes('web-04'));
  });

  it('the demo VM web-03 is protectable in prod-weu-vault', async () => {
    const names = await protectable(demo);
    assert.ok(names.includes('web-03'), JSON.stringify(names));
    assert.ok(!names.includes('web-02') && !names.includes('sql-01'));
  });
});
