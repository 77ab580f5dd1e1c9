import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import type { ProtectedVm, RecoveryPoint, Vault } from '../azure/model';
import type { RestoreStarted } from '../azure/restoreOperations';
import type { RestoreIdentity } from '../webviews/shared/restoreProtocol';
import { pickProtectedVm } from './pickProtectedVm';
import { pickRecoveryPoint } from './pickRecoveryPoint';
import type { SubscriptionSource } from './pickSubscription';
import { protectedVmTargetOf, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';

/** Where the Restore form opens: answers the restore it started, or undefined when closed without one. */
export interface RestoreForm {
  open(identity: RestoreIdentity): Promise<RestoreStarted | undefined>;
}

export interface RestoreHost {
  subscriptions: SubscriptionSource;
  form: RestoreForm;
}

/** A recovery point with its VM and vault: what the form restores. */
export interface RestorePointTarget extends ProtectedVmTarget {
  point: RecoveryPoint;
}

/**
 * azureVmBackup.restore: on a recovery point of the tree (restores that point), on a backed-up VM
 * (asks which of its points), or from the palette (asks the VM, then the point). Opens the Restore
 * form for the point and returns; the form validates, restores and follows the job.
 */
export async function restore(services: FlowServices, host: RestoreHost, node?: unknown): Promise<void> {
  const target = await restoreTargetOf(services, host.subscriptions, node);
  if (!target) return;
  if (target.item.health === 'softDeleted') {
    await services.prompts.error(l10n.t('The backup of {0} is soft-deleted: undelete its backup data, then restore.', target.item.name));
    return;
  }
  void host.form.open(restoreIdentityOf(target));
}

export function restoreIdentityOf({ vault, item, point }: RestorePointTarget): RestoreIdentity {
  return { vaultId: vault.id, itemId: item.id, pointId: point.id };
}

/** The point to restore: the clicked one, one of the clicked VM's, or one picked from the palette. */
export async function restoreTargetOf(services: FlowServices, subscriptions: SubscriptionSource, node?: unknown): Promise<RestorePointTarget | undefined> {
  const pointNode = node as { point?: Partial<RecoveryPoint>; parent?: unknown } | undefined;
  if (pointNode && typeof pointNode.point?.id === 'string' && typeof pointNode.point.name === 'string') {
    const owner = protectedVmTargetOf(pointNode.parent);
    if (owner) return { ...owner, point: pointNode.point as RecoveryPoint };
  }
  if (node !== undefined) {
    const owner = protectedVmTargetOf(node);
    if (!owner) {
      await services.prompts.error(l10n.t('Restore works on a recovery point or a backed-up virtual machine: select one, or run it from the Command Palette to pick one.'));
      return undefined;
    }
    return withPoint(services, owner);
  }
  const owner = await pickRestorableVm(services, subscriptions);
  return owner ? withPoint(services, owner) : undefined;
}

async function withPoint(services: FlowServices, owner: ProtectedVmTarget): Promise<RestorePointTarget | undefined> {
  const point = await pickRecoveryPoint(services, owner.item, l10n.t('Restore {0}', owner.item.name));
  return point ? { ...owner, point } : undefined;
}

/** From the palette: a VM whose backup data is there to restore (protected, or stopped with its data kept), with its vault. */
async function pickRestorableVm(services: FlowServices, subscriptions: SubscriptionSource): Promise<ProtectedVmTarget | undefined> {
  const item: ProtectedVm | undefined = await pickProtectedVm(services, subscriptions, l10n.t('Restore'), (candidate) => candidate.health !== 'softDeleted');
  if (!item) return undefined;
  const vaults: Vault[] = await services.azure().cache.vaults(parseArmId(item.vaultId).subscriptionId);
  const vault = vaults.find((candidate) => sameArmId(candidate.id, item.vaultId));
  if (!vault) throw new Error(l10n.t('The vault of {0} is no longer listed. Refresh the view.', item.name));
  return { vault, item };
}
