// "Create Virtual Machine…": what each place it runs from presets, and its backend against the
// emulator through the real SDK clients: the lists and checks the form asks for, the key file,
// authoring a policy, View template, and a whole creation that deploys the VM with backup, shows
// it under its vault "Initial backup pending" and offers Back Up Now.
import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { ProtectedVm, Vault } from '../../../src/azure/model';
import { TemplateDeployments } from '../../../src/azure/templateDeployments';
import { createVm, presetOf, type VmForm } from '../../../src/commands/createVm';
import { createVmBackend, type PolicyAuthoring } from '../../../src/commands/createVmBackend';
import type { CreateVmPorts } from '../../../src/commands/createVmPorts';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { CreateVmPanel } from '../../../src/webviews/host/createVmPanel';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { publicKey, validRequest } from '../webviews/createVmFixtures';
import { fakePanel, recordingLog, settle } from '../webviews/fakePanel';

const sub = demoSubscriptions.production;
const weuVaultId = `/subscriptions/${sub}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;

describe('create VM command: presets', () => {
  const opened: unknown[] = [];
  const form: VmForm = { open: async (preset) => void opened.push(preset) };
  const vault: Vault = { id: weuVaultId, name: 'prod-weu-vault', subscriptionId: sub, resourceGroup: 'rg-backup-prod', location: 'westeurope', crossRegionRestore: false, tags: {} };

  it('from the view title or the palette presets nothing', () => {
    createVm(form);
    assert.deepEqual(opened.at(-1), {});
  });

  it('from a subscription presets the subscription', () => {
    createVm(form, { subscription: { subscriptionId: sub, name: 'Contoso Production' } });
    assert.deepEqual(opened.at(-1), { subscriptionId: sub });
  });

  it('from a vault presets its subscription, its region and the vault itself', () => {
    createVm(form, { vault });
    assert.deepEqual(opened.at(-1), { subscriptionId: sub, location: 'westeurope', vaultId: weuVaultId });
  });

  it('ignores what is not a tree node', () => {
    assert.deepEqual(presetOf({ vault: { id: 42 } }), {});
    assert.deepEqual(presetOf('westeurope'), {});
    assert.deepEqual(presetOf({ subscription: { subscriptionId: null } }), {});
  });
});

describe('create VM backend (emulator)', () => {
  let env: TestEmulator;
  let services: TestFlowServices;
  let authored: { vault: { id: string; name: string }; target: { formId: string; location: string }; draft?: string }[];
  let documents: string[];
  let keyFile: { fileName: string; bytes: Uint8Array } | undefined;
  const ports: CreateVmPorts = {
    showJson: async (shown) => void documents.push(...shown.map((document) => document.content)),
    pickPublicKeyFile: async () => keyFile,
  };
  const policyForm: PolicyAuthoring = { author: (vault, target, draft) => void authored.push({ vault, target, ...(draft ? { draft: draft.name } : {}) }) };
  const backend = () =>
    createVmBackend(services, {
      subscriptions: async () => services.azure().reader.listSubscriptions(demoTenantId),
      policyForm,
      ports,
      deployments: (flow) => new TemplateDeployments(flow.azure().reader, { pollDelayMs: 20, minPollDelayMs: 10, maxPollDelayMs: 50 }),
    });

  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env.close();
  });

  async function fresh(script: Parameters<typeof testFlowServices>[1] = []): Promise<void> {
    services = await testFlowServices(env, script);
    authored = [];
    documents = [];
    keyFile = undefined;
  }

  it('answers the form’s lists: a vault’s policies as drafts, names taken in a group, the region’s catalog', async () => {
    await fresh();
    const policies = await backend().policies(weuVaultId);
    const defaultPolicy = policies.find((policy) => policy.name === 'DefaultPolicy');
    assert.equal(defaultPolicy?.kind, 'Standard');
    assert.equal(defaultPolicy?.draft?.schedule.frequency, 'Daily', 'its draft, for the review’s schedule preview');
    assert.equal(await backend().vmExists(sub, 'rg-web-prod', 'WEB-01'), true, 'names compare without case');
    assert.equal(await backend().vmExists(sub, 'rg-web-prod', 'web-99'), false);
    assert.ok((await backend().groupNames(sub, 'rg-web-prod')).networkSecurityGroups.includes('web-nsg'));
    assert.ok((await backend().sizes(sub, 'westeurope')).some((size) => size.name === 'Standard_B2s'));
    const vaults = await backend().vaults(sub);
    assert.ok(vaults.some((vault) => vault.id.toLowerCase() === weuVaultId.toLowerCase() && vault.location === 'westeurope'));
  });

  it('reads a public key file, and refuses a private key or anything that is not one line', async () => {
    await fresh();
    assert.equal(await backend().readSshKey(), undefined, 'the dialog was closed');
    const home = (await import('node:os')).homedir();
    keyFile = { fileName: `${home}/.ssh/id_ed25519.pub`, bytes: new TextEncoder().encode(`${publicKey}\n`) };
    assert.deepEqual(await backend().readSshKey(), { publicKey, fileName: '~/.ssh/id_ed25519.pub' });
    keyFile = { fileName: `${home}/.ssh/id_ed25519`, bytes: new TextEncoder().encode('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n') };
    await assert.rejects(backend().readSshKey(), /~\/\.ssh\/id_ed25519 is a private key: choose its public key, the \.pub file beside it\./);
    keyFile = { fileName: '/tmp/keys.txt', bytes: new TextEncoder().encode(`${publicKey}\n${publicKey}\n`) };
    await assert.rejects(backend().readSshKey(), /\/tmp\/keys\.txt is not an OpenSSH public key/);
  });

  it('opens the policy editor to author a policy for the form, for an existing or a new vault', async () => {
    await fresh();
    await backend().authorPolicy('form-7', { kind: 'existing', vaultId: weuVaultId }, newStandardPolicyDraft('Nightly'));
    await backend().authorPolicy('form-7', { kind: 'new', subscriptionId: sub, resourceGroup: 'rg-vaults', name: 'vault-new', location: 'northeurope' }, undefined);
    assert.deepEqual(authored, [
      { vault: { id: weuVaultId, name: 'prod-weu-vault' }, target: { formId: 'form-7', location: 'westeurope' }, draft: 'Nightly' },
      { vault: { id: `/subscriptions/${sub}/resourceGroups/rg-vaults/providers/Microsoft.RecoveryServices/vaults/vault-new`, name: 'vault-new' }, target: { formId: 'form-7', location: 'northeurope' } },
    ]);
  });

  it('creates a VM with backup in one deployment, shows it under its vault "Initial backup pending" and offers Back Up Now', async () => {
    await fresh([{ info: /^Created the virtual machine app-07, backed up by prod-weu-vault with DefaultPolicy\. It shows "Initial backup pending"/, answer: undefined }]);
    const panel = fakePanel('azureVmBackup.createVm');
    const host = new CreateVmPanel(panel, backend(), { formId: 'form-1' }, recordingLog());
    const request = validRequest({
      subscriptionId: sub,
      resourceGroup: { name: 'rg-app-new', isNew: true },
      name: 'app-07',
      network: { kind: 'new', virtualNetworkName: 'app-07-vnet', addressPrefix: '10.0.0.0/16', subnetName: 'default', subnetPrefix: '10.0.0.0/24' },
      backup: { enabled: true, vault: { kind: 'existing', vaultId: weuVaultId }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request });
    // The deployment's own pace: polls a second apart at least.
    for (let waited = 0; waited < 30_000 && !panel.posted.some((message) => (message as { type: string }).type === 'createResult'); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const result = panel.posted.find((message) => (message as { type: string }).type === 'createResult') as Record<string, unknown>;
    assert.equal(result.ok, true, JSON.stringify(result));
    const vmId = `/subscriptions/${sub}/resourceGroups/rg-app-new/providers/Microsoft.Compute/virtualMachines/app-07`;
    assert.equal(String(result.vmId).toLowerCase(), vmId.toLowerCase());
    assert.equal(await host.result, result.vmId);
    await settle();
    const progress = panel.posted.filter((message) => (message as { type: string }).type === 'createProgress').map((message) => (message as { message: string }).message);
    assert.ok(progress.some((line) => /^\d+ of \d+ resources/.test(line)), progress.join('\n'));
    assert.ok(services.prompts.progressLog.some((line) => /Creating virtual machine app-07/.test(line)), 'the cancellable notification ran');
    const item = services.revealed.at(-1);
    assert.equal(item?.length, 3, `revealed the VM under its vault: ${JSON.stringify(services.revealed)}`);
    const vault = (await services.azure().cache.vaults(sub)).find((candidate) => candidate.id.toLowerCase() === weuVaultId.toLowerCase())!;
    const protectedVm = (await services.azure().cache.protectedVms(vault)).find((candidate) => candidate.virtualMachineId.toLowerCase() === vmId.toLowerCase()) as ProtectedVm;
    assert.equal(protectedVm.health, 'initialBackupPending');
    services.prompts.assertDone();
  });
});
