import { commands, EventEmitter, l10n } from 'vscode';
import type { Disposable, LogOutputChannel, TreeDataProvider, TreeItem } from 'vscode';
import { toAzureError } from '../azure/azureError';
import { BackupCache } from '../azure/backupCache';
import { BackupReader } from '../azure/backupReader';
import type { Subscription } from '../azure/model';
import type { AzureAccess } from '../auth/azureAccess';
import { applySubscriptionFilter } from '../auth/subscriptionFilter';
import type { JobsView } from './jobsView';
import { LoadErrorNode, MessageNode, SignInTenantNode } from './messageNodes';
import { ShownPointRanges } from './recoveryPointRanges';
import { SubscriptionNode } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

/** Context keys the welcome views and menus read. */
export const treeContextKeys = { signedIn: 'azureVmBackup.signedIn', hasSubscriptions: 'azureVmBackup.hasSubscriptions' };

/**
 * Subscriptions → vaults → protected VMs (plus policies and VMs without backup). Loads lazily as
 * nodes expand; a refresh cancels loads still in flight; a failed load becomes a retry item.
 */
export class BackupTreeProvider implements TreeDataProvider<BackupTreeNode>, Disposable {
  private readonly changed = new EventEmitter<BackupTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private context: TreeContext | undefined;
  private accessChange: Disposable | undefined;
  /** The recovery point range each protected VM shows; kept across refreshes and connections. */
  readonly pointRanges = new ShownPointRanges();

  constructor(
    private readonly log: LogOutputChannel,
    private selectedSubscriptions: readonly string[],
    private readonly jobs?: JobsView,
  ) {}

  /** Uses a new source of credentials (settings changed); forgets everything loaded. */
  setAccess(access: AzureAccess): void {
    this.context?.cache.reset();
    this.accessChange?.dispose();
    const reader = new BackupReader((tenantId) => access.clientsForTenant(tenantId));
    this.context = { access, cache: new BackupCache(reader), selectedSubscriptions: this.selectedSubscriptions, pointRanges: this.pointRanges, ...(this.jobs ? { jobs: this.jobs } : {}) };
    this.accessChange = access.onDidChange(() => this.refresh());
    this.changed.fire(undefined);
  }

  get access(): AzureAccess | undefined {
    return this.context?.access;
  }

  /** The loads of the current connection (undefined before one is set). */
  get cache(): BackupCache | undefined {
    return this.context?.cache;
  }

  /** Redraws a node (or everything) from what is loaded, without asking Azure again. */
  redraw(node?: BackupTreeNode): void {
    this.changed.fire(node);
  }

  /** Forgets cached loads under an ARM id (what an operation changed) and redraws the tree. */
  refreshScope(scope: string): void {
    this.context?.cache.forget(scope);
    this.changed.fire(undefined);
  }

  /** The node at the end of a path of ids (root first), loading children along the way. */
  async findNode(path: readonly string[]): Promise<BackupTreeNode | undefined> {
    let found: BackupTreeNode | undefined;
    for (const id of path) {
      const children = await this.getChildren(found);
      found = children.find((node) => node.id.toLowerCase() === id.toLowerCase());
      if (!found) return undefined;
    }
    return found;
  }

  setSubscriptionFilter(selected: readonly string[]): void {
    this.selectedSubscriptions = selected;
    if (this.context) this.context = { ...this.context, selectedSubscriptions: selected };
    this.changed.fire(undefined);
  }

  /** Reloads one node (forgetting its cached loads), or everything. */
  refresh(node?: BackupTreeNode): void {
    if (!node || !node.cacheScope) {
      this.context?.cache.reset();
      this.changed.fire(undefined);
      return;
    }
    this.context?.cache.forget(node.cacheScope);
    this.changed.fire(node);
  }

  retry(errorNode: LoadErrorNode): void {
    const parent = errorNode.parent;
    if (parent?.cacheScope) this.context?.cache.forget(parent.cacheScope);
    else if (parent) this.context?.cache.forget(scopeOf(parent));
    else this.context?.cache.reset();
    this.changed.fire(parent);
  }

  getTreeItem(node: BackupTreeNode): TreeItem {
    return node.treeItem();
  }

  getParent(node: BackupTreeNode): BackupTreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: BackupTreeNode): Promise<BackupTreeNode[]> {
    const context = this.context;
    if (!context) return [];
    if (node && !node.children) return [];
    try {
      return node ? await node.children!(context) : await this.roots(context);
    } catch (error) {
      const azureError = toAzureError(error);
      if (azureError.reason === 'cancelled') return [];
      this.log.error(`Loading ${node ? node.id : 'subscriptions'} failed: ${azureError.code} ${azureError.message}`);
      return [new LoadErrorNode(node, azureError)];
    }
  }

  /** Every subscription of the signed-in tenants, filtered, deduplicated. */
  async allSubscriptions(): Promise<Subscription[]> {
    const context = this.context;
    if (!context) return [];
    const tenants = (await context.access.tenants()).filter((tenant) => tenant.signedIn);
    const lists = await Promise.all(tenants.map((tenant) => context.cache.subscriptions(tenant.tenantId)));
    const unique = new Map<string, Subscription>();
    for (const subscription of lists.flat()) unique.set(subscription.subscriptionId.toLowerCase(), subscription);
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The subscriptions the tree shows: all of them, narrowed by the subscription filter in force. */
  async shownSubscriptions(): Promise<Subscription[]> {
    return applySubscriptionFilter(await this.allSubscriptions(), this.selectedSubscriptions);
  }

  private async roots(context: TreeContext): Promise<BackupTreeNode[]> {
    const signedIn = await context.access.isSignedIn();
    await commands.executeCommand('setContext', treeContextKeys.signedIn, signedIn);
    if (!signedIn) return [];
    const started = Date.now();
    const tenants = await context.access.tenants();
    const subscriptions = await this.allSubscriptions();
    await commands.executeCommand('setContext', treeContextKeys.hasSubscriptions, subscriptions.length > 0);
    const shown = applySubscriptionFilter(subscriptions, context.selectedSubscriptions);
    this.log.info(`Loaded ${subscriptions.length} subscriptions (${shown.length} shown) from ${tenants.length} tenants in ${Date.now() - started} ms (${context.access.description})`);
    const nodes: BackupTreeNode[] = shown.map((subscription) => new SubscriptionNode(subscription));
    if (shown.length === 0 && subscriptions.length > 0) {
      nodes.push(new MessageNode(undefined, 'noneSelected', l10n.t('No subscription selected — Select Subscriptions…'), 'filter', { command: 'azureVmBackup.selectSubscriptions', title: l10n.t('Select Subscriptions…') }));
    }
    for (const tenant of tenants.filter((candidate) => !candidate.signedIn)) nodes.push(new SignInTenantNode(tenant.tenantId, tenant.displayName));
    return nodes;
  }

  dispose(): void {
    this.context?.cache.reset();
    this.accessChange?.dispose();
    this.changed.dispose();
  }
}

/** Nodes without their own cache scope (folders) reload what their nearest ancestor with one loads. */
function scopeOf(node: BackupTreeNode): string {
  for (let current: BackupTreeNode | undefined = node; current; current = current.parent) {
    if (current.cacheScope) return current.cacheScope;
  }
  return '';
}
