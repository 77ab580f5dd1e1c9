import * as vscode from 'vscode';

/**
 * Composition root: builds the services and registers what the extension contributes. It holds
 * no logic of its own; the tree, commands and webviews arrive with their issues.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Azure VM Backup', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('azureVmBackup.showLog', () => log.show()));
  log.info(vscode.l10n.t('Azure VM Backup activated'));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
