import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { stopBackup } from '../../../src/commands/stopBackup';
import type { InputOptions } from '../../../src/ui/userPrompts';
import { testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { demoSubscriptionsOf, describeWrites, itemNamed, mark, patchVaultSecurity, targetNamed, vaultNamed, writesSince } from './protectionFixtures';

describe('Stop Backup', () => {
  let env: TestEmulator;
  beforeEach(async () => {
    env = await startTestEmulator();
  });
  afterEach(async () => {
    await env.close();
  });

  /** Flow services whose input prompts are also recorded whole (title, prompt, validation). */
  async function servicesFor(script: ScriptStep[]): Promise<{ services: TestFlowServices; inputs: InputOptions[] }> {
    const services = await testFlowServices(env, script);
    const inputs: InputOptions[] = [];
    const input = services.prompts.input.bind(services.prompts);
    services.prompts.input = (options) => {
      inputs.push(options);
      return input(options);
    };
    return { services, inputs };
  }

  it('retains the data: a confirmation, then the item is stopped with its recovery points and the job is followed', async () => {
    const { services } = await servicesFor([
      { pickOne: 'Stop Backup of web-01', answer: label('Retain data') },
      { confirm: 'Stop the backup of web-01?', answer: 'Stop Backup' },
    ]);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
    const since = await mark(env);

    await stopBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['Retain data', 'Delete data'], 'no "retain as per policy" on a vault without immutability');
    const writes = await writesSince(env, since);
    assert.deepEqual(describeWrites(writes).map((write) => write.split(' ')[0]), ['PUT'], describeWrites(writes).join('\n'));
    assert.equal((writes[0]!.requestBody as { properties: { protectionState?: string } }).properties.protectionState, 'ProtectionStopped');
    const item = await itemNamed(services, target.vault, 'web-01');
    assert.equal(item?.health, 'stopped');
    assert.equal(item?.protectionState, 'ProtectionStopped');
    assert.equal(services.followed.length, 1);
    assert.equal(services.followed[0]!.notify, true);
    assert.equal(services.followed[0]!.final.operation, 'DisableBackup');
    assert.ok(services.refreshed.includes(target.vault.id), 'the vault is redrawn');
    assert.ok(services.refreshed.includes(`/subscriptions/${demoSubscriptions.production}`), 'the subscription is redrawn');
  });

  it('deletes the data only once the VM\'s exact name is typed, and says how long it stays soft-deleted', async () => {
    const { services, inputs } = await servicesFor([
      { pickOne: 'Stop Backup of web-02', answer: label('Delete data') },
      {
        input: 'Delete Backup Data of web-02',
        refuses: [
          { value: '', message: /Type the VM's name "web-02" exactly/ },
          { value: 'web-0', message: /Type the VM's name "web-02" exactly/ },
          { value: 'WEB-02', message: /Type the VM's name "web-02" exactly/ },
          { value: 'web-02 ', message: /Type the VM's name "web-02" exactly/ },
          { value: 'web-01', message: /Type the VM's name "web-02" exactly/ },
        ],
        answer: 'web-02',
      },
    ]);
    const target = await targetNamed(services, 'prod-weu-vault', 'web-02');
    const since = await mark(env);

    await stopBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.match(inputs[0]!.prompt ?? '', /kept soft-deleted for 14 days, then purged/);
    assert.match(inputs[0]!.prompt ?? '', /Type the VM's name, web-02, to confirm/);
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`DELETE ${target.item.id}`]);
    const item = await itemNamed(services, target.vault, 'web-02');
    assert.equal(item?.health, 'softDeleted');
    assert.ok(item?.purgeTime, 'purged later, not now');
    assert.equal(services.followed[0]?.final.operation, 'DeleteBackupData');
    assert.equal(services.followed[0]?.notify, true);
  });

  it('says the data is deleted permanently when soft delete is off for the vault, and the VM leaves the vault', async () => {
    const { services, inputs } = await servicesFor([
      { pickOne: 'Stop Backup of build-agent-01', answer: label('Delete data') },
      { input: 'Delete Backup Data of build-agent-01', answer: 'build-agent-01' },
    ]);
    const vault = await vaultNamed(services, 'dev-neu-vault');
    await patchVaultSecurity(env, vault, { softDeleteState: 'Disabled' });
    const target = await targetNamed(services, 'dev-neu-vault', 'build-agent-01');

    await stopBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.match(inputs[0]!.prompt ?? '', /deleted permanently/);
    assert.doesNotMatch(inputs[0]!.prompt ?? '', /soft-deleted for/);
    assert.equal(await itemNamed(services, vault, 'build-agent-01'), undefined);
    assert.ok(services.refreshed.includes(`/subscriptions/${demoSubscriptions.development}`), 'the VM shows again among those without backup');
  });

  it('on an immutable vault offers "Retain as per policy" and no deletion, and says why', async () => {
    const { services } = await servicesFor([{ pickOne: 'Stop Backup of app-eus-01', answer: label('Retain as per policy') }, { confirm: 'Stop the backup of app-eus-01?', answer: 'Stop Backup' }]);
    const vault = await vaultNamed(services, 'prod-eus-vault');
    await patchVaultSecurity(env, vault, { immutability: 'Unlocked' });
    const target = await targetNamed(services, 'prod-eus-vault', 'app-eus-01');
    const since = await mark(env);

    await stopBackup(services, demoSubscriptionsOf(services), target);

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[0]?.labels, ['Retain as per policy', 'Retain data']);
    const writes = await writesSince(env, since);
    assert.deepEqual(describeWrites(writes).map((write) => write.split(' ')[0]), ['PUT']);
    assert.equal((writes[0]!.requestBody as { properties: { protectionState?: string } }).properties.protectionState, 'BackupsSuspended');
    const item = await itemNamed(services, vault, 'app-eus-01');
    assert.equal(item?.protectionState, 'BackupsSuspended');
    assert.equal(item?.health, 'stopped');
  });

  it('explains on an immutable vault why deleting is not offered', async () => {
    const placeholders: string[] = [];
    const { services } = await servicesFor([{ pickOne: 'Stop Backup of app-eus-02', answer: () => undefined }]);
    const pickOne = services.prompts.pickOne.bind(services.prompts);
    services.prompts.pickOne = (items, options) => {
      placeholders.push(options.placeholder ?? '');
      return pickOne(items, options);
    };
    const vault = await vaultNamed(services, 'prod-eus-vault');
    await patchVaultSecurity(env, vault, { immutability: 'Unlocked' });

    await stopBackup(services, demoSubscriptionsOf(services), await targetNamed(services, 'prod-eus-vault', 'app-eus-02'));

    services.prompts.assertDone();
    assert.match(placeholders[0]!, /immutable: to delete backup data, disable immutability/);
  });

  describe('sends nothing when cancelled', () => {
    const cases: [string, ScriptStep[]][] = [
      ['at the choice', [{ pickOne: 'Stop Backup of web-01', answer: () => undefined }]],
      ['at the confirmation', [{ pickOne: 'Stop Backup of web-01', answer: label('Retain data') }, { confirm: 'Stop the backup of web-01?', answer: undefined }]],
      [
        'at the typed name',
        [
          { pickOne: 'Stop Backup of web-01', answer: label('Delete data') },
          { input: 'Delete Backup Data of web-01', refuses: [{ value: 'Web-01', message: /exactly/ }], answer: undefined },
        ],
      ],
    ];
    for (const [where, script] of cases) {
      it(where, async () => {
        const { services } = await servicesFor(script);
        const target = await targetNamed(services, 'prod-weu-vault', 'web-01');
        const since = await mark(env);

        await stopBackup(services, demoSubscriptionsOf(services), target);

        services.prompts.assertDone();
        assert.deepEqual(describeWrites(await writesSince(env, since)), []);
        assert.equal((await itemNamed(services, target.vault, 'web-01'))?.health, 'healthy');
        assert.deepEqual(services.followed, []);
      });
    }
  });

  it('from the palette asks for a backed-up VM, offering only those whose backup runs', async () => {
    const { services } = await servicesFor([
      { pickOne: 'Stop Backup', answer: label('Contoso Development') },
      { pickOne: 'Stop Backup', answer: label('build-agent-01') },
      { pickOne: 'Stop Backup of build-agent-01', answer: () => undefined },
    ]);

    await stopBackup(services, demoSubscriptionsOf(services));

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[1]?.labels, ['build-agent-01'], 'stopped and soft-deleted VMs are left out');
  });
});
