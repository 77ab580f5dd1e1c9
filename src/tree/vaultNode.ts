import { l10n, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { StorageRedundancy, Vault } from '../azure/model';
import { contextValues } from './contextValues';
import { MessageNode } from './messageNodes';
import { JobsFolderNode } from './jobNodes';
import { PoliciesNode } from './policyNodes';
import { ProtectedVmNode } from './protectedVmNode';
import { escape } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

const redundancyShort: Record<StorageRedundancy, string> = { GeoRedundant: 'GRS', LocallyRedundant: 'LRS', ZoneRedundant: 'ZRS' };

export class VaultNode implements BackupTreeNode {
  readonly id: string;
  readonly cacheScope: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly vault: Vault,
  ) {
    this.id = vault.id;
    this.cacheScope = vault.id;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(this.vault.name, TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const redundancy = this.vault.redundancy ? redundancyShort[this.vault.redundancy] : undefined;
    item.description = [this.vault.location, redundancy].filter(Boolean).join(' · ');
    item.iconPath = new ThemeIcon('shield');
    item.contextValue = contextValues.vault;
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(this.vault.name)}** — ${l10n.t('Recovery Services vault')}\n\n`);
    const rows: [string, string | undefined][] = [
      [l10n.t('Resource group'), this.vault.resourceGroup],
      [l10n.t('Region'), this.vault.location],
      [l10n.t('Storage redundancy'), this.vault.redundancy],
      [l10n.t('Cross region restore'), this.vault.crossRegionRestore ? l10n.t('Enabled') : l10n.t('Disabled')],
      [l10n.t('Soft delete'), this.vault.softDeleteState],
      [l10n.t('Immutability'), this.vault.immutabilityState],
    ];
    for (const [name, value] of rows) if (value) tooltip.appendMarkdown(`${name}: ${escape(value)}\n\n`);
    item.tooltip = tooltip;
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const items = await context.cache.protectedVms(this.vault);
    const itemNodes: BackupTreeNode[] = items.map((item) => new ProtectedVmNode(this, item, context.pointRanges));
    if (itemNodes.length === 0) itemNodes.push(new MessageNode(this, 'noProtectedVm', l10n.t('No virtual machine is backed up to this vault yet'), 'info'));
    return [new PoliciesNode(this, this.vault), new JobsFolderNode(this, this.vault, context.jobs), ...itemNodes];
  }
}
