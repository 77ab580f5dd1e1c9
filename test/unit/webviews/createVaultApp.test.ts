// The create-vault webview's real bundle in happy-dom against a fake host: the handshake, rules
// as the user types, the name check, the draft kept with setState across a reload, review and
// create, and messages from the host that are not the protocol's.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { nameCheckDelayMs } from '../../../src/webviews/app/createVault/createVaultApp';
import type { CreateVaultState } from '../../../src/webviews/shared/createVaultDraft';
import { openWebview, type WebviewPage } from './webviewDom';

const production = { subscriptionId: '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90', name: 'Contoso Production' };
const development = { subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Contoso Development' };
const groups = [
  { name: 'rg-backup-prod', location: 'westeurope' },
  { name: 'rg-web-prod', location: 'westeurope' },
];
const locations = [
  { name: 'eastus', displayName: 'East US' },
  { name: 'westeurope', displayName: 'West Europe' },
];

let page: WebviewPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const typesPosted = () => page!.posted.map((message) => (message as { type: string }).type);
const lastPosted = (type: string) => page!.posted.filter((message) => (message as { type: string }).type === type).at(-1) as Record<string, unknown> | undefined;
const savedDraft = () => (page!.state() as CreateVaultState).draft;

/** Opens the form, answers the handshake and the lists as the host would. */
async function openForm(savedState?: unknown, preset: Record<string, string> = { subscriptionId: production.subscriptionId, location: 'westeurope' }): Promise<WebviewPage> {
  page = await openWebview('createVault', savedState);
  assert.deepEqual(page.posted, [{ type: 'ready' }], 'the page says ready first, and nothing else');
  await page.fromHost({ type: 'init', subscriptions: [production, development], preset });
  await page.fromHost({ type: 'resourceGroups', subscriptionId: production.subscriptionId, resourceGroups: groups });
  await page.fromHost({ type: 'locations', subscriptionId: production.subscriptionId, locations });
  return page;
}

/** Types a name and answers the host's name check after the debounce. */
async function typeName(name: string, available = true, message?: string): Promise<void> {
  await page!.type('vault-name', name);
  await page!.settle(nameCheckDelayMs + 50);
  const check = lastPosted('checkName');
  assert.equal(check?.name, name, `checked ${name}`);
  await page!.fromHost({ type: 'nameCheck', subscriptionId: production.subscriptionId, name, available, ...(message ? { message } : {}) });
}

describe('create vault webview', () => {
  it('says ready, then asks for the preset subscription’s resource groups and regions', async () => {
    await openForm();
    assert.deepEqual(typesPosted(), ['ready', 'listResourceGroups', 'listLocations']);
    assert.equal(lastPosted('listLocations')?.subscriptionId, production.subscriptionId);
    assert.equal(page!.byId('subscription').value, production.subscriptionId);
    assert.equal(page!.byId('location').value, 'westeurope', 'the region comes preset');
    assert.equal(page!.byId('redundancy-GeoRedundant').checked, true, 'GRS by default');
    assert.equal(page!.byId('soft-delete-days').value, '14');
  });

  it('shows the rule an invalid name breaks as it is typed, and sends no name check for it', async () => {
    await openForm();
    await page!.type('vault-name', '9-lives');
    assert.match(page!.shownText('vault-name-message'), /Vault name must start with a letter/);
    assert.equal(page!.byId('vault-name').invalid, true);
    await page!.type('vault-name', 'a');
    assert.match(page!.shownText('vault-name-message'), /Vault name must be 2–50 characters long \(it has 1\)/);
    await page!.type('vault-name', 'my_vault');
    assert.match(page!.shownText('vault-name-message'), /only letters, digits and hyphens \(not '_'\)/);
    await page!.settle(nameCheckDelayMs + 50);
    assert.equal(lastPosted('checkName'), undefined, 'an invalid name is not sent to Azure');
  });

  it('checks the name once typing pauses, and says when it is taken', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-backup-prod');
    await page!.type('vault-name', 'prod');
    await page!.type('vault-name', 'prod-weu');
    await page!.type('vault-name', 'prod-weu-vault');
    assert.match(page!.shownText('vault-name-message'), /Checking that the vault name is free/);
    await page!.settle(nameCheckDelayMs + 50);
    assert.equal(page!.posted.filter((message) => (message as { type: string }).type === 'checkName').length, 1, 'one check for three keystrokes');
    assert.deepEqual(lastPosted('checkName'), { type: 'checkName', subscriptionId: production.subscriptionId, name: 'prod-weu-vault', resourceGroup: 'rg-backup-prod', location: 'westeurope' });
    await page!.fromHost({ type: 'nameCheck', subscriptionId: production.subscriptionId, name: 'prod-weu-vault', available: false, message: "Vault name 'prod-weu-vault' is taken." });
    assert.match(page!.shownText('vault-name-message'), /is taken/);
    assert.equal(page!.byId('review').disabled, true);
  });

  it('keeps Review (and so Create) disabled while the form is invalid, naming what is missing', async () => {
    await openForm();
    assert.equal(page!.byId('review').disabled, true);
    assert.match(page!.shownText('review-blockers'), /To review, complete: Resource group, Vault name/);
    await page!.choose('resource-group', 'rg-backup-prod');
    await typeName('new-vault');
    assert.equal(page!.byId('review').disabled, false);
    await page!.type('soft-delete-days', '200');
    assert.match(page!.shownText('soft-delete-days-message'), /Soft delete retention must be a whole number of days from 14 to 180 \(not 200\)/);
    assert.equal(page!.byId('review').disabled, true);
    await page!.type('soft-delete-days', '30');
    assert.equal(page!.byId('review').disabled, false);
  });

  it('validates a new resource group name as it is typed', async () => {
    await openForm();
    await page!.click('resource-group-mode-new');
    await page!.type('new-resource-group', 'rg-vaults.');
    assert.match(page!.shownText('new-resource-group-message'), /Resource group name cannot end in a period/);
    await page!.type('new-resource-group', 'rg vaults');
    assert.match(page!.shownText('new-resource-group-message'), /only letters, digits, underscores, parentheses, hyphens and periods \(not ' '\)/);
    await page!.type('new-resource-group', 'RG-WEB-PROD');
    assert.match(page!.shownText('new-resource-group-message'), /is taken in this subscription/);
    await page!.type('new-resource-group', 'rg-vaults(1)');
    assert.equal(page!.shownText('new-resource-group-message'), '');
  });

  it('allows cross region restore only with GRS and warns that it is for good', async () => {
    await openForm();
    await page!.click('cross-region-restore');
    assert.match(page!.shownText('cross-region-restore-warning'), /cannot be turned off/);
    await page!.click('redundancy-LocallyRedundant');
    assert.equal(page!.byId('cross-region-restore').disabled, true);
    assert.equal(page!.shownText('cross-region-restore-warning'), '');
    assert.match(page!.shownText('cross-region-restore-message'), /only with geo-redundant/);
  });

  it('warns that always-on soft delete is irreversible, and offers Locked only as a second step after Unlocked', async () => {
    await openForm();
    await page!.click('soft-delete-AlwaysOn');
    assert.match(page!.shownText('soft-delete-warning'), /irreversible/);
    assert.equal(page!.shownText('lock-immutability-group'), '', 'no lock before immutability is enabled');
    await page!.click('immutability-Unlocked');
    assert.notEqual(page!.shownText('lock-immutability-group'), '');
    assert.equal(page!.shownText('lock-immutability-warning'), '');
    await page!.click('lock-immutability');
    assert.match(page!.shownText('lock-immutability-warning'), /can never be unlocked or disabled/);
    assert.deepEqual([savedDraft().immutability, savedDraft().lockImmutability], ['Unlocked', true]);
  });

  it('saves the draft with setState and restores it after a reload, asking for the data again', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-web-prod');
    await page!.type('vault-name', 'draft-vault');
    await page!.click('redundancy-ZoneRedundant');
    const saved = page!.state();
    assert.deepEqual([savedDraft().name, savedDraft().existingResourceGroup, savedDraft().redundancy], ['draft-vault', 'rg-web-prod', 'ZoneRedundant']);
    await page!.close();

    // A reload: a new page with the saved state; the host's preset no longer matters.
    await openForm(saved, { subscriptionId: development.subscriptionId });
    assert.equal(page!.byId('vault-name').value, 'draft-vault');
    assert.equal(page!.byId('resource-group').value, 'rg-web-prod');
    assert.equal(page!.byId('redundancy-ZoneRedundant').checked, true);
    assert.equal(page!.byId('subscription').value, production.subscriptionId);
    assert.deepEqual(typesPosted(), ['ready', 'listResourceGroups', 'listLocations', 'checkName'], 'data is fetched again, not saved');
  });

  it('reviews the choices, creates, and shows the progress and the result', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-backup-prod');
    await typeName('new-vault');
    await page!.click('soft-delete-AlwaysOn');
    await page!.click('review');
    assert.equal(page!.shownText('create-vault-form'), '');
    const summary = page!.shownText('review-summary');
    assert.match(summary, /Vault name new-vault/);
    assert.match(summary, /Region West Europe/);
    assert.match(summary, /Soft delete Always on, 14 days/);
    assert.match(page!.shownText('review-warnings'), /can never be disabled again/);
    assert.equal(savedDraft().step, 'review');

    await page!.click('create');
    assert.deepEqual(lastPosted('create'), {
      type: 'create',
      request: {
        subscriptionId: production.subscriptionId,
        resourceGroup: { name: 'rg-backup-prod', isNew: false },
        name: 'new-vault',
        location: 'westeurope',
        redundancy: 'GeoRedundant',
        crossRegionRestore: false,
        softDelete: { state: 'AlwaysOn', retentionDays: 14 },
        immutability: 'Disabled',
      },
    });
    assert.equal(page!.byId('create').disabled, true, 'no second create while one runs');
    await page!.fromHost({ type: 'createProgress', step: 'vault', message: 'Creating the vault new-vault…' });
    assert.match(page!.shownText('create-progress'), /Creating the vault new-vault…/);
    await page!.fromHost({ type: 'createResult', ok: true, vaultId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/new-vault', vaultName: 'new-vault' });
    assert.match(page!.shownText('create-result'), /Created the vault new-vault/);
    assert.match(page!.shownText('review-summary'), /Vault name new-vault/, 'the summary still shows what was created');
    assert.equal(savedDraft().name, '', 'a reload after creating starts an empty form');
    assert.notEqual(page!.shownText('close'), '');
  });

  it('shows why a create failed and lets the user go back', async () => {
    await openForm();
    await page!.choose('resource-group', 'rg-backup-prod');
    await typeName('new-vault');
    await page!.click('review');
    await page!.click('create');
    await page!.fromHost({ type: 'createResult', ok: false, message: 'Azure is throttling requests for this subscription.' });
    assert.match(page!.shownText('create-result'), /throttling/);
    assert.equal(page!.byId('create').disabled, false, 'it can be tried again');
    await page!.click('back');
    assert.notEqual(page!.shownText('create-vault-form'), '');
  });

  it('ignores messages from the host that are not the protocol’s', async () => {
    await openForm();
    const before = page!.document.getElementById('app')!.innerHTML;
    for (const message of [
      'init',
      { type: 'init', subscriptions: 'all' },
      { type: 'nameCheck', subscriptionId: production.subscriptionId, name: 'x', available: 'yes' },
      { type: 'createResult', ok: true },
      { type: 'evaluate', code: 'alert(1)' },
      { type: 'resourceGroups', subscriptionId: production.subscriptionId, resourceGroups: [{ name: '<img src=x onerror=alert(1)>' }] },
    ]) {
      await page!.fromHost(message);
    }
    assert.equal(page!.document.getElementById('app')!.innerHTML, before, 'nothing changed');
    assert.deepEqual(typesPosted(), ['ready', 'listResourceGroups', 'listLocations']);
  });
});
