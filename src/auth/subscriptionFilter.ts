import type { Subscription } from '../azure/model';

/**
 * Which subscriptions to show. Entries are `tenantId/subscriptionId` (the Azure Resources
 * extension's `azureResourceGroups.selectedSubscriptions` format) or a bare subscription id.
 * An empty filter shows every subscription.
 */
export function applySubscriptionFilter(subscriptions: readonly Subscription[], selected: readonly string[]): Subscription[] {
  if (selected.length === 0) return [...subscriptions];
  const wanted = new Set(selected.map((entry) => (entry.split('/').at(-1) ?? entry).toLowerCase()));
  return subscriptions.filter((subscription) => wanted.has(subscription.subscriptionId.toLowerCase()));
}

/** The filter to use: our own when the user picked one, else the Azure Resources extension's. */
export function effectiveSubscriptionFilter(own: readonly string[] | undefined, azureResources: readonly string[] | undefined): { source: 'own' | 'azureResources' | 'none'; selected: string[] } {
  if (own && own.length > 0) return { source: 'own', selected: [...own] };
  if (azureResources && azureResources.length > 0) return { source: 'azureResources', selected: [...azureResources] };
  return { source: 'none', selected: [] };
}

export function filterEntryFor(subscription: Subscription): string {
  return `${subscription.tenantId}/${subscription.subscriptionId}`;
}
