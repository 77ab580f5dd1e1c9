import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { BackupPolicy, Subscription, Vault } from '../../../src/azure/model';
import { PolicyWrites } from '../../../src/azure/policyWrites';
import { createPolicy, type PolicyForm } from '../../../src/commands/createPolicy';
import { editPolicy } from '../../../src/commands/editPolicy';
import { enableBackup } from '../../../src/commands/enableBackup';
import { policyEditorBackend } from '../../../src/commands/policyEditorBackend';
import { newEnhancedPolicyDraft } from '../../../src/policy/policyDraft';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';

const prod = demoSubscriptions.production;
const createNewPolicy = '$(add) Create new policy…';

let env: TestEmulator;
beforeEach(async () => {
  env = await startTestEmulator();
});
afterEach(async () => {
  await env.close();
});

/** A policy form that records what it was opened for and answers as the test says. */
function recordingForm(answer: (vault: { id: string; name: string }) => Promise<BackupPolicy | undefined> = async () => undefined) {
  const opened: string[] = [];
  const form: PolicyForm = {
    open: (vault, policyName, options) => {
      opened.push(`${vault.name}/${policyName ?? '(new)'}${options?.closeOnSave ? ' closeOnSave' : ''}`);
      return answer(vault);
    },
  };
  return { form, opened };
}

async function services(script: ScriptStep[], form: PolicyForm): Promise<TestFlowServices & { policyForm: PolicyForm }> {
  return { ...(await testFlowServices(env, script)), policyForm: form };
}

const subscriptions = (flow: TestFlowServices) => () => flow.azure().reader.listSubscriptions(demoTenantId) as Promise<Subscription[]>;

async function vaultNamed(flow: TestFlowServices, name: string): Promise<Vault> {
  const vault = (await flow.azure().cache.vaults(prod)).find((candidate) => candidate.name === name);
  assert.ok(vault);
  return vault;
}

