// The Create VM webview's form in happy-dom against a fake host: the handshake, lists asked for
// as they are needed, Azure's rules beside each field as the user types, the debounced name
// check, Windows rules, zones, images, SSH keys, network names, the backup defaults, a policy
// authored for the form, the draft kept across a reload, and messages that are not the protocol's.
// The review and creating are in createVmAppReview.test.ts.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { checkDelayMs } from '../../../src/webviews/app/createVm/createVmApp';
import type { CreateVmState } from '../../../src/webviews/shared/createVmDraft';
import { network, publicKey } from './createVmFixtures';
import { subscriptionId, vaultId } from '../vmCreation/vmFixtures';
import { closeForm, fillValidForm, isVisible, lastPosted, openForm, openPage, posted, savedState, serve, setTakenVmNames, typeAndCheck, type Message } from './createVmAppHarness';

afterEach(closeForm);

describe('create VM webview', () => {
  it('says ready, then asks for the subscription’s lists and the preset region’s zones, sizes and networks', async () => {
    await openForm();
    assert.deepEqual(openPage().posted.map((message) => (message as Message).type), ['ready', 'listResourceGroups', 'listLocations', 'listVaults', 'listRegion']);
    assert.deepEqual(lastPosted('listRegion'), { type: 'listRegion', subscriptionId, location: 'westeurope' });
    assert.equal(openPage().byId('subscription').value, subscriptionId);
    assert.equal(openPage().byId('location').value, 'westeurope');
    assert.equal(openPage().byId('image').value, 'ubuntu-24_04');
    assert.equal(openPage().byId('size').value, 'Standard_B2s', 'the Linux default size, offered in the region');
    assert.equal(openPage().byId('os-disk-type-Premium_LRS').checked, true, 'Premium SSD for a size that takes it');
    assert.equal(openPage().byId('auth-kind-sshPublicKey').checked, true);
    assert.equal(openPage().byId('port-SSH').checked, true, 'SSH open by default for Linux');
    assert.match(openPage().shownText('inbound-ports-warning'), /SSH \(22\) will be open to the whole internet/);
  });

  it('shows the rule an invalid name breaks as it is typed, disables Review, and clears both once fixed', async () => {
    await openForm();
    await openPage().choose('resource-group', 'rg-web-prod');
    await serve();
    await openPage().type('ssh-public-key', publicKey);
    await openPage().type('vm-name', 'web-01-');
    assert.match(openPage().shownText('vm-name-message'), /Virtual machine name cannot end with '-': end it with a letter or digit\./);
    assert.equal(openPage().byId('vm-name').invalid, true);
    assert.equal(openPage().byId('review').disabled, true);
    assert.match(openPage().shownText('review-blockers'), /To review, complete: Virtual machine name\./);
    await openPage().settle(checkDelayMs + 50);
    assert.equal(lastPosted('checkVmName'), undefined, 'a name the rules refuse is not sent to Azure');

    await openPage().type('vm-name', 'web-01');
    assert.match(openPage().shownText('vm-name-message'), /Checking that the name is free in the resource group…/);
    assert.equal(openPage().byId('vm-name').invalid, false, 'checking is not an error');
    await openPage().settle(checkDelayMs + 50);
    assert.deepEqual(lastPosted('checkVmName'), { type: 'checkVmName', subscriptionId, resourceGroup: 'rg-web-prod', name: 'web-01' });
    await serve();
    assert.equal(openPage().shownText('vm-name-message'), "Virtual machine name 'web-01' is free in rg-web-prod.");
    assert.equal(openPage().byId('review').disabled, false);
    assert.equal(openPage().shownText('review-blockers'), '');
  });

  it('checks the name once typing pauses, and refuses a name taken in the resource group', async () => {
    await openForm();
    await openPage().choose('resource-group', 'rg-web-prod');
    await serve();
    setTakenVmNames(['web-02']);
    await openPage().type('vm-name', 'web');
    await openPage().type('vm-name', 'web-0');
    await openPage().type('vm-name', 'web-02');
    await openPage().settle(checkDelayMs + 50);
    assert.equal(posted('checkVmName').length, 1, 'one check for three keystrokes');
    await serve();
    assert.match(openPage().shownText('vm-name-message'), /A VM named 'web-02' already exists in resource group rg-web-prod: choose another name\./);
    assert.equal(openPage().byId('review').disabled, true);
  });

  it('switches to Windows: password only, RDP, a Windows size, and 15-character names', async () => {
    await openForm();
    await openPage().type('vm-name', 'a-long-linux-name-01');
    assert.equal(openPage().shownText('vm-name-message'), '', 'fine for Linux (no resource group yet to check in)');
    await openPage().choose('image', 'windows-2022-azure-edition');
    assert.match(openPage().shownText('vm-name-message'), /Virtual machine name can be at most 15 characters for a Windows VM \(it has 20\)/);
    assert.equal(isVisible('auth-kind'), false, 'no SSH key choice for Windows');
    assert.match(openPage().shownText('auth-windows'), /signs in with a password/);
    assert.equal(isVisible('ssh-public-key'), false);
    assert.equal(isVisible('password'), true);
    assert.equal(openPage().byId('port-RDP').checked, true);
    assert.equal(openPage().byId('port-SSH').checked, false);
    assert.equal(openPage().byId('size').value, 'Standard_D2s_v5', 'the Windows default size');
    assert.match(openPage().shownText('password-help'), /12–123 characters for a Windows VM/);
    await openPage().type('password', 'short');
    assert.match(openPage().shownText('password-message'), /Password must be 12–123 characters long for a Windows VM \(it has 5\)/);
    await openPage().type('password', 'Correct-Horse-9');
    await openPage().type('confirm-password', 'Correct-Horse-8');
    assert.equal(openPage().shownText('password-message'), '');
    assert.equal(openPage().shownText('confirm-password-message'), 'Confirm password must match the password.');
    await openPage().type('confirm-password', 'Correct-Horse-9');
    assert.equal(openPage().shownText('confirm-password-message'), '');
    assert.doesNotMatch(JSON.stringify(openPage().state()), /Correct-Horse/, 'the password is never saved with the draft');
  });

  it('offers zones where the region has them, and hides the zone picker where it has none', async () => {
    await openForm();
    assert.equal(isVisible('zone'), true);
    assert.deepEqual(Array.from(openPage().byId('zone').querySelectorAll('vscode-option')).map((option) => option.getAttribute('value')), ['', '1', '2', '3']);
    await openPage().choose('zone', '2');
    assert.equal(savedState().draft.zone, '2');
    await openPage().choose('location', 'westcentralus');
    await serve();
    assert.deepEqual(lastPosted('listRegion'), { type: 'listRegion', subscriptionId, location: 'westcentralus' });
    assert.equal(savedState().draft.zone, '', 'a new region forgets the zone');
    assert.equal(isVisible('zone'), false);
    assert.equal(openPage().shownText('zone-none'), 'West Central US has no availability zones: the VM is placed without one.');
    assert.equal(openPage().byId('os-disk-type-Premium_ZRS').disabled, true, 'no zone-redundant disk where there are no zones');
  });

  it('checks an image URN in the region and takes its OS from Azure’s answer', async () => {
    await openForm();
    await openPage().choose('image', 'urn');
    assert.equal(isVisible('image-urn'), true);
    await openPage().type('image-urn', 'MicrosoftWindowsServer:WindowsServer');
    assert.match(openPage().shownText('image-urn-message'), /Image URN must have four parts, publisher:offer:sku:version .* has 2\./);
    await openPage().type('image-urn', 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest');
    assert.match(openPage().shownText('image-urn-message'), /Checking that the image is offered in westeurope…/);
    await openPage().settle(checkDelayMs + 50);
    const check = lastPosted('checkImage')!;
    assert.deepEqual(check.image, { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', version: 'latest' });
    await openPage().fromHost({ type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest', found: true, osType: 'Windows' });
    assert.match(openPage().shownText('image-urn-message'), /Found in West Europe: a Windows image\./);
    assert.equal(openPage().byId('os-type-Windows').checked, true);
    assert.equal(openPage().byId('port-RDP').checked, true);
    await openPage().type('image-urn', 'Canonical:no-such-offer:server:latest');
    await openPage().settle(checkDelayMs + 50);
    await openPage().fromHost({ type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'Canonical:no-such-offer:server:latest', found: false, message: 'Image Canonical:no-such-offer:server:latest is not offered in westeurope.' });
    assert.match(openPage().shownText('image-urn-message'), /is not offered in westeurope/);
  });

  it('loads an SSH key through the host, and says why a file was refused', async () => {
    await openForm();
    await openPage().click('load-ssh-key');
    assert.deepEqual(lastPosted('loadSshKey'), { type: 'loadSshKey' });
    await openPage().fromHost({ type: 'sshKey', ok: false, message: '~/.ssh/id_ed25519 is a private key: choose its public key, the .pub file beside it.' });
    assert.match(openPage().shownText('ssh-public-key-message'), /is a private key/);
    await openPage().fromHost({ type: 'sshKey', ok: true, publicKey, fileName: '~/.ssh/id_ed25519.pub' });
    assert.equal(openPage().byId('ssh-public-key').value, publicKey);
    assert.equal(openPage().shownText('ssh-key-file'), 'Loaded from ~/.ssh/id_ed25519.pub.');
    assert.equal(openPage().shownText('ssh-public-key-message'), '');
  });

  it('suggests the network names from the VM’s name, unique in its resource group', async () => {
    await openForm();
    await openPage().choose('resource-group', 'rg-web-prod');
    await serve();
    await typeAndCheck('vm-name', 'web-01');
    assert.equal(openPage().byId('virtual-network-name').value, 'web-01-vnet-2', 'web-01-vnet is taken in rg-web-prod');
    assert.equal(openPage().shownText('network-names-nsg'), 'web-01-nsg');
    assert.equal(openPage().shownText('network-names-ip'), 'web-01-ip');
    await openPage().click('network-mode-existing');
    await openPage().choose('existing-virtual-network', network.id);
    assert.equal(openPage().byId('existing-subnet').value, 'apps', 'the network’s first subnet');
  });

  it('turns backup on by default with a new vault of the region and DefaultPolicy, and names the restore point group', async () => {
    await openForm();
    assert.equal(openPage().byId('backup').checked, true);
    assert.equal(openPage().byId('vault-mode-new').checked, true);
    assert.match(String(openPage().byId('new-vault-name').value), /^vault-westeurope-[a-z0-9]{4}$/);
    assert.equal(openPage().byId('new-vault-group-mode-vm').checked, true);
    assert.equal(openPage().byId('policy').value, 'DefaultPolicy');
    assert.match(openPage().shownText('policy-summary'), /^Daily at 22:30 \(UTC\) · kept: daily points 30 days · instant restore snapshots 2 days · Standard$/);
    assert.equal(openPage().shownText('restore-point-group'), 'AzureBackupRG_westeurope_1');
    assert.match(openPage().shownText('restore-point-group-help'), /Azure's default, as the policy sets no prefix/);

    await openPage().click('vault-mode-existing');
    assert.deepEqual(Array.from(openPage().byId('existing-vault').querySelectorAll('vscode-option')).map((option) => option.getAttribute('value')), ['', vaultId], 'only the vaults of the VM’s region');
    await openPage().choose('existing-vault', vaultId);
    assert.deepEqual(lastPosted('listPolicies'), { type: 'listPolicies', vaultId });
    await serve();
    await openPage().choose('policy', 'Daily-Weu');
    assert.equal(openPage().shownText('restore-point-group'), 'rp-weu-1-snapshots', 'the policy’s own prefix and suffix');

    await openPage().click('backup');
    assert.equal(isVisible('backup-details'), false);
    assert.match(openPage().shownText('backup-off'), /will not be protected/);
  });

  it('presets the vault it was opened from (a vault’s context menu)', async () => {
    await openForm(undefined, { formId: 'form-2', subscriptionId, location: 'westeurope', vaultId });
    assert.equal(openPage().byId('vault-mode-existing').checked, true);
    assert.equal(openPage().byId('existing-vault').value, vaultId);
    assert.deepEqual(lastPosted('listPolicies'), { type: 'listPolicies', vaultId });
    assert.equal(openPage().byId('policy').value, 'DefaultPolicy');
  });

  it('asks the host to author a new policy, and uses the one handed back', async () => {
    await openForm();
    await openPage().choose('policy', ':new');
    assert.equal(lastPosted('authorPolicy'), undefined);
    assert.match(openPage().shownText('policy-message'), /Choose the vault \(and for a new vault its name, resource group and region\) before creating a policy for it\./);
    await openPage().choose('resource-group', 'rg-web-prod');
    await serve();
    await openPage().choose('policy', ':new');
    const ask = lastPosted('authorPolicy')!;
    assert.equal((ask.vault as { kind: string }).kind, 'new');
    assert.match(String((ask.vault as { name: string }).name), /^vault-westeurope-/);
    const authored = { ...newStandardPolicyDraft('Nightly-14'), instantRpResourceGroup: { prefix: 'snaps-', suffix: '' }, retention: { daily: { days: 14 } } };
    await openPage().fromHost({ type: 'policyAuthored', draft: authored });
    assert.equal(openPage().byId('policy').value, ':new:Nightly-14');
    assert.equal(isVisible('edit-new-policy'), true);
    assert.match(openPage().shownText('policy-summary'), /daily points 14 days/);
    assert.equal(openPage().shownText('restore-point-group'), 'snaps-1');
    assert.deepEqual(savedState().draft.newPolicy, authored);
    await openPage().click('edit-new-policy');
    assert.deepEqual(lastPosted('authorPolicy')!.draft, authored, 'editing starts from the authored policy');
  });

  it('saves the draft with setState and restores it after a reload, asking for the data again', async () => {
    await openForm();
    await fillValidForm();
    await openPage().choose('zone', '3');
    await openPage().click('port-HTTPS');
    const saved = openPage().state();
    assert.deepEqual([savedState().draft.name, savedState().draft.existingResourceGroup, savedState().draft.inboundPorts], ['web-01', 'rg-web-prod', ['SSH', 'HTTPS']]);
    await openPage().close();

    await openForm(saved, (saved as CreateVmState).identity as unknown as Record<string, string>);
    assert.equal(openPage().byId('vm-name').value, 'web-01');
    assert.equal(openPage().byId('resource-group').value, 'rg-web-prod');
    assert.equal(openPage().byId('zone').value, '3');
    assert.equal(openPage().byId('port-HTTPS').checked, true);
    assert.equal(openPage().byId('ssh-public-key').value, publicKey);
    assert.deepEqual(openPage().posted.map((message) => (message as Message).type).sort(), ['checkVmName', 'listGroupNames', 'listLocations', 'listRegion', 'listResourceGroups', 'listVaults', 'ready'], 'data is fetched again, not saved');
  });


  it('ignores messages from the host that are not the protocol’s', async () => {
    await openForm();
    const before = openPage().document.getElementById('app')!.innerHTML;
    for (const message of [
      'init',
      { type: 'init', identity: {}, subscriptions: [] },
      { type: 'vmNameCheck', subscriptionId, resourceGroup: 'rg', name: 'x', available: 'yes' },
      { type: 'createResult', ok: true },
      { type: 'evaluate', code: 'alert(1)' },
      { type: 'sizes', subscriptionId, location: 'westeurope', items: [{ name: '<img src=x onerror=alert(1)>' }] },
      { type: 'policyAuthored', draft: { name: 'x' } },
    ]) {
      await openPage().fromHost(message);
    }
    assert.equal(openPage().document.getElementById('app')!.innerHTML, before, 'nothing changed');
  });
});
