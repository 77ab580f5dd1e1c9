// The Create VM webview's review and creation in happy-dom against a fake host: the summary with
// the restore point group and the schedule, View template, the password asked again after a
// reload (it is never saved), progress per resource, a failure that keeps the draft, a success.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { previewPolicy } from '../../../src/policy/policyPreview';
import { checkDelayMs } from '../../../src/webviews/app/createVm/createVmApp';
import type { CreateVmState } from '../../../src/webviews/shared/createVmDraft';
import { subscriptionId } from '../vmCreation/vmFixtures';
import { closeForm, fillValidForm, isVisible, lastPosted, openForm, openPage, savedState, serve, typeAndCheck } from './createVmAppHarness';

afterEach(closeForm);

describe('create VM webview: review and create', () => {
  it('reviews: the summary, the restore point group and the estimated schedule; View template sends the request', async () => {
    await openForm();
    await fillValidForm();
    await openPage().click('review');
    assert.equal(isVisible('create-vm-form'), false);
    assert.equal(savedState().draft.step, 'review');
    const summary = openPage().shownText('review-summary');
    assert.match(summary, /Virtual machine name web-01/);
    assert.match(summary, /Region West Europe/);
    assert.match(summary, /Image Ubuntu Server 24\.04 LTS - x64 Gen2 \(Linux\)/);
    assert.match(summary, /Size Standard_B2s \(2 vCPU, 4 GiB\)/);
    assert.match(summary, /Network security group web-01-nsg/);
    assert.match(summary, /Recovery Services vault vault-westeurope-[a-z0-9]{4} \(new, resource group rg-web-prod\)/);
    assert.match(summary, /Backup policy DefaultPolicy/);
    assert.match(summary, /Restore point collection resource group AzureBackupRG_westeurope_1/);
    assert.equal(openPage().shownText('review-restore-point-group'), 'AzureBackupRG_westeurope_1');
    assert.match(openPage().shownText('review-warnings'), /SSH \(22\) will be open to the whole internet/);
    const expected = previewPolicy(newStandardPolicyDraft('DefaultPolicy'), Date.now()).peakRetained;
    assert.equal(openPage().shownText('preview-count'), `${expected} of the 9,999 Azure allows`);
    assert.notEqual(openPage().shownText('preview-first'), '', 'when the first backup runs');

    await openPage().click('view-template');
    const view = lastPosted('viewTemplate')!;
    assert.equal((view.request as { name: string }).name, 'web-01');
    assert.match(openPage().shownText('view-template-message'), /Opening the template/);
    await openPage().fromHost({ type: 'templateShown', ok: true, message: 'The template and its parameters are open in two editors.' });
    assert.match(openPage().shownText('view-template-message'), /open in two editors/);
  });

  it('after a reload on the review, asks for the password again (it is never saved)', async () => {
    await openForm();
    await openPage().choose('resource-group', 'rg-web-prod');
    await serve();
    await openPage().choose('image', 'windows-2019');
    await typeAndCheck('vm-name', 'win-01');
    await openPage().type('password', 'Correct-Horse-9');
    await openPage().type('confirm-password', 'Correct-Horse-9');
    await openPage().click('review');
    assert.equal(isVisible('review-step'), true);
    assert.equal(openPage().byId('create').disabled, false);
    const saved = openPage().state();
    await openPage().close();

    await openForm(saved, (saved as CreateVmState).identity as unknown as Record<string, string>);
    await openPage().settle(checkDelayMs + 50);
    await serve();
    assert.equal(isVisible('review-step'), true, 'back on the review');
    assert.equal(openPage().byId('create').disabled, true);
    assert.equal(openPage().shownText('create-blockers'), 'To create, go back and complete: Password.');
    await openPage().click('back');
    assert.match(openPage().shownText('password-message'), /Password is required/);
    assert.match(openPage().shownText('password-not-kept'), /not kept with the draft/);
  });

  it('creates, shows the progress per resource, and keeps the draft when the deployment fails', async () => {
    await openForm();
    await fillValidForm();
    await openPage().click('review');
    await openPage().click('create');
    const create = lastPosted('create')!;
    assert.deepEqual((create.request as { backup: unknown }).backup, {
      enabled: true,
      vault: { kind: 'new', name: savedState().draft.newVaultName, resourceGroup: { name: 'rg-web-prod', isNew: false } },
      policy: { kind: 'existing', name: 'DefaultPolicy' },
    });
    assert.deepEqual((create.request as { networkResourceNames: unknown }).networkResourceNames, { networkSecurityGroup: 'web-01-nsg', publicIp: 'web-01-ip', networkInterface: 'web-01-nic' });
    assert.equal(openPage().byId('create').disabled, true, 'no second create while one runs');
    await openPage().fromHost({
      type: 'createProgress',
      message: '4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)',
      resources: [{ resourceType: 'Microsoft.Network/networkSecurityGroups', resourceName: 'web-01-nsg', provisioningState: 'Succeeded' }],
      expectedResourceCount: 7,
    });
    assert.equal(openPage().shownText('create-progress-text'), '4 of 7 resources · Creating web-01 (Microsoft.Compute/virtualMachines)');
    assert.match(openPage().shownText('create-resources'), /Microsoft\.Network\/networkSecurityGroups web-01-nsg: Succeeded/);
    assert.equal(isVisible('cancel-create'), true);
    await openPage().fromHost({ type: 'createProgress', message: 'Deployment failed.', resources: [
      { resourceType: 'Microsoft.Network/networkSecurityGroups', resourceName: 'web-01-nsg', provisioningState: 'Succeeded' },
      { resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', provisioningState: 'Failed', error: { code: 'SkuNotAvailable', message: 'Not here.' } },
    ] });
    assert.equal(openPage().shownText('create-progress-text'), '1 of 7 resources · Deployment failed.');
    assert.match(openPage().shownText('create-resources'), /Microsoft\.Compute\/virtualMachines web-01: Failed \(SkuNotAvailable: Not here\.\)/);
    await openPage().fromHost({
      type: 'createResult',
      ok: false,
      message: 'The deployment CreateVm-web-01-20250106120000 failed. Your choices are still here.',
      failures: [{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', code: 'SkuNotAvailable', message: "The requested VM size 'Standard_B2s' is not available in location 'westeurope'." }],
    });
    assert.match(openPage().shownText('create-result'), /failed\. Your choices are still here/);
    assert.equal(openPage().shownText('create-failures'), "Microsoft.Compute/virtualMachines web-01: SkuNotAvailable: The requested VM size 'Standard_B2s' is not available in location 'westeurope'.");
    assert.equal(savedState().draft.name, 'web-01', 'the draft is kept');
    assert.equal(openPage().byId('create').disabled, false, 'it can be tried again');
    await openPage().click('back');
    assert.equal(isVisible('create-vm-form'), true);
    assert.equal(openPage().byId('vm-name').value, 'web-01');
  });

  it('after a success, shows what was created and starts a fresh draft for a reload', async () => {
    await openForm();
    await fillValidForm();
    await openPage().click('review');
    await openPage().click('create');
    await openPage().fromHost({ type: 'createResult', ok: true, vmId: `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`, vmName: 'web-01', message: 'Created the virtual machine web-01 in rg-web-prod.' });
    assert.match(openPage().shownText('create-result'), /Created the virtual machine web-01/);
    assert.equal(isVisible('close'), true);
    assert.equal(isVisible('create'), false);
    assert.equal(savedState().draft.name, '');
  });

});
