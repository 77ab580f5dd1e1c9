import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { undeleteBackup } from '../../../src/commands/undeleteBackup';
import { testFlowServices } from '../../support/flowServices';
import { label } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { demoSubscriptionsOf, describeWrites, itemNamed, mark, targetNamed, writesSince } from './protectionFixtures';

describe('Undelete Backup', () => {
  let env: TestEmulator;
  beforeEach(async () => {
    env = await startTestEmulator();
  });
  afterEach(async () => {
    await env.close();
  });

  it('brings the data back with backup stopped, then offers to resume', async () => {
    const services = await testFlowServices(env, [
      { confirm: 'Undelete the backup data of legacy-api?', answer: 'Undelete' },
      { info: /The backup data of legacy-api is back; its backup stays stopped/, answer: undefined },
    ]);
    const target = await targetNamed(services, 'dev-neu-vault', 'legacy-api');
    assert.equal(target.item.health, 'softDeleted');
    const since = await mark(env);

    await undeleteBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    const writes = await writesSince(env, since);
    assert.deepEqual(describeWrites(writes), [`PUT ${target.item.id}`]);
    assert.equal((writes[0]!.requestBody as { properties: { isRehydrate?: boolean } }).properties.isRehydrate, true);
    const item = await itemNamed(services, target.vault, 'legacy-api');
    assert.equal(item?.health, 'stopped');
    assert.equal(item?.purgeTime, undefined);
    assert.equal(services.followed[0]?.final.operation, 'Undelete');
    assert.equal(services.followed[0]?.notify, false, 'the flow says itself that the data is back');
  });

  it('resumes backup when asked, once the undelete job has ended', async () => {
    const services = await testFlowServices(env, [
      { confirm: 'Undelete the backup data of legacy-api?', answer: 'Undelete' },
      { info: /The backup data of legacy-api is back/, answer: 'Resume Backup' },
      { pickOne: 'Resume Backup of legacy-api', answer: label('DefaultPolicy') },
    ]);
    const target = await targetNamed(services, 'dev-neu-vault', 'legacy-api');

    await undeleteBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    const item = await itemNamed(services, target.vault, 'legacy-api');
    assert.notEqual(item?.health, 'stopped');
    assert.equal(item?.policyName, 'DefaultPolicy');
    assert.deepEqual(
      services.followed.map((followed) => followed.final.operation),
      ['Undelete', 'ConfigureBackup'],
    );
  });

  it('sends nothing when the confirmation is dismissed', async () => {
    const services = await testFlowServices(env, [{ confirm: 'Undelete the backup data of legacy-api?', answer: undefined }]);
    const target = await targetNamed(services, 'dev-neu-vault', 'legacy-api');
    const since = await mark(env);

    await undeleteBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(describeWrites(await writesSince(env, since)), []);
    assert.equal((await itemNamed(services, target.vault, 'legacy-api'))?.health, 'softDeleted');
  });

  it('from the palette offers only soft-deleted VMs', async () => {
    const services = await testFlowServices(env, [
      { pickOne: 'Undelete Backup', answer: label('Contoso Development') },
      { pickOne: 'Undelete Backup', answer: () => undefined },
    ]);

    await undeleteBackup(services, demoSubscriptionsOf(services));

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[1]?.labels, ['legacy-api']);
  });
});
