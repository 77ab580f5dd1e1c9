import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AzureIaaSVMProtectionPolicy } from '@azure/arm-recoveryservicesbackup';
import type { PolicyDraft } from '../../../src/policy/policyDraft';
import { newEnhancedPolicyDraft, newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import type { IaasVmPolicyProperties } from '../../../src/policy/policyJson';
import { policyDraftFromProperties, policyDraftFromResource, policyPropertiesFromDraft, protectionPolicyResourceFromDraft } from '../../../src/policy/policyMapping';
import { validatePolicy } from '../../../src/policy/policyRules';
import { policyProblems } from '../../../emulator/backup/policyValidation';
import { specsAvailable, specsFolder } from '../../support/conformance';

type Json = Record<string, unknown>;
const examples = 'specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable/2023-06-01/examples/AzureIaasVm';
const now = new Date('2024-05-01T09:41:00Z');

function example(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(specsFolder, examples, file), 'utf8')) as Json;
}

/** Every AzureIaasVM policy the published examples show: requests and responses. */
function examplePolicies(): { label: string; name: string; properties: Json }[] {
  const policies: { label: string; name: string; properties: Json }[] = [];
  for (const file of ['ProtectionPolicies_CreateOrUpdate_Simple.json', 'V2Policy/IaaS_v2_daily.json', 'V2Policy/IaaS_v2_hourly.json']) {
    const json = example(file) as { parameters: { policyName: string; parameters: { properties: Json } }; responses: { 200: { body: { properties: Json } } } };
    policies.push({ label: `${file} request`, name: json.parameters.policyName, properties: json.parameters.parameters.properties });
    policies.push({ label: `${file} response`, name: json.parameters.policyName, properties: json.responses[200].body.properties });
  }
  const get = example('ProtectionPolicies_Get.json') as { responses: { 200: { body: { name: string; properties: Json } } } };
  policies.push({ label: 'ProtectionPolicies_Get.json', name: get.responses[200].body.name, properties: get.responses[200].body.properties });
  const list = example('V2Policy/v2-List-Policies.json') as { responses: { 200: { body: { value: { name: string; properties: Json }[] } } } };
  for (const policy of list.responses[200].body.value) policies.push({ label: `v2-List-Policies.json ${policy.name}`, name: policy.name, properties: policy.properties });
  return policies;
}

/** Drops read-only and null fields, and reads every date-time as its time of day (the service ignores the date). */
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (value instanceof Date) return value.toISOString().slice(11, 16);
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return new Date(value).toISOString().slice(11, 16);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key, item]) => item !== null && key !== 'protectedItemsCount' && key !== 'resourceGuardOperationRequests');
  return Object.fromEntries(entries.map(([key, item]) => [key, normalized(item)]));
}

/**
 * What this extension writes beyond an example: the fields the service defaults (policyType,
 * timeZone, instant restore days, V1's scheduleWeeklyFrequency), an explicit "no tiering" for
 * Enhanced (an absent tier keeps the service's setting), and every retention time set to the
 * schedule's time (the V2 examples disagree with themselves there; the service wants them equal).
 */
function withWrittenDefaults(properties: Json): Json {
  const result = structuredClone(properties);
  const schedule = result.schedulePolicy as Json;
  const enhanced = schedule.schedulePolicyType === 'SimpleSchedulePolicyV2';
  result.policyType ??= enhanced ? 'V2' : 'V1';
  result.timeZone ??= 'UTC';
  result.instantRpRetentionRangeInDays ??= enhanced ? 7 : 2;
  if (!enhanced) schedule.scheduleWeeklyFrequency ??= 0;
  if (enhanced) result.tieringPolicy ??= { ArchivedRP: { tieringMode: 'DoNotTier' } };
  const time = enhanced
    ? ((schedule.hourlySchedule as Json | undefined)?.scheduleWindowStartTime ?? ((schedule.dailySchedule ?? schedule.weeklySchedule) as Json).scheduleRunTimes)
    : schedule.scheduleRunTimes;
  const retentionTime = Array.isArray(time) ? time : [time];
  for (const tier of Object.values(result.retentionPolicy as Json)) if (typeof tier === 'object' && tier !== null) (tier as Json).retentionTimes = retentionTime;
  return result;
}

