import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { poll } from './harness/workbench';
import { choose, textOf, waitForText, webviewContent } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
const withoutBackup = 'Virtual machines without backup';

describe('Restore from a recovery point, in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
    await vscode.expand(production);
    await vscode.expand([production, vault]);
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  /** Expands a protected VM and answers its recovery points' labels, newest first. */
  async function pointsOf(vm: string): Promise<string[]> {
    await vscode.expand([production, vault, vm]);
    return poll(async () => {
      const labels = await vscode.treeChildren([production, vault, vm]);
      const points = labels.filter((label) => /\d{4}|\d:\d\d/.test(label));
      return points.length > 0 ? points : undefined;
    }, `the recovery points of ${vm}`, 30_000);
  }

  /** Opens the restore form from a recovery point's context menu. */
  async function openRestore(vm: string, point: string) {
    await vscode.contextMenu([production, vault, vm, point], 'Restore…');
    const page = webviewContent(vscode.page);
    await page.locator('#restore-form').waitFor({ timeout: 30_000 });
    await vscode.page.getByRole('tab', { name: /Restore/ }).first().waitFor();
    return page;
  }

  /** Closes the restore form's editor tab (the form may sit behind other editors by now). */
  async function closeForm(): Promise<void> {
    const tab = vscode.page.getByRole('tab', { name: 'Restore', exact: true }).first();
    await tab.hover();
    await tab.getByRole('button', { name: /Close/ }).click();
    await tab.waitFor({ state: 'detached', timeout: 10_000 });
  }

  async function validateWithAzure(page: ReturnType<typeof webviewContent>): Promise<string> {
    await page.locator('#validate').click();
    return waitForText(page.locator('#validation-result'), /\S/, 'Azure’s validation answer', 30_000);
  }

  async function enabled(button: Locator): Promise<boolean> {
    return (await button.getAttribute('disabled')) === null;
  }

  it('shows the recovery points under a protected VM and restores a new VM from the newest one: checked, validated by Azure, followed as a job, and the VM appears', async () => {
    const points = await pointsOf('web-01');
    const newest = points[0]!;
    const row = await vscode.findTreeItem([production, vault, 'web-01', newest]);
    assert.match(await row.innerText(), /consistent/i, 'the point says how consistent it is');
    await vscode.screenshot('restore-recovery-points');

    const start = await vscode.emulator.lastSequence();
    const page = await openRestore('web-01', newest);
    await waitForText(page.locator('#point-summary'), /web-01/, 'the point’s summary');
    await page.locator('#restore-type-newVm').click();
    await choose(page.locator('#target-resource-group'), 'rg-web-prod');
    const name = page.locator('#target-vm-name input');
    await name.fill('web-01');
    await waitForText(page.locator('#target-vm-name-message'), /taken|already|exists/i, 'the taken-name message');
    await name.fill('web-01-restored');
    await poll(async () => (/taken|already|exists/i.test(await textOf(page.locator('#target-vm-name-message'))) ? undefined : true), 'the name to be accepted', 15_000);
    await choose(page.locator('#virtual-network'), /vnet-web-prod/);
    await choose(page.locator('#subnet'), /^web\b/);
    await choose(page.locator('#staging-account'), /contosowebdiag/);
    await page.locator('#restore-type-newVm').scrollIntoViewIfNeeded();
    await vscode.screenshot('restore-new-vm-form');

    await page.locator('#review').click();
    const summary = await waitForText(page.locator('#review-summary'), /web-01-restored/, 'the review');
    assert.ok(summary.includes('rg-web-prod'), summary);
    assert.equal(await enabled(page.locator('#restore')), false, 'Restore waits for Azure’s validation');
    const validation = await validateWithAzure(page);
    assert.doesNotMatch(validation, /UserError|BMSUserError/, 'Azure accepts the request');
    await vscode.screenshot('restore-new-vm-validated');
    assert.equal(
      (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'POST' && /\/restore\?/.test(exchange.url)).length,
      0,
      'nothing restored before the user confirms',
    );

    await page.locator('#restore').click();
    const done = vscode.notification(/Restore of web-01 completed/);
    await done.waitFor({ timeout: 120_000 });
    await vscode.screenshot('restore-new-vm-done');
    const restores = (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'POST' && /\/recoveryPoints\/[^/]+\/restore\?/.test(exchange.url));
    assert.equal(restores.length, 1, 'one restore request');
    await vscode.expand([production, withoutBackup]);
    await vscode.findTreeItem([production, withoutBackup, 'web-01-restored'], 30_000);
    await vscode.screenshot('restore-new-vm-in-tree');
    await vscode.dismissNotification(/Restore of web-01 completed/);
    await closeForm();
  });

  it('restores disks, then creates a VM from them through a deployment of the template the restore wrote', async () => {
    const points = await pointsOf('web-02');
    const page = await openRestore('web-02', points[0]!);
    await page.locator('#restore-type-restoreDisks').click();
    await choose(page.locator('#target-resource-group'), 'rg-web-prod');
    await choose(page.locator('#staging-account'), /contosowebdiag/);
    await page.locator('#review').click();
    await waitForText(page.locator('#review-summary'), /contosowebdiag/, 'the review');
    await validateWithAzure(page);
    await page.locator('#restore').click();

    const done = vscode.notification(/Restore of web-02 completed/);
    await done.waitFor({ timeout: 120_000 });
    await vscode.screenshot('restore-disks-done');
    await done.getByRole('button', { name: 'Create VM from restored disks' }).click();

    await vscode.typeInput('web-02-from-disks', /name of the new VM/);
    await vscode.acceptInput();
    await vscode.pick(/The network web-02 had/);
    const created = vscode.notification(/Created the virtual machine web-02-from-disks/);
    await created.waitFor({ timeout: 120_000 });
    await vscode.screenshot('restore-disks-vm-created');
    await vscode.dismissNotification(/Created the virtual machine web-02-from-disks/);
    await vscode.findTreeItem([production, withoutBackup, 'web-02-from-disks'], 30_000);
    await closeForm();
  });

  it('refuses to replace existing disks until the VM’s exact name is typed, saying what happens to the running VM', async () => {
    const points = await pointsOf('web-01');
    const page = await openRestore('web-01', points[0]!);
    await page.locator('#restore-type-replaceDisks').click();
    await choose(page.locator('#staging-account'), /contosowebdiag/);
    await page.locator('#review').click();
    const explanation = await waitForText(page.locator('#replace-explanation'), /web-01/, 'what replacing does');
    assert.match(explanation, /disk/i);
    const confirm = page.locator('#confirm-name input');
    for (const wrong of ['', 'WEB-01', 'web-0', 'web-01 ']) {
      await confirm.fill(wrong);
      await validateWithAzure(page).catch(() => undefined);
      assert.equal(await enabled(page.locator('#restore')), false, `Restore stays disabled with ${JSON.stringify(wrong)} typed`);
    }
    await vscode.screenshot('restore-replace-wrong-name');
    await confirm.fill('web-01');
    await validateWithAzure(page);
    await poll(async () => ((await enabled(page.locator('#restore'))) ? true : undefined), 'Restore to be enabled once the exact name is typed', 15_000);
    await vscode.screenshot('restore-replace-typed-name');
    await closeForm();
  });

  it('asks for rehydration when the point lives only in the archive tier', async () => {
    await vscode.contextMenu([production, vault, 'sql-01'], 'Show Older Recovery Points…');
    const today = new Date();
    const day = (daysAgo: number) => new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await vscode.typeInput(day(330));
    await vscode.acceptInput();
    await vscode.typeInput(day(120));
    await vscode.acceptInput();
    const archived = await poll(async () => {
      const rows = await vscode.treeChildren([production, vault, 'sql-01']).catch(() => []);
      for (const label of rows) {
        const row = await vscode.findTreeItem([production, vault, 'sql-01', label]).catch(() => undefined);
        if (row && /Archive/.test(await row.innerText())) return label;
      }
      return undefined;
    }, 'an archive-only point of sql-01', 30_000);
    await vscode.clearHover();
    await vscode.screenshot('restore-archive-points');

    const page = await openRestore('sql-01', archived);
    await page.locator('#rehydration-section').waitFor({ timeout: 15_000 });
    await page.locator('#rehydration-priority-Standard').waitFor();
    await page.locator('#rehydration-days').waitFor();
    await page.locator('#rehydration-section').scrollIntoViewIfNeeded();
    await vscode.clearHover();
    await vscode.screenshot('restore-archive-rehydration');
    await closeForm();
  });
});
