import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import { protectionStage, type ProtectedVm, type ProtectionStage, type Vault } from '../azure/model';
import { pickProtectedVm } from './pickProtectedVm';
import { pickSubscription, type SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';

/** A protected VM together with the vault that holds it: what item commands act on. */
export interface ProtectedVmTarget {
  vault: Vault;
  item: ProtectedVm;
}

/** The target of a protected VM tree node (its parent is the vault node); undefined for any other argument. */
export function protectedVmTargetOf(node: unknown): ProtectedVmTarget | undefined {
  const candidate = node as { item?: Partial<ProtectedVm>; parent?: { vault?: Vault } } | undefined;
  const item = candidate?.item;
  const vault = candidate?.parent?.vault;
  return item && typeof item.id === 'string' && typeof item.vaultId === 'string' && vault && sameArmId(vault.id, item.vaultId) ? { vault, item: item as ProtectedVm } : undefined;
}

/** From the palette: a protected VM in `stage`, with its vault. */
export async function pickProtectedVmTarget(services: FlowServices, subscriptions: SubscriptionSource, title: string, stage: ProtectionStage): Promise<ProtectedVmTarget | undefined> {
  const item = await pickProtectedVm(services, subscriptions, title, (candidate) => protectionStage(candidate) === stage);
  if (!item) return undefined;
  const vaults = await services.azure().cache.vaults(parseArmId(item.vaultId).subscriptionId);
  const vault = vaults.find((candidate) => sameArmId(candidate.id, item.vaultId));
  if (!vault) throw new Error(l10n.t('The vault of {0} is no longer listed. Refresh the view.', item.name));
  return { vault, item };
}

/** From the palette: a subscription (when there are several), then one of its vaults. */
export async function pickVaultOfSubscription(services: FlowServices, subscriptions: SubscriptionSource, title: string): Promise<Vault | undefined> {
  const subscription = await pickSubscription(services, await subscriptions(), title);
  if (!subscription) return undefined;
  const vaults = await services.azure().cache.vaults(subscription.subscriptionId);
  if (vaults.length === 0) {
    await services.prompts.info(l10n.t('Subscription {0} has no Recovery Services vault.', subscription.name));
    return undefined;
  }
  return services.prompts.pickOne(
    vaults.map((vault) => ({ label: vault.name, description: [vault.location, vault.resourceGroup].join(' · '), value: vault })),
    { title, placeholder: l10n.t('Select a Recovery Services vault') },
  );
}