/** Drafts covering every part of the model. */
function richDrafts(): PolicyDraft[] {
  const weekly = newStandardPolicyDraft('weekly-sundays');
  weekly.schedule = { ...weekly.schedule, frequency: 'Weekly', time: '01:30', weekdays: ['Sunday', 'Wednesday'] };
  weekly.timeZone = 'Pacific Standard Time';
  weekly.instantRestoreDays = 5;
  weekly.instantRpResourceGroup = { prefix: 'rg-snapshots-', suffix: '' };
  weekly.retention = {
    weekly: { weeks: 12, weekdays: ['Sunday', 'Wednesday'] },
    monthly: { months: 60, format: { type: 'relative', weeks: ['First', 'Last'], weekdays: ['Sunday'] } },
    yearly: { years: 10, months: ['January', 'July'], format: { type: 'relative', weeks: ['Second'], weekdays: ['Wednesday'] } },
  };
  const daily = newEnhancedPolicyDraft('daily-archive');
  daily.schedule.frequency = 'Daily';
  daily.schedule.time = '23:00';
  daily.timeZone = 'India Standard Time';
  daily.instantRestoreDays = 14;
  daily.instantRpResourceGroup = { prefix: 'rp(', suffix: ')_weu' };
  daily.retention = {
    daily: { days: 180 },
    weekly: { weeks: 52, weekdays: ['Saturday'] },
    monthly: { months: 120, format: { type: 'absolute', days: [1, 15, 'Last'] } },
    yearly: { years: 99, months: ['December'], format: { type: 'absolute', days: ['Last'] } },
  };
  daily.tiering = { mode: 'TierAfter', afterMonths: 6 };
  const hourly = newEnhancedPolicyDraft('every-six-hours');
  hourly.schedule.hourly = { intervalHours: 6, windowStartTime: '20:30', windowDurationHours: 24 };
  hourly.tiering = { mode: 'TierRecommended', afterMonths: 3 };
  hourly.retention.yearly = { years: 3, months: ['March'], format: { type: 'relative', weeks: ['Fourth'], weekdays: ['Friday'] } };
  return [newStandardPolicyDraft('DefaultPolicy'), newEnhancedPolicyDraft('EnhancedPolicy'), weekly, daily, hourly];
}

