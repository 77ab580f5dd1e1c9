import { l10n, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { BackupPolicy, Vault } from '../azure/model';
import { contextValues } from './contextValues';
import { escape } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

/** "Backup policies" under a vault. */
export class PoliciesNode implements BackupTreeNode {
  readonly id: string;
  readonly cacheScope: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly vault: Vault,
  ) {
    this.id = `${vault.id}/backupPolicies`;
    this.cacheScope = `${vault.id}#policies`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(l10n.t('Backup policies'), TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new ThemeIcon('calendar');
    item.contextValue = contextValues.policies;
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    return (await context.cache.policies(this.vault)).map((policy) => new PolicyNode(this, policy));
  }
}

export class PolicyNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly policy: BackupPolicy,
  ) {
    this.id = policy.id;
  }

  treeItem(): TreeItem {
    const policy = this.policy;
    const item = new TreeItem(policy.name, TreeItemCollapsibleState.None);
    item.id = this.id;
    const frequency = policy.frequency ? frequencyText(policy.frequency) : undefined;
    item.description = [frequency, policy.kind === 'Enhanced' ? l10n.t('Enhanced') : undefined, l10n.t('{0} VMs', policy.protectedItemsCount)].filter(Boolean).join(' · ');
    item.iconPath = new ThemeIcon(policy.kind === 'Enhanced' ? 'symbol-event' : 'calendar');
    item.contextValue = contextValues.policy(policy.kind);
    // Like a file in the explorer: a click opens the policy in its editor.
    item.command = { command: 'azureVmBackup.editPolicy', title: l10n.t('Edit Policy…'), arguments: [this] };
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(policy.name)}** — ${policy.kind === 'Enhanced' ? l10n.t('Enhanced policy') : l10n.t('Standard policy')}\n\n`);
    if (frequency) tooltip.appendMarkdown(`${l10n.t('Schedule')}: ${frequency}\n\n`);
    if (policy.timeZone) tooltip.appendMarkdown(`${l10n.t('Time zone')}: ${escape(policy.timeZone)}\n\n`);
    if (policy.instantRestoreDays !== undefined) tooltip.appendMarkdown(`${l10n.t('Instant restore snapshots')}: ${l10n.t('{0} days', policy.instantRestoreDays)}\n\n`);
    if (policy.dailyRetentionDays !== undefined) tooltip.appendMarkdown(`${l10n.t('Daily points kept')}: ${l10n.t('{0} days', policy.dailyRetentionDays)}\n\n`);
    tooltip.appendMarkdown(`${l10n.t('Protected VMs')}: ${policy.protectedItemsCount}`);
    item.tooltip = tooltip;
    return item;
  }
}

function frequencyText(frequency: string): string {
  switch (frequency) {
    case 'Hourly':
      return l10n.t('Hourly');
    case 'Daily':
      return l10n.t('Daily');
    case 'Weekly':
      return l10n.t('Weekly');
    default:
      return frequency;
  }
}
