import { l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { Command } from 'vscode';
import type { AzureError } from '../azure/azureError';
import { errorText } from '../ui/azureErrorText';
import { contextValues } from './contextValues';
import type { BackupTreeNode } from './treeNode';

/** A failed load, in place of the children it could not load; clicking it retries. */
export class LoadErrorNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: BackupTreeNode | undefined,
    readonly error: AzureError,
  ) {
    this.id = `${parent?.id ?? 'root'}/loadError`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(l10n.t('Failed to load — click to retry'), TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = errorText(this.error);
    item.iconPath = new ThemeIcon('error', new ThemeColor('list.errorForeground'));
    item.tooltip = new MarkdownString().appendText(errorText(this.error)).appendMarkdown('\n\n').appendText(l10n.t('Click to try again. Details are in the Azure VM Backup log.'));
    item.contextValue = contextValues.loadError;
    item.command = { command: 'azureVmBackup.retryLoad', title: l10n.t('Retry'), arguments: [this] };
    return item;
  }
}

/** A line of information in the tree, optionally with an action (e.g. "Create vault…"). */
export class MessageNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: BackupTreeNode | undefined,
    kind: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly command?: Command,
  ) {
    this.id = `${parent?.id ?? 'root'}/${kind}`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(this.label, TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new ThemeIcon(this.icon);
    item.contextValue = contextValues.message;
    if (this.command) item.command = this.command;
    return item;
  }
}

/** A tenant the account belongs to but has no session for yet. */
export class SignInTenantNode implements BackupTreeNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly tenantId: string,
    private readonly tenantName: string | undefined,
  ) {
    this.id = `tenant/${tenantId}`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(l10n.t('Sign in to tenant {0}…', this.tenantName ?? this.tenantId), TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.tenantName ? this.tenantId : undefined;
    item.tooltip = l10n.t('Your account belongs to this tenant, but VS Code has no session for it yet. Click to sign in and see its subscriptions.');
    item.iconPath = new ThemeIcon('sign-in');
    item.contextValue = contextValues.signInTenant;
    item.command = { command: 'azureVmBackup.signInToTenant', title: l10n.t('Sign in to tenant'), arguments: [this] };
    return item;
  }
}
