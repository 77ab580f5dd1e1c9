// What the host sent every create form first, as the form keeps it: the subscriptions, and per
// subscription its resource groups and regions (or why Azure did not list them).
import type { LocationChoice, ResourceGroupChoice, SubscriptionChoice, SubscriptionListMessage, SubscriptionListRequest } from '../../shared/subscriptionLists';

export interface ListState<T> {
  items: T[];
  error?: string;
}

export interface SubscriptionData {
  subscriptions?: SubscriptionChoice[];
  groups: Map<string, ListState<ResourceGroupChoice>>;
  locations: Map<string, ListState<LocationChoice>>;
}

/** Asks for the subscription's resource groups and regions, unless they came already. */
export function loadSubscriptionLists(data: SubscriptionData, subscriptionId: string, post: (message: SubscriptionListRequest) => void): void {
  if (!data.groups.has(subscriptionId)) post({ type: 'listResourceGroups', subscriptionId });
  if (!data.locations.has(subscriptionId)) post({ type: 'listLocations', subscriptionId });
}

/** Files the host's resourceGroups or locations answer under its subscription. */
export function receiveSubscriptionList(data: SubscriptionData, message: SubscriptionListMessage): void {
  const error = message.error ? { error: message.error } : {};
  if (message.type === 'resourceGroups') data.groups.set(message.subscriptionId, { items: message.resourceGroups, ...error });
  else data.locations.set(message.subscriptionId, { items: message.locations, ...error });
}
