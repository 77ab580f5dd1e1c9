import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import { AzureError, toAzureError } from '../azure/azureError';
import type { BackupReader } from '../azure/backupReader';
import { RecoveryPoints } from '../azure/recoveryPoints';
import { RestoreOperations } from '../azure/restoreOperations';
import { RestoreTargets } from '../azure/restoreTargets';
import { StagingAccounts } from '../azure/stagingAccounts';
import { VmCatalog } from '../azure/vmCatalog';
import { errorText } from '../ui/azureErrorText';
import { sourceOf, type RestoreBackend } from '../webviews/host/restorePanel';
import { followRestore, type RestoreEndActions } from './restoreJobEnd';
import type { FlowServices } from './services';

/** The clients a restore uses, one set per connection. */
export interface RestoreClients {
  points: RecoveryPoints;
  targets: RestoreTargets;
  operations: RestoreOperations;
  accounts: StagingAccounts;
  catalog: VmCatalog;
}

export interface RestoreBackendHost extends RestoreEndActions {
  /** The clients over a reader; by default Azure's pace (tests pass faster polling). */
  clients?: (reader: BackupReader) => RestoreClients;
}

export function restoreClients(reader: BackupReader): RestoreClients {
  return { points: new RecoveryPoints(reader), targets: new RestoreTargets(reader), operations: new RestoreOperations(reader), accounts: new StagingAccounts(reader), catalog: new VmCatalog(reader) };
}

/**
 * The Restore panel's backend over the signed-in connection: the point, its VM and vault read
 * afresh (the tree's cache for the vault and item, a GET for the point), the targets through
 * RestoreTargets, names through VmCatalog, a staging account through StagingAccounts, Azure's
 * validation and the restore through RestoreOperations, then the job followed to its end.
 */
export function restoreBackend(services: FlowServices, host: RestoreBackendHost): RestoreBackend {
  let current: { reader: BackupReader; clients: RestoreClients } | undefined;
  const azure = () => {
    const { reader } = services.azure();
    if (current?.reader !== reader) current = { reader, clients: (host.clients ?? restoreClients)(reader) };
    return current.clients;
  };
  return {
    async load(identity) {
      if (!identity.vaultId || !identity.itemId || !identity.pointId) throw new AzureError('notFound', 'RestoreFormLost', l10n.t('This form no longer knows which recovery point it restores.'));
      const { cache } = services.azure();
      const vault = (await cache.vaults(parseArmId(identity.vaultId).subscriptionId)).find((candidate) => sameArmId(candidate.id, identity.vaultId));
      if (!vault) throw new AzureError('notFound', 'VaultNotFound', l10n.t('Vault {0} is no longer listed.', parseArmId(identity.vaultId).name));
      const item = (await cache.protectedVms(vault)).find((candidate) => sameArmId(candidate.id, identity.itemId));
      if (!item) throw new AzureError('notFound', 'ProtectedItemNotFound', l10n.t('Vault {0} no longer backs up this virtual machine.', vault.name));
      const pointName = decodeURIComponent(identity.pointId.split('/').filter(Boolean).at(-1) ?? '');
      const point = await azure().points.get(item, pointName);
      return { vault, item, point };
    },
    rulesContext: (target, targetResourceGroup) =>
      azure().targets.rulesContext(sourceOf(target), { ...(target.vault.redundancy ? { vaultRedundancy: target.vault.redundancy } : {}), ...(targetResourceGroup ? { targetResourceGroup } : {}) }),
    vmNames: (subscriptionId, resourceGroup) => azure().catalog.takenVmNames(subscriptionId, resourceGroup),
    createStagingAccount: (target, name, resourceGroup, signal) => azure().accounts.create(target.vault.subscriptionId, { resourceGroup, name, location: target.vault.location }, signal),
    validate: (request, signal) => azure().operations.validate(request, signal),
    restore: (target, request, signal) => azure().operations.restore(target.item, request, signal),
    started: (target, request, started) => followRestore(services, target, request, started, host),
    describe(error) {
      const azureError = toAzureError(error);
      const fromAzure = azureError.statusCode !== undefined || azureError.reason !== 'unknown';
      return { message: fromAzure ? errorText(azureError) : String((error as Error)?.message ?? error), cancelled: azureError.reason === 'cancelled' };
    },
  };
}
