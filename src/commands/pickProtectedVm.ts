import { l10n } from 'vscode';
import type { ProtectedVm } from '../azure/model';
import { pickSubscription, type SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';

/**
 * From the palette: a subscription (when there are several), then one list of the VMs its vaults
 * back up, each described by its vault; `accept` leaves out items the command cannot act on.
 */
export async function pickProtectedVm(services: FlowServices, subscriptions: SubscriptionSource, title: string, accept: (item: ProtectedVm) => boolean): Promise<ProtectedVm | undefined> {
  const subscription = await pickSubscription(services, await subscriptions(), title);
  if (!subscription) return undefined;
  const { cache } = services.azure();
  const vaults = await cache.vaults(subscription.subscriptionId);
  const perVault = await Promise.all(vaults.map(async (vault) => ({ vault, items: (await cache.protectedVms(vault)).filter(accept) })));
  const items = perVault.flatMap(({ vault, items }) =>
    items.map((item) => ({ label: item.name, description: [vault.name, item.policyName].filter(Boolean).join(' · '), value: item })),
  );
  if (items.length === 0) {
    await services.prompts.info(l10n.t('No virtual machine in {0} is backed up and ready for this.', subscription.name));
    return undefined;
  }
  return services.prompts.pickOne(items, { title, placeholder: l10n.t('Select a backed-up virtual machine') });
}
