import { l10n, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { Subscription, VirtualMachine } from '../azure/model';
import { contextValues } from './contextValues';
import { MessageNode } from './messageNodes';
import { escape } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

/** "Virtual machines without backup": the subscription's VMs that no vault protects. */
export class UnprotectedVmsNode implements BackupTreeNode {
  readonly id: string;
  readonly cacheScope: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly subscription: Subscription,
  ) {
    this.id = `${subscription.id}/virtualMachinesWithoutBackup`;
    this.cacheScope = `${subscription.id}#vms`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(l10n.t('Virtual machines without backup'), TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new ThemeIcon('circle-slash');
    item.contextValue = contextValues.unprotectedVms;
    item.tooltip = l10n.t('Virtual machines in this subscription that no Recovery Services vault backs up.');
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const vms = await context.cache.unprotectedVms(this.subscription.subscriptionId);
    if (vms.length === 0) return [new MessageNode(this, 'allProtected', l10n.t('Every virtual machine in this subscription is backed up'), 'pass')];
    return vms.map((vm) => new UnprotectedVmNode(this, vm));
  }
}

export class UnprotectedVmNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly vm: VirtualMachine,
  ) {
    this.id = vm.id;
  }

  treeItem(): TreeItem {
    const vm = this.vm;
    const item = new TreeItem(vm.name, TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [vm.location, vm.powerState].filter(Boolean).join(' · ');
    item.iconPath = new ThemeIcon('vm');
    item.contextValue = contextValues.unprotectedVm;
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(vm.name)}** — ${l10n.t('not backed up')}\n\n`);
    const rows: [string, string | undefined][] = [
      [l10n.t('Resource group'), vm.resourceGroup],
      [l10n.t('Region'), vm.location],
      [l10n.t('Power state'), vm.powerState],
      [l10n.t('Operating system'), vm.osType],
      [l10n.t('Size'), vm.vmSize],
    ];
    for (const [name, value] of rows) if (value) tooltip.appendMarkdown(`${name}: ${escape(value)}\n\n`);
    item.tooltip = tooltip;
    return item;
  }
}
