// The policy editor's authoring mode, for the Create VM form: the same checks as a save, nothing
// sent to Azure, the draft handed to the form and the editor closed; its page says so and offers
// "Use this policy"; its backend loads a vault the deployment has yet to create.
import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { policyEditorBackend } from '../../../src/commands/policyEditorBackend';
import { newStandardPolicyDraft, type PolicyDraft } from '../../../src/policy/policyDraft';
import { PolicyEditorPanel, type PolicyEditorBackend } from '../../../src/webviews/host/policyEditorPanel';
import { isPolicyEditorState, sameIdentity, type PolicyEditorIdentity } from '../../../src/webviews/shared/policyEditorProtocol';
import { testFlowServices } from '../../support/flowServices';
import { startTestEmulator } from '../../support/testEmulator';
import { fakePanel, recordingLog } from './fakePanel';
import { openWebview, type WebviewPage } from './webviewDom';

const sub = demoSubscriptions.production;
const newVaultId = `/subscriptions/${sub}/resourceGroups/rg-vaults/providers/Microsoft.RecoveryServices/vaults/vault-new`;
const author = { formId: 'form-1', location: 'westeurope' };
const identity: PolicyEditorIdentity = { vaultId: newVaultId, author };

function setup(options: { draft?: PolicyDraft } = {}) {
  const calls: string[] = [];
  const handed: PolicyDraft[] = [];
  const backend: PolicyEditorBackend = {
    load: async () => ({
      vault: { id: newVaultId, name: 'vault-new', subscriptionId: sub, resourceGroup: 'rg-vaults', location: 'westeurope', crossRegionRestore: false, tags: {} },
      mode: 'create',
      draft: newStandardPolicyDraft(),
      existingNames: ['DefaultPolicy', 'EnhancedPolicy'],
      immutableVault: false,
    }),
    save: async (_vault, draft) => {
      calls.push(`save ${draft.name}`);
      throw new Error('an authored policy is never saved');
    },
    saved: async () => void calls.push('saved'),
    confirm: async () => true,
    describe: (error) => ({ message: (error as Error).message, cancelled: false }),
    now: () => Date.UTC(2025, 0, 6, 12),
  };
  const panel = fakePanel('azureVmBackup.policyEditor');
  const host = new PolicyEditorPanel(panel, backend, identity, recordingLog(), { onAuthored: (draft) => void handed.push(draft), ...(options.draft ? { draft: options.draft } : {}) });
  return { panel, host, calls, handed };
}

const last = (posted: unknown[], type: string) => posted.filter((message) => (message as { type: string }).type === type).at(-1) as Record<string, unknown> | undefined;

describe('policy editor authoring for a Create VM form (host)', () => {
  it('checks the draft as a save would, hands it to the form instead of Azure, and closes', async () => {
    const { panel, calls, handed } = setup();
    await panel.send({ type: 'ready' });
    const draft = { ...newStandardPolicyDraft('Nightly-14'), retention: { daily: { days: 14 } } };
    await panel.send({ type: 'save', draft });
    assert.deepEqual(calls, [], 'nothing saved to Azure');
    assert.deepEqual(handed, [draft]);
    assert.deepEqual(last(panel.posted, 'saveResult'), { type: 'saveResult', ok: true, policyName: 'Nightly-14', message: 'Policy Nightly-14 is created with the virtual machine.' });
    assert.equal(panel.disposed, true);
  });

  it('refuses a draft the rules refuse (a name the new vault already has), keeping the editor open', async () => {
    const { panel, handed } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'save', draft: newStandardPolicyDraft('enhancedpolicy') });
    assert.deepEqual(handed, []);
    const result = last(panel.posted, 'saveResult')!;
    assert.equal(result.ok, false);
    assert.match(String(result.message), /already used in this vault/);
    assert.equal(panel.disposed, false);
  });

  it('starts from the policy the form authored before', async () => {
    const before = { ...newStandardPolicyDraft('Nightly-14'), retention: { daily: { days: 14 } } };
    const { panel } = setup({ draft: before });
    await panel.send({ type: 'ready' });
    const init = last(panel.posted, 'init')!;
    assert.deepEqual([init.mode, init.draft, init.identity], ['create', before, identity]);
  });

  it('keeps the authoring target in the identity a reload restores, and tells it apart from the vault’s own new-policy editor', () => {
    assert.equal(isPolicyEditorState({ identity, draft: newStandardPolicyDraft('x'), touched: [] }), true);
    assert.equal(isPolicyEditorState({ identity: { vaultId: newVaultId, author: { formId: 'form-1' } }, draft: newStandardPolicyDraft('x'), touched: [] }), false);
    assert.equal(sameIdentity(identity, { vaultId: newVaultId }), false);
    assert.equal(sameIdentity(identity, { vaultId: newVaultId.toUpperCase(), author: { formId: 'form-1', location: 'westeurope' } }), true);
    assert.equal(sameIdentity(identity, { vaultId: newVaultId, author: { formId: 'form-2', location: 'westeurope' } }), false);
  });
});

describe('policy editor authoring (webview)', () => {
  let page: WebviewPage | undefined;
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  it('offers “Use this policy” instead of Save and says nothing is saved now', async () => {
    page = await openWebview('policyEditor');
    await page.fromHost({ type: 'init', identity, vault: { name: 'vault-new', location: 'westeurope' }, mode: 'create', draft: newStandardPolicyDraft(), existingNames: ['DefaultPolicy', 'EnhancedPolicy'], immutableVault: false });
    assert.equal(page.document.getElementById('save'), null);
    assert.match(page.shownText('use-policy'), /Use this policy/);
    assert.match(page.shownText('author-note'), /Nothing is saved to Azure now: the virtual machine’s deployment creates this policy/);
    assert.equal(page.shownText('editor-heading'), 'New backup policy for a virtual machine in vault-new');
    await page.type('policy-name', 'Nightly-14');
    await page.click('use-policy');
    const save = last(page.posted, 'save')!;
    assert.equal((save.draft as PolicyDraft).name, 'Nightly-14');
    assert.match(page.shownText('save-progress-text'), /Checking the policy…/);
  });
});

describe('policy editor authoring (backend, emulator)', () => {
  it('loads a vault the deployment will create as a new vault with Azure’s two default policies', async () => {
    const env = await startTestEmulator();
    try {
      const services = await testFlowServices(env, []);
      const loaded = await policyEditorBackend(services).load(identity);
      assert.deepEqual([loaded.mode, loaded.vault.name, loaded.vault.location, loaded.vault.resourceGroup, loaded.existingNames, loaded.immutableVault], ['create', 'vault-new', 'westeurope', 'rg-vaults', ['DefaultPolicy', 'EnhancedPolicy'], false]);
      await assert.rejects(policyEditorBackend(services).load({ vaultId: newVaultId }), /Vault vault-new was not found/, 'outside authoring, a missing vault is still an error');
    } finally {
      await env.close();
    }
  });
});
