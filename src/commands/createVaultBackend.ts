import { toAzureError } from '../azure/azureError';
import { VaultCreation, VaultSettingsError } from '../azure/vaultCreation';
import type { BackupReader } from '../azure/backupReader';
import { errorText } from '../ui/azureErrorText';
import type { CreateVaultBackend } from '../webviews/host/createVaultPanel';
import type { SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

/**
 * The create-vault panel's backend over the signed-in connection: the subscriptions the tree
 * shows, VaultCreation for the data and the creation, and the tree to show the new vault.
 */
export function createVaultBackend(services: FlowServices, subscriptions: SubscriptionSource): CreateVaultBackend {
  let current: { reader: BackupReader; creation: VaultCreation } | undefined;
  // One VaultCreation per connection: rebuilt when the reader changes (sign-in, settings).
  const creation = (): VaultCreation => {
    const { reader } = services.azure();
    if (current?.reader !== reader) current = { reader, creation: new VaultCreation(reader) };
    return current.creation;
  };
  const showVault = async (subscriptionId: string, vaultId: string) => {
    services.view.refresh(subscriptionScope(subscriptionId));
    await services.view.reveal([subscriptionScope(subscriptionId), vaultId]);
  };
  return {
    subscriptions: async () => (await subscriptions()).map((subscription) => ({ subscriptionId: subscription.subscriptionId, name: subscription.name })),
    resourceGroups: (subscriptionId) => creation().listResourceGroups(subscriptionId),
    locations: (subscriptionId) => creation().listLocations(subscriptionId),
    checkName: (subscriptionId, name, where) => creation().checkName(subscriptionId, name, where),
    async create(request, report, signal) {
      try {
        return await creation().create(request, report, signal);
      } catch (error) {
        // The vault exists even though a setting after it failed: show it.
        if (error instanceof VaultSettingsError) await showVault(request.subscriptionId, error.vaultId);
        throw error;
      }
    },
    created: (vault) => showVault(vault.subscriptionId, vault.id),
    describe(error) {
      const azureError = toAzureError(error);
      return {
        message: errorText(azureError),
        cancelled: azureError.reason === 'cancelled',
        ...(error instanceof VaultSettingsError ? { vaultId: error.vaultId } : {}),
      };
    },
  };
}
