import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeploymentResult } from '../../../src/azure/deploymentModel';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import type { VmCreateRequest } from '../../../src/vmCreation/vmCreateRequest';
import type { VmDeployment } from '../../../src/vmCreation/vmTemplate';
import { CreateVmPanel, type CreateVmBackend } from '../../../src/webviews/host/createVmPanel';
import { fakePanel, recordingLog, settle, type FakePanel } from './fakePanel';
import { network, sizes, subscription, validRequest, vaultPolicies, vaults } from './createVmFixtures';
import { subscriptionId, vaultId } from '../vmCreation/vmFixtures';

const vmId = `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`;
const password = 'Correct-Horse-9-Battery';
const windowsRequest = (): VmCreateRequest => validRequest({
  name: 'win-01',
  osType: 'Windows',
  image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
  size: 'Standard_D2s_v5',
  authentication: { kind: 'password', password },
  inboundPorts: ['RDP'],
});

function succeeded(resources: DeploymentResult['resources'] = []): DeploymentResult {
  return { provisioningState: 'Succeeded', deploymentId: 'd', resources, outputs: { virtualMachineId: { type: 'String', value: vmId } }, outputResourceIds: [vmId] };
}

interface Setup {
  panel: FakePanel;
  host: CreateVmPanel;
  calls: string[];
  log: ReturnType<typeof recordingLog>;
  opened: string[];
  deployed: VmDeployment[];
}

