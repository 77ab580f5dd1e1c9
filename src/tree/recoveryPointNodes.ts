import { l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { ProtectedVm, RecoveryPoint, RecoveryPointTier } from '../azure/model';
import { recentRecoveryPointDays, type RecoveryPointRange } from '../azure/recoveryPoints';
import { absoluteTime, relativeTime } from '../ui/timeText';
import { contextValues } from './contextValues';
import { MessageNode } from './messageNodes';
import type { ProtectedVmNode } from './protectedVmNode';
import { rangeText } from './recoveryPointRanges';
import { consistencyExplanation, consistencyText, expiryText, tierExplanation, tierText, utcTime } from './recoveryPointText';
import { escape } from './subscriptionNode';
import type { BackupTreeNode } from './treeNode';

/** Command ids the range items run (declared in package.json, bound in commandTable.ts). */
export const pointRangeCommands = {
  showOlder: 'azureVmBackup.showOlderRecoveryPoints',
  showRecent: 'azureVmBackup.showRecentRecoveryPoints',
} as const;

const tierIcons: Record<RecoveryPointTier, string> = {
  snapshot: 'device-camera',
  snapshotAndVault: 'layers',
  vault: 'database',
  archive: 'archive',
};

/**
 * What a protected VM shows when expanded: its points newest first (as loaded), a message when
 * there are none, and the range items last. A soft-deleted VM's points are listed (Azure lists
 * them) under a reminder that Azure restores nothing until the backup data is undeleted.
 */
export function recoveryPointChildren(vm: ProtectedVmNode, points: readonly RecoveryPoint[], range: RecoveryPointRange | undefined): BackupTreeNode[] {
  const nodes: BackupTreeNode[] = [];
  if (points.length > 0 && vm.item.health === 'softDeleted') {
    nodes.push(
      new MessageNode(vm, 'undeleteToRestore', l10n.t('Undelete the backup data to restore from these points'), 'info', {
        command: 'azureVmBackup.undeleteBackup',
        title: l10n.t('Undelete Backup Data…'),
        arguments: [vm],
      }),
    );
  }
  if (points.length === 0) nodes.push(new MessageNode(vm, 'noRecoveryPoints', noPointsText(vm.item, range), 'info'));
  nodes.push(...points.map((point) => new RecoveryPointNode(vm, point)));
  // A VM never backed up has no older points to look for.
  if (range || points.length > 0 || !neverBackedUp(vm.item)) nodes.push(new RecoveryPointRangeNode(vm, 'older', range));
  if (range) nodes.push(new RecoveryPointRangeNode(vm, 'recent', range));
  return nodes;
}

function neverBackedUp(item: ProtectedVm): boolean {
  return !item.lastBackupTime && !item.lastRecoveryPoint;
}

function noPointsText(item: ProtectedVm, range: RecoveryPointRange | undefined): string {
  if (range) return l10n.t('No recovery points from {0}', rangeText(range));
  if (neverBackedUp(item)) return l10n.t('No recovery points yet: the first backup makes one');
  if (item.lastRecoveryPoint) return l10n.t('No recovery points in the last {0} days (the latest is from {1})', recentRecoveryPointDays, absoluteTime(item.lastRecoveryPoint));
  return l10n.t('No recovery points in the last {0} days', recentRecoveryPointDays);
}

/** One recovery point: local time, consistency · where it lives · expiry; the details in the tooltip. */
export class RecoveryPointNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: ProtectedVmNode,
    readonly point: RecoveryPoint,
  ) {
    this.id = point.id;
  }

  /** The protected VM the point belongs to. */
  get item(): ProtectedVm {
    return this.parent.item;
  }

  treeItem(): TreeItem {
    const point = this.point;
    const softDeleted = this.item.health === 'softDeleted';
    const item = new TreeItem(absoluteTime(point.time), TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [consistencyText(point.consistency), tierText(point), expiryText(point.expiry)].join(' · ');
    item.iconPath = new ThemeIcon(tierIcons[point.tier], softDeleted ? new ThemeColor('disabledForeground') : undefined);
    item.contextValue = contextValues.recoveryPoint(point, softDeleted);
    item.tooltip = this.tooltip();
    item.accessibilityInformation = { label: l10n.t('Recovery point of {0}, {1}, {2}', this.item.name, item.label as string, item.description) };
    return item;
  }

  private tooltip(): MarkdownString {
    const point = this.point;
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(l10n.t('Recovery point of {0}', this.item.name))}** — ${escape(absoluteTime(point.time))}\n\n`);
    const disks = [point.managed ? l10n.t('Managed') : l10n.t('Unmanaged'), point.premiumDisks ? l10n.t('premium') : undefined].filter(Boolean).join(', ');
    const rows: [string, string | undefined][] = [
      [l10n.t('Taken'), `${absoluteTime(point.time)} (${relativeTime(point.time)}) · ${utcTime(point.time)}`],
      [l10n.t('Consistency'), `${consistencyText(point.consistency)} — ${consistencyExplanation(point.consistency)}`],
      [l10n.t('Stored in'), `${tierText(point)} — ${tierExplanation(point)}`],
      [l10n.t('Expires'), point.expiry ? `${absoluteTime(point.expiry)} (${relativeTime(point.expiry)})` : l10n.t('Never: the backup was stopped with its data retained')],
      [l10n.t('VM size'), point.vmSize],
      [l10n.t('Availability zone'), point.zones.length > 0 ? point.zones.join(', ') : l10n.t('None (not pinned to a zone)')],
      [l10n.t('Operating system'), point.osType],
      [l10n.t('Disks'), disks],
      [l10n.t('Encryption'), point.encrypted ? l10n.t('Azure Disk Encryption (restores need its key vault)') : l10n.t('None')],
      [l10n.t('Recovery point ID'), point.name],
    ];
    for (const [name, value] of rows) if (value) tooltip.appendMarkdown(`${name}: ${escape(value)}\n\n`);
    if (this.item.health === 'softDeleted') tooltip.appendMarkdown(`$(info) ${escape(l10n.t('The backup of {0} is soft-deleted: undelete its backup data to restore from this point.', this.item.name))}\n\n`);
    tooltip.supportThemeIcons = true;
    return tooltip;
  }
}

/**
 * The last lines under a VM's points: "Show older…" asks for dates (the list covers the last 30
 * days unless asked, as Azure's own clients do); with dates chosen, "Show last 30 days" goes back.
 */
export class RecoveryPointRangeNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: ProtectedVmNode,
    readonly action: 'older' | 'recent',
    private readonly range: RecoveryPointRange | undefined,
  ) {
    this.id = `${parent.id}/recoveryPoints/${action}`;
  }

  treeItem(): TreeItem {
    const older = this.action === 'older';
    const label = older ? (this.range ? l10n.t('Show other dates…') : l10n.t('Show older…')) : l10n.t('Show last {0} days', recentRecoveryPointDays);
    const item = new TreeItem(label, TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new ThemeIcon(older ? 'calendar' : 'history');
    item.contextValue = contextValues.recoveryPointRange;
    if (older) item.description = this.range ? l10n.t('showing {0}', rangeText(this.range)) : l10n.t('showing the last {0} days', recentRecoveryPointDays);
    item.tooltip = older
      ? l10n.t('List the recovery points of {0} between two dates you choose.', this.parent.item.name)
      : l10n.t('List the recovery points of {0} of the last {1} days again.', this.parent.item.name, recentRecoveryPointDays);
    item.command = { command: older ? pointRangeCommands.showOlder : pointRangeCommands.showRecent, title: label, arguments: [this] };
    return item;
  }
}
