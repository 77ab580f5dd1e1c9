import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { poll } from './harness/workbench';
import { webviewContent, choose } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const newVault = 'e2e-weu-vault';

describe('Create a vault through the form in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('opens from the view title, explains an invalid name, reviews, creates, and reveals the vault in the tree', async () => {
    const start = await vscode.emulator.lastSequence();
    await vscode.sideBar().hover();
    await vscode.sideBar().getByRole('button', { name: /Create Vault/ }).first().click();
    const page = webviewContent(vscode.page);
    const subscription = page.locator('#subscription');
    await subscription.waitFor({ timeout: 30_000 });

    await choose(subscription, /Contoso Production/);
    await choose(page.locator('#resource-group'), 'rg-backup-prod');
    await choose(page.locator('#location'), 'West Europe');

    const name = page.locator('#vault-name input');
    const nameMessage = page.locator('#vault-name-message');
    await name.fill('1st_vault');
    await poll(async () => (/Vault name must start with a letter/.test(await nameMessage.innerText()) ? true : undefined), 'the invalid-name message', 10_000);
    assert.equal(await page.locator('#review').getAttribute('disabled'), '', 'Review is disabled while the name is invalid');
    await vscode.screenshot('create-vault-invalid-name-light');
    await name.fill('prod-weu-vault');
    await poll(async () => (/taken|already/.test(await nameMessage.innerText()) ? true : undefined), 'the taken-name message', 15_000);
    await name.fill(newVault);
    await poll(async () => (/is available/.test(await nameMessage.innerText()) ? true : undefined), 'the name to be checked free', 15_000);

    await page.locator('#soft-delete-days input').fill('30');
    await page.locator('#redundancy-LocallyRedundant').click();
    await page.locator('#immutability-Unlocked').click();
    await page.locator('#lock-immutability').waitFor();
    await page.locator('h1').scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vault-form-light');
    await vscode.switchColorTheme('Dark Modern');
    await poll(async () => ((await vscode.page.locator('.monaco-workbench').getAttribute('class'))?.includes('vs-dark') ? true : undefined), 'the dark theme', 10_000);
    await page.locator('h1').scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vault-form-dark');

    await page.locator('#review').click();
    const summary = page.locator('#review-summary');
    await summary.waitFor();
    const text = (await summary.innerText()).replace(/\s+/g, ' ');
    for (const part of ['Contoso Production', 'rg-backup-prod', newVault, 'West Europe', 'LocallyRedundant', 'Enabled, 30 days', 'Unlocked']) assert.ok(text.includes(part), `the summary shows ${part}: ${text}`);
    await vscode.screenshot('create-vault-review-dark');

    await page.locator('#create').click();
    await poll(async () => (/Created the vault e2e-weu-vault/.test(await page.locator('#create-result').innerText().catch(() => '')) ? true : undefined), 'the vault to be created', 60_000);

    const row = await vscode.findTreeItem([production, newVault], 20_000);
    await poll(async () => ((await row.getAttribute('aria-selected')) === 'true' ? true : undefined), 'the new vault to be selected', 10_000);
    await vscode.screenshot('create-vault-created');

    const log = await vscode.emulator.requests(start);
    const puts = log.filter((exchange) => exchange.method === 'PUT' && new URL(exchange.url).pathname.endsWith(`/vaults/${newVault}`));
    assert.equal(puts.length, 1, 'one vault PUT');
    const body = puts[0]!.requestBody as { location: string; properties: { redundancySettings: unknown; securitySettings: { softDeleteSettings: { softDeleteRetentionPeriodInDays: number } } } };
    assert.equal(body.location, 'westeurope');
    assert.deepEqual(body.properties.redundancySettings, { standardTierStorageRedundancy: 'LocallyRedundant', crossRegionRestore: 'Disabled' });
    assert.equal(body.properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays, 30);
    assert.ok(log.some((exchange) => /\/vaults\/e2e-weu-vault\/operationStatus\//.test(exchange.url)), 'the form followed the vault operation');

    await page.locator('#close').click();
    await vscode.page.getByRole('tab', { name: /Create Vault/ }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('opens from the palette, and keeps its draft through a window reload (restored by its serializer)', async () => {
    await vscode.runCommand('Azure VM Backup: Create Vault…');
    let page = webviewContent(vscode.page);
    await page.locator('#subscription').waitFor({ timeout: 30_000 });
    await choose(page.locator('#subscription'), /Contoso Development/);
    await page.locator('#vault-name input').fill('draft-after-reload');
    await page.locator('#soft-delete-AlwaysOn').click();
    await page.locator('#soft-delete-warning').waitFor();

    // As a user reloads: the workbench saves its editors' state (the webview's setState) first.
    await vscode.runCommand('Developer: Reload Window');
    await vscode.page.waitForEvent('load', { timeout: 30_000 });
    await vscode.ready();
    page = webviewContent(vscode.page);
    await page.locator('#vault-name').waitFor({ timeout: 60_000 });
    await poll(async () => ((await page.locator('#vault-name input').inputValue()) === 'draft-after-reload' ? true : undefined), 'the draft name after the reload', 15_000);
    assert.equal(await page.locator('#subscription').evaluate((select) => (select as HTMLElement & { value: string }).value), demoSubscriptions.development);
    await page.locator('#soft-delete-warning').waitFor();
    await poll(async () => (/is available/.test(await page.locator('#vault-name-message').innerText()) ? true : undefined), 'the name to be checked again', 15_000);
    await page.locator('#cancel').click();
    await vscode.page.getByRole('tab', { name: /Create Vault/ }).waitFor({ state: 'detached', timeout: 10_000 });
  });
});
