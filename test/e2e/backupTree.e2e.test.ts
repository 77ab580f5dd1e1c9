import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

describe('Backups tree in VS Code, against the demo data', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('shows the Azure Backup container with its Backups view', async () => {
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });

  it('lists a vault’s policies and protected VMs, and the subscription’s VMs without backup', async () => {
    const production = 'Contoso Production';
    await vscode.openView(viewContainerTitle);
    await vscode.expand(production);
    await vscode.expand([production, 'prod-weu-vault']);
    for (const vm of ['web-01', 'web-02', 'sql-01']) await vscode.findTreeItem([production, 'prod-weu-vault', vm]);
    assert.deepEqual(await vscode.treeChildren([production, 'prod-weu-vault']), ['Backup policies', 'Backup jobs', 'sql-01', 'web-01', 'web-02']);

    await vscode.expand([production, 'Virtual machines without backup']);
    for (const vm of ['web-03', 'jumpbox']) await vscode.findTreeItem([production, 'Virtual machines without backup', vm]);
    assert.deepEqual((await vscode.treeChildren([production, 'Virtual machines without backup'])).sort(), ['app-eus-03', 'jumpbox', 'ml-gpu-01', 'web-03']);
    await vscode.screenshot('backup-tree');

    const listed = (await vscode.emulator.requests()).filter((exchange) => exchange.method === 'GET' && /\/backupProtectedItems\?/i.test(exchange.url));
    assert.ok(listed.length > 0, 'the tree came from the emulator’s protected items');
  });
});
