// What every create form lists first: the user's subscriptions, and per subscription its resource
// groups and regions, with the guards of the messages that carry them. Each protocol hands in its
// own length limits. Pure TypeScript, shared by the host panels and the browser apps.
import { isArrayOf, isLiteral, isOptional, isShape, type Guard } from './messageGuards';

export interface SubscriptionChoice {
  subscriptionId: string;
  name: string;
}
export interface ResourceGroupChoice {
  name: string;
  location: string;
}
export interface LocationChoice {
  name: string;
  displayName: string;
}

/** The host's answers to listResourceGroups and listLocations; `error` when Azure refused the list. */
export type SubscriptionListMessage =
  | { type: 'resourceGroups'; subscriptionId: string; resourceGroups: ResourceGroupChoice[]; error?: string }
  | { type: 'locations'; subscriptionId: string; locations: LocationChoice[]; error?: string };

/** What the forms ask for those lists with, per subscription. */
export type SubscriptionListRequest = { type: 'listResourceGroups'; subscriptionId: string } | { type: 'listLocations'; subscriptionId: string };

/** A protocol's own limits on the length of ids, names and messages. */
export interface TextLimits {
  id: Guard<string>;
  name: Guard<string>;
  message: Guard<string>;
}

/** The guard of a subscription choice, within the protocol's limits. */
export function subscriptionChoiceGuard({ id, name }: TextLimits): Guard<SubscriptionChoice> {
  return isShape<SubscriptionChoice>({ subscriptionId: id, name });
}

/** The guards of the two list messages, by type, for a protocol's isMessageOf. */
export function subscriptionListGuards({ id, name, message }: TextLimits): { [K in SubscriptionListMessage['type']]: Guard<Extract<SubscriptionListMessage, { type: K }>> } {
  const isResourceGroupChoice = isShape<ResourceGroupChoice>({ name, location: name });
  const isLocationChoice = isShape<LocationChoice>({ name, displayName: name });
  return {
    resourceGroups: isShape({ type: isLiteral('resourceGroups'), subscriptionId: id, resourceGroups: isArrayOf(isResourceGroupChoice), error: isOptional(message) }),
    locations: isShape({ type: isLiteral('locations'), subscriptionId: id, locations: isArrayOf(isLocationChoice), error: isOptional(message) }),
  };
}
