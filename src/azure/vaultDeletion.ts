import type { ArmCalls } from './armCalls';
import { failure } from './armCalls';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import type { ProtectedVm, Vault } from './model';

/** What still keeps a vault from being deleted, by VM name. */
export interface VaultBlockers {
  /** Items still protected, or stopped with their data kept. */
  protectedItems: string[];
  /** Items whose data is deleted but kept soft-deleted, with when it is purged for good. */
  softDeletedItems: { name: string; purgeTime?: Date }[];
}

/** The service refused to delete a vault that still holds backup items; says which. */
export class VaultNotEmptyError extends AzureError {
  constructor(
    refusal: AzureError,
    readonly blockers: VaultBlockers,
  ) {
    super(refusal.reason, refusal.code, blockersMessage(blockers, refusal.message), refusal.statusCode, { cause: refusal });
  }
}

/**
 * Deletes a vault: DELETE, then the vault's operationStatus until it ends. A refusal because
 * items remain names them (the service's message names containers, or no item at all for
 * soft-deleted ones). A vault that is already gone counts as deleted: a DELETE retried after a
 * reset connection answers 404.
 */
export async function deleteVault(calls: ArmCalls, reader: BackupReader, vault: Vault, signal?: AbortSignal): Promise<void> {
  const client = await calls.vaults(vault.subscriptionId, signal);
  const url = `${calls.endpoint(vault.subscriptionId)}${vault.id}?api-version=${client.apiVersion}`;
  try {
    const accepted = await calls.send(vault.subscriptionId, client, 'DELETE', url, signal);
    const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
    if (azureAsyncOperation) await calls.followStatus(vault.subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
    else if (location) await calls.followResult(vault.subscriptionId, client, location, retryAfterMs, signal);
  } catch (error) {
    const refusal = failure(error, signal);
    if (refusal.reason === 'notFound') return;
    if (refusal.reason === 'vaultNotEmpty' || refusal.reason === 'vaultHasSoftDeletedItems') throw await explained(reader, vault, refusal, signal);
    throw refusal;
  }
}

async function explained(reader: BackupReader, vault: Vault, refusal: AzureError, signal?: AbortSignal): Promise<AzureError> {
  let items: ProtectedVm[];
  try {
    items = await reader.listProtectedVms(vault, signal);
  } catch {
    return refusal;
  }
  const softDeleted = items.filter((item) => item.health === 'softDeleted');
  const blockers: VaultBlockers = {
    protectedItems: items.filter((item) => item.health !== 'softDeleted').map((item) => item.name),
    softDeletedItems: softDeleted.map((item) => ({ name: item.name, ...(item.purgeTime ? { purgeTime: item.purgeTime } : {}) })),
  };
  // Other workloads (SQL, file shares, servers) are not VMs: then only the service's words say what is left.
  if (blockers.protectedItems.length === 0 && blockers.softDeletedItems.length === 0) return refusal;
  return new VaultNotEmptyError(refusal, blockers);
}

/** One line that names what blocks the delete, then the service's own words. */
export function blockersMessage(blockers: VaultBlockers, serviceMessage: string): string {
  const parts: string[] = [];
  if (blockers.protectedItems.length > 0) {
    parts.push(`${blockers.protectedItems.length} backup item(s) still protected or with data kept: ${blockers.protectedItems.join(', ')} (stop backup and delete their data)`);
  }
  if (blockers.softDeletedItems.length > 0) {
    const names = blockers.softDeletedItems.map((item) => (item.purgeTime ? `${item.name} (purged ${item.purgeTime.toISOString().slice(0, 10)})` : item.name));
    parts.push(`${blockers.softDeletedItems.length} soft-deleted item(s): ${names.join(', ')} (wait for the purge, or undelete them and delete their data with soft delete off)`);
  }
  return `The vault still holds ${parts.join('; and ')}.\n${serviceMessage}`;
}
