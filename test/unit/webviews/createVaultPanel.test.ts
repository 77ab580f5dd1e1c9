import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Vault } from '../../../src/azure/model';
import type { VaultCreateRequest } from '../../../src/azure/vaultRules';
import { CreateVaultPanel, type CreateVaultBackend } from '../../../src/webviews/host/createVaultPanel';
import { fakePanel, recordingLog, settle, type FakePanel } from './fakePanel';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const vault: Vault = {
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/new-vault`,
  name: 'new-vault',
  subscriptionId,
  resourceGroup: 'rg',
  location: 'westeurope',
  crossRegionRestore: false,
  tags: {},
};
const validRequest: VaultCreateRequest = {
  subscriptionId,
  resourceGroup: { name: 'rg', isNew: false },
  name: 'new-vault',
  location: 'westeurope',
  redundancy: 'GeoRedundant',
  crossRegionRestore: false,
  softDelete: { state: 'Enabled', retentionDays: 14 },
  immutability: 'Disabled',
};

function setup(overrides: Partial<CreateVaultBackend> = {}) {
  const calls: string[] = [];
  const backend: CreateVaultBackend = {
    subscriptions: async () => [{ subscriptionId, name: 'Contoso Production' }],
    resourceGroups: async (id) => {
      calls.push(`resourceGroups ${id}`);
      return [{ name: 'rg', location: 'westeurope' }];
    },
    locations: async () => [{ name: 'westeurope', displayName: 'West Europe' }],
    checkName: async (_id, name) => {
      calls.push(`checkName ${name}`);
      return { available: name !== 'taken' };
    },
    create: async (request, report) => {
      calls.push(`create ${request.name}`);
      report('vault', 'Creating the vault…');
      return vault;
    },
    created: async (created) => void calls.push(`created ${created.name}`),
    describe: (error) => ({ message: (error as Error).message, cancelled: (error as Error).message.includes('Cancelled') }),
    ...overrides,
  };
  const panel = fakePanel('azureVmBackup.createVault');
  const log = recordingLog();
  const host = new CreateVaultPanel(panel, backend, { subscriptionId, location: 'westeurope' }, log);
  return { panel, log, host, calls };
}

const types = (panel: FakePanel) => panel.posted.map((message) => (message as { type: string }).type);

describe('create vault panel (host)', () => {
  it('posts nothing before the webview says ready, then the subscriptions and the preset', async () => {
    const { panel } = setup();
    await settle();
    assert.deepEqual(panel.posted, []);
    await panel.send({ type: 'ready' });
    assert.deepEqual(panel.posted, [{ type: 'init', subscriptions: [{ subscriptionId, name: 'Contoso Production' }], preset: { subscriptionId, location: 'westeurope' } }]);
  });

  const malformed: [string, unknown][] = [
    ['not an object', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['no type', { subscriptionId }],
    ['an unknown type', { type: 'deleteEverything' }],
    ['a type inherited from Object', { type: 'toString' }],
    ['an extra field', { type: 'listLocations', subscriptionId, extra: true }],
    ['a wrong field type', { type: 'listResourceGroups', subscriptionId: 42 }],
    ['a missing field', { type: 'checkName', subscriptionId }],
    ['an oversized string', { type: 'checkName', subscriptionId, name: 'x'.repeat(10_000) }],
    ['a create with an unknown redundancy', { type: 'create', request: { ...validRequest, redundancy: 'Tape' } }],
    ['a create without settings', { type: 'create', request: { name: 'v' } }],
  ];
  for (const [what, message] of malformed) {
    it(`logs and ignores ${what}`, async () => {
      const { panel, log, calls } = setup();
      await panel.send({ type: 'ready' });
      panel.posted.length = 0;
      await panel.send(message);
      assert.deepEqual(panel.posted, []);
      assert.deepEqual(calls, []);
      assert.equal(log.lines.length, 1, log.lines.join('\n'));
      assert.match(log.lines[0]!, /^warn: azureVmBackup\.createVault: ignored a malformed or unknown message/);
    });
  }

  it('ignores requests sent before ready', async () => {
    const { panel, log, calls } = setup();
    await panel.send({ type: 'listResourceGroups', subscriptionId });
    assert.deepEqual(calls, []);
    assert.deepEqual(panel.posted, []);
    assert.match(log.lines.join('\n'), /ignored 'listResourceGroups' sent before 'ready'/);
  });

  it('answers the lists and the name check, and a failed list with its error', async () => {
    const { panel } = setup({ locations: async () => Promise.reject(new Error('Azure is throttling')) });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'listResourceGroups', subscriptionId });
    await panel.send({ type: 'listLocations', subscriptionId });
    await panel.send({ type: 'checkName', subscriptionId, name: 'taken', resourceGroup: 'rg', location: 'westeurope' });
    assert.deepEqual(panel.posted.slice(1), [
      { type: 'resourceGroups', subscriptionId, resourceGroups: [{ name: 'rg', location: 'westeurope' }] },
      { type: 'locations', subscriptionId, locations: [], error: 'Azure is throttling' },
      { type: 'nameCheck', subscriptionId, name: 'taken', available: false },
    ]);
  });

  it('validates a create again and refuses it without calling Azure', async () => {
    const { panel, calls, log } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: { ...validRequest, name: '9lives', softDelete: { state: 'Enabled', retentionDays: 7 } } });
    assert.deepEqual(calls, []);
    const result = panel.posted.at(-1) as { type: string; ok: boolean; message: string };
    assert.deepEqual([result.type, result.ok], ['createResult', false]);
    assert.match(result.message, /Vault name must start with a letter/);
    assert.match(result.message, /from 14 to 180 \(not 7\)/);
    assert.match(log.lines.join('\n'), /refused an invalid request/);
  });

  it('creates: reports progress, answers the vault, refreshes the tree and settles its result', async () => {
    const { panel, host, calls } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest });
    assert.deepEqual(panel.posted.slice(1), [
      { type: 'createProgress', step: 'vault', message: 'Creating the vault…' },
      { type: 'createResult', ok: true, vaultId: vault.id, vaultName: 'new-vault' },
    ]);
    assert.deepEqual(calls, ['create new-vault', 'created new-vault']);
    assert.equal(await host.result, vault);
  });

  it('tells the form why a create failed', async () => {
    const { panel } = setup({ create: async () => Promise.reject(new Error('VaultAlreadyExists: taken')) });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest });
    assert.deepEqual(panel.posted.at(-1), { type: 'createResult', ok: false, message: 'VaultAlreadyExists: taken' });
  });

  it('cancel aborts a running create; otherwise it closes the panel, whose result is then undefined', async () => {
    let signal: AbortSignal | undefined;
    const { panel, host } = setup({
      create: (_request, _report, abort) => {
        signal = abort;
        return new Promise((_resolve, reject) => abort.addEventListener('abort', () => reject(new Error('Cancelled'))));
      },
    });
    await panel.send({ type: 'ready' });
    void panel.send({ type: 'create', request: validRequest });
    await settle();
    await panel.send({ type: 'cancel' });
    assert.equal(signal?.aborted, true);
    assert.deepEqual(panel.posted.at(-1), { type: 'createResult', ok: false, message: 'Cancelled.' });
    assert.equal(panel.disposed, false);
    await panel.send({ type: 'cancel' });
    assert.equal(panel.disposed, true);
    assert.equal(await host.result, undefined);
  });

  it('waits for the next ready after the panel was hidden, and sends the form its data again', async () => {
    const { panel } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'listResourceGroups', subscriptionId });
    panel.hide();
    panel.posted.length = 0;
    await panel.send({ type: 'listLocations', subscriptionId });
    assert.deepEqual(panel.posted, [], 'the hidden webview has no document: nothing is posted, not even answers');
    panel.show();
    await panel.send({ type: 'ready' });
    assert.deepEqual(types(panel), ['init']);
  });

  it('closing the panel disposes its listeners and ignores late messages', async () => {
    const { panel, host, calls } = setup();
    await panel.send({ type: 'ready' });
    panel.close();
    assert.equal(host.isDisposed, true);
    assert.equal(panel.listenerCount(), 0);
    await panel.send({ type: 'listResourceGroups', subscriptionId });
    assert.deepEqual(calls, []);
  });
});
