import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { resumeBackup } from '../../../src/commands/resumeBackup';
import { testFlowServices } from '../../support/flowServices';
import { label } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { demoSubscriptionsOf, describeWrites, itemNamed, mark, patchVaultSecurity, targetNamed, vaultNamed, writesSince } from './protectionFixtures';

describe('Resume Backup', () => {
  let env: TestEmulator;
  beforeEach(async () => {
    env = await startTestEmulator();
  });
  afterEach(async () => {
    await env.close();
  });

  it('resumes a stopped VM with the picked policy of its vault, and follows the job', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Resume Backup of build-agent-02', answer: label('DefaultPolicy') }]);
    const target = await targetNamed(services, 'dev-neu-vault', 'build-agent-02');
    assert.equal(target.item.health, 'stopped');
    const since = await mark(env);

    await resumeBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['DefaultPolicy', 'EnhancedPolicy']);
    const writes = await writesSince(env, since);
    assert.deepEqual(describeWrites(writes), [`PUT ${target.item.id}`]);
    const item = await itemNamed(services, target.vault, 'build-agent-02');
    assert.notEqual(item?.health, 'stopped');
    assert.equal(item?.policyName, 'DefaultPolicy');
    assert.equal(services.followed[0]?.final.operation, 'ConfigureBackup');
    assert.equal(services.followed[0]?.notify, true);
    assert.ok(services.refreshed.includes(target.vault.id));
  });

  it('offers the policy the VM had first and, for an Enhanced one, no Standard policy', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Resume Backup of sql-01', answer: label('Hourly-Enhanced') }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    await patchVaultSecurity(env, vault, { immutability: 'Unlocked' });
    const before = await targetNamed(services, 'prod-weu-vault', 'sql-01');
    // Stopped "as per policy", the item keeps its policy.
    const stopped = await services.azure().operations.stopProtection(before.item, 'retainAsPerPolicy');
    await services.jobs.follow({ vaultId: vault.id, jobName: stopped.jobId!, label: 'stop' });
    services.followed.length = 0;
    const target = await targetNamed(services, 'prod-weu-vault', 'sql-01');
    assert.equal(target.item.health, 'stopped');

    await resumeBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['Hourly-Enhanced', 'EnhancedPolicy']);
    const item = await itemNamed(services, vault, 'sql-01');
    assert.equal(item?.protectionState, 'Protected');
    assert.equal(item?.policyName, 'Hourly-Enhanced');
  });

  it('sends nothing when the policy pick is cancelled', async () => {
    const services = await testFlowServices(env, [{ pickOne: 'Resume Backup of build-agent-02', answer: () => undefined }]);
    const target = await targetNamed(services, 'dev-neu-vault', 'build-agent-02');
    const since = await mark(env);

    await resumeBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(describeWrites(await writesSince(env, since)), []);
    assert.equal((await itemNamed(services, target.vault, 'build-agent-02'))?.health, 'stopped');
  });

  it('from the palette offers only VMs whose backup is stopped', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Resume Backup', answer: label('Contoso Development') },
      { pickOne: 'Resume Backup', answer: () => undefined },
    ]);

    await resumeBackup(services, demoSubscriptionsOf(services));

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[1]?.labels, ['build-agent-02']);
  });
});
