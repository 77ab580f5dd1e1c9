import type { TreeItem } from 'vscode';
import type { BackupCache } from '../azure/backupCache';
import type { AzureAccess } from '../auth/azureAccess';
import type { JobsView } from './jobsView';
import type { ShownPointRanges } from './recoveryPointRanges';

/** What every node of the backup tree has access to while loading its children. */
export interface TreeContext {
  cache: BackupCache;
  access: AzureAccess;
  /** The subscription filter in force (tenantId/subscriptionId or bare ids); empty = all. */
  selectedSubscriptions: readonly string[];
  /** Job filters and live job states shared by the vaults' jobs folders. */
  jobs?: JobsView;
  /** The date range each protected VM lists its recovery points for. */
  pointRanges: ShownPointRanges;
}

export interface BackupTreeNode {
  /** Stable across refreshes (an ARM id, or one derived from it) so expansion survives. */
  readonly id: string;
  readonly parent: BackupTreeNode | undefined;
  treeItem(): TreeItem;
  /** Absent on leaves. Throws on failure: the provider turns that into a retry item. */
  children?(context: TreeContext): Promise<BackupTreeNode[]>;
  /** The ARM id whose cached loads a refresh or retry of this node forgets. */
  readonly cacheScope?: string;
}
