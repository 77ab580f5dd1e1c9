// The Restore panel's host with a fake backend: the handshake and what it reads once, the lists,
// the re-check before anything reaches Azure (with facts read then, sent to the form too), Azure's
// validation in words, a replace refused until the VM's exact name is typed, an archive point that
// needs its rehydration, a failure that leaves the form as it was, and a restore that attaches.
import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProtectedVm, RecoveryPoint, Vault } from '../../../src/azure/model';
import type { RestoreRequest } from '../../../src/restore/restoreRequest';
import type { RestoreRulesContext } from '../../../src/restore/restoreRulesContext';
import { RestorePanel, type RestoreBackend, type RestoreTarget } from '../../../src/webviews/host/restorePanel';
import type { RestoreChoices } from '../../../src/webviews/shared/restoreProtocol';
import { fakePanel, recordingLog, settle, type FakePanel } from './fakePanel';
import { accounts, identity, itemId, network, pointId, pointName, subscriptionId, targets, vaultId, vmId } from './restoreFixtures';

type Message = Record<string, unknown> & { type: string };

const vault: Vault = { id: vaultId, name: 'prod-weu-vault', subscriptionId, resourceGroup: 'rg-backup-prod', location: 'westeurope', redundancy: 'GeoRedundant', crossRegionRestore: false, tags: {} };
const item = { id: itemId, name: 'web-01', vaultId, virtualMachineId: vmId, health: 'healthy', healthDetails: [] } as unknown as ProtectedVm;

function point(overrides: Partial<RecoveryPoint> = {}): RecoveryPoint {
  return {
    id: pointId, name: pointName, time: new Date('2025-01-05T22:30:00Z'), consistency: 'application', tier: 'snapshotAndVault', rehydrated: false,
    expiry: new Date('2025-02-04T22:30:00Z'), zones: [], vmSize: 'Standard_B2s', osType: 'Linux', managed: true, encrypted: false, premiumDisks: false, raw: {}, ...overrides,
  };
}

const newVm: RestoreChoices = { type: 'newVm', targetResourceGroup: 'rg-web-prod', vmName: 'web-01-restored', virtualNetworkId: network.id, subnetName: 'app', stagingStorageAccountId: accounts.accepted.id, confirmVmName: '' };
const replace: RestoreChoices = { ...newVm, type: 'replaceDisks', targetResourceGroup: '', vmName: '', virtualNetworkId: '', subnetName: '' };

interface Setup {
  panel: FakePanel;
  host: RestorePanel;
  calls: string[];
  sent: RestoreRequest[];
  log: ReturnType<typeof recordingLog>;
}

function setup(overrides: Partial<RestoreBackend> = {}, target: RestoreTarget = { vault, item, point: point() }): Setup {
  const calls: string[] = [];
  const sent: RestoreRequest[] = [];
  const context: RestoreRulesContext = { ...targets(), vaultRedundancy: 'GeoRedundant', takenVmNames: ['web-01'] };
  const backend: RestoreBackend = {
    load: async () => {
      calls.push('load');
      return target;
    },
    rulesContext: async (_target, group) => {
      calls.push(`rulesContext ${group ?? '-'}`);
      return context;
    },
    vmNames: async (_subscription, group) => (group === 'rg-web-prod' ? ['web-01', 'web-02'] : Promise.reject(new Error('ResourceGroupNotFound'))),
    createStagingAccount: async (_target, name, resourceGroup) => {
      calls.push(`create ${name}`);
      return { ...accounts.accepted, id: accounts.accepted.id.replace('contosowebdiag', name), name, resourceGroup };
    },
    validate: async (request) => {
      calls.push('validate');
      sent.push(request);
      return { valid: true, results: [] };
    },
    restore: async (_target, request) => {
      calls.push('restore');
      sent.push(request);
      return { jobId: 'job-7', alreadyRunning: false };
    },
    started: async () => void calls.push('started'),
    describe: (error) => ({ message: (error as Error).message, cancelled: (error as Error).name === 'AbortError' }),
    ...overrides,
  };
  const panel = fakePanel('azureVmBackup.restore');
  const log = recordingLog();
  const host = new RestorePanel(panel, backend, identity, log);
  return { panel, host, calls, sent, log };
}

const posted = (panel: FakePanel, type: string) => panel.posted.filter((message) => (message as Message).type === type) as Message[];
const last = (panel: FakePanel, type: string) => posted(panel, type).at(-1);

