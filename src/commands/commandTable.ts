import { commands } from 'vscode';
import type { Disposable } from 'vscode';
import type { LoadErrorNode } from '../tree/messageNodes';
import type { BackupTreeNode } from '../tree/treeNode';
import { createVaultInPortal } from './createVaultInPortal';
import { runCommand } from './runCommand';
import { selectSubscriptions } from './selectSubscriptions';
import type { ExtensionServices } from './services';
import { signIn, signInToTenant } from './signIn';
import type { SignInTenantNode } from '../tree/messageNodes';

/** Every command id bound to its handler, in one place. */
export function registerCommands(services: ExtensionServices): Disposable[] {
  const table: Record<string, (...args: never[]) => Promise<unknown> | unknown> = {
    'azureVmBackup.refresh': (node?: BackupTreeNode) => services.tree.refresh(node),
    'azureVmBackup.retryLoad': (node: LoadErrorNode) => services.tree.retry(node),
    'azureVmBackup.signIn': () => signIn(services),
    'azureVmBackup.signInToTenant': (node?: SignInTenantNode) => signInToTenant(services, node),
    'azureVmBackup.selectSubscriptions': () => selectSubscriptions(services),
    'azureVmBackup.createVaultInPortal': () => createVaultInPortal(services),
    'azureVmBackup.showLog': () => services.log.show(),
  };
  return Object.entries(table).map(([id, handler]) =>
    commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, async () => (handler as (...values: unknown[]) => unknown)(...args))),
  );
}
