import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackupPolicy, Vault } from '../../../src/azure/model';
import { newEnhancedPolicyDraft, newStandardPolicyDraft, type PolicyDraft } from '../../../src/policy/policyDraft';
import { PolicyEditorPanel, type LoadedPolicy, type PolicyEditorBackend, type PolicyEditorOptions } from '../../../src/webviews/host/policyEditorPanel';
import type { PolicyEditorIdentity } from '../../../src/webviews/shared/policyEditorProtocol';
import { fakePanel, recordingLog, settle, type FakePanel } from './fakePanel';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const vault: Vault = {
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`,
  name: 'prod-weu-vault',
  subscriptionId,
  resourceGroup: 'rg-backup-prod',
  location: 'westeurope',
  crossRegionRestore: false,
  tags: {},
};
const policyOf = (draft: PolicyDraft): BackupPolicy => ({ id: `${vault.id}/backupPolicies/${draft.name}`, name: draft.name, vaultId: vault.id, kind: draft.kind, protectedItemsCount: 0 });

function named(name: string, draft = newStandardPolicyDraft()): PolicyDraft {
  return { ...draft, name };
}

interface Setup {
  panel: FakePanel;
  host: PolicyEditorPanel;
  calls: string[];
  log: ReturnType<typeof recordingLog>;
}

function setup(options: { identity?: PolicyEditorIdentity; loaded?: Partial<LoadedPolicy>; backend?: Partial<PolicyEditorBackend>; confirm?: boolean; panel?: PolicyEditorOptions } = {}): Setup {
  const calls: string[] = [];
  const backend: PolicyEditorBackend = {
    load: async (identity) => {
      calls.push(`load ${identity.policyName ?? '(new)'}`);
      return { vault, mode: identity.policyName ? 'edit' : 'create', draft: identity.policyName ? named(identity.policyName) : newStandardPolicyDraft(), existingNames: ['DefaultPolicy'], immutableVault: false, ...options.loaded };
    },
    save: async (_vault, draft, report) => {
      calls.push(`save ${draft.name}`);
      report(`Saving policy ${draft.name}…`);
      return policyOf(draft);
    },
    saved: async (_vault, policy) => void calls.push(`saved ${policy.name}`),
    confirm: async (message, detail) => {
      calls.push(`confirm ${message} | ${detail}`);
      return options.confirm ?? false;
    },
    describe: (error) => ({ message: (error as Error).message, cancelled: false }),
    now: () => Date.UTC(2025, 0, 6, 12),
    ...options.backend,
  };
  const panel = fakePanel('azureVmBackup.policyEditor');
  const log = recordingLog();
  const host = new PolicyEditorPanel(panel, backend, options.identity ?? { vaultId: vault.id }, log, options.panel);
  return { panel, host, calls, log };
}

const types = (panel: FakePanel) => panel.posted.map((message) => (message as { type: string }).type);
const last = (panel: FakePanel, type: string) => panel.posted.filter((message) => (message as { type: string }).type === type).at(-1) as Record<string, unknown> | undefined;

describe('policy editor panel (host)', () => {
  it('posts nothing before the webview says ready, then loads the policy and posts init', async () => {
    const { panel, calls } = setup();
    await settle();
    assert.deepEqual(panel.posted, []);
    await panel.send({ type: 'ready' });
    assert.deepEqual(calls, ['load (new)']);
    assert.deepEqual(types(panel), ['init']);
    const init = last(panel, 'init')!;
    assert.deepEqual([init.mode, init.vault, init.identity], ['create', { name: 'prod-weu-vault', location: 'westeurope' }, { vaultId: vault.id }]);
  });

  const malformed: [string, unknown][] = [
    ['not an object', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['no type', { draft: newStandardPolicyDraft() }],
    ['an unknown type', { type: 'deletePolicy' }],
    ['a type inherited from Object', { type: 'constructor' }],
    ['an extra field', { type: 'cancel', now: true }],
    ['a save without a draft', { type: 'save' }],
    ['a save of a draft with an unknown kind', { type: 'save', draft: { ...named('x'), kind: 'Premium' } }],
    ['a save with a number as text', { type: 'save', draft: { ...named('Daily-30'), instantRestoreDays: '2' } }],
    ['a save with NaN (an empty field)', { type: 'save', draft: { ...named('Daily-30'), retention: { daily: { days: Number.NaN } } } }],
    ['a save with an extra draft field', { type: 'save', draft: { ...named('Daily-30'), owner: 'me' } }],
    ['a save with an unknown weekday', { type: 'save', draft: { ...named('Daily-30'), schedule: { ...newStandardPolicyDraft().schedule, weekdays: ['Caturday'] } } }],
    ['a save with an oversized name', { type: 'save', draft: named('x'.repeat(5_000)) }],
  ];
  for (const [what, message] of malformed) {
    it(`logs and ignores ${what}`, async () => {
      const { panel, log, calls } = setup();
      await panel.send({ type: 'ready' });
      panel.posted.length = 0;
      calls.length = 0;
      await panel.send(message);
      assert.deepEqual(panel.posted, []);
      assert.deepEqual(calls, []);
      assert.equal(panel.disposed, false);
      assert.equal(log.lines.length, 1, log.lines.join('\n'));
      assert.match(log.lines[0]!, /^warn: azureVmBackup\.policyEditor: ignored a malformed or unknown message/);
    });
  }

  it('ignores a save sent before ready', async () => {
    const { panel, calls, log } = setup();
    await panel.send({ type: 'save', draft: named('Daily-30') });
    assert.deepEqual(calls, []);
    assert.match(log.lines.join('\n'), /ignored 'save' sent before 'ready'/);
  });

  it('checks the draft again with the form’s rules before sending anything', async () => {
    const { panel, calls } = setup();
    await panel.send({ type: 'ready' });
    const draft = named('defaultpolicy');
    draft.retention.daily = { days: 5 };
    await panel.send({ type: 'save', draft });
    assert.deepEqual(calls, ['load (new)'], 'nothing was sent to Azure');
    const result = last(panel, 'saveResult')!;
    assert.equal(result.ok, false);
    assert.match(String(result.message), /Daily retention must be 7 to 9999 days, not 5/);
    const fields = (result.problems as { field: string }[]).map((problem) => problem.field).sort();
    assert.deepEqual(fields, ['name', 'retention.daily.days']);
  });

  it('refuses a policy that keeps more than 9,999 points per VM (the preview’s check)', async () => {
    const { panel, calls } = setup();
    await panel.send({ type: 'ready' });
    const draft = named('Too-Much', newEnhancedPolicyDraft());
    draft.instantRestoreDays = 30;
    draft.retention = { daily: { days: 9999 }, weekly: { weeks: 5163, weekdays: ['Sunday'] } };
    await panel.send({ type: 'save', draft });
    assert.deepEqual(calls, ['load (new)']);
    assert.match(String(last(panel, 'saveResult')!.message), /Azure keeps at most 9999/);
  });

  it('creates: reports progress, tells the tree, resolves the result, and goes on editing the saved policy', async () => {
    const changed: PolicyEditorIdentity[] = [];
    const { panel, host, calls } = setup({ panel: { onIdentityChange: (identity) => changed.push(identity) } });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: named('Daily-45') });
    assert.deepEqual(calls, ['load (new)', 'save Daily-45', 'saved Daily-45', 'load Daily-45']);
    assert.deepEqual(types(panel), ['init', 'saveProgress', 'saveResult', 'init']);
    assert.equal(last(panel, 'saveResult')!.ok, true);
    assert.equal((await host.result)?.name, 'Daily-45');
    assert.deepEqual(changed, [{ vaultId: vault.id, policyName: 'Daily-45' }]);
    const init = last(panel, 'init')!;
    assert.deepEqual([init.mode, init.identity], ['edit', { vaultId: vault.id, policyName: 'Daily-45' }]);
    assert.equal(panel.disposed, false);
  });

  it('closes after the save when asked to (the enable backup flow continues with the policy)', async () => {
    const { panel, host } = setup({ panel: { closeOnSave: true } });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: named('Daily-45') });
    assert.equal((await host.result)?.name, 'Daily-45');
    assert.equal(panel.disposed, true);
  });

  it('keeps the form open with the service’s message when the save fails', async () => {
    const { panel, host } = setup({ backend: { save: async () => Promise.reject(new Error('This vault reached Azure’s limit of 50 policy creates and edits in 24 hours.')) } });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: named('Daily-45') });
    const result = last(panel, 'saveResult')!;
    assert.deepEqual([result.ok, result.message], [false, 'This vault reached Azure’s limit of 50 policy creates and edits in 24 hours.']);
    assert.equal(panel.disposed, false);
    panel.close();
    assert.equal(await host.result, undefined);
  });

  it('asks before a retention cut, naming the VMs that use the policy; declining sends nothing', async () => {
    const original = named('Daily-60');
    original.retention.daily = { days: 60 };
    const { panel, calls } = setup({ identity: { vaultId: vault.id, policyName: 'Daily-60' }, loaded: { mode: 'edit', draft: original, original, usage: { count: 2, vmNames: ['web-01', 'web-02'] } } });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: { ...original, retention: { daily: { days: 30 } } } });
    assert.equal(calls.length, 2, calls.join('\n'));
    assert.match(calls[1]!, /^confirm Save policy Daily-60\? 2 VMs use this policy: web-01, web-02\. \| Daily retention shrinks from 60 to 30 days: older recovery points are deleted when you save\.$/);
    assert.deepEqual([last(panel, 'saveResult')!.ok, last(panel, 'saveResult')!.message], [false, 'Not saved: your changes are still here.']);
  });

  it('saves a confirmed switch from Standard to Enhanced (one-way)', async () => {
    const original = named('Daily-30');
    const { panel, calls } = setup({ identity: { vaultId: vault.id, policyName: 'Daily-30' }, loaded: { mode: 'edit', draft: original, original, usage: { count: 1, vmNames: ['web-01'] } }, confirm: true });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: { ...original, kind: 'Enhanced' } });
    assert.match(calls[1]!, /^confirm Save policy Daily-30\? 1 VM uses this policy: web-01\. \| Changing this policy from Standard to Enhanced is one-way/);
    assert.equal(calls[2], 'save Daily-30');
    assert.equal(last(panel, 'saveResult')!.ok, true);
  });

  it('says when the policy cannot be loaded, and loads again on the next ready', async () => {
    let fail = true;
    const { panel, calls } = setup({
      identity: { vaultId: vault.id, policyName: 'Gone' },
      backend: {
        load: async () => {
          calls.push('load');
          if (fail) throw new Error('It no longer exists in Azure.');
          return { vault, mode: 'edit', draft: named('Gone'), existingNames: [], immutableVault: false };
        },
      },
    });
    await panel.send({ type: 'ready' });
    assert.deepEqual(panel.posted, [{ type: 'loadFailed', identity: { vaultId: vault.id, policyName: 'Gone' }, message: 'It no longer exists in Azure.' }]);
    fail = false;
    await panel.send({ type: 'ready' });
    assert.deepEqual(types(panel), ['loadFailed', 'init']);
    await panel.send({ type: 'save', draft: named('Gone') });
    assert.equal(last(panel, 'saveResult')!.ok, true);
  });

  it('cancel closes the panel; while saving it aborts the save instead', async () => {
    let signal: AbortSignal | undefined;
    const { panel } = setup({
      backend: {
        save: (_vault, _draft, _report, abort) => {
          signal = abort;
          return new Promise((_resolve, reject) => abort.addEventListener('abort', () => reject(new Error('Cancelled.'))));
        },
        describe: (error) => ({ message: (error as Error).message, cancelled: true }),
      },
    });
    await panel.send({ type: 'ready' });
    void panel.send({ type: 'save', draft: named('Daily-45') });
    await settle();
    await panel.send({ type: 'cancel' });
    assert.equal(signal?.aborted, true);
    assert.equal(panel.disposed, false);
    assert.match(String(last(panel, 'saveResult')!.message), /^Cancelled/);
    await panel.send({ type: 'cancel' });
    assert.equal(panel.disposed, true);
  });
});
