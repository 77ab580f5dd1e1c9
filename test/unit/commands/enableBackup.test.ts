import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { sameArmId } from '../../../src/azure/armId';
import type { Subscription, Vault, VirtualMachine } from '../../../src/azure/model';
import { VaultCreation } from '../../../src/azure/vaultCreation';
import { enableBackup, type EnableBackupHost } from '../../../src/commands/enableBackup';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';

const production = `/subscriptions/${demoSubscriptions.production}`;
const vaultId = (subscription: string, resourceGroup: string, name: string) => `${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${name}`;
const prodWeuVault = vaultId(production, 'rg-backup-prod', 'prod-weu-vault');
const createNewVault = '$(add) Create new vault…';

let env: TestEmulator;
let createdVaults: { subscriptionId: string; location: string }[];
/** What the create-vault form does when opened: nothing (closed without a vault) unless a test says. */
let vaultForm: (services: TestFlowServices, subscriptionId: string, location: string) => Promise<Vault | undefined>;

beforeEach(async () => {
  env = await startTestEmulator();
  createdVaults = [];
  vaultForm = async () => undefined;
});
afterEach(async () => {
  await env.close();
});

async function run(script: ScriptStep[], node?: unknown, selected?: unknown[]): Promise<TestFlowServices> {
  const services = await testFlowServices(env, script);
  const host: EnableBackupHost = {
    subscriptions: () => services.azure().reader.listSubscriptions(demoTenantId) as Promise<Subscription[]>,
    createVault: async (subscriptionId, location) => {
      createdVaults.push({ subscriptionId, location });
      return vaultForm(services, subscriptionId, location);
    },
  };
  await enableBackup(services, host, node, selected);
  services.prompts.assertDone();
  return services;
}

/** Our tree's "without backup" node carries the VM whole. */
async function vmNode(subscriptionId: string, name: string): Promise<{ id: string; vm: VirtualMachine }> {
  const services = await testFlowServices(env, []);
  const vm = (await services.azure().reader.listVirtualMachines(subscriptionId)).find((candidate) => candidate.name === name);
  assert.ok(vm, `no VM ${name}`);
  return { id: vm.id, vm };
}

/** Requests that change something: anything but reads and the backup-status question. */
async function writes(): Promise<string[]> {
  return (await env.requests())
    .filter((exchange) => exchange.method !== 'GET' && !/\/backupStatus\?/i.test(exchange.url) && !exchange.url.includes('/_emulator/'))
    .map((exchange) => `${exchange.method} ${new URL(exchange.url, 'https://emulator').pathname}`);
}

async function isProtected(vm: VirtualMachine): Promise<{ protected: boolean; vaultId?: string }> {
  const services = await testFlowServices(env, []);
  return services.azure().operations.backupStatus(vm);
}

