import { parseArmId } from '../azure/armId';
import { AzureError } from '../azure/azureError';
import type { BackupReader } from '../azure/backupReader';
import type { BackupJob } from '../azure/model';

/** One jobs-list request for a vault: every job that started at or after `since`, any status. */
export type ListJobs = (vaultId: string, since: Date, signal: AbortSignal) => Promise<BackupJob[]>;

/**
 * The list function over the tree's reader (whichever connection is current). The reader's job
 * listing needs only the vault's identity, which its ARM id holds.
 */
export function listJobsWith(readerOf: () => BackupReader | undefined): ListJobs {
  return (vaultId, since, signal) => {
    const reader = readerOf();
    if (!reader) return Promise.reject(new AzureError('notSignedIn', 'NotConnected', 'Not connected to Azure.'));
    const { subscriptionId, resourceGroup, name } = parseArmId(vaultId);
    const vault = { id: vaultId, name, subscriptionId, resourceGroup: resourceGroup ?? '', location: '', crossRegionRestore: false, tags: {} };
    return reader.listJobs(vault, { since }, signal);
  };
}
