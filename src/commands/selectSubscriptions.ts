import { ConfigurationTarget, l10n, workspace } from 'vscode';
import { effectiveSubscriptionFilter, filterEntryFor } from '../auth/subscriptionFilter';
import type { ExtensionServices } from './services';

export const ownFilterSetting = 'selectedSubscriptions';

/** Picks the subscriptions the tree shows; stored in azureVmBackup.selectedSubscriptions. */
export async function selectSubscriptions(services: ExtensionServices): Promise<void> {
  const subscriptions = await services.tree.allSubscriptions();
  if (subscriptions.length === 0) {
    await services.prompts.info(l10n.t('No subscriptions are available to the signed-in account.'));
    return;
  }
  const filter = currentSubscriptionFilter();
  const selected = new Set(filter.selected.map((entry) => (entry.split('/').at(-1) ?? entry).toLowerCase()));
  const picked = await services.prompts.pickMany(
    subscriptions.map((subscription) => ({
      label: subscription.name,
      description: subscription.subscriptionId,
      picked: selected.size === 0 || selected.has(subscription.subscriptionId.toLowerCase()),
      value: subscription,
    })),
    { title: l10n.t('Select Subscriptions'), placeholder: l10n.t('Subscriptions to show in Azure Backup') },
  );
  if (!picked) return;
  if (picked.length === 0) {
    await services.prompts.info(l10n.t('Select at least one subscription, or all of them to show every subscription.'));
    return;
  }
  const value = picked.length === subscriptions.length ? [] : picked.map(filterEntryFor);
  await workspace.getConfiguration('azureVmBackup').update(ownFilterSetting, value, ConfigurationTarget.Global);
}

/** Ours when set, else the Azure Resources extension's `azureResourceGroups.selectedSubscriptions`. */
export function currentSubscriptionFilter(): ReturnType<typeof effectiveSubscriptionFilter> {
  return effectiveSubscriptionFilter(
    workspace.getConfiguration('azureVmBackup').get<string[]>(ownFilterSetting),
    workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions'),
  );
}
