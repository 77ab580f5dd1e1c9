import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { badRequest, conflict } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, findSubscription, keyOf, resourceGroupId } from '../state/lookup';
import { resourceGroupsOf } from '../state/indexes';
import type { ResourceGroupRecord } from '../state/model';
import { normalizeRegion } from './regions';

const resourceGroupName = /^[-\w.()\p{L}\p{N}]{1,90}$/u;

export function resourceGroupRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.resourceGroups;
  const template = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourcegroups',
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        return ok(pageOf(request, resourceGroupsOf(context, subscriptionId), context.options.pageSize, resourceGroupJson));
      },
    },
    {
      method: 'GET',
      template,
      apiVersions: versions,
      handler: (request) => ok(resourceGroupJson(findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!))),
    },
    {
      method: 'PUT',
      template,
      apiVersions: versions,
      handler: (request) => {
        const subscription = findSubscription(context, request.parameters.subscriptionId!);
        const name = request.parameters.resourceGroupName!;
        if (!resourceGroupName.test(name) || name.endsWith('.')) {
          throw badRequest(
            'InvalidResourceGroupName',
            `Resource group name '${name}' is invalid. It can be 1-90 characters of letters, digits, underscores, hyphens, periods and parentheses, and cannot end in a period.`,
          );
        }
        const body = (request.body ?? {}) as { location?: unknown; tags?: Record<string, string> };
        const location = typeof body.location === 'string' ? normalizeRegion(body.location) : undefined;
        if (!location) {
          throw badRequest('LocationRequired', "The location property is required for this definition and must be an Azure region, for example 'westeurope'.");
        }
        const key = keyOf(resourceGroupId(subscription.subscriptionId, name));
        const existing = context.state.resourceGroups[key];
        if (existing && existing.location !== location) {
          // ARM answers this one with 409 Conflict.
          throw conflict('InvalidResourceGroupLocation', `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`);
        }
        const group: ResourceGroupRecord = { subscriptionId: subscription.subscriptionId, name: existing?.name ?? name, location, ...(body.tags ? { tags: body.tags } : {}) };
        context.state.resourceGroups[key] = group;
        context.changed();
        return { status: existing ? 200 : 201, body: resourceGroupJson(group) };
      },
    },
  ];
}

function resourceGroupJson(group: ResourceGroupRecord): Record<string, unknown> {
  return {
    id: resourceGroupId(group.subscriptionId, group.name),
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    ...(group.tags ? { tags: group.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}
