import { l10n } from 'vscode';
import type { StopMode, VaultSecurity } from '../azure/backupOperations';
import type { PickItem } from '../ui/userPrompts';
import { followProtectionJob } from './followProtectionJob';
import type { SubscriptionSource } from './pickSubscription';
import { pickProtectedVmTarget, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';

/**
 * Stops the backup of a VM, keeping its recovery points or deleting them. As in the portal,
 * deleting needs the VM's name typed and says how long the data stays soft-deleted; an immutable
 * vault offers "retain as per policy" and never delete.
 */
export async function stopBackup(services: FlowServices, subscriptions: SubscriptionSource, target?: ProtectedVmTarget): Promise<void> {
  target ??= await pickProtectedVmTarget(services, subscriptions, l10n.t('Stop Backup'), 'protecting');
  if (!target) return;
  const { vault, item } = target;
  const { operations } = services.azure();
  const security = await operations.vaultSecurity(vault);
  const immutable = security.immutability !== 'Disabled';

  const choices: PickItem<StopMode>[] = [];
  if (immutable) {
    choices.push({ label: l10n.t('Retain as per policy'), detail: l10n.t('Backups stop; recovery points expire when the policy\'s retention says.'), value: 'retainAsPerPolicy' });
  }
  choices.push({ label: l10n.t('Retain data'), detail: l10n.t('Backups stop; all recovery points are kept until you delete them. Resume backup at any time.'), value: 'retainData' });
  if (!immutable) choices.push({ label: l10n.t('Delete data'), detail: deletionText(item.name, security), value: 'deleteData' });
  const mode = await services.prompts.pickOne(choices, {
    title: l10n.t('Stop Backup of {0}', item.name),
    placeholder: immutable ? immutabilityNote(vault.name, security) : l10n.t('Keep or delete the backup data of {0}?', item.name),
  });
  if (!mode) return;

  if (mode === 'deleteData') {
    const typed = await services.prompts.input({
      title: l10n.t('Delete Backup Data of {0}', item.name),
      prompt: l10n.t('{0} Type the VM\'s name, {1}, to confirm.', deletionText(item.name, security), item.name),
      placeholder: item.name,
      // Exact and case-sensitive, as the portal asks.
      validate: (value) => (value === item.name ? undefined : l10n.t('Type the VM\'s name "{0}" exactly to delete its backup data.', item.name)),
    });
    if (typed !== item.name) return;
  } else {
    const answer = await services.prompts.confirm(
      l10n.t('Stop the backup of {0}?', item.name),
      mode === 'retainAsPerPolicy'
        ? l10n.t('No new backups are taken. Existing recovery points expire as the policy\'s retention says. Resume backup at any time.')
        : l10n.t('No new backups are taken. Existing recovery points are kept, and billed, until you delete them. Resume backup at any time.'),
      l10n.t('Stop Backup'),
    );
    if (!answer) return;
  }

  const label = mode === 'deleteData' ? l10n.t('Delete backup data of {0}', item.name) : l10n.t('Stop backup of {0}', item.name);
  const started = await services.prompts.progress(l10n.t('Stopping the backup of {0}…', item.name), (_report, signal) => operations.stopProtection(item, mode, signal));
  services.log.info(`Stopped protection of ${item.id} (${mode})${started.jobId ? `, job ${started.jobId}` : ''}`);
  await followProtectionJob(services, vault, started, label, { notify: true });
}

/** What deleting does to the data, from the vault's soft delete settings. */
function deletionText(name: string, security: VaultSecurity): string {
  return security.softDeleteState === 'Disabled'
    ? l10n.t('Soft delete is off for this vault: all recovery points of {0} are deleted permanently.', name)
    : l10n.t('All recovery points of {0} are kept soft-deleted for {1} days, then purged. Undelete brings them back until then.', name, security.softDeleteRetentionDays);
}

function immutabilityNote(vaultName: string, security: VaultSecurity): string {
  return security.immutability === 'Locked'
    ? l10n.t('Vault {0} is immutable and locked: backup data cannot be deleted.', vaultName)
    : l10n.t('Vault {0} is immutable: to delete backup data, disable immutability on the vault first.', vaultName);
}
