import { commands } from 'vscode';
import type { Disposable } from 'vscode';
import type { LoadErrorNode } from '../tree/messageNodes';
import type { BackupTreeNode } from '../tree/treeNode';
import { backUpNow } from './backUpNow';
import { cancelJob } from './cancelJob';
import { createPolicy } from './createPolicy';
import { createVault } from './createVault';
import { createVm } from './createVm';
import { createVmFromRestoredDisks } from './createVmFromRestoredDisks';
import { editPolicy } from './editPolicy';
import { filterJobs } from './filterJobs';
import { showRunningJobs } from './showRunningJobs';
import { pointRangeServices, showOlderRecoveryPoints, showRecentRecoveryPoints } from './showOlderRecoveryPoints';
import type { VaultNode } from '../tree/vaultNode';
import { changePolicy } from './changePolicy';
import { deleteVault } from './deleteVault';
import { deployTemplate } from './deployTemplate';
import { enableBackup } from './enableBackup';
import type { SubscriptionSource } from './pickSubscription';
import { protectedVmTargetOf } from './protectedVmTarget';
import { restore } from './restore';
import { resumeBackup } from './resumeBackup';
import { stopBackup } from './stopBackup';
import { undeleteBackup } from './undeleteBackup';
import { runCommand } from './runCommand';
import { vscodeTemplateFiles } from './templateWorkspace';
import { selectSubscriptions } from './selectSubscriptions';
import type { ExtensionServices } from './services';
import { signIn, signInToTenant } from './signIn';
import type { SignInTenantNode } from '../tree/messageNodes';

/** Every command id bound to its handler, in one place. */
export function registerCommands(services: ExtensionServices): Disposable[] {
  // Commands run from the palette (no node) ask for their item among the subscriptions the tree shows.
  const shownSubscriptions: SubscriptionSource = () => services.tree.shownSubscriptions();
  const table: Record<string, (...args: never[]) => Promise<unknown> | unknown> = {
    'azureVmBackup.refresh': (node?: BackupTreeNode) => services.tree.refresh(node),
    'azureVmBackup.retryLoad': (node: LoadErrorNode) => services.tree.retry(node),
    'azureVmBackup.signIn': () => signIn(services),
    'azureVmBackup.signInToTenant': (node?: SignInTenantNode) => signInToTenant(services, node),
    'azureVmBackup.selectSubscriptions': () => selectSubscriptions(services),
    'azureVmBackup.createVault': (node?: unknown) => createVault(services.vaultForm, node),
    'azureVmBackup.createVm': (node?: unknown) => createVm(services.vmForm, node),
    'azureVmBackup.createPolicy': (node?: unknown) => createPolicy(services, shownSubscriptions, node),
    'azureVmBackup.editPolicy': (node?: unknown) => editPolicy(services, shownSubscriptions, node),
    'azureVmBackup.showLog': () => services.log.show(),
    // VS Code passes the clicked node and, with several selected, all of them.
    'azureVmBackup.enableBackup': (node?: unknown, selected?: unknown[]) =>
      enableBackup(services, {
        subscriptions: shownSubscriptions,
        createVault: (subscriptionId, location) => services.vaultForm.open({ subscriptionId, location }),
        createPolicy: (vault) => services.policyForm.open(vault, undefined, { closeOnSave: true }),
      }, node, selected),
    'azureVmBackup.backUpNow': (node?: unknown) => backUpNow(services, { subscriptions: shownSubscriptions }, node),
    'azureVmBackup.cancelJob': (node?: unknown) => cancelJob(services, node),
    'azureVmBackup.filterJobs': (node?: unknown) => filterJobs(services, node),
    'azureVmBackup.showRunningJobs': () => showRunningJobs(services),
    'azureVmBackup.showOlderRecoveryPoints': (node?: unknown) => showOlderRecoveryPoints(pointRangeServices(services), shownSubscriptions, node),
    'azureVmBackup.showRecentRecoveryPoints': (node?: unknown) => showRecentRecoveryPoints(pointRangeServices(services), node),
    'azureVmBackup.restore': (node?: unknown) => restore(services, { subscriptions: shownSubscriptions, form: services.restoreForm }, node),
    // From a restore's end-of-job notification ({ vaultId, jobName }) or the palette (asks for the job).
    'azureVmBackup.createVmFromRestoredDisks': (job?: unknown) => createVmFromRestoredDisks(services, { subscriptions: shownSubscriptions }, job),
    'azureVmBackup.stopBackup': (node?: unknown) => stopBackup(services, shownSubscriptions, protectedVmTargetOf(node)),
    'azureVmBackup.resumeBackup': (node?: unknown) => resumeBackup(services, shownSubscriptions, protectedVmTargetOf(node)),
    'azureVmBackup.undeleteBackup': (node?: unknown) => undeleteBackup(services, shownSubscriptions, protectedVmTargetOf(node)),
    'azureVmBackup.changePolicy': (node?: unknown) => changePolicy(services, shownSubscriptions, protectedVmTargetOf(node)),
    'azureVmBackup.deleteVault': (node?: VaultNode) => deleteVault(services, shownSubscriptions, node?.vault),
    // Explorer and editor menus pass the file's Uri; the palette passes nothing and asks for a template.
    'azureVmBackup.deployTemplate': (uri?: unknown) => deployTemplate(services, { subscriptions: shownSubscriptions, files: vscodeTemplateFiles }, uri),
  };
  return Object.entries(table).map(([id, handler]) =>
    commands.registerCommand(id, (...args: unknown[]) => runCommand(services, id, async () => (handler as (...values: unknown[]) => unknown)(...args))),
  );
}
