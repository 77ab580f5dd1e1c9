import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { apiVersions } from '../apiVersions';
import { findSubscription } from '../state/lookup';
import type { SubscriptionRecord } from '../state/model';
import { regions } from './regions';

export function subscriptionRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.subscriptions;
  return [
    {
      method: 'GET',
      template: '/subscriptions',
      apiVersions: versions,
      handler: (request) => ok(pageOf(request, Object.values(context.state.subscriptions), context.options.pageSize, (s) => subscriptionJson(context, s))),
    },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}',
      apiVersions: versions,
      handler: (request) => ok(subscriptionJson(context, findSubscription(context, request.parameters.subscriptionId!))),
    },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/locations',
      apiVersions: versions,
      handler: (request) => {
        const subscription = findSubscription(context, request.parameters.subscriptionId!);
        return ok({ value: regions.filter((region) => subscription.locations.includes(region.name)).map((region) => locationJson(subscription, region)) });
      },
    },
    {
      method: 'GET',
      template: '/tenants',
      apiVersions: versions,
      handler: (request) => {
        const { tenantId, displayName, defaultDomain } = context.state.tenant;
        return ok(pageOf(request, [{ id: `/tenants/${tenantId}`, tenantId, tenantCategory: 'Home', displayName, defaultDomain, domains: [defaultDomain] }], context.options.pageSize));
      },
    },
  ];
}

function subscriptionJson(context: EmulatorContext, subscription: SubscriptionRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    subscriptionId: subscription.subscriptionId,
    tenantId: context.state.tenant.tenantId,
    displayName: subscription.displayName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
  };
}

function locationJson(subscription: SubscriptionRecord, region: (typeof regions)[number]): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscription.subscriptionId}/locations/${region.name}`,
    name: region.name,
    type: 'Region',
    displayName: region.displayName,
    regionalDisplayName: `(${region.geographyGroup}) ${region.displayName}`,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geographyGroup: region.geographyGroup,
      longitude: region.longitude,
      latitude: region.latitude,
      physicalLocation: region.displayName,
      pairedRegion: [{ name: region.pairedRegion, id: `/subscriptions/${subscription.subscriptionId}/locations/${region.pairedRegion}` }],
    },
    // Subscriptions_ListLocations (2022-12-01) maps each logical zone to a physical one, which
    // Azure names '<region>-az<n>'; a region without zones has no mappings.
    ...(region.zones.length > 0
      ? { availabilityZoneMappings: region.zones.map((zone) => ({ logicalZone: zone, physicalZone: `${region.name}-az${zone}` })) }
      : {}),
  };
}
