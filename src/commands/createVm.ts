import type { CreateVmPreset } from '../webviews/shared/createVmProtocol';

/** Where the Create VM form opens: answers the created VM's id, or undefined when closed without one. */
export interface VmForm {
  open(preset: CreateVmPreset): Promise<string | undefined>;
}

/**
 * azureVmBackup.createVm: from the view's title and the palette (no node, nothing preset), a
 * subscription's context menu (its subscription preset), or a vault's (its subscription, its
 * region and the vault itself preset: the VM is backed up there). Opens the form and returns;
 * the form deploys the VM, refreshes the tree and reveals it.
 */
export function createVm(form: VmForm, node?: unknown): void {
  void form.open(presetOf(node));
}

export function presetOf(node: unknown): CreateVmPreset {
  const vault = (node as { vault?: { id?: unknown; subscriptionId?: unknown; location?: unknown } } | undefined)?.vault;
  if (typeof vault?.id === 'string' && typeof vault.subscriptionId === 'string' && typeof vault.location === 'string') {
    return { subscriptionId: vault.subscriptionId, location: vault.location, vaultId: vault.id };
  }
  const subscription = (node as { subscription?: { subscriptionId?: unknown } } | undefined)?.subscription;
  return typeof subscription?.subscriptionId === 'string' ? { subscriptionId: subscription.subscriptionId } : {};
}
