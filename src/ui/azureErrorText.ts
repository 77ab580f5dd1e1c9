import { l10n } from 'vscode';
import type { AzureError, AzureErrorReason } from '../azure/azureError';

/** What to tell the user for each reason: what happened and what to do (AZURE-BACKUP-FACTS.md). */
export function describeReason(reason: AzureErrorReason): string {
  switch (reason) {
    case 'cancelled':
      return l10n.t('The request was cancelled.');
    case 'notSignedIn':
      return l10n.t('You are not signed in to Azure, or the sign-in expired. Sign in again.');
    case 'forbidden':
      return l10n.t('Your account lacks permission for this. Ask for the Backup Reader role (or Backup Contributor to make changes).');
    case 'notFound':
      return l10n.t('It no longer exists in Azure. Refresh the view.');
    case 'throttled':
      return l10n.t('Azure is throttling requests for this subscription. Wait a minute, then retry.');
    case 'serviceUnavailable':
      return l10n.t('The Azure service is unavailable right now. Retry in a moment.');
    case 'network':
      return l10n.t('Azure could not be reached. Check your network connection or proxy, then retry.');
    case 'untrustedCertificate':
      return l10n.t('The server\'s TLS certificate is not trusted. For the emulator, set azureVmBackup.emulator.caFile to its CA file.');
    case 'guestAgentUnavailable':
      return l10n.t('The VM agent is not ready. Check that the VM is running and its agent reports Ready, then retry.');
    case 'vmNotReady':
      return l10n.t('The VM is in a failed or transitional state. Fix it or wait until it settles, then retry.');
    case 'backupInProgress':
      return l10n.t('A backup of this VM is already running. Follow that job instead of starting another.');
    case 'itemBusy':
      return l10n.t('Another operation is running on this backup item. Retry when it finishes.');
    case 'sourceVmDeleted':
      return l10n.t('The VM was deleted. Stop its backup, keeping or deleting the backup data.');
    case 'protectionStopped':
      return l10n.t('Backup is stopped for this VM. Resume backup first.');
    case 'restorePointLimit':
      return l10n.t('Too many restore points, or a lock on the restore point collection\'s resource group. Remove the lock or wait for old points to expire.');
    case 'deniedByPolicy':
      return l10n.t('An Azure Policy assignment denied the request (often required tags on the restore point resource group).');
    case 'invalidPolicy':
      return l10n.t('Azure rejected the backup policy as invalid. Check its schedule and retention ranges.');
    case 'policyInUse':
      return l10n.t('The policy still protects items. Move them to another policy first.');
    case 'softDeleteAlwaysOn':
      return l10n.t('Soft delete is always on for this vault and cannot be turned off.');
    case 'vaultNotEmpty':
      return l10n.t('The vault still holds protected items. Stop their backup and delete their data first.');
    case 'vaultHasSoftDeletedItems':
      return l10n.t('The vault still holds soft-deleted items. They must be purged (or undeleted and deleted with soft delete off) first.');
    case 'alreadyProtected':
      return l10n.t('The VM is already backed up by a vault.');
    case 'dailyBackupLimit':
      return l10n.t('The limit of on-demand operations for the last 24 hours is reached. Try again tomorrow.');
    case 'immutableVault':
      return l10n.t('The vault is immutable: destructive operations are not allowed.');
    case 'itemSoftDeleted':
      return l10n.t('The backup item is soft-deleted. Undelete it first.');
    case 'jobNotCancellable':
      return l10n.t('The job can no longer be cancelled: a backup can be cancelled only while it takes the snapshot.');
    case 'invalidInput':
      return l10n.t('Azure rejected the request as invalid.');
    case 'unknown':
      return l10n.t('Azure answered with an error.');
  }
}

/** One line for a tree item or a message: our text, then the service's own words. */
export function errorText(error: AzureError): string {
  const ours = describeReason(error.reason);
  return error.message && error.reason !== 'cancelled' ? `${ours} (${error.code}: ${firstLine(error.message)})` : ours;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? text;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
