// The Restore webview's form in happy-dom against a fake host: the handshake, the point shown, the
// restore types explained, Azure's rules and taken names beside each field as the user types, only
// the staging accounts Azure takes (or a new one), the archive tier's rehydration, the draft kept
// across a reload, and a page the host could not load. The review is in restoreAppReview.test.ts.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { emptyDraft } from '../../../src/webviews/shared/restoreDraft';
import { closeForm, fillNewVm, isVisible, lastPosted, openForm, openPage, posted, savedState, serve, type Message } from './restoreAppHarness';
import { accounts, identity, network, source } from './restoreFixtures';
import { openWebview } from './webviewDom';

afterEach(closeForm);

describe('restore webview: the form', () => {
  it('says ready, shows the point and the VM, explains each restore type, and asks for the names taken in the VM’s group', async () => {
    await openForm();
    const page = openPage();
    const summary = page.shownText('point-summary');
    assert.match(summary, /Virtual machine web-01/);
    assert.match(summary, /Recovery point .*2025.* \(932887316264738\)/);
    assert.match(summary, /Consistency Application consistent/);
    assert.match(summary, /Stored in Snapshot and vault — restores from the snapshot/);
    assert.match(summary, /Expires .*2025/);
    assert.match(summary, /Vault prod-weu-vault \(westeurope\)/);
    assert.equal(page.byId('restore-type-newVm').checked, true, 'a new VM by default');
    assert.match(page.shownText('restore-type-newVm-description'), /the backed-up VM is left as it is/);
    assert.match(page.shownText('restore-type-restoreDisks-description'), /managed disks .* and a template/);
    assert.match(page.shownText('restore-type-replaceDisks-description'), /current disks stay in its resource group/);
    assert.equal(page.byId('target-resource-group').value, 'rg-web-prod', 'the backed-up VM’s group');
    assert.deepEqual(lastPosted('listVmNames'), { type: 'listVmNames', resourceGroup: 'rg-web-prod' });
    assert.equal(page.byId('review').disabled, true);
  });

  it('refuses a name Azure does not allow, and a name taken in the target group, as it is typed', async () => {
    await openForm();
    const page = openPage();
    await page.type('target-vm-name', 'web-01-');
    assert.match(page.shownText('target-vm-name-message'), /Virtual machine name cannot end with '-'/);
    assert.equal(page.byId('target-vm-name').invalid, true);
    await page.type('target-vm-name', 'WEB-02');
    assert.equal(page.shownText('target-vm-name-message'), "A VM named 'WEB-02' already exists in resource group rg-web-prod: choose another name.");
    await page.type('target-vm-name', 'web-01-restored');
    assert.equal(page.shownText('target-vm-name-message'), "Virtual machine name 'web-01-restored' is free in rg-web-prod.");
    assert.equal(page.byId('target-vm-name').invalid, false);

    await page.choose('target-resource-group', 'rg-neu');
    assert.deepEqual(lastPosted('listVmNames'), { type: 'listVmNames', resourceGroup: 'rg-neu' });
    assert.match(page.shownText('target-vm-name-message'), /^Checking that the name is free in rg-neu…$/);
    await serve();
    assert.equal(page.shownText('target-vm-name-message'), "Virtual machine name 'web-01-restored' is free in rg-neu.");
  });

  it('offers the region’s networks, picks the first subnet, and offers only the staging accounts Azure takes', async () => {
    await openForm();
    const page = openPage();
    await fillNewVm();
    assert.equal(page.byId('subnet').value, 'app', 'the first subnet, as the portal');
    const options = Array.from(page.byId('staging-account').querySelectorAll('vscode-option')).map((option) => (option as HTMLElement & { value: string }).value);
    assert.deepEqual(options, ['', accounts.accepted.id, 'new'], 'not the ZRS account, not the one in northeurope');
    assert.match(page.shownText('staging-account-help'), /2 other accounts of the subscription are not offered: another region, zone-redundant/);
    assert.equal(page.shownText('review-blockers'), '');
    assert.equal(page.byId('review').disabled, false);
    assert.equal(page.shownText('target-resource-group-message'), '');
  });

  it('shows only the fields each type needs: restore disks keeps group, staging and zone; replace only the staging account', async () => {
    await openForm();
    const page = openPage();
    await page.click('restore-type-restoreDisks');
    assert.equal(isVisible('target-resource-group'), true);
    assert.match(page.shownText('target-resource-group-help'), /restored managed disks are created in this resource group/);
    assert.equal(isVisible('target-vm-name'), false);
    assert.equal(isVisible('virtual-network'), false);
    assert.equal(isVisible('zone'), true);
    assert.match(page.shownText('staging-account-help'), /configuration and the template/);
    await page.click('restore-type-replaceDisks');
    assert.equal(isVisible('target-resource-group'), false);
    assert.equal(isVisible('zone'), false);
    assert.equal(isVisible('staging-account'), true);
    assert.match(page.shownText('staging-account-help'), /snapshot of the VM’s current disks/);
  });

  it('says why a replace cannot be done beside the type: the VM is gone', async () => {
    await openForm({ targets: { ...(await import('./restoreFixtures')).targets(), sourceVm: null } });
    const page = openPage();
    await page.click('restore-type-replaceDisks');
    assert.match(page.shownText('restore-type-message'), /^VM web-01 no longer exists: Replace existing disks needs the VM\. Create a new VM or restore the disks instead\.$/);
  });

  it('refuses another zone for a point that still has its snapshot, naming the fix', async () => {
    await openForm({ source: source({ zones: ['1'] }) });
    const page = openPage();
    await fillNewVm();
    await page.choose('zone', '2');
    assert.match(page.shownText('zone-message'), /^Availability zone 2 differs from the point's \(zone 1\): restoring to another zone needs a point in the vault tier only/);
    await page.choose('zone', '');
    assert.equal(page.shownText('zone-message'), '');
  });

  it('creates a staging account: suggests a name, refuses a bad one, and selects the account the host created', async () => {
    await openForm();
    const page = openPage();
    await page.choose('staging-account', 'new');
    assert.equal(isVisible('new-account'), true);
    assert.match(String(page.byId('new-account-name').value), /^web01restore[a-z0-9]{4}$/);
    await page.type('new-account-name', 'Web01');
    await page.click('create-account');
    assert.match(page.shownText('create-account-message'), /use 'web01'/);
    assert.equal(posted('createStorageAccount').length, 0);
    await page.type('new-account-name', 'web01restore1a2b');
    await page.click('create-account');
    assert.deepEqual(lastPosted('createStorageAccount'), { type: 'createStorageAccount', name: 'web01restore1a2b', resourceGroup: 'rg-web-prod' });
    assert.match(page.shownText('create-account-message'), /Creating the storage account web01restore1a2b…/);
    const created = { ...accounts.accepted, id: accounts.accepted.id.replace('contosowebdiag', 'web01restore1a2b'), name: 'web01restore1a2b' };
    await page.fromHost({ type: 'storageAccountCreated', ok: true, account: created, message: 'Created the storage account web01restore1a2b.' });
    assert.equal(page.byId('staging-account').value, created.id);
    assert.equal(isVisible('new-account'), false);
    assert.equal(savedState().draft.stagingStorageAccountId, created.id);
  });

  it('asks an archive-only point’s rehydration priority and days, within 10–30', async () => {
    await openForm({ source: source({ tier: 'archive' }) });
    const page = openPage();
    assert.equal(isVisible('rehydration-section'), true);
    assert.equal(page.byId('rehydration-priority-Standard').checked, true);
    assert.equal(page.byId('rehydration-days').value, '15');
    await fillNewVm();
    await page.type('rehydration-days', '40');
    assert.match(page.shownText('rehydration-days-message'), /Rehydration duration/);
    assert.equal(page.byId('review').disabled, true);
    await page.type('rehydration-days', '20');
    await page.click('rehydration-priority-High');
    assert.equal(page.byId('review').disabled, false);
    assert.equal(savedState().draft.rehydrationPriority, 'High');
    await closeForm();
    await openForm();
    assert.equal(isVisible('rehydration-section'), false, 'a point in the vault needs none');
  });

  it('keeps the draft across a reload of the same point; a saved draft of another point starts afresh', async () => {
    await openForm();
    await fillNewVm();
    const saved = savedState();
    assert.deepEqual(saved.identity, identity);
    assert.equal(saved.draft.vmName, 'web-01-restored');
    await closeForm();
    await openForm({ savedState: saved });
    assert.equal(openPage().byId('target-vm-name').value, 'web-01-restored');
    assert.equal(openPage().byId('virtual-network').value, network.id);
    await closeForm();
    await openForm({ savedState: { identity: { ...identity, pointId: `${identity.pointId}0` }, draft: saved.draft } });
    assert.equal(openPage().byId('target-vm-name').value, '');
  });

  it('shows why the host could not read the point, and nothing else', async () => {
    const page = await openWebview('restore', { identity, draft: emptyDraft() });
    await page.fromHost({ type: 'loadFailed', identity, message: 'The recovery point could not be read: it expired.' });
    assert.equal(page.shownText('load-failed'), 'The recovery point could not be read: it expired.');
    assert.equal(page.shownText('restore-form'), '');
    await page.close();
  });

  it('ignores messages that are not the protocol’s, and posts nothing in answer', async () => {
    await openForm();
    const page = openPage();
    const before = page.posted.length;
    await page.fromHost({ type: 'restoreResult', ok: true, message: 'no job id' });
    await page.fromHost({ type: 'init', identity, source: { ...source(), vmName: 42 }, details: {} });
    assert.equal(page.posted.length, before);
    assert.equal((page.posted.at(-1) as Message).type, 'listVmNames');
  });
});
