import { l10n } from 'vscode';
import type { BackupPolicy } from '../azure/model';
import type { SubscriptionSource } from './pickSubscription';
import { pickVaultOfSubscription } from './protectedVmTarget';
import type { FlowServices } from './services';

/** Where the policy editor opens: a new policy of the vault, or its policy `policyName`; answers the first policy saved there. */
export interface PolicyForm {
  open(vault: { id: string; name: string }, policyName?: string, options?: { closeOnSave?: boolean }): Promise<BackupPolicy | undefined>;
}

/**
 * azureVmBackup.createPolicy: on a vault's "Backup policies" folder (or the vault), or from the
 * palette (which asks for a vault). Opens the policy editor and returns; the editor saves the
 * policy, refreshes the vault and reveals the policy.
 */
export async function createPolicy(services: FlowServices & { policyForm: PolicyForm }, subscriptions: SubscriptionSource, node?: unknown): Promise<void> {
  const vault = vaultOf(node) ?? (await pickVaultOfSubscription(services, subscriptions, l10n.t('Create Policy')));
  if (!vault) return;
  void services.policyForm.open(vault);
}

/** The vault of a vault node or of its "Backup policies" folder. */
function vaultOf(node: unknown): { id: string; name: string } | undefined {
  const vault = (node as { vault?: { id?: unknown; name?: unknown } } | undefined)?.vault;
  return typeof vault?.id === 'string' && typeof vault.name === 'string' ? { id: vault.id, name: vault.name } : undefined;
}
