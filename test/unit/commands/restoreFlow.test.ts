// A restore from the form's host to the end of its job, against the emulator through the real SDK
// clients: a new VM (validated by Azure, restored, followed, revealed in "Virtual machines without
// backup"), restored disks then "Create VM from restored disks" (the job's template deployed through
// the deployment flow), replaced disks, and a staging account created for the form.
import '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { BackupReader } from '../../../src/azure/backupReader';
import type { Subscription } from '../../../src/azure/model';
import { RecoveryPoints } from '../../../src/azure/recoveryPoints';
import { RestoreOperations } from '../../../src/azure/restoreOperations';
import { RestoreTargets } from '../../../src/azure/restoreTargets';
import { StagingAccounts } from '../../../src/azure/stagingAccounts';
import { TemplateDeployments } from '../../../src/azure/templateDeployments';
import { VmCatalog } from '../../../src/azure/vmCatalog';
import { createVmFromRestoredDisks } from '../../../src/commands/createVmFromRestoredDisks';
import { restoreBackend } from '../../../src/commands/restoreBackend';
import { restoreIdentityOf } from '../../../src/commands/restore';
import { RestorePanel } from '../../../src/webviews/host/restorePanel';
import type { RestoreChoices, RestoreTargetsInfo } from '../../../src/webviews/shared/restoreProtocol';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { eventually, startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { fakePanel, recordingLog, type FakePanel } from '../webviews/fakePanel';

type Message = Record<string, unknown> & { type: string };

const prod = demoSubscriptions.production;
const scope = `/subscriptions/${prod}`;
let env: TestEmulator;

beforeEach(async () => {
  env = await startTestEmulator();
});
afterEach(async () => {
  await env.close();
});

const fastClients = (reader: BackupReader) => ({
  points: new RecoveryPoints(reader),
  targets: new RestoreTargets(reader),
  operations: new RestoreOperations(reader, { pollDelayMs: 5, maxPollDelayMs: 50 }),
  accounts: new StagingAccounts(reader, { pollDelayMs: 10 }),
  catalog: new VmCatalog(reader),
});

interface Form {
  services: TestFlowServices;
  panel: FakePanel;
  host: RestorePanel;
  log: ReturnType<typeof recordingLog>;
  targets: RestoreTargetsInfo;
  /** Waits for the next message of this type the host posts after `from`. */
  answer(type: string, from?: number): Promise<Message>;
}

/** The Restore form's host for the newest point of a VM of prod-weu-vault, over the real backend; the end of the job is scripted. */
async function openForm(vmName: string, script: ScriptStep[]): Promise<Form> {
  const services = await testFlowServices(env, script);
  const { cache } = services.azure();
  const vault = (await cache.vaults(prod)).find((candidate) => candidate.name === 'prod-weu-vault')!;
  const item = (await cache.protectedVms(vault)).find((candidate) => candidate.name === vmName)!;
  const [point] = await cache.recoveryPoints(item);
  assert.ok(point, `${vmName} has a recent point`);
  const subscriptions = async () => (await services.azure().reader.listSubscriptions(demoTenantId)) as Subscription[];
  const deployments = () => new TemplateDeployments(services.azure().reader, { pollDelayMs: 10, minPollDelayMs: 5, maxPollDelayMs: 50 });
  const backend = restoreBackend(services, {
    clients: fastClients,
    createVmFromDisks: (vaultId, jobName) => createVmFromRestoredDisks(services, { subscriptions, deployments }, { vaultId, jobName }),
  });
  const panel = fakePanel('azureVmBackup.restore');
  const log = recordingLog();
  const host = new RestorePanel(panel, backend, restoreIdentityOf({ vault, item, point }), log);
  const answer = async (type: string, from = 0) =>
    eventually(async () => panel.posted.slice(from).find((message) => (message as Message).type === type) as Message | undefined, `a '${type}' message`, 30_000);
  await panel.send({ type: 'ready' });
  const targets = (await answer('targets')).targets as RestoreTargetsInfo;
  return { services, panel, host, log, targets, answer };
}

function choicesFor(form: Form, overrides: Partial<RestoreChoices>): RestoreChoices {
  const vnet = form.targets.virtualNetworks.find((candidate) => candidate.name === 'vnet-web-prod')!;
  const staging = form.targets.storageAccounts.find((candidate) => candidate.name === 'contosowebdiag')!;
  return { type: 'newVm', targetResourceGroup: 'rg-web-prod', vmName: '', virtualNetworkId: vnet.id, subnetName: 'app', stagingStorageAccountId: staging.id, confirmVmName: '', ...overrides };
}

/** Waits until the flow has asked everything its script holds (the end of the job), then checks nothing is left. */
async function scriptDone(form: Form, questions: number): Promise<void> {
  await eventually(async () => (form.services.prompts.asked.length >= questions ? true : undefined), `${questions} questions (asked: ${form.services.prompts.asked.join(' / ')})`, 60_000);
  form.services.prompts.assertDone();
  assert.ok(!form.log.lines.some((line) => /following job .* failed/.test(line)), form.log.lines.join('\n'));
}

describe('restore flow against the emulator', () => {
  it('validates with Azure, restores a new VM, follows its Restore job, and reveals the VM among those without backup', async () => {
    const form = await openForm('web-01', [{ info: /^Restore of web-01 completed: the new VM web-01-restored is in resource group rg-web-prod\. It is shown under "Virtual machines without backup": enable its backup to protect it\.$/ }]);
    const choices = choicesFor(form, { vmName: 'web-01-restored' });
    let from = form.panel.posted.length;
    await form.panel.send({ type: 'validate', choices });
    assert.deepEqual(await form.answer('validation', from), { type: 'validation', ok: true, valid: true, results: [], text: 'Azure validated the restore: no problem found.' });

    from = form.panel.posted.length;
    await form.panel.send({ type: 'restore', choices });
    const result = await form.answer('restoreResult', from);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.attached, false);
    await scriptDone(form, 1);
    const followed = form.services.followed[0]!;
    assert.deepEqual([followed.job.label, followed.notify, followed.final.operation, followed.final.status], ['Restore web-01', false, 'Restore', 'Completed']);
    const vmId = `${scope}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01-restored`;
    const revealed = form.services.revealed.at(-1)!;
    assert.deepEqual([revealed[0], revealed[1], revealed[2]?.toLowerCase()], [scope, `${scope}/virtualMachinesWithoutBackup`, vmId.toLowerCase()]);
    const compute = await env.clients.compute(prod);
    assert.equal((await compute.virtualMachines.get('rg-web-prod', 'web-01-restored')).location, 'westeurope');

    // A second click while it ran, or a lost answer, never makes a second restore: RestoreOperations attaches; here it has ended.
    const posts = (await env.requests()).filter((exchange) => exchange.method === 'POST' && /\/restore\?/.test(exchange.url));
    assert.equal(posts.length, 1);

    // "Create VM from restored disks" on a job that restored a VM says why not.
    const refused = await testFlowServices(env, [{ error: /^Cannot create a VM from this job: .*NoRestoredTemplate/ }]);
    await createVmFromRestoredDisks(refused, { subscriptions: async () => [] }, { vaultId: followed.job.vaultId, jobName: followed.job.jobName });
    refused.prompts.assertDone();
  });

  it('restores disks, then creates the VM from them: the notification offers it, the template deploys through the deployment flow', async () => {
    const form = await openForm('web-01', [
      { info: /^Restore of web-01 completed: the disks of web-01 are restored in resource group rg-web-prod, with a template to build a VM from them\.$/, answer: 'Create VM from restored disks' },
      { input: 'Create VM from Restored Disks: name of the new VM (1/2)', answer: 'web-01-from-disks', refuses: [{ value: 'web-01', message: 'A VM named web-01 already exists in resource group rg-web-prod: choose another name.' }, { value: 'web-01-', message: /cannot end with '-'/ }] },
      { pickOne: 'Create VM from Restored Disks: virtual network (2/2)', answer: label('vnet-web-prod') },
      { pickOne: 'Create VM from Restored Disks: subnet of vnet-web-prod', answer: label('app') },
      { info: /^Created the virtual machine web-01-from-disks in rg-web-prod from the restored disks of web-01\. It is not backed up yet/ },
    ]);
    const from = form.panel.posted.length;
    await form.panel.send({ type: 'restore', choices: choicesFor(form, { type: 'restoreDisks', virtualNetworkId: '', subnetName: '' }) });
    assert.equal((await form.answer('restoreResult', from)).ok, true);
    await scriptDone(form, 5);
    const compute = await env.clients.compute(prod);
    const vm = await compute.virtualMachines.get('rg-web-prod', 'web-01-from-disks');
    assert.ok(vm.storageProfile?.osDisk?.managedDisk?.id, 'on a restored managed disk');
    assert.ok(form.services.prompts.progressLog.includes('Creating virtual machine web-01-from-disks from restored disks'), form.services.prompts.progressLog.join('\n'));
    const put = (await env.requests()).find((exchange) => exchange.method === 'PUT' && /\/deployments\/web-01-from-disks-/.test(exchange.url))!;
    const sent = (put.requestBody as { properties: { templateLink?: { uri: string }; parameters: Record<string, { value: string }> } }).properties;
    assert.match(sent.templateLink?.uri ?? '', /^https:\/\/contosowebdiag\.blob\.core\.windows\.net\/.+\.json\?.*sig=/);
    assert.deepEqual(sent.parameters, { VirtualMachineName: { value: 'web-01-from-disks' }, VirtualNetwork: { value: 'vnet-web-prod' }, VirtualNetworkResourceGroup: { value: 'rg-web-prod' }, Subnet: { value: 'app' } });
    assert.ok(!form.services.logged.some((line) => line.includes('sig=')), 'the SAS never reaches the log');
    assert.deepEqual(form.services.revealed.at(-1)?.slice(0, 2), [scope, `${scope}/virtualMachinesWithoutBackup`]);
  });

  it('replaces the disks of web-02 once its exact name is typed, and says where its old disks are', async () => {
    const form = await openForm('web-02', [{ info: /^Restore of web-02 completed: the disks of web-02 were replaced by those of the recovery point\. Its previous disks stay, detached, in its resource group/ }]);
    const compute = await env.clients.compute(prod);
    const oldDisk = (await compute.virtualMachines.get('rg-web-prod', 'web-02')).storageProfile?.osDisk?.name;
    const replace = choicesFor(form, { type: 'replaceDisks', targetResourceGroup: '', virtualNetworkId: '', subnetName: '' });
    let from = form.panel.posted.length;
    await form.panel.send({ type: 'restore', choices: { ...replace, confirmVmName: 'WEB-02' } });
    assert.match(String((await form.answer('restoreResult', from)).message), /^Not restored: Type the VM's name "web-02" exactly/);
    from = form.panel.posted.length;
    await form.panel.send({ type: 'restore', choices: { ...replace, confirmVmName: 'web-02' } });
    assert.equal((await form.answer('restoreResult', from)).ok, true);
    await scriptDone(form, 1);
    assert.notEqual((await compute.virtualMachines.get('rg-web-prod', 'web-02')).storageProfile?.osDisk?.name, oldDisk);
    assert.equal((await compute.disks.get('rg-web-prod', oldDisk!)).name, oldDisk, 'the old disk is kept');
  });

  it('creates a staging storage account for the form, which Azure then takes as staging', async () => {
    const form = await openForm('web-01', []);
    const from = form.panel.posted.length;
    await form.panel.send({ type: 'createStorageAccount', name: 'web01restoretest', resourceGroup: 'rg-web-prod' });
    const created = await form.answer('storageAccountCreated', from);
    assert.equal(created.ok, true, JSON.stringify(created));
    assert.deepEqual(created.account, {
      id: `${scope}/resourceGroups/rg-web-prod/providers/Microsoft.Storage/storageAccounts/web01restoretest`,
      name: 'web01restoretest', resourceGroup: 'rg-web-prod', location: 'westeurope', kind: 'StorageV2', skuName: 'Standard_LRS', allowSharedKeyAccess: true, networkDefaultAction: 'Allow',
    });
    const again = form.panel.posted.length;
    await form.panel.send({ type: 'createStorageAccount', name: 'web01restoretest', resourceGroup: 'rg-web-prod' });
    assert.match(String((await form.answer('storageAccountCreated', again)).message), /^The storage account was not created: .*web01restoretest/);
    const validated = form.panel.posted.length;
    await form.panel.send({ type: 'validate', choices: choicesFor(form, { vmName: 'web-01-restored', stagingStorageAccountId: (created.account as { id: string }).id }) });
    assert.equal((await form.answer('validation', validated)).valid, true);
  });
});
