import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { poll } from './harness/workbench';
import { webviewContent, choose, valueOf, chosenLabel, waitForText } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const withoutBackup = 'Virtual machines without backup';
/** The demo data's VM in westus2, where no vault is yet. */
const vm = 'ml-gpu-01';
const newVault = 'ml-wus2-vault';

describe('Enable backup in a region without a vault: create the vault on the way, in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('offers only "Create new vault…", opens the form preset to the VM’s subscription and region, then protects the VM in the new vault', async () => {
    await vscode.expand(production);
    await vscode.expand([production, withoutBackup]);
    const start = await vscode.emulator.lastSequence();

    await vscode.contextMenu([production, withoutBackup, vm], 'Enable Backup…');
    const vaultPick = vscode.quickInput().filter({ hasText: `Enable Backup for ${vm}` });
    await vaultPick.waitFor();
    await vscode.quickInput().locator('input.input[placeholder^="No Recovery Services vault in westus2"]').waitFor();
    assert.deepEqual(await vscode.quickPickLabels(), ['Create new vault…'], 'no vault of westus2 to offer: only creating one');
    await vscode.pick('Create new vault…');

    // The form opens preset: the VM's subscription and region, which the vault must share.
    const page = webviewContent(vscode.page);
    const subscription = page.locator('#subscription');
    const location = page.locator('#location');
    await subscription.waitFor({ timeout: 30_000 });
    await vscode.page.getByRole('tab', { name: /Create Vault/ }).waitFor();
    await poll(async () => ((await valueOf(subscription)) === demoSubscriptions.production ? true : undefined), 'the subscription preset', 15_000);
    await poll(async () => ((await valueOf(location)) === 'westus2' ? true : undefined), 'the region preset', 15_000);
    assert.match(await chosenLabel(subscription), /Contoso Production/);
    assert.match(await chosenLabel(location), /West US 2/);
    // The enable flow waits on the form: no quick pick over it.
    assert.equal(await vscode.quickInput().isVisible(), false, 'the vault pick closed');

    await choose(page.locator('#resource-group'), 'rg-ml');
    const name = page.locator('#vault-name input');
    await name.fill(newVault);
    await waitForText(page.locator('#vault-name-message'), /is available/, 'the name check');
    await page.locator('h1').scrollIntoViewIfNeeded();
    await vscode.screenshot('enable-backup-create-vault');

    await page.locator('#review').click();
    const summary = await waitForText(page.locator('#review-summary'), /West US 2|westus2/, 'the review summary');
    for (const part of ['Contoso Production', 'rg-ml', newVault]) assert.ok(summary.includes(part), `the summary shows ${part}: ${summary}`);
    await page.locator('#create').click();
    await waitForText(page.locator('#create-result'), new RegExp(`Created the vault ${newVault}`), 'the vault to be created', 60_000);

    // The enable flow goes on with the new vault: its policies, DefaultPolicy first.
    await vscode.quickInput().locator('input.input[placeholder^="Select the backup policy"]').waitFor({ timeout: 20_000 });
    await vscode.quickInput().filter({ hasText: `Enable Backup for ${vm}` }).waitFor();
    const policies = await vscode.quickPickLabels();
    assert.equal(policies[0], 'DefaultPolicy', `DefaultPolicy comes first: ${policies.join(', ')}`);
    assert.ok(policies.includes('EnhancedPolicy'), `a new vault has Azure's two policies: ${policies.join(', ')}`);
    await vscode.screenshot('enable-backup-new-vault-policy');
    await vscode.pick('DefaultPolicy');

    const enabled = vscode.notification(new RegExp(`Backup is enabled for ${vm} in ${newVault} with DefaultPolicy`));
    await enabled.waitFor({ timeout: 90_000 });
    await enabled.getByRole('button', { name: 'Back Up Now' }).waitFor();

    // The VM is under the new vault, and no longer among the VMs without backup.
    const item = await vscode.findTreeItem([production, newVault, vm], 20_000);
    assert.match(await item.innerText(), /Initial backup pending/);
    await poll(async () => ((await vscode.treeChildren([production, withoutBackup]).catch(() => [vm])).includes(vm) ? undefined : true), `${vm} to leave the VMs without backup`, 15_000);
    await vscode.screenshot('enable-backup-new-vault-done');

    const log = await vscode.emulator.requests(start);
    const vaultPuts = log.filter((exchange) => exchange.method === 'PUT' && new URL(exchange.url).pathname.endsWith(`/vaults/${newVault}`));
    assert.equal(vaultPuts.length, 1, 'one vault PUT');
    assert.equal((vaultPuts[0]!.requestBody as { location: string }).location, 'westus2');
    assert.match(new URL(vaultPuts[0]!.url).pathname, new RegExp(`/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-ml/`, 'i'));
    const protections = log.filter((exchange) => exchange.method === 'PUT' && new RegExp(`/vaults/${newVault}/.*/protectedItems/[^/?]*${vm}\\?`, 'i').test(exchange.url));
    assert.equal(protections.length, 1, 'one protection request, in the new vault');
    const policyId = (protections[0]!.requestBody as { properties: { policyId: string } }).properties.policyId;
    assert.match(policyId, new RegExp(`/vaults/${newVault}/backupPolicies/DefaultPolicy$`, 'i'));

    await vscode.dismissNotification(/Backup is enabled for/);
    await page.locator('#close').click();
    await vscode.page.getByRole('tab', { name: /Create Vault/ }).waitFor({ state: 'detached', timeout: 10_000 });
  });
});