describe('restore panel host', () => {
  it('answers ready with what is restored, then where it can go; reads the point once', async () => {
    const { panel, calls } = setup();
    await panel.send({ type: 'ready' });
    assert.deepEqual(panel.posted.map((message) => (message as Message).type), ['init', 'targets']);
    const init = last(panel, 'init')!;
    assert.deepEqual(init.identity, identity);
    assert.deepEqual(init.source, {
      vaultId, vaultLocation: 'westeurope', virtualMachineId: vmId, vmName: 'web-01',
      point: { id: pointId, name: pointName, tier: 'snapshotAndVault', rehydrated: false, zones: [], managed: true, encrypted: false, premiumDisks: false, osType: 'Linux' },
    });
    assert.deepEqual(init.details, { vaultName: 'prod-weu-vault', vaultRedundancy: 'GeoRedundant', time: '2025-01-05T22:30:00.000Z', consistency: 'application', expiry: '2025-02-04T22:30:00.000Z', vmSize: 'Standard_B2s' });
    assert.deepEqual((last(panel, 'targets')!.targets as { storageAccounts: unknown[] }).storageAccounts.length, 3, 'every account: the form offers those Azure takes');
    panel.hide();
    panel.show();
    await panel.send({ type: 'ready' });
    assert.equal(calls.filter((call) => call === 'load').length, 1, 'a reloaded page gets the same point without reading it again');
  });

  it('says why when the point cannot be read, and reads it again on the next ready', async () => {
    let attempts = 0;
    const { panel } = setup({
      load: async () => {
        attempts++;
        throw Object.assign(new Error('It no longer exists in Azure. Refresh the view.'), { code: 'NotFound' });
      },
    });
    await panel.send({ type: 'ready' });
    assert.deepEqual(panel.posted, [{ type: 'loadFailed', identity, message: 'The recovery point could not be read: It no longer exists in Azure. Refresh the view. Open Restore… again from the Backups view.' }]);
    await panel.send({ type: 'ready' });
    assert.equal(attempts, 2);
    // A page that asks anyway gets an answer, never a spinner that waits for ever.
    await panel.send({ type: 'validate', choices: newVm });
    assert.match(String(last(panel, 'validation')!.message), /^Azure could not validate the restore: It no longer exists in Azure\./);
    await panel.send({ type: 'restore', choices: newVm });
    assert.match(String(last(panel, 'restoreResult')!.message), /^Azure did not start the restore: It no longer exists in Azure\./);
  });

  it('lists the names taken in a group, or why not; ignores what is not the protocol', async () => {
    const { panel, log } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'listVmNames', resourceGroup: 'rg-web-prod' });
    assert.deepEqual(last(panel, 'vmNames'), { type: 'vmNames', resourceGroup: 'rg-web-prod', names: ['web-01', 'web-02'] });
    await panel.send({ type: 'listVmNames', resourceGroup: 'rg-gone' });
    assert.deepEqual(last(panel, 'vmNames'), { type: 'vmNames', resourceGroup: 'rg-gone', names: [], error: 'ResourceGroupNotFound' });
    const before = panel.posted.length;
    await panel.send({ type: 'restore', choices: { ...newVm, source: { vaultId: 'elsewhere' } } });
    assert.equal(panel.posted.length, before);
    assert.ok(log.lines.some((line) => /ignored a malformed or unknown message/.test(line)));
  });

  it('checks again with facts read now before validating: an invalid request never reaches Azure, and the form gets the facts', async () => {
    const { panel, calls } = setup();
    await panel.send({ type: 'ready' });
    const targetsBefore = posted(panel, 'targets').length;
    await panel.send({ type: 'validate', choices: { ...newVm, vmName: 'web-01', stagingStorageAccountId: accounts.zoneRedundant.id } });
    const answer = last(panel, 'validation')!;
    assert.equal(answer.ok, false);
    assert.match(String(answer.message), /^Not sent to Azure: A VM named 'web-01' already exists in resource group rg-web-prod: choose another name\. Staging storage account contosozrs is zone-redundant \(Standard_ZRS\): Azure Backup refuses ZRS staging accounts/);
    assert.ok(!calls.includes('validate'));
    assert.ok(calls.includes('rulesContext rg-web-prod'), 'the names taken in the target group were read');
    assert.equal(posted(panel, 'targets').length, targetsBefore + 1, 'the form sees what the host checked with');
  });

  it('asks Azure to validate a valid request and answers in words, each problem with its code and what to do', async () => {
    const results = [{ code: 'UserErrorCoreCountSubscriptionQuotaReached', message: 'The subscription has no cores left in westeurope.', recommendations: ['Ask for a quota increase.'] }];
    const { panel, sent } = setup({ validate: async (request) => (sent.push(request), { valid: false, results }) });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'validate', choices: newVm });
    assert.equal(sent[0]!.source.virtualMachineId, vmId, 'the host’s own source');
    assert.deepEqual(last(panel, 'validation'), {
      type: 'validation', ok: true, valid: false, results,
      text: 'Azure found a problem with the restore:\nUserErrorCoreCountSubscriptionQuotaReached: The subscription has no cores left in westeurope. Ask for a quota increase.',
    });
  });

  it('validates a replace before its name is typed, but refuses to restore until the exact name is', async () => {
    const { panel, calls, sent } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'validate', choices: replace });
    assert.deepEqual(last(panel, 'validation'), { type: 'validation', ok: true, valid: true, results: [], text: 'Azure validated the restore: no problem found.' });
    for (const typed of ['', 'Web-01', 'web-01 ']) {
      await panel.send({ type: 'restore', choices: { ...replace, confirmVmName: typed } });
      const result = last(panel, 'restoreResult')!;
      assert.equal(result.ok, false, typed);
      assert.match(String(result.message), /^Not restored: Type the VM's name "web-01"/);
    }
    assert.ok(!calls.includes('restore'));
    await panel.send({ type: 'restore', choices: { ...replace, confirmVmName: 'web-01' } });
    assert.equal(last(panel, 'restoreResult')!.ok, true);
    assert.equal(sent.at(-1)!.type, 'replaceDisks');
  });

  it('refuses an archive-only point without its rehydration, and sends it with one', async () => {
    const { panel, sent } = setup({}, { vault, item, point: point({ tier: 'archive' }) });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'restore', choices: newVm });
    assert.match(String(last(panel, 'restoreResult')!.message), /^Not restored: This recovery point is only in the archive tier: Azure must rehydrate it before it restores\./);
    await panel.send({ type: 'restore', choices: { ...newVm, rehydration: { priority: 'High', days: 31 } } });
    assert.match(String(last(panel, 'restoreResult')!.message), /Rehydration duration/);
    await panel.send({ type: 'restore', choices: { ...newVm, rehydration: { priority: 'High', days: 20 } } });
    assert.equal(last(panel, 'restoreResult')!.ok, true);
    assert.deepEqual(sent.at(-1)!.rehydration, { priority: 'High', days: 20 });
  });

  it('restores: progress, the job, the result for whoever opened the form, then follows the job', async () => {
    const { panel, host, calls } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'restore', choices: newVm });
    assert.deepEqual(posted(panel, 'restoreProgress').map((message) => message.message), ['Checking the request with Azure’s rules…', 'Sending the restore of web-01 to Azure…']);
    const result = last(panel, 'restoreResult')!;
    assert.deepEqual({ ...result, message: undefined }, { type: 'restoreResult', ok: true, jobId: 'job-7', attached: false, message: undefined });
    assert.match(String(result.message), /^Restore started \(job job-7\): it creates the VM web-01-restored in rg-web-prod\./);
    assert.deepEqual(await host.result, { jobId: 'job-7', alreadyRunning: false });
    await settle();
    assert.ok(calls.includes('started'), 'the job is followed');
  });

  it('says so when it attached to a restore already running: no second one was sent', async () => {
    const { panel } = setup({ restore: async () => ({ jobId: 'job-1', alreadyRunning: true }) });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'restore', choices: newVm });
    const result = last(panel, 'restoreResult')!;
    assert.equal(result.attached, true);
    assert.match(String(result.message), /^A restore of web-01 was already running, so no second restore was sent: following that job \(job-1\) instead\./);
  });

  it('keeps the form as it was when Azure refuses: the failure in Azure’s words, and another try allowed', async () => {
    let tries = 0;
    const { panel, host, calls } = setup({
      restore: async () => {
        tries++;
        if (tries === 1) throw new Error('Azure answered with an error. (UserErrorStorageAccountNotFound: The storage account was not found.)');
        return { jobId: 'job-9', alreadyRunning: false };
      },
    });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'restore', choices: newVm });
    assert.deepEqual(last(panel, 'restoreResult'), {
      type: 'restoreResult', ok: false,
      message: 'Azure did not start the restore: Azure answered with an error. (UserErrorStorageAccountNotFound: The storage account was not found.) Your choices are still here.',
    });
    assert.ok(!calls.includes('started'));
    await panel.send({ type: 'restore', choices: newVm });
    assert.equal(last(panel, 'restoreResult')!.ok, true);
    assert.deepEqual(await host.result, { jobId: 'job-9', alreadyRunning: false });
  });

  it('creates a staging account with a valid name in the vault’s subscription, and refuses a bad name without asking Azure', async () => {
    const { panel, calls } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'createStorageAccount', name: 'Web01', resourceGroup: 'rg-web-prod' });
    assert.deepEqual(last(panel, 'storageAccountCreated'), { type: 'storageAccountCreated', ok: false, message: "Storage account name can hold only lower-case letters and digits: use 'web01'." });
    assert.ok(!calls.some((call) => call.startsWith('create')));
    await panel.send({ type: 'createStorageAccount', name: 'web01restore1a2b', resourceGroup: 'rg-web-prod' });
    const created = last(panel, 'storageAccountCreated')!;
    assert.equal(created.ok, true);
    assert.equal((created.account as { name: string }).name, 'web01restore1a2b');
    assert.match(String(created.message), /^Created the storage account web01restore1a2b \(StorageV2, locally redundant\) in westeurope, resource group rg-web-prod\.$/);
  });
});
