import { commands, window, workspace } from 'vscode';
import type { ExtensionContext } from 'vscode';
import type { AzureAccess } from './auth/azureAccess';
import { accessSettings, createAzureAccess } from './auth/createAzureAccess';
import { registerCommands } from './commands/commandTable';
import { currentSubscriptionFilter } from './commands/selectSubscriptions';
import type { ExtensionServices } from './commands/services';
import { BackupTreeProvider } from './tree/backupTreeProvider';
import { vscodePrompts } from './ui/userPrompts';

/** Composition root: builds the services, registers the view and commands; no logic of its own. */
export async function activate(context: ExtensionContext): Promise<void> {
  const log = window.createOutputChannel('Azure VM Backup', { log: true });
  const tree = new BackupTreeProvider(log, currentSubscriptionFilter().selected);
  const treeView = window.createTreeView('azureVmBackup.backupTree', { treeDataProvider: tree, showCollapseAll: true });
  const services: ExtensionServices = { log, tree, treeView, prompts: vscodePrompts };
  context.subscriptions.push(log, tree, treeView, ...registerCommands(services));

  let access: AzureAccess | undefined;
  context.subscriptions.push({ dispose: () => access?.dispose() });
  const connect = async () => {
    try {
      const next = await createAzureAccess();
      log.info(`Connecting through ${next.description}`);
      tree.setAccess(next);
      access?.dispose();
      access = next;
    } catch (error) {
      log.error(`Cannot connect: ${(error as Error).message}`);
      await commands.executeCommand('setContext', 'azureVmBackup.signedIn', false);
      void window.showErrorMessage((error as Error).message);
    }
  };
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((event) => {
      if (accessSettings.some((section) => event.affectsConfiguration(section))) void connect();
      else if (event.affectsConfiguration('azureVmBackup.selectedSubscriptions') || event.affectsConfiguration('azureResourceGroups.selectedSubscriptions')) {
        tree.setSubscriptionFilter(currentSubscriptionFilter().selected);
      }
    }),
  );
  await connect();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
