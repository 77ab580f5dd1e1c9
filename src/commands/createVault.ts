import type { Vault } from '../azure/model';
import type { CreateVaultPreset } from '../webviews/shared/createVaultProtocol';

/** Where the create-vault form opens: answers the created vault, or undefined when closed without one. */
export interface VaultForm {
  open(preset: CreateVaultPreset): Promise<Vault | undefined>;
}

/**
 * azureVmBackup.createVault: from the view's title and the palette (no node), a subscription's
 * context menu or its "no vault yet" item (the subscription preset). Opens the form and returns;
 * the form creates the vault, refreshes the tree and reveals it.
 */
export function createVault(form: VaultForm, node?: unknown): void {
  void form.open(presetOf(node));
}

function presetOf(node: unknown): CreateVaultPreset {
  const subscription = (node as { subscription?: { subscriptionId?: unknown } } | undefined)?.subscription;
  return typeof subscription?.subscriptionId === 'string' ? { subscriptionId: subscription.subscriptionId } : {};
}
