import { l10n, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { Subscription } from '../azure/model';
import { contextValues } from './contextValues';
import { MessageNode } from './messageNodes';
import type { BackupTreeNode, TreeContext } from './treeNode';
import { UnprotectedVmsNode } from './unprotectedVmNodes';
import { VaultNode } from './vaultNode';

export class SubscriptionNode implements BackupTreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly cacheScope: string;

  constructor(readonly subscription: Subscription) {
    this.id = subscription.id;
    this.cacheScope = subscription.id;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(this.subscription.name, TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.subscription.state === 'Enabled' ? undefined : this.subscription.state;
    item.iconPath = new ThemeIcon('azure');
    item.contextValue = contextValues.subscription;
    item.tooltip = new MarkdownString()
      .appendMarkdown(`**${escape(this.subscription.name)}**\n\n`)
      .appendMarkdown(`${l10n.t('Subscription')}: \`${this.subscription.subscriptionId}\`\n\n`)
      .appendMarkdown(`${l10n.t('Tenant')}: \`${this.subscription.tenantId}\`\n\n`)
      .appendMarkdown(`${l10n.t('State')}: ${this.subscription.state}`);
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const vaults = await context.cache.vaults(this.subscription.subscriptionId);
    const vaultNodes: BackupTreeNode[] = vaults.map((vault) => new VaultNode(this, vault));
    if (vaultNodes.length === 0) {
      vaultNodes.push(
        new MessageNode(this, 'noVault', l10n.t('No Recovery Services vault yet — create one'), 'add', {
          command: 'azureVmBackup.createVault',
          title: l10n.t('Create vault'),
          arguments: [this],
        }),
      );
    }
    return [...vaultNodes, new UnprotectedVmsNode(this, this.subscription)];
  }
}

export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
