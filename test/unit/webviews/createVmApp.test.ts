// The Create VM webview's real bundle in happy-dom against a fake host: the handshake, lists asked
// for as they are needed, Azure's rules beside each field as the user types, the debounced name
// check, Windows rules, zones, the backup defaults, the draft kept across a reload (without the
// password), the review with the restore point group and the schedule, create and its failure.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { previewPolicy } from '../../../src/policy/policyPreview';
import { checkDelayMs } from '../../../src/webviews/app/createVm/createVmApp';
import type { CreateVmState } from '../../../src/webviews/shared/createVmDraft';
import { groups, locations, network, publicKey, sizes, subscription, subscriptionId, vaultId, vaultPolicies, vaults } from './createVmFixtures';
import { openWebview, type WebviewPage } from './webviewDom';

type Message = Record<string, unknown> & { type: string };

let page: WebviewPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const posted = (type: string) => page!.posted.filter((message) => (message as Message).type === type) as Message[];
const lastPosted = (type: string) => posted(type).at(-1);
const savedState = () => page!.state() as CreateVmState;
const isVisible = (id: string) => {
  for (let element: HTMLElement | null = page!.byId(id); element; element = element.parentElement) if (element.hidden) return false;
  return true;
};

/** VM names the fake host says are taken in their resource group. */
let takenVmNames: string[] = [];
let answered = 0;

/** Answers what the page asked for since the last call, as the host would. */
async function serve(): Promise<void> {
  while (answered < page!.posted.length) {
    const message = page!.posted[answered++] as Message;
    const { subscriptionId: sub, location } = message as unknown as { subscriptionId: string; location: string };
    switch (message.type) {
      case 'listResourceGroups':
        await page!.fromHost({ type: 'resourceGroups', subscriptionId: sub, resourceGroups: groups });
        break;
      case 'listLocations':
        await page!.fromHost({ type: 'locations', subscriptionId: sub, locations });
        break;
      case 'listVaults':
        await page!.fromHost({ type: 'vaults', subscriptionId: sub, vaults });
        break;
      case 'listRegion':
        await page!.fromHost({ type: 'zones', subscriptionId: sub, location, items: location === 'westeurope' ? ['1', '2', '3'] : [] });
        await page!.fromHost({ type: 'sizes', subscriptionId: sub, location, items: sizes });
        await page!.fromHost({ type: 'networks', subscriptionId: sub, location, items: location === 'westeurope' ? [network] : [] });
        break;
      case 'listPolicies':
        await page!.fromHost({ type: 'policies', vaultId: message.vaultId, policies: vaultPolicies() });
        break;
      case 'listGroupNames':
        await page!.fromHost({ type: 'groupNames', subscriptionId: sub, resourceGroup: message.resourceGroup, names: { virtualNetworks: ['web-01-vnet'], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] } });
        break;
      case 'checkVmName': {
        const taken = takenVmNames.includes(String(message.name));
        await page!.fromHost({ type: 'vmNameCheck', subscriptionId: sub, resourceGroup: message.resourceGroup, name: message.name, available: !taken, ...(taken ? { message: `A VM named '${String(message.name)}' already exists in resource group ${String(message.resourceGroup)}: choose another name.` } : {}) });
        break;
      }
      default:
        break;
    }
  }
}

async function openForm(savedState?: unknown, identity: Record<string, string> = { formId: 'form-1', subscriptionId, location: 'westeurope' }): Promise<WebviewPage> {
  takenVmNames = [];
  answered = 0;
  page = await openWebview('createVm', savedState);
  assert.deepEqual(page.posted, [{ type: 'ready' }], 'the page says ready first, and nothing else');
  answered = 1;
  await page.fromHost({ type: 'init', identity, subscriptions: [subscription] });
  await serve();
  return page;
}

/** Types and lets the debounced check go to the host, then answers it. */
async function typeAndCheck(id: string, text: string): Promise<void> {
  await page!.type(id, text);
  await page!.settle(checkDelayMs + 50);
  await serve();
}

/** A complete, valid Linux form: existing group, a free name, an SSH key; backup to a new vault with DefaultPolicy. */
async function fillValidForm(): Promise<void> {
  await page!.choose('resource-group', 'rg-web-prod');
  await serve();
  await typeAndCheck('vm-name', 'web-01');
  await page!.type('ssh-public-key', publicKey);
}

