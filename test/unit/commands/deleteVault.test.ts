import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { ProtectedVm, Vault } from '../../../src/azure/model';
import { deleteVault } from '../../../src/commands/deleteVault';
import { testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { demoSubscriptionsOf, describeWrites, mark, vaultNamed, writesSince } from './protectionFixtures';

describe('Delete Vault', () => {
  let env: TestEmulator;
  beforeEach(async () => {
    env = await startTestEmulator();
  });
  afterEach(async () => {
    await env.close();
  });

  /** Flow services that also record the detail of each confirmation. */
  async function servicesFor(script: ScriptStep[]): Promise<{ services: TestFlowServices; details: string[] }> {
    const services = await testFlowServices(env, script);
    const details: string[] = [];
    const confirm = services.prompts.confirm.bind(services.prompts);
    services.prompts.confirm = (message, detail, ...actions) => {
      details.push(detail);
      return confirm(message, detail, ...actions);
    };
    return { services, details };
  }

  async function createEmptyVault(name: string): Promise<void> {
    const client = await env.clients.vaults(demoSubscriptions.production);
    await client.vaults.beginCreateOrUpdateAndWait('rg-backup-prod', name, { location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} }, { updateIntervalInMs: 5 });
  }

  async function vaultExists(services: TestFlowServices, subscriptionId: string, name: string): Promise<boolean> {
    return (await services.azure().reader.listVaults(subscriptionId)).some((vault) => vault.name === name);
  }

  it('deletes an empty vault once its exact name is typed, and redraws the subscription', async () => {
    const { services } = await servicesFor([
      {
        input: 'Delete Vault empty-vault',
        refuses: [
          { value: '', message: /Type the vault's name "empty-vault" exactly/ },
          { value: 'Empty-Vault', message: /exactly/ },
          { value: 'empty', message: /exactly/ },
        ],
        answer: 'empty-vault',
      },
      { info: 'Vault empty-vault is deleted.' },
    ]);
    await createEmptyVault('empty-vault');
    const vault = await vaultNamed(services, 'empty-vault');
    const since = await mark(env);

    await deleteVault(services, demoSubscriptionsOf(services), vault);

    services.prompts.assertDone();
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`DELETE ${vault.id}`]);
    assert.equal(await vaultExists(services, demoSubscriptions.production, 'empty-vault'), false);
    assert.ok(services.refreshed.includes(`/subscriptions/${demoSubscriptions.production}`));
  });

  it('names what blocks the deletion before asking, and again when the service refuses', async () => {
    const { services, details } = await servicesFor([
      { confirm: 'Vault dev-neu-vault still holds backup items: Azure will refuse to delete it.', answer: 'Try Anyway' },
      { input: 'Delete Vault dev-neu-vault', answer: 'dev-neu-vault' },
      { error: /Azure refused to delete vault dev-neu-vault: it still holds backup items\. 2 VMs are still backed up or keep backup data: build-agent-01, build-agent-02\. Stop their backup with "Delete data" first\. 1 VM is soft-deleted: legacy-api\. Wait until they are purged \(the last on .+\), or purge them now/ },
    ]);
    const vault = await vaultNamed(services, 'dev-neu-vault');
    const since = await mark(env);

    await deleteVault(services, demoSubscriptionsOf(services), vault);

    services.prompts.assertDone();
    assert.match(details[0]!, /2 VMs are still backed up or keep backup data: build-agent-01, build-agent-02\. Stop their backup with "Delete data" first\./);
    assert.match(details[0]!, /1 VM is soft-deleted: legacy-api\./);
    assert.deepEqual(describeWrites(await writesSince(env, since)), [`DELETE ${vault.id}`], 'the service decides');
    assert.equal(await vaultExists(services, demoSubscriptions.development, 'dev-neu-vault'), true);
  });

  it('names soft-deleted items alone when only they remain', async () => {
    const { services } = await servicesFor([
      { confirm: /still holds backup items/, answer: 'Try Anyway' },
      { input: 'Delete Vault soft-vault', answer: 'soft-vault' },
      { error: /Azure refused to delete vault soft-vault: it still holds backup items\. 1 VM is soft-deleted: web-03\. Wait until they are purged/ },
    ]);
    await createEmptyVault('soft-vault');
    const vault = await vaultNamed(services, 'soft-vault');
    const { operations } = services.azure();
    const vms = await services.azure().reader.listVirtualMachines(demoSubscriptions.production);
    const web3 = vms.find((vm) => vm.name === 'web-03')!;
    await operations.ensureProtectable(vault, web3);
    const policy = (await services.azure().reader.listPolicies(vault)).find((candidate) => candidate.name === 'DefaultPolicy')!;
    const enabled = await operations.enableProtection(vault, web3, policy);
    await services.jobs.follow({ vaultId: vault.id, jobName: enabled.jobId!, label: 'enable' });
    const item = (await services.azure().reader.listProtectedVms(vault))[0]!;
    const deleted = await operations.stopProtection(item, 'deleteData');
    await services.jobs.follow({ vaultId: vault.id, jobName: deleted.jobId!, label: 'delete' });

    await deleteVault(services, demoSubscriptionsOf(services), vault);

    services.prompts.assertDone();
    assert.equal(await vaultExists(services, demoSubscriptions.production, 'soft-vault'), true);
  });

  it('lists five names and how many more', async () => {
    const { services, details } = await servicesFor([{ confirm: /still holds backup items/, answer: undefined }]);
    const vault = await vaultNamed(services, 'prod-weu-vault');
    const azure = services.azure;
    const items = Array.from({ length: 8 }, (_, index) => ({ id: `${vault.id}/item-${index}`, name: `vm-${index + 1}`, health: 'healthy' }) as ProtectedVm);
    services.azure = () => {
      const real = azure();
      return { ...real, reader: Object.assign(Object.create(real.reader) as typeof real.reader, { listProtectedVms: async (_vault: Vault) => items }) };
    };

    await deleteVault(services, demoSubscriptionsOf(services), vault);

    services.prompts.assertDone();
    assert.match(details[0]!, /8 VMs are still backed up or keep backup data: vm-1, vm-2, vm-3, vm-4, vm-5 and 3 more\./);
  });

  describe('sends nothing when cancelled', () => {
    it('at the warning about what blocks it', async () => {
      const { services } = await servicesFor([{ confirm: /still holds backup items/, answer: undefined }]);
      const vault = await vaultNamed(services, 'prod-weu-vault');
      const since = await mark(env);

      await deleteVault(services, demoSubscriptionsOf(services), vault);

      services.prompts.assertDone();
      assert.deepEqual(describeWrites(await writesSince(env, since)), []);
    });

    it('at the typed name', async () => {
      const { services } = await servicesFor([{ input: 'Delete Vault empty-vault', refuses: [{ value: 'EMPTY-VAULT', message: /exactly/ }], answer: undefined }]);
      await createEmptyVault('empty-vault');
      const vault = await vaultNamed(services, 'empty-vault');
      const since = await mark(env);

      await deleteVault(services, demoSubscriptionsOf(services), vault);

      services.prompts.assertDone();
      assert.deepEqual(describeWrites(await writesSince(env, since)), []);
      assert.equal(await vaultExists(services, demoSubscriptions.production, 'empty-vault'), true);
    });
  });

  it('from the palette asks for the subscription, then the vault', async () => {
    const { services } = await servicesFor([
      { pickOne: 'Delete Vault', answer: label('Contoso Production') },
      { pickOne: 'Delete Vault', answer: () => undefined },
    ]);

    await deleteVault(services, demoSubscriptionsOf(services));

    services.prompts.assertDone();
    assert.deepEqual(services.prompts.offered[1]?.labels, ['prod-eus-vault', 'prod-weu-vault']);
  });
});
