import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Vault } from '../../../src/azure/model';
import { changePolicy } from '../../../src/commands/changePolicy';
import type { FlowServices } from '../../../src/commands/services';
import { newEnhancedPolicyDraft, type PolicyDraft } from '../../../src/policy/policyDraft';
import { protectionPolicyResourceFromDraft } from '../../../src/policy/policyMapping';
import { hasErrors } from '../../../src/policy/policyProblem';
import { validatePolicy } from '../../../src/policy/policyRules';
import { testFlowServices } from '../../support/flowServices';
import { label } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { createDailyPolicy, demoSubscriptionsOf, describeWrites, itemNamed, mark, patchVaultSecurity, targetNamed, vaultNamed, writesSince } from './protectionFixtures';

/** Keeps the detail of every confirmation the flow asks for. */
function recordDetails(services: FlowServices): string[] {
  const details: string[] = [];
  const confirm = services.prompts.confirm.bind(services.prompts);
  services.prompts.confirm = (message, detail, ...actions) => {
    details.push(detail);
    return confirm(message, detail, ...actions);
  };
  return details;
}

/** Hourly-Enhanced of the demo estate (sql-01's policy), renamed and changed by `change`. */
function hourlyEnhancedLike(name: string, change: (draft: PolicyDraft) => void): PolicyDraft {
  const draft = newEnhancedPolicyDraft(name);
  draft.schedule.hourly = { intervalHours: 4, windowStartTime: '06:00', windowDurationHours: 16 };
  draft.timeZone = 'W. Europe Standard Time';
  draft.instantRestoreDays = 7;
  draft.retention = {
    daily: { days: 30 },
    weekly: { weeks: 12, weekdays: ['Sunday'] },
    monthly: { months: 12, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } },
  };
  change(draft);
  return draft;
}

/** Creates the policy through the SDK, as the portal would. */
async function createPolicy(env: TestEmulator, vault: Vault, draft: PolicyDraft): Promise<void> {
  assert.ok(!hasErrors(validatePolicy(draft)), `${draft.name} is a valid policy`);
  const client = await env.clients.backup(vault.subscriptionId);
  await client.protectionPolicies.createOrUpdate(vault.name, vault.resourceGroup, draft.name, protectionPolicyResourceFromDraft(draft));
}

const weeklyCut = (name: string) => hourlyEnhancedLike(name, (draft) => (draft.retention.weekly = { weeks: 4, weekdays: ['Sunday'] }));
const monthlyDropped = (name: string) => hourlyEnhancedLike(name, (draft) => delete draft.retention.monthly);
const keepsMore = (name: string) =>
  hourlyEnhancedLike(name, (draft) => {
    draft.instantRestoreDays = 14;
    draft.retention = {
      daily: { days: 60 },
      weekly: { weeks: 26, weekdays: ['Sunday'] },
      monthly: { months: 24, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } },
      yearly: { years: 3, months: ['January'], format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } },
    };
  });