describe('policy mapping', () => {
  it('round-trips every AzureIaasVM policy of the published 2023-06-01 examples', (context) => {
    if (!specsAvailable()) {
      context.skip(`no Azure specs at ${specsFolder}`);
      return;
    }
    const policies = examplePolicies();
    assert.equal(policies.length, 10);
    for (const { label, name, properties } of policies) {
      const draft = policyDraftFromProperties(name, properties as unknown as IaasVmPolicyProperties);
      assert.equal(draft.name, name);
      assert.deepEqual(normalized(policyPropertiesFromDraft(draft, { now })), normalized(withWrittenDefaults(properties)), label);
    }
  });

  it('reads the hourly example as an Enhanced policy every 4 hours for 16 hours from 08:00 India time', (context) => {
    if (!specsAvailable()) {
      context.skip(`no Azure specs at ${specsFolder}`);
      return;
    }
    const json = example('V2Policy/IaaS_v2_hourly.json') as { parameters: { parameters: { properties: IaasVmPolicyProperties } } };
    const draft = policyDraftFromProperties('v2-hourly', json.parameters.parameters.properties);
    assert.equal(draft.kind, 'Enhanced');
    assert.equal(draft.timeZone, 'India Standard Time');
    assert.equal(draft.instantRestoreDays, 30);
    assert.deepEqual(draft.schedule.hourly, { intervalHours: 4, windowStartTime: '08:00', windowDurationHours: 16 });
    assert.deepEqual(draft.retention.monthly, { months: 60, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } });
    assert.deepEqual(draft.retention.yearly, { years: 10, months: ['January'], format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } });
  });

  it('round-trips drafts exactly: draft → JSON → draft, and JSON → draft → JSON', () => {
    for (const draft of richDrafts()) {
      const properties = policyPropertiesFromDraft(draft, { now });
      assert.deepEqual(policyDraftFromProperties(draft.name, properties), draft, draft.name);
      assert.deepEqual(policyPropertiesFromDraft(policyDraftFromProperties(draft.name, properties), { now }), properties, draft.name);
    }
  });

  it('writes the shapes the service expects', () => {
    const [standard, enhanced, weekly, daily] = richDrafts();
    assert.deepEqual(policyPropertiesFromDraft(standard!, { now }), {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      timeZone: 'UTC',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-05-01T22:30:00Z'], scheduleWeeklyFrequency: 0 },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: ['2024-05-01T22:30:00Z'], retentionDuration: { count: 30, durationType: 'Days' } },
      },
    });
    assert.deepEqual(policyPropertiesFromDraft(enhanced!, { now }).schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: { interval: 4, scheduleWindowStartTime: '2024-05-01T08:00:00Z', scheduleWindowDuration: 12 },
    });
    const weeklyJson = policyPropertiesFromDraft(weekly!, { now });
    assert.deepEqual(weeklyJson.schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunTimes: ['2024-05-01T01:30:00Z'], scheduleRunDays: ['Sunday', 'Wednesday'], scheduleWeeklyFrequency: 0,
    });
    assert.deepEqual(weeklyJson.instantRPDetails, { azureBackupRGNamePrefix: 'rg-snapshots-' });
    const dailyJson = policyPropertiesFromDraft(daily!, { now });
    assert.deepEqual(dailyJson.retentionPolicy.monthlySchedule?.retentionScheduleDaily, {
      daysOfTheMonth: [{ date: 1, isLast: false }, { date: 15, isLast: false }, { date: 0, isLast: true }],
    });
    assert.deepEqual(dailyJson.tieringPolicy, { ArchivedRP: { tieringMode: 'TierAfter', duration: 6, durationType: 'Months' } });
    assert.deepEqual(dailyJson.instantRPDetails, { azureBackupRGNamePrefix: 'rp(', azureBackupRGNameSuffix: ')_weu' });
  });

  it('reads the SDK model, whose times are Date objects', () => {
    const properties = policyPropertiesFromDraft(richDrafts()[4]!, { now });
    const sdk = JSON.parse(JSON.stringify(properties), (_key, value: unknown) => (typeof value === 'string' && value.endsWith(':00Z') ? new Date(value) : value)) as AzureIaaSVMProtectionPolicy;
    const draft = policyDraftFromResource({ name: 'every-six-hours', properties: sdk });
    assert.deepEqual(draft, richDrafts()[4]);
    const resource = protectionPolicyResourceFromDraft(draft, { now });
    assert.equal(resource.properties?.backupManagementType, 'AzureIaasVM');
  });

  it('opens an unreadable policy with the defaults of its kind rather than failing', () => {
    const draft = policyDraftFromProperties('odd', { backupManagementType: 'AzureIaasVM' } as AzureIaaSVMProtectionPolicy);
    assert.equal(draft.kind, 'Standard');
    assert.equal(draft.schedule.time, '22:30');
    assert.deepEqual(draft.retention, {});
    assert.match(validatePolicy(draft).map((problem) => problem.message).join('\n'), /needs daily retention/);
  });

  it('writes only policies the emulated service accepts when the rules pass', () => {
    for (const draft of richDrafts()) {
      assert.deepEqual(validatePolicy(draft), [], draft.name);
      assert.deepEqual(policyProblems(policyPropertiesFromDraft(draft, { now }) as unknown as Json, undefined), [], draft.name);
    }
  });

  it('catches before sending what the emulated service would refuse', () => {
    const broken: [string, (draft: PolicyDraft) => void][] = [
      ['daily 6 days', (draft) => (draft.retention.daily = { days: 6 })],
      ['time 10:15', (draft) => (draft.schedule.time = '10:15')],
      ['hourly on Standard', (draft) => (draft.schedule.frequency = 'Hourly')],
      ['instant restore 6', (draft) => (draft.instantRestoreDays = 6)],
      ['unknown time zone', (draft) => (draft.timeZone = 'Mars Standard Time')],
      ['monthly day 29', (draft) => (draft.retention.monthly = { months: 12, format: { type: 'absolute', days: [29] } })],
      ['yearly 100 years', (draft) => (draft.retention.yearly = { years: 100, months: ['May'], format: { type: 'absolute', days: [1] } })],
      ['long RG name', (draft) => (draft.instantRpResourceGroup = { prefix: 'p'.repeat(74), suffix: '' })],
    ];
    for (const [label, breakIt] of broken) {
      const draft = newStandardPolicyDraft('broken');
      breakIt(draft);
      assert.notDeepEqual(validatePolicy(draft).filter((problem) => problem.severity === 'error'), [], `rules miss: ${label}`);
      assert.notDeepEqual(policyProblems(policyPropertiesFromDraft(draft, { now }) as unknown as Json, undefined), [], `emulator misses: ${label}`);
    }
  });
});
