import type { LogOutputChannel, TreeView } from 'vscode';
import type { BackupCache } from '../azure/backupCache';
import type { BackupOperations } from '../azure/backupOperations';
import type { BackupReader } from '../azure/backupReader';
import type { JobTracker } from '../jobs/jobTracker';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import type { JobsView } from '../tree/jobsView';
import type { BackupTreeNode } from '../tree/treeNode';
import type { UserPrompts } from '../ui/userPrompts';
import type { PolicyForm } from './createPolicy';
import type { VaultForm } from './createVault';
import type { VmForm } from './createVm';
import type { RestoreForm } from './restore';

/** The signed-in connection's data: loads (cached per refresh), fresh reads, and the write side. */
export interface AzureServices {
  cache: BackupCache;
  reader: BackupReader;
  operations: BackupOperations;
}

/** What the backup tree offers flows: say what changed, and show a node. */
export interface BackupView {
  /** Forgets cached loads under this ARM id (a subscription, vault…) and redraws. */
  refresh(scope: string): void;
  /** Reveals and selects the node at the end of this path of ids (root first), loading along the way. */
  reveal(path: readonly string[]): Promise<boolean>;
}

/**
 * What command flows work with. Plain types, so unit tests drive a flow in Node with scripted
 * prompts and the emulator behind `azure()`.
 */
export interface FlowServices {
  prompts: UserPrompts;
  /** The connection's services; throws an error asking to sign in when there is none. */
  azure(): AzureServices;
  jobs: JobTracker;
  view: BackupView;
  log: Pick<LogOutputChannel, 'info' | 'warn' | 'error'>;
}

/** What command handlers work with; built once in extension.ts and passed in, never global. */
export interface ExtensionServices extends FlowServices {
  log: LogOutputChannel;
  tree: BackupTreeProvider;
  treeView: TreeView<BackupTreeNode>;
  /** The job watcher behind `jobs`, with the jobs folders' filters (status bar, job commands). */
  jobsView: JobsView;
  /** The create-vault form (a webview panel). */
  vaultForm: VaultForm;
  /** The policy editor (webview panels). */
  policyForm: PolicyForm;
  /** The Create Virtual Machine form (webview panels). */
  vmForm: VmForm;
  /** The Restore form (webview panels, one per recovery point). */
  restoreForm: RestoreForm;
}