describe('Change Policy', () => {
  let env: TestEmulator;
  beforeEach(async () => {
    env = await startTestEmulator();
  });
  afterEach(async () => {
    await env.close();
  });

  it('updates the item in place: one PUT of the same item, no DELETE, and no warning when nothing is cut', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of web-01', answer: label('Daily-60') }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createDailyPolicy(env, vault, 'Daily-60', 60);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
    const points = target.item.lastRecoveryPoint;
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    const writes = describeWrites(await writesSince(env, since));
    assert.deepEqual(writes, [`PUT ${target.item.id}`]);
    assert.ok(!writes.some((write) => write.startsWith('DELETE')), 'never deleted and re-created');
    const item = await itemNamed(services, vault, 'web-01');
    assert.equal(item?.policyName, 'Daily-60');
    assert.equal(item?.id, target.item.id);
    assert.deepEqual(item?.lastRecoveryPoint, points, 'recovery points untouched');
    assert.equal(services.followed[0]?.final.operation, 'ConfigureBackup');
    assert.ok(services.refreshed.includes(vault.id));
  });

  it('offers the other policies of the vault, not the current one', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of web-01', answer: () => undefined }]);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['EnhancedPolicy', 'Hourly-Enhanced', 'Weekly-Sunday']);
  });

  it('warns before a retention cut, and changes the policy once confirmed', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of web-01', answer: label('Daily-7') },
      { confirm: 'Change the policy of web-01 to Daily-7?', answer: 'Change Policy' },
    ]);
    const details: string[] = [];
    const confirm = services.prompts.confirm.bind(services.prompts);
    services.prompts.confirm = (message, detail, ...actions) => {
      details.push(detail);
      return confirm(message, detail, ...actions);
    };
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createDailyPolicy(env, vault, 'Daily-7', 7);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.equal(
      details[0],
      'Daily-7 keeps less than DefaultPolicy:\nDaily points kept: 30 → 7 days.\nOnce the policy changes, Azure deletes the existing recovery points that Daily-7 does not keep.',
    );
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`PUT ${target.item.id}`]);
    assert.equal((await itemNamed(services, vault, 'web-01'))?.policyName, 'Daily-7');
  });

  it('sends nothing when the retention cut warning is dismissed', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of web-01', answer: label('Daily-7') },
      { confirm: 'Change the policy of web-01 to Daily-7?', answer: undefined },
    ]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createDailyPolicy(env, vault, 'Daily-7', 7);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(describeWrites(await writesSince(env, since)), []);
    assert.equal((await itemNamed(services, vault, 'web-01'))?.policyName, 'DefaultPolicy');
  });

  it('sends nothing when the policy pick is cancelled', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of web-01', answer: () => undefined }]);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    assert.deepEqual(describeWrites(await writesSince(env, since)), []);
  });

  it('warns that Standard to Enhanced is one-way', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of web-01', answer: label('EnhancedPolicy') },
      { confirm: 'Change the policy of web-01 to EnhancedPolicy?', answer: 'Change Policy' },
    ]);
    const details: string[] = [];
    const confirm = services.prompts.confirm.bind(services.prompts);
    services.prompts.confirm = (message, detail, ...actions) => {
      details.push(detail);
      return confirm(message, detail, ...actions);
    };
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.match(details[0]!, /cannot go back to a Standard policy/);
    assert.doesNotMatch(details[0]!, /deleted/, 'same retention: no cut');
    assert.equal((await itemNamed(services, target.vault, 'web-01'))?.policyName, 'EnhancedPolicy');
  });

  it('never offers a Standard policy to a VM on an Enhanced one', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of sql-01', answer: label('EnhancedPolicy') },
      // Hourly-Enhanced keeps weekly and monthly points, EnhancedPolicy daily ones only.
      { confirm: 'Change the policy of sql-01 to EnhancedPolicy?', answer: 'Change Policy' },
    ]);
    const details = recordDetails(services);
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['EnhancedPolicy'], 'Enhanced → Standard is refused by Azure');
    assert.match(details[0]!, /^EnhancedPolicy keeps less than Hourly-Enhanced:\nWeekly points: dropped; Monthly points: dropped\./);
    assert.equal((await itemNamed(services, target.vault, 'sql-01'))?.policyName, 'EnhancedPolicy');
  });

  it('on an immutable vault leaves out the policies that would cut retention', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of web-01', answer: () => undefined }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createDailyPolicy(env, vault, 'Daily-7', 7);
    await patchVaultSecurity(env, vault, { immutability: 'Unlocked' });
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['EnhancedPolicy', 'Hourly-Enhanced']);
  });

  it('warns before a weekly retention cut with the same daily retention, naming weekly only', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of sql-01', answer: label('Hourly-Weekly4') },
      { confirm: 'Change the policy of sql-01 to Hourly-Weekly4?', answer: 'Change Policy' },
    ]);
    const details = recordDetails(services);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createPolicy(env, vault, weeklyCut('Hourly-Weekly4'));
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.equal(
      details[0],
      'Hourly-Weekly4 keeps less than Hourly-Enhanced:\nWeekly points kept: 12 → 4 weeks.\nOnce the policy changes, Azure deletes the existing recovery points that Hourly-Weekly4 does not keep.',
    );
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`PUT ${target.item.id}`]);
    assert.equal((await itemNamed(services, vault, 'sql-01'))?.policyName, 'Hourly-Weekly4');
  });

  it('does not warn when the new policy keeps more in every tier', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of sql-01', answer: label('Hourly-Longer') }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createPolicy(env, vault, keepsMore('Hourly-Longer'));
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`PUT ${target.item.id}`]);
    assert.equal((await itemNamed(services, vault, 'sql-01'))?.policyName, 'Hourly-Longer');
  });

  it('warns when the new policy drops the monthly tier', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of sql-01', answer: label('Hourly-NoMonthly') },
      { confirm: 'Change the policy of sql-01 to Hourly-NoMonthly?', answer: 'Change Policy' },
    ]);
    const details = recordDetails(services);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createPolicy(env, vault, monthlyDropped('Hourly-NoMonthly'));
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.match(details[0]!, /^Hourly-NoMonthly keeps less than Hourly-Enhanced:\nMonthly points: dropped\.\n/);
    assert.equal((await itemNamed(services, vault, 'sql-01'))?.policyName, 'Hourly-NoMonthly');
  });

  it('names every cut, and sends no PUT when the warning is dismissed', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Change Policy of sql-01', answer: label('Hourly-Less') },
      { confirm: 'Change the policy of sql-01 to Hourly-Less?', answer: undefined },
    ]);
    const details = recordDetails(services);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createPolicy(
      env,
      vault,
      hourlyEnhancedLike('Hourly-Less', (draft) => {
        draft.instantRestoreDays = 5;
        draft.retention.weekly = { weeks: 4, weekdays: ['Sunday'] };
        delete draft.retention.monthly;
      }),
    );
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');
    const since = await mark(env);

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.match(details[0]!, /:\nInstant restore snapshots kept: 7 → 5 days; Weekly points kept: 12 → 4 weeks; Monthly points: dropped\.\n/);
    const puts = (await env.requests(since)).filter((exchange) => exchange.method === 'PUT');
    assert.deepEqual(describeWrites(puts), [], 'no PUT at all');
    assert.deepEqual(describeWrites(await writesSince(env, since)), []);
    assert.equal((await itemNamed(services, vault, 'sql-01'))?.policyName, 'Hourly-Enhanced');
  });

  it('on an immutable vault compares every tier: a weekly cut or a dropped tier is not offered', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of sql-01', answer: () => undefined }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await createPolicy(env, vault, weeklyCut('Hourly-Weekly4'));
    await createPolicy(env, vault, monthlyDropped('Hourly-NoMonthly'));
    await createPolicy(env, vault, keepsMore('Hourly-Longer'));
    await patchVaultSecurity(env, vault, { immutability: 'Unlocked' });
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    // EnhancedPolicy keeps daily points only: it drops Hourly-Enhanced's weekly and monthly tiers.
    assert.deepEqual(services.prompts.offered[0]?.labels, ['Hourly-Longer']);
  });
});
