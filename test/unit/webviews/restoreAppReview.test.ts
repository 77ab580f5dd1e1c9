// The Restore webview's review in happy-dom against a fake host: every choice in words, "Validate
// with Azure" and its answer before Restore is allowed, a replace that says what happens to the VM
// and waits for its exact name, the restore's progress and result, and a failure that keeps the draft.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { closeForm, fillNewVm, isVisible, lastPosted, openForm, openPage, posted, savedState } from './restoreAppHarness';
import { accounts, network } from './restoreFixtures';

afterEach(closeForm);

const valid = { type: 'validation', ok: true, valid: true, results: [], text: 'Azure validated the restore: no problem found.' };

async function reviewNewVm(): Promise<void> {
  await openForm();
  await fillNewVm();
  await openPage().click('review');
}

describe('restore webview: review, validation and restore', () => {
  it('reviews every choice in words, and allows Restore only once Azure has validated these choices', async () => {
    await reviewNewVm();
    const page = openPage();
    assert.equal(isVisible('review-step'), true);
    assert.equal(isVisible('restore-form'), false);
    const summary = page.shownText('review-summary');
    for (const row of [/Restore type Create a new VM/, /Target resource group rg-web-prod/, /New VM name web-01-restored/, /Virtual network vnet-web-prod \/ subnet app/, /Region westeurope \(the vault’s\)/, /Staging storage account contosowebdiag \(rg-web-prod, Standard_LRS\)/, /Availability zone As the point was \(no zone\)/]) {
      assert.match(summary, row);
    }
    assert.equal(page.byId('restore').disabled, true);
    assert.equal(page.shownText('restore-blockers'), 'Validate with Azure first: Restore is available once Azure accepts these choices.');
    await page.click('validate');
    assert.deepEqual(lastPosted('validate'), {
      type: 'validate',
      choices: { type: 'newVm', targetResourceGroup: 'rg-web-prod', vmName: 'web-01-restored', virtualNetworkId: network.id, subnetName: 'app', stagingStorageAccountId: accounts.accepted.id, confirmVmName: '' },
    });
    assert.equal(page.shownText('validation-result'), 'Asking Azure to validate the restore…');
    assert.equal(page.byId('validate').disabled, true);
    await page.fromHost(valid);
    assert.equal(page.shownText('validation-result'), 'Azure validated the restore: no problem found.');
    assert.equal(page.byId('restore').disabled, false);

    await page.click('restore');
    assert.equal(lastPosted('restore')!.choices && (lastPosted('restore')!.choices as { vmName: string }).vmName, 'web-01-restored');
    assert.equal(page.byId('restore').disabled, true);
    assert.equal(page.byId('back').disabled, true);
    await page.fromHost({ type: 'restoreProgress', message: 'Sending the restore of web-01 to Azure…' });
    assert.equal(page.shownText('restore-progress-text'), 'Sending the restore of web-01 to Azure…');
    await page.fromHost({ type: 'restoreResult', ok: true, jobId: 'job-7', attached: false, message: 'Restore started (job job-7): it creates the VM web-01-restored in rg-web-prod.' });
    assert.match(page.shownText('restore-result'), /^Restore started \(job job-7\)/);
    assert.equal(isVisible('restore'), false);
    assert.equal(isVisible('close'), true);
    assert.equal(savedState().draft.vmName, '', 'a reload after the start opens a fresh form');
    await page.click('close');
    assert.deepEqual(lastPosted('cancel'), { type: 'cancel' });
  });

  it('shows each problem Azure found with its code and what to do; a change after the answer asks to validate again', async () => {
    await reviewNewVm();
    const page = openPage();
    await page.click('validate');
    await page.fromHost({
      type: 'validation', ok: true, valid: false,
      results: [{ code: 'UserErrorCoreCountSubscriptionQuotaReached', message: 'No cores left in westeurope.', recommendations: ['Ask for a quota increase.'] }],
      text: 'Azure found a problem with the restore:\nUserErrorCoreCountSubscriptionQuotaReached: No cores left in westeurope. Ask for a quota increase.',
    });
    assert.match(page.shownText('validation-result'), /^Azure found a problem with the restore:/);
    assert.equal(page.byId('validation-result').dataset.kind, 'error');
    assert.equal(page.shownText('validation-results'), 'UserErrorCoreCountSubscriptionQuotaReached : No cores left in westeurope. Recommended: Ask for a quota increase.');
    assert.equal(page.byId('restore').disabled, true);
    assert.equal(page.shownText('restore-blockers'), 'Azure did not accept these choices: go back and change them, then validate again.');
    await page.click('back');
    await page.choose('subnet', 'data');
    await page.click('review');
    assert.equal(page.shownText('validation-result'), 'The choices changed since Azure’s last answer: validate again.');
    assert.equal(page.byId('validate').disabled, false);
  });

  it('says why the host did not ask Azure', async () => {
    await reviewNewVm();
    const page = openPage();
    await page.click('validate');
    await page.fromHost({ type: 'validation', ok: false, message: "Not sent to Azure: A VM named 'web-01-restored' already exists in resource group rg-web-prod: choose another name." });
    assert.match(page.shownText('validation-result'), /^Not sent to Azure: A VM named 'web-01-restored' already exists/);
    assert.equal(page.byId('restore').disabled, true);
  });

  it('for a replace, says what happens to the running VM and refuses to restore until its exact name is typed', async () => {
    await openForm();
    const page = openPage();
    await page.click('restore-type-replaceDisks');
    await page.choose('staging-account', accounts.accepted.id);
    await page.click('review');
    assert.equal(isVisible('replace-section'), true);
    const explanation = page.shownText('replace-explanation');
    assert.match(explanation, /first takes a snapshot of the current disks of web-01/);
    assert.match(explanation, /web-01 is stopped, its OS and data disks are swapped for those of the point of .*2025.*, and it is started again/);
    assert.match(explanation, /stay in its resource group, detached/);
    assert.match(page.shownText('review-warnings'), /Replace existing disks changes the VM web-01 itself/);
    await page.click('validate');
    assert.equal((lastPosted('validate')!.choices as { confirmVmName: string }).confirmVmName, '', 'the name is not needed to validate');
    await page.fromHost(valid);
    assert.equal(page.byId('restore').disabled, true);
    assert.equal(page.shownText('restore-blockers'), 'Type web-01 to confirm that its disks will be replaced.');
    await page.type('confirm-name', 'Web-01');
    assert.match(page.shownText('confirm-name-message'), /exactly \(case-sensitive\) to replace its disks: "Web-01" does not match/);
    assert.equal(page.byId('restore').disabled, true);
    await page.type('confirm-name', 'web-01');
    assert.equal(page.shownText('confirm-name-message'), 'Confirmed: the disks of web-01 will be replaced.');
    assert.equal(page.byId('restore').disabled, false);
    await page.click('restore');
    assert.deepEqual((lastPosted('restore')!.choices as Record<string, unknown>).confirmVmName, 'web-01');
  });

  it('after a reload on the review, asks for the name again (it is never saved)', async () => {
    await openForm();
    const page = openPage();
    await page.click('restore-type-replaceDisks');
    await page.choose('staging-account', accounts.accepted.id);
    await page.click('review');
    await page.type('confirm-name', 'web-01');
    const saved = savedState();
    assert.equal(saved.draft.step, 'review');
    assert.ok(!Object.values(saved.draft).includes('web-01'));
    await closeForm();
    await openForm({ savedState: saved });
    assert.equal(isVisible('review-step'), true, 'back on the review');
    assert.equal(openPage().byId('confirm-name').value, '');
  });

  it('keeps the draft when the restore fails: the reason, and Restore or Back again', async () => {
    await reviewNewVm();
    const page = openPage();
    await page.click('validate');
    await page.fromHost(valid);
    await page.click('restore');
    await page.fromHost({ type: 'restoreResult', ok: false, message: 'Azure did not start the restore: Azure answered with an error. (UserErrorStorageAccountNotFound: gone) Your choices are still here.' });
    assert.match(page.shownText('restore-result'), /UserErrorStorageAccountNotFound/);
    assert.equal(page.byId('restore-result').dataset.kind, 'error');
    assert.equal(page.byId('restore').disabled, false);
    assert.equal(page.byId('back').disabled, false);
    assert.equal(savedState().draft.vmName, 'web-01-restored');
    await page.click('back');
    assert.equal(page.byId('target-vm-name').value, 'web-01-restored');
    assert.equal(posted('restore').length, 1);
  });
});
