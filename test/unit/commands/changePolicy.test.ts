import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { changePolicy } from '../../../src/commands/changePolicy';
import { testFlowServices } from '../../support/flowServices';
import { label } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { createDailyPolicy, demoSubscriptionsOf, describeWrites, itemNamed, mark, patchVaultSecurity, targetNamed, vaultNamed, writesSince } from './protectionFixtures';

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
    assert.match(details[0]!, /Daily-7 keeps daily recovery points 7 days, where DefaultPolicy keeps them 30 days: existing points older than 7 days are deleted/);
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
    const services = await testFlowServices(env, [{ pickOne: 'Change Policy of sql-01', answer: label('EnhancedPolicy') }]);
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');

    await changePolicy(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['EnhancedPolicy'], 'Enhanced → Standard is refused by Azure');
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
});
