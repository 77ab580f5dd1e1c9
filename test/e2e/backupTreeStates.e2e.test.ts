import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { poll } from './harness/workbench';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const development = 'Contoso Development';

describe('Backups tree: health, failures and refresh in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession();
    await vscode.openView(viewContainerTitle);
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('shows each protected VM\'s health as the emulator reports it', async () => {
    await vscode.expand(production);
    await vscode.expand([production, 'prod-eus-vault']);
    const failing = await vscode.findTreeItem([production, 'prod-eus-vault', 'app-eus-01']);
    assert.match(await failing.innerText(), /Failed .*ago/);
    assert.equal(await failing.locator('.codicon-error').count(), 1, 'a failed backup shows the error icon');
    const pending = await vscode.findTreeItem([production, 'prod-eus-vault', 'app-eus-02']);
    assert.match(await pending.innerText(), /Initial backup pending/);
    assert.equal(await pending.locator('.codicon-clock').count(), 1);
    assert.match(await (await vscode.findTreeItem([production, 'prod-eus-vault'])).innerText(), /eastus · LRS/);

    await vscode.expand(development);
    await vscode.expand([development, 'dev-neu-vault']);
    assert.match(await (await vscode.findTreeItem([development, 'dev-neu-vault', 'build-agent-02'])).innerText(), /Backup stopped/);
    const deleted = await vscode.findTreeItem([development, 'dev-neu-vault', 'legacy-api']);
    assert.match(await deleted.innerText(), /Soft-deleted, purged in 12 days/);
    assert.equal(await deleted.locator('.codicon-trash').count(), 1);
    await vscode.screenshot('backup-tree-states');
    await vscode.collapse(development);
  });

  it('keeps expanded nodes expanded across a refresh', async () => {
    await vscode.expand(production);
    await vscode.expand([production, 'prod-weu-vault']);
    const before = await vscode.emulator.requests();
    await vscode.runCommand('Azure VM Backup: Refresh');
    await poll(async () => ((await vscode.emulator.requests(before.length)).some((exchange) => /prod-weu-vault\/backupProtectedItems/i.test(exchange.url)) ? true : undefined), 'the refresh to reload the vault', 15_000);
    await vscode.findTreeItem([production, 'prod-weu-vault', 'web-01']);
    assert.deepEqual(await vscode.treeChildren([production, 'prod-weu-vault']), ['Backup policies', 'Backup jobs', 'sql-01', 'web-01', 'web-02']);
  });

  it('turns a failed load into a tree item that retries on click, not a notification', async () => {
    await vscode.collapse(production);
    await vscode.emulator.setFaults('503=1');
    try {
      await vscode.runCommand('Azure VM Backup: Refresh');
      // The palette can drop a command while a tree tooltip holds the focus: ask once more if nothing changed.
      const failedItem = () => vscode.findTreeItem('Failed to load — click to retry', 15_000);
      const failed = await failedItem().catch(async () => {
        await vscode.runCommand('Azure VM Backup: Refresh');
        return failedItem();
      });
      assert.match(await failed.innerText(), /unavailable/i);
      assert.deepEqual(await vscode.notifications(), [], 'no toast for a failed load');
      await vscode.screenshot('backup-tree-load-failed');
      await vscode.emulator.setFaults('none');
      await failed.click();
    } finally {
      await vscode.emulator.setFaults('none');
    }
    await vscode.findTreeItem(production, 30_000);
    await vscode.expand(production);
    await vscode.findTreeItem([production, 'prod-weu-vault']);
  });

  it('shows only the subscriptions picked with Select Subscriptions…', async () => {
    const toggle = async (name: string) => {
      await vscode.runCommand('Azure VM Backup: Select Subscriptions…');
      const row = vscode.quickInput().locator('.monaco-list-row').filter({ hasText: name }).first();
      await row.waitFor();
      await row.locator('input[type="checkbox"], .quick-input-list-checkbox, .monaco-checkbox').first().click();
      await vscode.quickInput().locator('input.input').press('Enter');
    };
    await toggle(development);
    await poll(async () => ((await vscode.treeItem(development).count()) === 0 ? true : undefined), 'Contoso Development to leave the tree', 15_000);
    await vscode.findTreeItem(production);
    await vscode.screenshot('backup-tree-filtered');
    await toggle(development);
    await vscode.findTreeItem(development, 15_000);
  });
});