describe('create VM webview', () => {
  it('says ready, then asks for the subscription’s lists and the preset region’s zones, sizes and networks', async () => {
    await openForm();
    assert.deepEqual(page!.posted.map((message) => (message as Message).type), ['ready', 'listResourceGroups', 'listLocations', 'listVaults', 'listRegion']);
    assert.deepEqual(lastPosted('listRegion'), { type: 'listRegion', subscriptionId, location: 'westeurope' });
    assert.equal(page!.byId('subscription').value, subscriptionId);
    assert.equal(page!.byId('location').value, 'westeurope');
    assert.equal(page!.byId('image').value, 'ubuntu-24_04');
    assert.equal(page!.byId('size').value, 'Standard_B2s', 'the Linux default size, offered in the region');
    assert.equal(page!.byId('os-disk-type-Premium_LRS').checked, true, 'Premium SSD for a size that takes it');
    assert.equal(page!.byId('auth-kind-sshPublicKey').checked, true);
    assert.equal(page!.byId('port-SSH').checked, true, 'SSH open by default for Linux');
    assert.match(page!.shownText('inbound-ports-warning'), /SSH \(22\) will be open to the whole internet/);
  });

  it('shows the rule an invalid name breaks as it is typed, disables Review, and clears both once fixed', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-web-prod');
    await serve();
    await page!.type('ssh-public-key', publicKey);
    await page!.type('vm-name', 'web-01-');
    assert.match(page!.shownText('vm-name-message'), /Virtual machine name cannot end with '-': end it with a letter or digit\./);
    assert.equal(page!.byId('vm-name').invalid, true);
    assert.equal(page!.byId('review').disabled, true);
    assert.match(page!.shownText('review-blockers'), /To review, complete: Virtual machine name\./);
    await page!.settle(checkDelayMs + 50);
    assert.equal(lastPosted('checkVmName'), undefined, 'a name the rules refuse is not sent to Azure');

    await page!.type('vm-name', 'web-01');
    assert.match(page!.shownText('vm-name-message'), /Checking that the name is free in the resource group…/);
    assert.equal(page!.byId('vm-name').invalid, false, 'checking is not an error');
    await page!.settle(checkDelayMs + 50);
    assert.deepEqual(lastPosted('checkVmName'), { type: 'checkVmName', subscriptionId, resourceGroup: 'rg-web-prod', name: 'web-01' });
    await serve();
    assert.equal(page!.shownText('vm-name-message'), "Virtual machine name 'web-01' is free in rg-web-prod.");
    assert.equal(page!.byId('review').disabled, false);
    assert.equal(page!.shownText('review-blockers'), '');
  });

  it('checks the name once typing pauses, and refuses a name taken in the resource group', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-web-prod');
    await serve();
    takenVmNames = ['web-02'];
    await page!.type('vm-name', 'web');
    await page!.type('vm-name', 'web-0');
    await page!.type('vm-name', 'web-02');
    await page!.settle(checkDelayMs + 50);
    assert.equal(posted('checkVmName').length, 1, 'one check for three keystrokes');
    await serve();
    assert.match(page!.shownText('vm-name-message'), /A VM named 'web-02' already exists in resource group rg-web-prod: choose another name\./);
    assert.equal(page!.byId('review').disabled, true);
  });

  it('switches to Windows: password only, RDP, a Windows size, and 15-character names', async () => {
    await openForm();
    await page!.type('vm-name', 'a-long-linux-name-01');
    assert.equal(page!.shownText('vm-name-message'), '', 'fine for Linux (no resource group yet to check in)');
    await page!.choose('image', 'windows-2022-azure-edition');
    assert.match(page!.shownText('vm-name-message'), /Virtual machine name can be at most 15 characters for a Windows VM \(it has 20\)/);
    assert.equal(isVisible('auth-kind'), false, 'no SSH key choice for Windows');
    assert.match(page!.shownText('auth-windows'), /signs in with a password/);
    assert.equal(isVisible('ssh-public-key'), false);
    assert.equal(isVisible('password'), true);
    assert.equal(page!.byId('port-RDP').checked, true);
    assert.equal(page!.byId('port-SSH').checked, false);
    assert.equal(page!.byId('size').value, 'Standard_D2s_v5', 'the Windows default size');
    assert.match(page!.shownText('password-help'), /12–123 characters for a Windows VM/);
    await page!.type('password', 'short');
    assert.match(page!.shownText('password-message'), /Password must be 12–123 characters long for a Windows VM \(it has 5\)/);
    await page!.type('password', 'Correct-Horse-9');
    await page!.type('confirm-password', 'Correct-Horse-8');
    assert.equal(page!.shownText('password-message'), '');
    assert.equal(page!.shownText('confirm-password-message'), 'Confirm password must match the password.');
    await page!.type('confirm-password', 'Correct-Horse-9');
    assert.equal(page!.shownText('confirm-password-message'), '');
    assert.doesNotMatch(JSON.stringify(page!.state()), /Correct-Horse/, 'the password is never saved with the draft');
  });

  it('offers zones where the region has them, and hides the zone picker where it has none', async () => {
    await openForm();
    assert.equal(isVisible('zone'), true);
    assert.deepEqual(Array.from(page!.byId('zone').querySelectorAll('vscode-option')).map((option) => option.getAttribute('value')), ['', '1', '2', '3']);
    await page!.choose('zone', '2');
    assert.equal(savedState().draft.zone, '2');
    await page!.choose('location', 'westcentralus');
    await serve();
    assert.deepEqual(lastPosted('listRegion'), { type: 'listRegion', subscriptionId, location: 'westcentralus' });
    assert.equal(savedState().draft.zone, '', 'a new region forgets the zone');
    assert.equal(isVisible('zone'), false);
    assert.equal(page!.shownText('zone-none'), 'West Central US has no availability zones: the VM is placed without one.');
    assert.equal(page!.byId('os-disk-type-Premium_ZRS').disabled, true, 'no zone-redundant disk where there are no zones');
  });

  it('checks an image URN in the region and takes its OS from Azure’s answer', async () => {
    await openForm();
    await page!.choose('image', 'urn');
    assert.equal(isVisible('image-urn'), true);
    await page!.type('image-urn', 'MicrosoftWindowsServer:WindowsServer');
    assert.match(page!.shownText('image-urn-message'), /Image URN must have four parts, publisher:offer:sku:version .* has 2\./);
    await page!.type('image-urn', 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest');
    assert.match(page!.shownText('image-urn-message'), /Checking that the image is offered in westeurope…/);
    await page!.settle(checkDelayMs + 50);
    const check = lastPosted('checkImage')!;
    assert.deepEqual(check.image, { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', version: 'latest' });
    await page!.fromHost({ type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest', found: true, osType: 'Windows' });
    assert.match(page!.shownText('image-urn-message'), /Found in West Europe: a Windows image\./);
    assert.equal(page!.byId('os-type-Windows').checked, true);
    assert.equal(page!.byId('port-RDP').checked, true);
    await page!.type('image-urn', 'Canonical:no-such-offer:server:latest');
    await page!.settle(checkDelayMs + 50);
    await page!.fromHost({ type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'Canonical:no-such-offer:server:latest', found: false, message: 'Image Canonical:no-such-offer:server:latest is not offered in westeurope.' });
    assert.match(page!.shownText('image-urn-message'), /is not offered in westeurope/);
  });

  it('loads an SSH key through the host, and says why a file was refused', async () => {
    await openForm();
    await page!.click('load-ssh-key');
    assert.deepEqual(lastPosted('loadSshKey'), { type: 'loadSshKey' });
    await page!.fromHost({ type: 'sshKey', ok: false, message: '~/.ssh/id_ed25519 is a private key: choose its public key, the .pub file beside it.' });
    assert.match(page!.shownText('ssh-public-key-message'), /is a private key/);
    await page!.fromHost({ type: 'sshKey', ok: true, publicKey, fileName: '~/.ssh/id_ed25519.pub' });
    assert.equal(page!.byId('ssh-public-key').value, publicKey);
    assert.equal(page!.shownText('ssh-key-file'), 'Loaded from ~/.ssh/id_ed25519.pub.');
    assert.equal(page!.shownText('ssh-public-key-message'), '');
  });

  it('suggests the network names from the VM’s name, unique in its resource group', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-web-prod');
    await serve();
    await typeAndCheck('vm-name', 'web-01');
    assert.equal(page!.byId('virtual-network-name').value, 'web-01-vnet-2', 'web-01-vnet is taken in rg-web-prod');
    assert.equal(page!.shownText('network-names-nsg'), 'web-01-nsg');
    assert.equal(page!.shownText('network-names-ip'), 'web-01-ip');
    await page!.click('network-mode-existing');
    await page!.choose('existing-virtual-network', network.id);
    assert.equal(page!.byId('existing-subnet').value, 'apps', 'the network’s first subnet');
  });

  it('turns backup on by default with a new vault of the region and DefaultPolicy, and names the restore point group', async () => {
    await openForm();
    assert.equal(page!.byId('backup').checked, true);
    assert.equal(page!.byId('vault-mode-new').checked, true);
    assert.match(String(page!.byId('new-vault-name').value), /^vault-westeurope-[a-z0-9]{4}$/);
    assert.equal(page!.byId('new-vault-group-mode-vm').checked, true);
    assert.equal(page!.byId('policy').value, 'DefaultPolicy');
    assert.match(page!.shownText('policy-summary'), /^Daily at 22:30 \(UTC\) · kept: daily points 30 days · instant restore snapshots 2 days · Standard$/);
    assert.equal(page!.shownText('restore-point-group'), 'AzureBackupRG_westeurope_1');
    assert.match(page!.shownText('restore-point-group-help'), /Azure's default, as the policy sets no prefix/);

    await page!.click('vault-mode-existing');
    assert.deepEqual(Array.from(page!.byId('existing-vault').querySelectorAll('vscode-option')).map((option) => option.getAttribute('value')), ['', vaultId], 'only the vaults of the VM’s region');
    await page!.choose('existing-vault', vaultId);
    assert.deepEqual(lastPosted('listPolicies'), { type: 'listPolicies', vaultId });
    await serve();
    await page!.choose('policy', 'Daily-Weu');
    assert.equal(page!.shownText('restore-point-group'), 'rp-weu-1-snapshots', 'the policy’s own prefix and suffix');

    await page!.click('backup');
    assert.equal(isVisible('backup-details'), false);
    assert.match(page!.shownText('backup-off'), /will not be protected/);
  });

  it('presets the vault it was opened from (a vault’s context menu)', async () => {
    await openForm(undefined, { formId: 'form-2', subscriptionId, location: 'westeurope', vaultId });
    assert.equal(page!.byId('vault-mode-existing').checked, true);
    assert.equal(page!.byId('existing-vault').value, vaultId);
    assert.deepEqual(lastPosted('listPolicies'), { type: 'listPolicies', vaultId });
    assert.equal(page!.byId('policy').value, 'DefaultPolicy');
  });

  it('asks the host to author a new policy, and uses the one handed back', async () => {
    await openForm();
    await page!.choose('policy', ':new');
    assert.equal(lastPosted('authorPolicy'), undefined);
    assert.match(page!.shownText('policy-message'), /Choose the vault \(and for a new vault its name, resource group and region\) before creating a policy for it\./);
    await page!.choose('resource-group', 'rg-web-prod');
    await serve();
    await page!.choose('policy', ':new');
    const ask = lastPosted('authorPolicy')!;
    assert.equal((ask.vault as { kind: string }).kind, 'new');
    assert.match(String((ask.vault as { name: string }).name), /^vault-westeurope-/);
    const authored = { ...newStandardPolicyDraft('Nightly-14'), instantRpResourceGroup: { prefix: 'snaps-', suffix: '' }, retention: { daily: { days: 14 } } };
    await page!.fromHost({ type: 'policyAuthored', draft: authored });
    assert.equal(page!.byId('policy').value, ':new:Nightly-14');
    assert.equal(isVisible('edit-new-policy'), true);
    assert.match(page!.shownText('policy-summary'), /daily points 14 days/);
    assert.equal(page!.shownText('restore-point-group'), 'snaps-1');
    assert.deepEqual(savedState().draft.newPolicy, authored);
    await page!.click('edit-new-policy');
    assert.deepEqual(lastPosted('authorPolicy')!.draft, authored, 'editing starts from the authored policy');
  });

  it('saves the draft with setState and restores it after a reload, asking for the data again', async () => {
    await openForm();
    await fillValidForm();
    await page!.choose('zone', '3');
    await page!.click('port-HTTPS');
    const saved = page!.state();
    assert.deepEqual([savedState().draft.name, savedState().draft.existingResourceGroup, savedState().draft.inboundPorts], ['web-01', 'rg-web-prod', ['SSH', 'HTTPS']]);
    await page!.close();

    await openForm(saved, (saved as CreateVmState).identity as unknown as Record<string, string>);
    assert.equal(page!.byId('vm-name').value, 'web-01');
    assert.equal(page!.byId('resource-group').value, 'rg-web-prod');
    assert.equal(page!.byId('zone').value, '3');
    assert.equal(page!.byId('port-HTTPS').checked, true);
    assert.equal(page!.byId('ssh-public-key').value, publicKey);
    assert.deepEqual(page!.posted.map((message) => (message as Message).type).sort(), ['checkVmName', 'listGroupNames', 'listLocations', 'listRegion', 'listResourceGroups', 'listVaults', 'ready'], 'data is fetched again, not saved');
  });

  it('reviews: the summary, the restore point group and the estimated schedule; View template sends the request', async () => {
    await openForm();
    await fillValidForm();
    await page!.click('review');
    assert.equal(isVisible('create-vm-form'), false);
    assert.equal(savedState().draft.step, 'review');
    const summary = page!.shownText('review-summary');
    assert.match(summary, /Virtual machine name web-01/);
    assert.match(summary, /Region West Europe/);
    assert.match(summary, /Image Ubuntu Server 24\.04 LTS - x64 Gen2 \(Linux\)/);
    assert.match(summary, /Size Standard_B2s \(2 vCPU, 4 GiB\)/);
    assert.match(summary, /Network security group web-01-nsg/);
    assert.match(summary, /Recovery Services vault vault-westeurope-[a-z0-9]{4} \(new, resource group rg-web-prod\)/);
    assert.match(summary, /Backup policy DefaultPolicy/);
    assert.match(summary, /Restore point collection resource group AzureBackupRG_westeurope_1/);
    assert.equal(page!.shownText('review-restore-point-group'), 'AzureBackupRG_westeurope_1');
    assert.match(page!.shownText('review-warnings'), /SSH \(22\) will be open to the whole internet/);
    const expected = previewPolicy(newStandardPolicyDraft('DefaultPolicy'), Date.now()).peakRetained;
    assert.equal(page!.shownText('preview-count'), `${expected} of the 9,999 Azure allows`);
    assert.notEqual(page!.shownText('preview-first'), '', 'when the first backup runs');

    await page!.click('view-template');
    const view = lastPosted('viewTemplate')!;
    assert.equal((view.request as { name: string }).name, 'web-01');
    assert.match(page!.shownText('view-template-message'), /Opening the template/);
    await page!.fromHost({ type: 'templateShown', ok: true, message: 'The template and its parameters are open in two editors.' });
    assert.match(page!.shownText('view-template-message'), /open in two editors/);
  });

  it('after a reload on the review, asks for the password again (it is never saved)', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-web-prod');
    await serve();
    await page!.choose('image', 'windows-2019');
    await typeAndCheck('vm-name', 'win-01');
    await page!.type('password', 'Correct-Horse-9');
    await page!.type('confirm-password', 'Correct-Horse-9');
    await page!.click('review');
    assert.equal(isVisible('review-step'), true);
    assert.equal(page!.byId('create').disabled, false);
    const saved = page!.state();
    await page!.close();

    await openForm(saved, (saved as CreateVmState).identity as unknown as Record<string, string>);
    await page!.settle(checkDelayMs + 50);
    await serve();
    assert.equal(isVisible('review-step'), true, 'back on the review');
    assert.equal(page!.byId('create').disabled, true);
    assert.equal(page!.shownText('create-blockers'), 'To create, go back and complete: Password.');
    await page!.click('back');
    assert.match(page!.shownText('password-message'), /Password is required/);
    assert.match(page!.shownText('password-not-kept'), /not kept with the draft/);
  });

  it('creates, shows the progress per resource, and keeps the draft when the deployment fails', async () => {
    await openForm();
    await fillValidForm();
    await page!.click('review');
    await page!.click('create');
    const create = lastPosted('create')!;
    assert.deepEqual((create.request as { backup: unknown }).backup, {
      enabled: true,
      vault: { kind: 'new', name: savedState().draft.newVaultName, resourceGroup: { name: 'rg-web-prod', isNew: false } },
      policy: { kind: 'existing', name: 'DefaultPolicy' },
    });
    assert.deepEqual((create.request as { networkResourceNames: unknown }).networkResourceNames, { networkSecurityGroup: 'web-01-nsg', publicIp: 'web-01-ip', networkInterface: 'web-01-nic' });
    assert.equal(page!.byId('create').disabled, true, 'no second create while one runs');
    await page!.fromHost({
      type: 'createProgress',
      message: '4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)',
      resources: [{ resourceType: 'Microsoft.Network/networkSecurityGroups', resourceName: 'web-01-nsg', provisioningState: 'Succeeded' }],
      expectedResourceCount: 7,
    });
    assert.equal(page!.shownText('create-progress-text'), '4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)');
    assert.match(page!.shownText('create-resources'), /Microsoft\.Network\/networkSecurityGroups web-01-nsg: Succeeded/);
    assert.equal(isVisible('cancel-create'), true);
    await page!.fromHost({ type: 'createProgress', message: 'Deployment failed.', resources: [
      { resourceType: 'Microsoft.Network/networkSecurityGroups', resourceName: 'web-01-nsg', provisioningState: 'Succeeded' },
      { resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', provisioningState: 'Failed', error: { code: 'SkuNotAvailable', message: 'Not here.' } },
    ] });
    assert.equal(page!.shownText('create-progress-text'), '1 of 7 resources · Deployment failed.');
    assert.match(page!.shownText('create-resources'), /Microsoft\.Compute\/virtualMachines web-01: Failed \(SkuNotAvailable: Not here\.\)/);
    await page!.fromHost({
      type: 'createResult',
      ok: false,
      message: 'The deployment CreateVm-web-01-20250106120000 failed. Your choices are still here.',
      failures: [{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', code: 'SkuNotAvailable', message: "The requested VM size 'Standard_B2s' is not available in location 'westeurope'." }],
    });
    assert.match(page!.shownText('create-result'), /failed\. Your choices are still here/);
    assert.equal(page!.shownText('create-failures'), "Microsoft.Compute/virtualMachines web-01: SkuNotAvailable: The requested VM size 'Standard_B2s' is not available in location 'westeurope'.");
    assert.equal(savedState().draft.name, 'web-01', 'the draft is kept');
    assert.equal(page!.byId('create').disabled, false, 'it can be tried again');
    await page!.click('back');
    assert.equal(isVisible('create-vm-form'), true);
    assert.equal(page!.byId('vm-name').value, 'web-01');
  });

  it('after a success, shows what was created and starts a fresh draft for a reload', async () => {
    await openForm();
    await fillValidForm();
    await page!.click('review');
    await page!.click('create');
    await page!.fromHost({ type: 'createResult', ok: true, vmId: `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`, vmName: 'web-01', message: 'Created the virtual machine web-01 in rg-web-prod.' });
    assert.match(page!.shownText('create-result'), /Created the virtual machine web-01/);
    assert.equal(isVisible('close'), true);
    assert.equal(isVisible('create'), false);
    assert.equal(savedState().draft.name, '');
  });

  it('ignores messages from the host that are not the protocol’s', async () => {
    await openForm();
    const before = page!.document.getElementById('app')!.innerHTML;
    for (const message of [
      'init',
      { type: 'init', identity: {}, subscriptions: [] },
      { type: 'vmNameCheck', subscriptionId, resourceGroup: 'rg', name: 'x', available: 'yes' },
      { type: 'createResult', ok: true },
      { type: 'evaluate', code: 'alert(1)' },
      { type: 'sizes', subscriptionId, location: 'westeurope', items: [{ name: '<img src=x onerror=alert(1)>' }] },
      { type: 'policyAuthored', draft: { name: 'x' } },
    ]) {
      await page!.fromHost(message);
    }
    assert.equal(page!.document.getElementById('app')!.innerHTML, before, 'nothing changed');
  });
});