describe('enable backup', () => {
  it('protects a VM with the chosen vault and policy, follows the ConfigureBackup job, refreshes and reveals it', async () => {
    const node = await vmNode(demoSubscriptions.production, 'web-03');
    const services = await run(
      [
        { pickOne: 'Enable Backup for web-03', answer: label('prod-weu-vault') },
        { pickOne: 'Enable Backup for web-03', answer: label('DefaultPolicy') },
        { info: /^Backup is enabled for web-03 in prod-weu-vault with DefaultPolicy\./ },
      ],
      node,
    );
    const status = await isProtected(node.vm);
    assert.equal(status.protected, true);
    assert.ok(sameArmId(status.vaultId, prodWeuVault));
    assert.equal(services.followed.length, 1);
    assert.equal(services.followed[0]!.job.label, 'Enable backup for web-03');
    assert.equal(services.followed[0]!.notify, false, 'the flow shows its own end message');
    assert.equal(services.followed[0]!.final.operation, 'ConfigureBackup');
    assert.equal(services.followed[0]!.final.status, 'Completed');
    assert.ok(services.refreshed.includes(production));
    const revealed = services.revealed.at(-1)!;
    assert.equal(revealed.length, 3);
    assert.equal(revealed[0], production);
    assert.ok(sameArmId(revealed[1], prodWeuVault));
    assert.match(revealed[2]!, /\/protectedItems\/VM;iaasvmcontainerv2;rg-web-prod;web-03$/i);
    assert.deepEqual(services.prompts.offered[1]!.labels.slice(0, 1), ['DefaultPolicy'], 'DefaultPolicy first');
    assert.deepEqual(services.prompts.progressLog, [
      'Enabling backup for web-03',
      '  Checking that prod-weu-vault sees the VM (discovery when needed)…',
      '  Enabling protection with DefaultPolicy…',
      '  Waiting for the ConfigureBackup job…',
    ]);
    const puts = (await writes()).filter((write) => write.startsWith('PUT'));
    assert.equal(puts.length, 1, `one PUT of the protected item: ${puts.join(', ')}`);
  });

  it('offers Back up now when enabled, which starts the initial backup', async () => {
    const node = await vmNode(demoSubscriptions.production, 'web-03');
    const services = await run(
      [
        { pickOne: /web-03/, answer: label('prod-weu-vault') },
        { pickOne: /web-03/, answer: label('DefaultPolicy') },
        { info: /^Backup is enabled for web-03/, answer: 'Back Up Now' },
        { input: 'Back Up web-03 Now', answer: undefined },
      ],
      node,
    );
    assert.equal(services.followed.length, 1, 'only the ConfigureBackup job: the backup was cancelled at the date');
  });

  it('says which vault already protects a VM and reveals its item', async () => {
    const node = await vmNode(demoSubscriptions.production, 'web-01');
    const services = await run([{ info: 'web-01 is already backed up by the vault prod-weu-vault (policy DefaultPolicy).', answer: 'Reveal' }], node);
    const revealed = services.revealed.at(-1)!;
    assert.equal(revealed[0], production);
    assert.ok(sameArmId(revealed[1], prodWeuVault));
    assert.match(revealed[2]!, /protectedItems\/VM;iaasvmcontainerv2;rg-web-prod;web-01$/i);
    assert.deepEqual(await writes(), []);
  });

  it('offers only vaults of the VM’s subscription and region, and cancelling there writes nothing', async () => {
    const node = await vmNode(demoSubscriptions.production, 'app-eus-03');
    const services = await run([{ pickOne: 'Enable Backup for app-eus-03', answer: () => undefined }], node);
    assert.deepEqual(services.prompts.offered[0]!.labels, ['prod-eus-vault', createNewVault]);
    assert.deepEqual(await writes(), []);
    assert.deepEqual(services.followed, []);
  });

  it('offers only "Create new vault…" when the region has no vault, and opens it for that region', async () => {
    const node = await vmNode(demoSubscriptions.production, 'ml-gpu-01');
    const services = await run([{ pickOne: 'Enable Backup for ml-gpu-01', answer: label(createNewVault) }], node);
    assert.deepEqual(services.prompts.offered[0]!.labels, [createNewVault]);
    assert.deepEqual(createdVaults, [{ subscriptionId: demoSubscriptions.production, location: 'westus2' }]);
    assert.deepEqual(await writes(), []);
  });

  it('continues with the vault created in the form opened from "Create new vault…"', async () => {
    const node = await vmNode(demoSubscriptions.production, 'ml-gpu-01');
    vaultForm = async (services, subscriptionId, location) =>
      new VaultCreation(services.azure().reader, { pollDelayMs: 5 }).create({
        subscriptionId,
        resourceGroup: { name: 'rg-ml', isNew: false },
        name: 'ml-wus2-vault',
        location,
        redundancy: 'LocallyRedundant',
        crossRegionRestore: false,
        softDelete: { state: 'Enabled', retentionDays: 14 },
        immutability: 'Disabled',
      });
    await run(
      [
        { pickOne: 'Enable Backup for ml-gpu-01', answer: label(createNewVault) },
        { pickOne: 'Enable Backup for ml-gpu-01', answer: label('DefaultPolicy') },
        { info: /^Backup is enabled for ml-gpu-01 in ml-wus2-vault with DefaultPolicy\./ },
      ],
      node,
    );
    assert.deepEqual(createdVaults, [{ subscriptionId: demoSubscriptions.production, location: 'westus2' }]);
    const status = await isProtected(node.vm);
    assert.ok(sameArmId(status.vaultId, vaultId(production, 'rg-ml', 'ml-wus2-vault')), status.vaultId);
  });

  it('writes nothing when the policy pick is cancelled', async () => {
    const node = await vmNode(demoSubscriptions.production, 'web-03');
    await run(
      [
        { pickOne: /web-03/, answer: label('prod-weu-vault') },
        { pickOne: /web-03/, answer: () => undefined },
      ],
      node,
    );
    assert.deepEqual(await writes(), []);
    assert.equal((await isProtected(node.vm)).protected, false);
  });

  it('asks for a subscription and a VM without backup from the palette, and stops when either is cancelled', async () => {
    const first = await run([{ pickOne: 'Enable Backup', answer: () => undefined }]);
    assert.deepEqual(first.prompts.offered[0]!.labels, ['Contoso Development', 'Contoso Production']);
    const second = await run([
      { pickOne: 'Enable Backup', answer: label('Contoso Production') },
      { pickOne: 'Enable Backup', answer: () => undefined },
    ]);
    assert.deepEqual(second.prompts.offered[1]!.labels.sort(), ['app-eus-03', 'jumpbox', 'ml-gpu-01', 'web-03']);
    assert.deepEqual(await writes(), []);
  });

  it('takes a VM item of the Azure Resources view, reading its region from the subscription', async () => {
    const { vm } = await vmNode(demoSubscriptions.production, 'app-eus-03');
    // A BranchDataItemWrapper: tree id prefixed with the account and tenant, the resource inside.
    const azureResourcesItem = { id: `/accounts/a/tenants/${demoTenantId}${vm.id}`, branchItem: { resource: { id: vm.id, name: vm.name } } };
    const services = await run([{ pickOne: 'Enable Backup for app-eus-03', answer: () => undefined }], azureResourcesItem);
    assert.deepEqual(services.prompts.offered[0]!.labels, ['prod-eus-vault', createNewVault]);
  });

  it('says clearly why enabling failed', async () => {
    const node = await vmNode(demoSubscriptions.production, 'jumpbox');
    await deleteVm(node.vm);
    const services = await run(
      [
        { pickOne: /jumpbox/, answer: label('prod-weu-vault') },
        { pickOne: /jumpbox/, answer: label('DefaultPolicy') },
        { error: /^Could not enable backup for jumpbox: .*did not find VM 'jumpbox'/ },
      ],
      node,
    );
    assert.ok(services.refreshed.includes(production));
    assert.deepEqual(services.followed, []);
  });
});

