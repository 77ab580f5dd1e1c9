import { l10n } from 'vscode';
import { toAzureError } from '../azure/azureError';
import type { ProtectedVm, Vault } from '../azure/model';
import { VaultNotEmptyError, type VaultBlockers } from '../azure/vaultDeletion';
import { errorText } from '../ui/azureErrorText';
import type { SubscriptionSource } from './pickSubscription';
import { protectionStage } from '../azure/model';
import { pickVaultOfSubscription } from './protectedVmTarget';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

const namesShown = 5;

/**
 * Deletes a Recovery Services vault after its name is typed. Says first what would block the
 * deletion (items with backup data, soft-deleted items), but lets the service decide; when it
 * refuses, names what still blocks it and how to clear it.
 */
export async function deleteVault(services: FlowServices, subscriptions: SubscriptionSource, node?: Vault): Promise<void> {
  const vault = node ?? (await pickVaultOfSubscription(services, subscriptions, l10n.t('Delete Vault')));
  if (!vault) return;
  const { reader, operations } = services.azure();
  const blockers = blockersText(blockersOf(await reader.listProtectedVms(vault)));
  if (blockers.length > 0) {
    const answer = await services.prompts.confirm(
      l10n.t('Vault {0} still holds backup items: Azure will refuse to delete it.', vault.name),
      blockers.join('\n\n'),
      l10n.t('Try Anyway'),
    );
    if (!answer) return;
  }
  const name = vault.name;
  const typed = await services.prompts.input({
    title: l10n.t('Delete Vault {0}', name),
    prompt: l10n.t('The vault, its backup policies and settings are deleted permanently. Type the vault\'s name, {0}, to confirm.', name),
    placeholder: name,
    validate: (value) => (value === name ? undefined : l10n.t('Type the vault\'s name "{0}" exactly to delete it.', name)),
  });
  if (typed !== name) return;

  try {
    await services.prompts.progress(l10n.t('Deleting vault {0}…', name), (_report, signal) => operations.deleteVault(vault, signal));
  } catch (caught) {
    const error = toAzureError(caught);
    if (error.reason !== 'vaultNotEmpty' && error.reason !== 'vaultHasSoftDeletedItems') throw error;
    services.log.warn(`Deleting ${vault.id} was refused: ${error.code} ${error.message}`);
    // The refusal names what blocks when it can; otherwise read the vault's items again.
    const remaining = blockersText(caught instanceof VaultNotEmptyError ? caught.blockers : blockersOf(await reader.listProtectedVms(vault).catch(() => [])));
    await services.prompts.error(remaining.length > 0 ? `${l10n.t('Azure refused to delete vault {0}: it still holds backup items.', name)} ${remaining.join(' ')}` : errorText(error));
    services.view.refresh(vault.id);
    return;
  }
  services.log.info(`Deleted vault ${vault.id}`);
  services.view.refresh(subscriptionScope(vault.subscriptionId));
  await services.prompts.info(l10n.t('Vault {0} is deleted.', name));
}

function blockersOf(items: readonly ProtectedVm[]): VaultBlockers {
  return {
    protectedItems: items.filter((item) => protectionStage(item) !== 'softDeleted').map((item) => item.name),
    softDeletedItems: items.filter((item) => protectionStage(item) === 'softDeleted').map((item) => ({ name: item.name, ...(item.purgeTime ? { purgeTime: item.purgeTime } : {}) })),
  };
}

/** One sentence per kind of item that keeps a vault from being deleted: which, and how to clear them. */
function blockersText(blockers: VaultBlockers): string[] {
  const { protectedItems, softDeletedItems } = blockers;
  const sentences: string[] = [];
  if (protectedItems.length > 0) {
    sentences.push(l10n.t('{0} still backed up or keep backup data: {1}. Stop their backup with "Delete data" first.', countText(protectedItems.length), namesOf(protectedItems)));
  }
  if (softDeletedItems.length > 0) {
    const lastPurge = softDeletedItems.map((item) => item.purgeTime?.getTime()).filter((time): time is number => time !== undefined).sort((a, b) => b - a)[0];
    sentences.push(
      [
        l10n.t('{0} soft-deleted: {1}.', countText(softDeletedItems.length), namesOf(softDeletedItems.map((item) => item.name))),
        lastPurge === undefined
          ? l10n.t('Wait until they are purged, or purge them now: undelete, turn soft delete off for the vault, then stop backup with "Delete data".')
          : l10n.t('Wait until they are purged (the last on {0}), or purge them now: undelete, turn soft delete off for the vault, then stop backup with "Delete data".', new Date(lastPurge).toLocaleDateString(undefined, { dateStyle: 'medium' })),
      ].join(' '),
    );
  }
  return sentences;
}

function countText(count: number): string {
  return count === 1 ? l10n.t('1 VM is') : l10n.t('{0} VMs are', count);
}

function namesOf(names: readonly string[]): string {
  const shown = names.slice(0, namesShown).join(', ');
  return names.length > namesShown ? l10n.t('{0} and {1} more', shown, names.length - namesShown) : shown;
}
