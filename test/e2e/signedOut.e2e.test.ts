import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

// Without the emulator settings the extension uses VS Code's Microsoft account, which has no
// session here: the view must offer sign-in instead of an empty tree or an error.
describe('Backups view when signed out', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'azureVmBackup.emulator.endpoint': '', 'azureVmBackup.emulator.caFile': '' } });
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('shows the sign-in welcome with its button, and asks nothing of Azure', async () => {
    const sideBar = await vscode.openView(viewContainerTitle);
    const welcome = sideBar.locator('.welcome-view-content');
    await welcome.getByText('Sign in to Azure to see your Recovery Services vaults', { exact: false }).waitFor({ timeout: 30_000 });
    await welcome.getByRole('button', { name: 'Sign in to Azure' }).waitFor();
    assert.equal(await sideBar.locator('.monaco-list-row[role="treeitem"]').count(), 0, 'no tree items while signed out');
    await vscode.screenshot('backup-tree-signed-out');
    assert.deepEqual(await vscode.emulator.requests(), [], 'nothing reached the emulator');
  });
});
