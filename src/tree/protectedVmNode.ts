import { l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { ProtectedVm, ProtectionHealth } from '../azure/model';
import { absoluteTime, relativeTime } from '../ui/timeText';
import { contextValues } from './contextValues';
import { recoveryPointChildren } from './recoveryPointNodes';
import { rangeText, shownRangeText, type ShownPointRanges } from './recoveryPointRanges';
import { escape } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

const icons: Record<ProtectionHealth, ThemeIcon> = {
  healthy: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  warning: new ThemeIcon('warning', new ThemeColor('list.warningForeground')),
  failed: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  initialBackupPending: new ThemeIcon('clock', new ThemeColor('descriptionForeground')),
  stopped: new ThemeIcon('debug-pause', new ThemeColor('disabledForeground')),
  softDeleted: new ThemeIcon('trash', new ThemeColor('disabledForeground')),
};

export function healthText(health: ProtectionHealth): string {
  switch (health) {
    case 'healthy':
      return l10n.t('Healthy');
    case 'warning':
      return l10n.t('Warning');
    case 'failed':
      return l10n.t('Last backup failed');
    case 'initialBackupPending':
      return l10n.t('Initial backup pending');
    case 'stopped':
      return l10n.t('Backup stopped');
    case 'softDeleted':
      return l10n.t('Soft-deleted');
  }
}

/**
 * A VM a vault protects: health icon, last backup and policy at a glance, details in the tooltip.
 * Expanding it lists its recovery points (the last 30 days, or the range chosen with "Show
 * older…"); they load only then, and a retry under it reloads only them.
 */
export class ProtectedVmNode implements BackupTreeNode {
  readonly id: string;
  readonly cacheScope: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly item: ProtectedVm,
    private readonly pointRanges: ShownPointRanges,
  ) {
    this.id = item.id;
    this.cacheScope = item.id;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const range = this.pointRanges.rangeOf(this.item.id);
    return recoveryPointChildren(this, await context.cache.recoveryPoints(this.item, range), range);
  }

  treeItem(): TreeItem {
    const vm = this.item;
    const item = new TreeItem(vm.name, TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = icons[vm.health];
    item.contextValue = contextValues.protectedVm(vm);
    item.description = this.description();
    item.tooltip = this.tooltip();
    item.accessibilityInformation = { label: `${vm.name}, ${healthText(vm.health)}, ${item.description}` };
    return item;
  }

  private description(): string {
    const vm = this.item;
    const parts: string[] = [];
    if (vm.health === 'softDeleted') {
      parts.push(vm.purgeTime ? l10n.t('Soft-deleted, purged {0}', relativeTime(vm.purgeTime)) : healthText(vm.health));
    } else if (vm.health === 'initialBackupPending' || vm.health === 'stopped') {
      parts.push(healthText(vm.health));
    } else if (vm.lastBackupTime) {
      parts.push(vm.health === 'failed' ? l10n.t('Failed {0}', relativeTime(vm.lastBackupTime)) : relativeTime(vm.lastBackupTime));
    } else {
      parts.push(healthText(vm.health));
    }
    if (vm.policyName && vm.health !== 'softDeleted') parts.push(vm.policyName);
    const range = this.pointRanges.rangeOf(vm.id);
    if (range) parts.push(l10n.t('points {0}', rangeText(range)));
    return parts.join(' · ');
  }

  private tooltip(): MarkdownString {
    const vm = this.item;
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(vm.name)}** — ${healthText(vm.health)}\n\n`);
    const rows: [string, string | undefined][] = [
      [l10n.t('Resource group'), vm.resourceGroup],
      [l10n.t('Protection state'), vm.protectionState],
      [l10n.t('Policy'), vm.policyName],
      [l10n.t('Last backup'), vm.lastBackupTime ? `${vm.lastBackupStatus ?? ''} ${absoluteTime(vm.lastBackupTime)} (${relativeTime(vm.lastBackupTime)})`.trim() : l10n.t('Never')],
      [l10n.t('Latest restore point'), vm.lastRecoveryPoint ? absoluteTime(vm.lastRecoveryPoint) : undefined],
      [l10n.t('Restore points'), vm.recoveryPointCount === undefined ? undefined : String(vm.recoveryPointCount)],
      [l10n.t('Purged for good'), vm.purgeTime ? absoluteTime(vm.purgeTime) : undefined],
    ];
    for (const [name, value] of rows) if (value) tooltip.appendMarkdown(`${name}: ${escape(value)}\n\n`);
    tooltip.appendMarkdown(`${escape(l10n.t('Recovery points listed when expanded: {0}.', shownRangeText(this.pointRanges.rangeOf(vm.id))))}\n\n`);
    for (const detail of vm.healthDetails) {
      tooltip.appendMarkdown(`$(error) **${escape(detail.title ?? detail.code ?? l10n.t('Problem'))}**: ${escape(detail.message ?? '')}\n\n`);
      for (const recommendation of detail.recommendations) tooltip.appendMarkdown(`- ${escape(recommendation)}\n`);
      tooltip.appendMarkdown('\n');
    }
    tooltip.supportThemeIcons = true;
    return tooltip;
  }
}