function setup(overrides: Partial<CreateVmBackend> = {}): Setup {
  const calls: string[] = [];
  const opened: string[] = [];
  const deployed: VmDeployment[] = [];
  let attempt = 0;
  const backend: CreateVmBackend = {
    subscriptions: async () => [subscription],
    resourceGroups: async () => [{ name: 'rg-web-prod', location: 'westeurope' }],
    locations: async () => [{ name: 'westeurope', displayName: 'West Europe' }],
    vaults: async () => vaults,
    zones: async () => ['1', '2', '3'],
    sizes: async () => sizes,
    networks: async () => Promise.reject(new Error('Azure is throttling')),
    policies: async () => vaultPolicies(),
    groupNames: async () => ({ virtualNetworks: ['hub'], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] }),
    vmExists: async (_s, _g, name) => name === 'taken',
    image: async (_s, _l, image) => (image.offer === 'WindowsServer' ? { osType: 'Windows' } : null),
    readSshKey: async () => ({ publicKey: 'ssh-ed25519 AAAA', fileName: '~/.ssh/id_ed25519.pub' }),
    rulesContext: async () => {
      calls.push('rulesContext');
      return { sizes, zones: ['1', '2', '3'], virtualNetworks: [network], resourceGroups: ['rg-web-prod', 'rg-backup-prod'], vaults: [{ ...vaults[0]!, policies: [{ name: 'DefaultPolicy', kind: 'Standard' }] }], takenVmNames: [], takenNetworkNames: {} };
    },
    showTemplate: async (template, parameters) => {
      opened.push(JSON.stringify(template), JSON.stringify(parameters));
    },
    authorPolicy: async (formId, vault, draft) => void calls.push(`authorPolicy ${formId} ${JSON.stringify(vault)} ${draft?.name ?? '-'}`),
    deploy: async (_request, deployment, report) => {
      calls.push(`deploy ${deployment.deploymentName}`);
      deployed.push(deployment);
      report('4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)');
      return succeeded([{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', provisioningState: 'Succeeded' }]);
    },
    created: async (request) => void calls.push(`created ${request.name}`),
    describe: (error) => ({ message: (error as Error).message, cancelled: (error as Error).name === 'AbortError' }),
    deploymentName: (request) => `CreateVm-${request.name}-${++attempt}`,
    ...overrides,
  };
  const panel = fakePanel('azureVmBackup.createVm');
  const log = recordingLog();
  const host = new CreateVmPanel(panel, backend, { formId: 'form-1', subscriptionId, location: 'westeurope' }, log);
  return { panel, host, calls, log, opened, deployed };
}

const last = (panel: FakePanel, type: string) => panel.posted.filter((message) => (message as { type: string }).type === type).at(-1) as Record<string, unknown> | undefined;

describe('create VM panel (host)', () => {
  it('posts nothing before the webview says ready, then its identity and the subscriptions', async () => {
    const { panel } = setup();
    await settle();
    assert.deepEqual(panel.posted, []);
    await panel.send({ type: 'ready' });
    assert.deepEqual(panel.posted, [{ type: 'init', identity: { formId: 'form-1', subscriptionId, location: 'westeurope' }, subscriptions: [subscription] }]);
  });

  const malformed: [string, unknown][] = [
    ['not an object', 'ready'],
    ['an unknown type', { type: 'deleteResourceGroup', name: 'rg' }],
    ['a type inherited from Object', { type: 'hasOwnProperty' }],
    ['an extra field', { type: 'loadSshKey', path: '/etc/passwd' }],
    ['a create without a request', { type: 'create' }],
    ['a create with an unknown OS', { type: 'create', request: { ...validRequest(), osType: 'Plan9' } }],
    ['a create with custom data', { type: 'create', request: { ...validRequest(), customData: 'IyEvYmluL3No' } }],
    ['a view template with an oversized name', { type: 'viewTemplate', request: { ...validRequest(), name: 'x'.repeat(10_000) } }],
  ];
  for (const [what, message] of malformed) {
    it(`logs and ignores ${what}`, async () => {
      const { panel, log, calls, opened } = setup();
      await panel.send({ type: 'ready' });
      panel.posted.length = 0;
      await panel.send(message);
      assert.deepEqual(panel.posted, []);
      assert.deepEqual([calls, opened], [[], []]);
      assert.equal(log.lines.length, 1, log.lines.join('\n'));
      assert.match(log.lines[0]!, /^warn: azureVmBackup\.createVm: ignored a malformed or unknown message/);
    });
  }

  it('ignores a create sent before ready', async () => {
    const { panel, calls, log } = setup();
    await panel.send({ type: 'create', request: validRequest() });
    assert.deepEqual(calls, []);
    assert.match(log.lines.join('\n'), /ignored 'create' sent before 'ready'/);
  });

  it('answers the lists, each region list on its own, a failed one with its error', async () => {
    const { panel } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'listRegion', subscriptionId, location: 'westeurope' });
    await panel.send({ type: 'listPolicies', vaultId });
    await panel.send({ type: 'listGroupNames', subscriptionId, resourceGroup: 'rg-web-prod' });
    assert.deepEqual(panel.posted.slice(1), [
      { type: 'zones', subscriptionId, location: 'westeurope', items: ['1', '2', '3'] },
      { type: 'sizes', subscriptionId, location: 'westeurope', items: sizes },
      { type: 'networks', subscriptionId, location: 'westeurope', items: [], error: 'Azure is throttling' },
      { type: 'policies', vaultId, policies: vaultPolicies() },
      { type: 'groupNames', subscriptionId, resourceGroup: 'rg-web-prod', names: { virtualNetworks: ['hub'], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] } },
    ]);
  });

  it('checks a VM name and an image in the region', async () => {
    const { panel } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'checkVmName', subscriptionId, resourceGroup: 'rg-web-prod', name: 'taken' });
    await panel.send({ type: 'checkVmName', subscriptionId, resourceGroup: 'rg-web-prod', name: 'free' });
    await panel.send({ type: 'checkImage', subscriptionId, location: 'westeurope', image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', version: 'latest' } });
    await panel.send({ type: 'checkImage', subscriptionId, location: 'westeurope', image: { publisher: 'Canonical', offer: 'nope', sku: 'server', version: 'latest' } });
    assert.deepEqual(panel.posted.slice(1), [
      { type: 'vmNameCheck', subscriptionId, resourceGroup: 'rg-web-prod', name: 'taken', available: false, message: "A VM named 'taken' already exists in resource group rg-web-prod: choose another name." },
      { type: 'vmNameCheck', subscriptionId, resourceGroup: 'rg-web-prod', name: 'free', available: true },
      { type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest', found: true, osType: 'Windows' },
      { type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'Canonical:nope:server:latest', found: false, message: 'Image Canonical:nope:server:latest is not offered in westeurope: check the URN (az vm image list --all shows them), or choose another image.' },
    ]);
  });

  it('loads an SSH key; a closed dialog says nothing, a refused file says why', async () => {
    let answer: Promise<{ publicKey: string; fileName: string } | undefined> = Promise.resolve({ publicKey: 'ssh-ed25519 AAAA', fileName: '~/.ssh/id_ed25519.pub' });
    const { panel } = setup({ readSshKey: () => answer });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'loadSshKey' });
    answer = Promise.resolve(undefined);
    await panel.send({ type: 'loadSshKey' });
    answer = Promise.reject(new Error('~/.ssh/id_ed25519 is a private key: choose its public key, the .pub file beside it.'));
    await panel.send({ type: 'loadSshKey' });
    assert.deepEqual(panel.posted.slice(1), [
      { type: 'sshKey', ok: true, publicKey: 'ssh-ed25519 AAAA', fileName: '~/.ssh/id_ed25519.pub' },
      { type: 'sshKey', ok: false },
      { type: 'sshKey', ok: false, message: '~/.ssh/id_ed25519 is a private key: choose its public key, the .pub file beside it.' },
    ]);
  });

  it('View template opens the template and the parameters as two documents, without the password, and sends nothing to Azure', async () => {
    const { panel, opened, calls } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'viewTemplate', request: windowsRequest() });
    assert.equal(opened.length, 2);
    const template = JSON.parse(opened[0]!) as { parameters: Record<string, { type: string }>; resources: { type: string }[] };
    const parameters = JSON.parse(opened[1]!) as { parameters: Record<string, { value: unknown }> };
    assert.equal(template.parameters['adminPassword']?.type, 'securestring');
    assert.ok(template.resources.some((resource) => resource.type === 'Microsoft.Compute/virtualMachines'));
    assert.equal(parameters.parameters['vmName']?.value, 'win-01');
    assert.equal(parameters.parameters['adminPassword'], undefined);
    assert.doesNotMatch(opened.join('\n'), new RegExp(password), 'the password is in neither document');
    assert.deepEqual(calls, [], 'no deployment, no Azure check');
    assert.equal(last(panel, 'templateShown')!.ok, true);
  });

  it('View template of a request the rules refuse opens nothing and says why', async () => {
    const { panel, opened } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'viewTemplate', request: validRequest({ name: 'web-01-' }) });
    assert.deepEqual(opened, []);
    assert.deepEqual(last(panel, 'templateShown'), { type: 'templateShown', ok: false, message: "The template cannot be made yet: Virtual machine name cannot end with '-': end it with a letter or digit." });
  });

  it('checks the request again with facts read now, and refuses it without deploying', async () => {
    const { panel, calls, log } = setup({
      rulesContext: async () => {
        calls.push('rulesContext');
        return { sizes: sizes.filter((size) => size.name !== 'Standard_B2s'), takenVmNames: ['web-01'] };
      },
    });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest() });
    assert.deepEqual(calls, ['rulesContext'], 'nothing deployed');
    const result = last(panel, 'createResult')!;
    assert.equal(result.ok, false);
    assert.match(String(result.message), /^Not created: A VM named 'web-01' already exists in resource group rg-web-prod: choose another name\. Size Standard_B2s is not offered in westeurope/);
    assert.match(log.lines.join('\n'), /refused an invalid request/);
  });

  it('creates: deploys the template, reports progress, answers the VM and shows it', async () => {
    const { panel, host, calls, deployed } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest() });
    assert.deepEqual(calls, ['rulesContext', 'deploy CreateVm-web-01-1', 'created web-01']);
    assert.equal(deployed[0]!.resourceGroup, 'rg-web-prod');
    assert.ok(deployed[0]!.template['resources']);
    const progress = panel.posted.filter((message) => (message as { type: string }).type === 'createProgress').map((message) => (message as { message: string }).message);
    assert.deepEqual(progress, ['Checking the request with Azure’s rules…', '4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)', 'Deployment succeeded.']);
    const result = last(panel, 'createResult')!;
    assert.deepEqual([result.ok, result.vmId, result.vmName], [true, vmId, 'web-01']);
    assert.match(String(result.message), /backed up by prod-weu-vault with DefaultPolicy\. It shows “Initial backup pending”/);
    assert.equal(await host.result, vmId);
  });

  it('a failed deployment names each failed resource with Azure’s code and message; the next attempt gets a new deployment name', async () => {
    let fail = true;
    const { panel, calls } = setup({
      deploy: async (_request, deployment) => {
        calls.push(`deploy ${deployment.deploymentName}`);
        if (!fail) return succeeded();
        return {
          provisioningState: 'Failed',
          deploymentId: 'd',
          outputs: {},
          outputResourceIds: [],
          resources: [
            { resourceType: 'Microsoft.Network/networkSecurityGroups', resourceName: 'web-01-nsg', provisioningState: 'Succeeded' },
            { resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', provisioningState: 'Failed', error: { code: 'SkuNotAvailable', message: "The requested VM size 'Standard_B2s' is not available in location 'westeurope'." } },
          ],
          error: { code: 'DeploymentFailed', message: 'At least one resource deployment operation failed.', details: [] },
        };
      },
    });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest() });
    const result = last(panel, 'createResult')!;
    assert.equal(result.ok, false);
    assert.match(String(result.message), /^The deployment CreateVm-web-01-1 failed\. Your choices are still here/);
    assert.deepEqual(result.failures, [{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', code: 'SkuNotAvailable', message: "The requested VM size 'Standard_B2s' is not available in location 'westeurope'." }]);
    const progress = last(panel, 'createProgress')!;
    assert.equal((progress.resources as unknown[]).length, 2, 'the form lists every resource the deployment reached');
    assert.equal(calls.includes('created web-01'), false);
    fail = false;
    await panel.send({ type: 'create', request: validRequest() });
    assert.deepEqual(calls.filter((call) => call.startsWith('deploy')), ['deploy CreateVm-web-01-1', 'deploy CreateVm-web-01-2']);
    assert.equal(last(panel, 'createResult')!.ok, true);
  });

  it('says what Azure refused before deploying (validation), with the resources it names', async () => {
    const { panel } = setup({
      deploy: async () => Promise.reject(new Error('Azure refused the template (InvalidTemplateDeployment)')),
      describe: (error) => ({ message: (error as Error).message, cancelled: false, failures: [{ resourceName: 'web-01', code: 'SkuNotAvailable', message: 'Not in this region.' }] }),
    });
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'create', request: validRequest() });
    assert.deepEqual(last(panel, 'createResult'), { type: 'createResult', ok: false, message: 'Azure refused the template (InvalidTemplateDeployment)', failures: [{ resourceName: 'web-01', code: 'SkuNotAvailable', message: 'Not in this region.' }] });
  });

  it('cancel aborts a running deployment; otherwise it closes the panel', async () => {
    let signal: AbortSignal | undefined;
    const { panel, host, log } = setup({
      deploy: (_request, _deployment, _report, abort) => {
        signal = abort;
        return new Promise((_resolve, reject) => abort.addEventListener('abort', () => reject(abort.reason)));
      },
    });
    await panel.send({ type: 'ready' });
    void panel.send({ type: 'create', request: validRequest() });
    await settle();
    await panel.send({ type: 'create', request: validRequest() });
    assert.match(log.lines.join('\n'), /a second create while one runs was ignored/);
    await panel.send({ type: 'cancel' });
    assert.equal(signal?.aborted, true);
    assert.match(String(last(panel, 'createResult')!.message), /^Cancelled before the deployment started: nothing was created/);
    assert.equal(panel.disposed, false);
    await panel.send({ type: 'cancel' });
    assert.equal(panel.disposed, true);
    assert.equal(await host.result, undefined);
  });

  it('asks for a policy to be authored for this form, and hands the authored policy to the webview', async () => {
    const { panel, host, calls } = setup();
    await panel.send({ type: 'ready' });
    await panel.send({ type: 'authorPolicy', vault: { kind: 'existing', vaultId }, draft: newStandardPolicyDraft('Nightly') });
    assert.deepEqual(calls, [`authorPolicy form-1 {"kind":"existing","vaultId":"${vaultId}"} Nightly`]);
    host.receivePolicy(newStandardPolicyDraft('Nightly-14'));
    await settle();
    assert.deepEqual(last(panel, 'policyAuthored'), { type: 'policyAuthored', draft: newStandardPolicyDraft('Nightly-14') });
  });
});
