import { commands, l10n, window, workspace } from 'vscode';
import type { ExtensionContext } from 'vscode';
import type { AzureAccess } from './auth/azureAccess';
import { accessSettings, createAzureAccess } from './auth/createAzureAccess';
import { registerCommands } from './commands/commandTable';
import { createVaultBackend } from './commands/createVaultBackend';
import { createVmBackend } from './commands/createVmBackend';
import { restoreBackend } from './commands/restoreBackend';
import { vscodeCreateVmPorts } from './commands/createVmPorts';
import { ReadOnlyDocuments } from './ui/readOnlyDocuments';
import { policyEditorBackend } from './commands/policyEditorBackend';
import { currentSubscriptionFilter } from './commands/selectSubscriptions';
import type { AzureServices, BackupView, ExtensionServices } from './commands/services';
import { AzureBackupOperations } from './azure/azureBackupOperations';
import type { BackupCache } from './azure/backupCache';
import type { BackupOperations } from './azure/backupOperations';
import { JobNotifications } from './jobs/jobNotifications';
import { JobStatusBar } from './jobs/jobStatusBar';
import { JobWatcher } from './jobs/jobWatcher';
import { listJobsWith } from './jobs/listJobs';
import { BackupTreeProvider } from './tree/backupTreeProvider';
import { JobsView } from './tree/jobsView';
import { vscodePrompts } from './ui/userPrompts';
import { CreateVaultPanels } from './webviews/host/createVaultPanels';
import { CreateVmPanels } from './webviews/host/createVmPanels';
import { PolicyEditorPanels } from './webviews/host/policyEditorPanels';
import { RestorePanels } from './webviews/host/restorePanels';

/** Composition root: builds the services, registers the view and commands; no logic of its own. */
export async function activate(context: ExtensionContext): Promise<void> {
  const log = window.createOutputChannel('Azure VM Backup', { log: true });
  // One watcher for every job (one jobs-list request per vault with running jobs), shared by the tree's jobs folders.
  const jobWatcher = new JobWatcher({ listJobs: listJobsWith(() => tree.cache?.reader), log });
  const jobsView = new JobsView(
    jobWatcher,
    { redraw: (node) => tree.redraw(node), refreshScope: (scope) => tree.refreshScope(scope) },
    (vaultId, jobName, signal) => azure().operations.getJob(vaultId, jobName, signal),
  );
  const tree: BackupTreeProvider = new BackupTreeProvider(log, currentSubscriptionFilter().selected, jobsView);
  const treeView = window.createTreeView('azureVmBackup.backupTree', { treeDataProvider: tree, showCollapseAll: true });
  const view: BackupView = {
    refresh: (scope) => tree.refreshScope(scope),
    reveal: async (path) => {
      const node = await tree.findNode(path);
      if (node) await treeView.reveal(node, { select: true, focus: true, expand: false });
      return node !== undefined;
    },
  };
  // One write side per connection: rebuilt when the tree's cache (and so its reader) changes.
  let operations: { cache: BackupCache; operations: BackupOperations } | undefined;
  const azure = (): AzureServices => {
    const cache = tree.cache;
    if (!cache) throw new Error(l10n.t('Sign in to Azure first.'));
    if (operations?.cache !== cache) operations = { cache, operations: new AzureBackupOperations(cache.reader) };
    return { cache, reader: cache.reader, operations: operations.operations };
  };
  // The create-vault form offers the subscriptions the tree shows; its serializer restores it after a reload.
  const shownSubscriptions = () => tree.shownSubscriptions();
  const vaultForm: CreateVaultPanels = new CreateVaultPanels(context.extensionUri, () => createVaultBackend(services, shownSubscriptions), log);
  const policyForm: PolicyEditorPanels = new PolicyEditorPanels(context.extensionUri, () => policyEditorBackend(services), log);
  // The Create VM form; a policy authored for it in the policy editor comes back to it by the form's id.
  const documents = new ReadOnlyDocuments();
  const vmForm: CreateVmPanels = new CreateVmPanels(context.extensionUri, () => createVmBackend(services, { subscriptions: shownSubscriptions, policyForm, ports: vscodeCreateVmPorts(documents) }), log);
  // The Restore forms; "Create VM from restored disks" at a restore's end runs as its command (errors handled as every command's).
  const restoreForm: RestorePanels = new RestorePanels(context.extensionUri, () => restoreBackend(services, {
    createVmFromDisks: async (vaultId, jobName) => void (await commands.executeCommand('azureVmBackup.createVmFromRestoredDisks', { vaultId, jobName })),
  }), log);
  const services: ExtensionServices = { log, tree, treeView, prompts: vscodePrompts, view, azure, jobs: jobWatcher, jobsView, vaultForm, policyForm, vmForm, restoreForm };
  context.subscriptions.push(log, tree, treeView, documents, vaultForm, policyForm, vmForm, restoreForm, policyForm.onDidAuthor((formId, draft) => vmForm.deliverPolicy(formId, draft)), ...registerCommands(services));
  context.subscriptions.push(jobWatcher, jobsView, new JobStatusBar(jobWatcher), new JobNotifications(jobWatcher, services));

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
