import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { poll } from './harness/workbench';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';

describe('Stop Backup in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession();
    await vscode.openView(viewContainerTitle);
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('deletes backup data only once the VM’s exact name is typed, and leaves the item soft-deleted', async () => {
    await vscode.expand(production);
    await vscode.expand([production, vault]);
    const start = await vscode.emulator.lastSequence();

    await vscode.contextMenu([production, vault, 'web-02'], 'Stop Backup…');
    await vscode.quickInput().filter({ hasText: 'Stop Backup of web-02' }).waitFor();
    assert.deepEqual(await vscode.quickPickLabels(), ['Retain data', 'Delete data']);
    await vscode.pick('Delete data');

    // Before anything is typed the box says what deleting does, for how long, and what to type.
    await vscode.quickInput().filter({ hasText: 'Delete Backup Data of web-02' }).waitFor();
    const prompt = await vscode.waitForInputMessage(/soft-deleted/);
    assert.match(prompt, /kept soft-deleted for 14 days, then purged/);
    assert.match(prompt, /Type the VM's name, web-02, to confirm/);

    // A wrong name (here, the wrong case) is refused, and Enter does not get past it.
    await vscode.typeInput('WEB-02');
    assert.equal(await vscode.waitForInputMessage(/exactly/), 'Type the VM\'s name "web-02" exactly to delete its backup data.');
    await vscode.acceptInput();
    assert.ok(await vscode.quickInput().isVisible(), 'Enter does not accept a wrong name');
    await vscode.screenshot('stop-backup-wrong-name');
    assert.deepEqual(deletes(await vscode.emulator.requests(start), 'web-02'), [], 'no DELETE reached the emulator');

    await vscode.typeInput('web-02');
    await vscode.waitForInputMessage(/soft-deleted/);
    await vscode.screenshot('stop-backup-typed-name');
    await vscode.acceptInput();

    await vscode.notification('Delete backup data of web-02: Completed').waitFor({ timeout: 60_000 });
    const text = await poll(async () => {
      const row = await vscode.findTreeItem([production, vault, 'web-02']);
      const shown = await row.innerText();
      return /Soft-deleted/.test(shown) && (await row.locator('.codicon-trash').count()) === 1 ? shown : undefined;
    }, 'web-02 to show as soft-deleted', 30_000);
    assert.match(text, /Soft-deleted, purged in 1[34] days/);
    await vscode.screenshot('stop-backup-soft-deleted');
    assert.equal(deletes(await vscode.emulator.requests(start), 'web-02').length, 1, 'exactly one DELETE of the protected item');
  });
});

/** DELETE …/protectedItems/<item of vm>: stop protection and delete the backup data. */
function deletes(exchanges: readonly LoggedExchange[], vm: string): LoggedExchange[] {
  return exchanges.filter((exchange) => exchange.method === 'DELETE' && new RegExp(`/protectedItems/[^/?]*${vm}\\?`, 'i').test(exchange.url));
}