describe('policy commands', () => {
  it('Create Policy… on a vault’s policies folder opens the editor for that vault', async () => {
    const { form, opened } = recordingForm();
    const flow = await services([], form);
    const vault = await vaultNamed(flow, 'prod-weu-vault');
    await createPolicy(flow, subscriptions(flow), { id: `${vault.id}/backupPolicies`, vault });
    assert.deepEqual(opened, ['prod-weu-vault/(new)']);
  });

  it('Create Policy… from the palette asks for the subscription and the vault', async () => {
    const { form, opened } = recordingForm();
    const flow = await services([
      { pickOne: 'Create Policy', answer: label('Contoso Production') },
      { pickOne: 'Create Policy', answer: label('prod-eus-vault') },
    ], form);
    await createPolicy(flow, subscriptions(flow));
    flow.prompts.assertDone();
    assert.deepEqual(opened, ['prod-eus-vault/(new)']);
  });

  it('Edit Policy… on a policy item opens that policy; from the palette it asks for the vault and the policy', async () => {
    const { form, opened } = recordingForm();
    const flow = await services([
      { pickOne: 'Edit Policy', answer: label('Contoso Production') },
      { pickOne: 'Edit Policy', answer: label('prod-weu-vault') },
      { pickOne: 'Edit Policy', answer: label('Weekly-Sunday') },
    ], form);
    const vault = await vaultNamed(flow, 'prod-weu-vault');
    const hourly = (await flow.azure().cache.policies(vault)).find((policy) => policy.name === 'Hourly-Enhanced');
    await editPolicy(flow, subscriptions(flow), { id: hourly!.id, policy: hourly });
    await editPolicy(flow, subscriptions(flow));
    flow.prompts.assertDone();
    assert.deepEqual(opened, ['prod-weu-vault/Hourly-Enhanced', 'prod-weu-vault/Weekly-Sunday']);
  });

  it('enable backup offers "Create new policy…" and continues with the policy saved in the editor', async () => {
    const flowOf: { current?: TestFlowServices } = {};
    const { form, opened } = recordingForm(async (vault) => {
      const flow = flowOf.current!;
      const saved = await new PolicyWrites(flow.azure().reader, { pollDelayMs: 5 }).save(await vaultNamed(flow, vault.name), newEnhancedPolicyDraft('Web-Hourly'));
      return saved.policy;
    });
    const flow = await services([
      { pickOne: 'Enable Backup for web-03', answer: label('prod-weu-vault') },
      { pickOne: 'Enable Backup for web-03', answer: label(createNewPolicy) },
      { info: /^Backup is enabled for web-03 in prod-weu-vault with Web-Hourly\./ },
    ], form);
    flowOf.current = flow;
    const vm = (await flow.azure().reader.listVirtualMachines(prod)).find((candidate) => candidate.name === 'web-03')!;
    await enableBackup(flow, { subscriptions: subscriptions(flow), createVault: async () => undefined, createPolicy: (vault) => form.open(vault, undefined, { closeOnSave: true }) }, { id: vm.id, vm });
    flow.prompts.assertDone();
    assert.deepEqual(opened, ['prod-weu-vault/(new) closeOnSave']);
    assert.ok(flow.prompts.offered[1]!.labels.includes(createNewPolicy));
    const item = (await flow.azure().reader.listProtectedVms(await vaultNamed(flow, 'prod-weu-vault'))).find((candidate) => candidate.name === 'web-03');
    assert.match(item?.policyId ?? '', /\/backupPolicies\/Web-Hourly$/);
  });

  it('enable backup offers the policies again when the editor closed without saving', async () => {
    const { form, opened } = recordingForm();
    const flow = await services([
      { pickOne: 'Enable Backup for web-03', answer: label('prod-weu-vault') },
      { pickOne: 'Enable Backup for web-03', answer: label(createNewPolicy) },
      { pickOne: 'Enable Backup for web-03', answer: () => undefined },
    ], form);
    const vm = (await flow.azure().reader.listVirtualMachines(prod)).find((candidate) => candidate.name === 'web-03')!;
    await enableBackup(flow, { subscriptions: subscriptions(flow), createVault: async () => undefined, createPolicy: (vault) => form.open(vault, undefined, { closeOnSave: true }) }, { id: vm.id, vm });
    flow.prompts.assertDone();
    assert.equal(opened.length, 1);
    assert.equal(flow.prompts.offered.length, 3, 'the policy pick came back');
  });

  it('the editor’s backend loads a new and an existing policy, saves, and shows the saved policy in the tree', async () => {
    const flow = await services([], recordingForm().form);
    const backend = policyEditorBackend(flow);
    const vault = await vaultNamed(flow, 'prod-weu-vault');
    const created = await backend.load({ vaultId: vault.id });
    assert.deepEqual([created.mode, created.draft.kind, created.draft.name, created.existingNames.includes('Hourly-Enhanced')], ['create', 'Standard', '', true]);
    const edited = await backend.load({ vaultId: vault.id, policyName: 'DefaultPolicy' });
    assert.deepEqual([edited.mode, edited.usage?.count, edited.draft.retention.daily?.days], ['edit', 2, 30]);
    assert.deepEqual(edited.original, edited.draft);

    const reported: string[] = [];
    const policy = await backend.save(vault, { ...edited.draft, retention: { daily: { days: 40 } } }, (message) => reported.push(message), new AbortController().signal);
    assert.equal(policy.dailyRetentionDays, 40);
    assert.deepEqual(reported, ['Saving policy DefaultPolicy…', 'Azure is applying policy DefaultPolicy to the VMs that use it…', 'Reading policy DefaultPolicy back…']);
    await backend.saved(vault, policy);
    assert.deepEqual(flow.refreshed, [vault.id]);
    assert.deepEqual(flow.revealed, [[`/subscriptions/${prod}`, vault.id, `${vault.id}/backupPolicies`, policy.id]]);

    const refused = newEnhancedPolicyDraft('Too-Short');
    refused.retention.daily = { days: 5 };
    const failure = await backend.save(vault, refused, () => undefined, new AbortController().signal).then(() => undefined, (error: unknown) => backend.describe(error));
    assert.match(failure?.message ?? '', /^Azure refused policy 'Too-Short' as invalid for an Enhanced policy: .*must be 7 to 9999 days, not 5/);
    await assert.rejects(backend.load({ vaultId: `${vault.id}-gone` }), /was not found/);
  });
});
