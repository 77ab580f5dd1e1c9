// Creating and editing VM backup policies (PolicyWrites) against the emulator through the real SDK
// clients: a Standard and an Enhanced hourly policy, an edit Azure applies to the VMs using the
// policy (202 and its operation), how many VMs use a policy, and the service's refusals; then
// that traffic against the published REST specifications.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { BackupReader } from '../../src/azure/backupReader';
import type { Vault } from '../../src/azure/model';
import { PolicyWrites, type PolicySaveStep } from '../../src/azure/policyWrites';
import { newEnhancedPolicyDraft, newStandardPolicyDraft } from '../../src/policy/policyDraft';
import { policyDraftFromResource } from '../../src/policy/policyMapping';
import { validatePolicy } from '../../src/policy/policyRules';
import { lastSequence, rejectsWith, requestsTo, tenantId, vaultNamed } from './operationSteps';

const prod = demoSubscriptions.production;

describe('PolicyWrites against the emulator', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let writes: PolicyWrites;
  let vault: Vault;

  before(async () => {
    env = await startTestEmulator();
    reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(tenantId);
    writes = new PolicyWrites(reader, { pollDelayMs: 5, maxPollDelayMs: 50 });
    vault = await vaultNamed(reader, prod, 'prod-weu-vault');
  });
  after(async () => {
    await env?.close();
  });

  it('lists every policy name of the vault', async () => {
    assert.deepEqual((await writes.policyNames(vault)).sort(), ['DefaultPolicy', 'EnhancedPolicy', 'Hourly-Enhanced', 'Weekly-Sunday']);
  });

  it('creates a Standard weekly policy with one PUT (200) and reads it back as the draft it came from', async () => {
    const draft = newStandardPolicyDraft('Weekly-Archive');
    draft.schedule.frequency = 'Weekly';
    draft.schedule.weekdays = ['Saturday'];
    draft.schedule.time = '23:00';
    draft.timeZone = 'W. Europe Standard Time';
    draft.instantRestoreDays = 5;
    draft.retention = {
      weekly: { weeks: 52, weekdays: ['Saturday'] },
      monthly: { months: 24, format: { type: 'relative', weeks: ['Last'], weekdays: ['Saturday'] } },
    };
    assert.deepEqual(validatePolicy(draft), []);
    const steps: PolicySaveStep[] = [];
    const since = await lastSequence(env);
    const saved = await writes.save(vault, draft, (step) => steps.push(step));
    assert.deepEqual(steps, ['sending', 'reading']);
    assert.deepEqual([saved.policy.name, saved.policy.kind, saved.policy.frequency, saved.policy.protectedItemsCount], ['Weekly-Archive', 'Standard', 'Weekly', 0]);
    assert.deepEqual(policyDraftFromResource(saved.resource), draft);
    const log = await env.requests(since);
    assert.equal(requestsTo(log, 'PUT', /\/backupPolicies\/Weekly-Archive$/).length, 1);
  });

  it('creates an Enhanced hourly policy with archive tiering', async () => {
    const draft = newEnhancedPolicyDraft('Hourly-Tiered');
    draft.schedule.hourly = { intervalHours: 6, windowStartTime: '06:30', windowDurationHours: 12 };
    draft.instantRestoreDays = 14;
    draft.instantRpResourceGroup = { prefix: 'rg-rp-', suffix: '-weu' };
    draft.retention = {
      daily: { days: 30 },
      yearly: { years: 10, months: ['January', 'July'], format: { type: 'absolute', days: [1, 'Last'] } },
    };
    draft.tiering = { mode: 'TierAfter', afterMonths: 6 };
    assert.deepEqual(validatePolicy(draft), []);
    const saved = await writes.save(vault, draft);
    assert.deepEqual([saved.policy.kind, saved.policy.frequency, saved.policy.instantRestoreDays], ['Enhanced', 'Hourly', 14]);
    assert.deepEqual(policyDraftFromResource(saved.resource), draft);
    assert.ok((await writes.policyNames(vault)).includes('Hourly-Tiered'));
  });

  it('edits a policy VMs use: Azure answers 202, the operation is followed, and the usage names the VMs', async () => {
    const resource = await writes.getPolicy(vault, 'DefaultPolicy');
    const usage = await writes.usage(vault, resource);
    assert.equal(usage.count, 2);
    assert.deepEqual(usage.vmNames.sort(), ['web-01', 'web-02']);

    const draft = policyDraftFromResource(resource);
    draft.retention.daily = { days: 45 };
    draft.retention.weekly = { weeks: 8, weekdays: ['Sunday'] };
    const steps: PolicySaveStep[] = [];
    const since = await lastSequence(env);
    const saved = await writes.save(vault, draft, (step) => steps.push(step));
    assert.deepEqual(steps, ['sending', 'updatingItems', 'reading']);
    assert.equal(saved.policy.dailyRetentionDays, 45);
    assert.equal(saved.policy.protectedItemsCount, 2);
    const log = await env.requests(since);
    assert.ok(requestsTo(log, 'GET', /\/backupPolicies\/DefaultPolicy\/operations\//).length >= 1, 'followed the Azure-AsyncOperation');
    assert.deepEqual(policyDraftFromResource(await writes.getPolicy(vault, 'DefaultPolicy')).retention.weekly, { weeks: 8, weekdays: ['Sunday'] });
  });

  it('a policy nobody uses has no VMs', async () => {
    assert.deepEqual(await writes.usage(vault, await writes.getPolicy(vault, 'Weekly-Archive')), { count: 0, vmNames: [] });
  });

  it('a policy that is not there is notFound', async () => {
    await rejectsWith(writes.getPolicy(vault, 'No-Such-Policy'), 'notFound');
  });

  it('explains the service’s vague BMSUserErrorInvalidPolicyInput with the rules it names', async () => {
    const draft = newEnhancedPolicyDraft('Too-Short');
    draft.retention.daily = { days: 5 };
    const error = await rejectsWith(writes.save(vault, draft), 'invalidPolicy', 'BMSUserErrorInvalidPolicyInput');
    assert.match(error.message, /^Azure refused policy 'Too-Short' as invalid for an Enhanced policy: /);
    assert.match(error.message, /dailySchedule\.retentionDuration\.count must be 7 to 9999 days, not 5/);
    assert.ok(!(await writes.policyNames(vault)).includes('Too-Short'), 'nothing was created');
  });

  it('refuses turning an Enhanced policy back into a Standard one', async () => {
    const draft = newStandardPolicyDraft('Hourly-Enhanced');
    const error = await rejectsWith(writes.save(vault, draft), 'invalidPolicy');
    assert.match(error.message, /cannot be changed back to Standard/);
  });

  it('says so when the vault reached 50 policy writes in 24 hours', async () => {
    const eus = await vaultNamed(reader, prod, 'prod-eus-vault');
    const draft = newStandardPolicyDraft('Churn');
    let error;
    for (let write = 0; write < 51 && !error; write++) {
      draft.retention.daily = { days: 30 + write };
      error = await writes.save(eus, draft).then(() => undefined, (caught: unknown) => caught as Error);
    }
    assert.ok(error, 'the 51st write is refused');
    assert.match(error.message, /limit of 50 policy creates and edits in 24 hours/);
  });
});

recordedTrafficConforms('policy writes', 'the policy scenarios');