describe('enable backup for several VMs', () => {
  it('asks once for vault and policy, enables in parallel and sums up with each failure', async () => {
    const web3 = await vmNode(demoSubscriptions.production, 'web-03');
    const jumpbox = await vmNode(demoSubscriptions.production, 'jumpbox');
    const web1 = await vmNode(demoSubscriptions.production, 'web-01');
    await deleteVm(jumpbox.vm);
    const services = await run(
      [
        { pickOne: 'Enable Backup for 2 VMs', answer: label('prod-weu-vault') },
        { pickOne: 'Enable Backup for 2 VMs', answer: label('DefaultPolicy') },
        { warn: /^Enabled backup for 1 of 3 VMs in prod-weu-vault; jumpbox failed: .+; web-01 is already backed up by prod-weu-vault$/ },
      ],
      web3,
      [web3, jumpbox, web1],
    );
    assert.equal((await isProtected(web3.vm)).protected, true);
    assert.deepEqual(services.followed.map((followed) => [followed.job.label, followed.notify]), [['Enable backup for web-03', false]]);
    assert.ok(services.refreshed.includes(production));
    assert.equal((await writes()).filter((write) => write.startsWith('PUT')).length, 1);
  });

  it('refuses VMs of different regions before asking anything', async () => {
    const web3 = await vmNode(demoSubscriptions.production, 'web-03');
    const app3 = await vmNode(demoSubscriptions.production, 'app-eus-03');
    await run([{ error: /different regions \(westeurope: web-03; eastus: app-eus-03\)/ }], web3, [web3, app3]);
    assert.deepEqual(await writes(), []);
  });

  it('refuses VMs of different subscriptions', async () => {
    const web3 = await vmNode(demoSubscriptions.production, 'web-03');
    const test1 = await vmNode(demoSubscriptions.development, 'test-vm-01');
    await run([{ error: /^The selected VMs are in 2 subscriptions/ }], web3, [web3, test1]);
    assert.deepEqual(await writes(), []);
  });
});

async function deleteVm(vm: VirtualMachine): Promise<void> {
  const compute = await env.clients.compute(vm.subscriptionId);
  await compute.virtualMachines.beginDeleteAndWait(vm.resourceGroup, vm.name, { updateIntervalInMs: 5 });
}
