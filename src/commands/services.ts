import type { LogOutputChannel, TreeView } from 'vscode';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import type { BackupTreeNode } from '../tree/treeNode';
import type { UserPrompts } from '../ui/userPrompts';

/** What command handlers work with; built once in extension.ts and passed in, never global. */
export interface ExtensionServices {
  log: LogOutputChannel;
  tree: BackupTreeProvider;
  treeView: TreeView<BackupTreeNode>;
  prompts: UserPrompts;
}
