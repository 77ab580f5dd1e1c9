import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { poll } from './harness/workbench';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
const withoutBackup = 'Virtual machines without backup';
/** The job status bar item while one job runs (src/jobs/jobStatusBar.ts). */
const oneJob = '1 backup job';

// Each journey works on its own VM of the demo data, so they do not depend on one another's order.
describe('Backup journeys in VS Code: enable backup, back up now', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession();
    await vscode.openView(viewContainerTitle);
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('enables backup of an unprotected VM from its context menu, follows the job, and moves the VM under the vault', async () => {
    await vscode.expand(production);
    await vscode.expand([production, withoutBackup]);
    const start = await vscode.emulator.lastSequence();

    await vscode.contextMenu([production, withoutBackup, 'web-03'], 'Enable Backup…');
    // Only the vaults of the VM's subscription and region, and a way to create one there.
    await vscode.quickInput().filter({ hasText: 'Enable Backup for web-03' }).waitFor();
    assert.deepEqual(await vscode.quickPickLabels(), [vault, 'Create new vault…']);
    await vscode.pick(vault);
    await vscode.quickInput().locator('input.input[placeholder^="Select the backup policy"]').waitFor();
    assert.equal((await vscode.quickPickLabels())[0], 'DefaultPolicy', 'DefaultPolicy comes first');
    await vscode.pick('DefaultPolicy');

    const statusBarJob = vscode.statusBarItem(oneJob);
    await statusBarJob.waitFor({ timeout: 15_000 });
    assert.equal(await statusBarJob.locator('.codicon-sync.codicon-modifier-spin').count(), 1, 'the status bar item spins while the job runs');
    await vscode.screenshot('enable-backup-status-bar');

    const enabled = vscode.notification(/Backup is enabled for web-03 in prod-weu-vault with DefaultPolicy/);
    await enabled.waitFor({ timeout: 60_000 });
    await enabled.getByRole('button', { name: 'Back Up Now' }).waitFor();
    await statusBarJob.waitFor({ state: 'hidden', timeout: 15_000 });

    // Revealed under its vault as protected, and gone from the VMs without backup.
    const item = await vscode.findTreeItem([production, vault, 'web-03'], 15_000);
    assert.match(await item.innerText(), /Initial backup pending/);
    await poll(async () => ((await vscode.treeChildren([production, withoutBackup])).includes('web-03') ? undefined : true), 'web-03 to leave the VMs without backup', 15_000);
    assert.deepEqual((await vscode.treeChildren([production, withoutBackup])).sort(), ['app-eus-03', 'jumpbox', 'ml-gpu-01']);
    await vscode.screenshot('enable-backup-done');

    const writes = (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'PUT' && /\/protectedItems\/[^/?]*web-03\?/i.test(exchange.url));
    assert.equal(writes.length, 1, 'one click, one protection request');
    await vscode.dismissNotification(/Backup is enabled for web-03/);
    await vscode.collapse([production, withoutBackup]);
  });

  it('backs up a protected VM now: checks the retain-until date, follows the job, notifies, and lists it with its subtasks', async () => {
    await vscode.expand(production);
    await vscode.expand([production, vault]);
    const start = await vscode.emulator.lastSequence();

    await vscode.contextMenu([production, vault, 'web-01'], 'Back Up Now…');
    await vscode.quickInput().filter({ hasText: 'Back Up web-01 Now' }).waitFor();
    const offered = await vscode.inputValue();
    assert.ok(offered === dateInDays(30) || offered === dateInDays(30, Date.now() - 60_000), `the default keeps the point 30 days (${offered})`);
    await vscode.waitForInputMessage(/Format YYYY-MM-DD/);

    await vscode.typeInput('31/12/2030');
    assert.match(await vscode.waitForInputMessage(/as YYYY-MM-DD/), /Enter the date as YYYY-MM-DD, for example \d{4}-\d{2}-\d{2}/);
    await vscode.typeInput('2031-02-30');
    assert.match(await vscode.waitForInputMessage(/calendar/), /2031-02-30 is not a date on the calendar/);
    await vscode.typeInput(dateInDays(-1));
    assert.match(await vscode.waitForInputMessage(/future/), new RegExp(`must be in the future: enter ${dateInDays(1)} or later`));
    await vscode.screenshot('back-up-now-invalid-date');
    await vscode.acceptInput();
    assert.ok(await vscode.quickInput().isVisible(), 'Enter does not accept an invalid date');
    assert.deepEqual(backupPosts(await vscode.emulator.requests(start), 'web-01'), [], 'nothing started yet');

    await vscode.typeInput(offered);
    await vscode.waitForInputMessage(/Format YYYY-MM-DD/);
    await vscode.acceptInput();

    const statusBarJob = vscode.statusBarItem(oneJob);
    await statusBarJob.waitFor({ timeout: 15_000 });
    assert.equal(await statusBarJob.locator('.codicon-sync.codicon-modifier-spin').count(), 1);
    await vscode.screenshot('back-up-now-status-bar');

    const completed = vscode.notification('Backup of web-01 completed');
    await completed.waitFor({ timeout: 90_000 });
    await statusBarJob.waitFor({ state: 'hidden', timeout: 15_000 });
    await vscode.screenshot('back-up-now-notification');
    assert.equal(backupPosts(await vscode.emulator.requests(start), 'web-01').length, 1, 'exactly one backup request');

    // "Show job" reveals the job in the vault's "Backup jobs" folder: newest first, with its subtasks.
    await completed.getByRole('button', { name: 'Show job' }).click();
    const job = await vscode.findTreeItem([production, vault, 'Backup jobs', 'Backup · web-01'], 15_000);
    await poll(async () => ((await job.getAttribute('aria-selected')) === 'true' ? true : undefined), 'the job to be selected', 10_000);
    assert.match(await job.innerText(), /Completed/);
    await vscode.expand([production, vault, 'Backup jobs', 'Backup · web-01']);
    const subtasks = await poll(async () => {
      const children = await vscode.treeChildren([production, vault, 'Backup jobs', 'Backup · web-01']);
      return children.length > 0 ? children : undefined;
    }, 'the job’s subtasks', 10_000);
    assert.deepEqual(subtasks, ['Take Snapshot', 'Transfer data to vault']);
    const snapshot = await vscode.findTreeItem([production, vault, 'Backup jobs', 'Backup · web-01', 'Take Snapshot']);
    assert.match(await snapshot.innerText(), /Completed/);
    await vscode.screenshot('back-up-now-job-subtasks');
  });
});

/** POST …/protectedItems/<item of vm>/backup: an on-demand backup request. */
function backupPosts(exchanges: readonly LoggedExchange[], vm: string): LoggedExchange[] {
  return exchanges.filter((exchange) => exchange.method === 'POST' && new RegExp(`/protectedItems/[^/?]*${vm}/backup\\?`, 'i').test(exchange.url));
}

/** The local calendar date `days` from now, as YYYY-MM-DD (the extension host runs in this machine's time zone). */
function dateInDays(days: number, from = Date.now()): string {
  const now = new Date(from);
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
