import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { ArmError, badRequest, conflict } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, findSubscription, keyOf, resourceGroupId } from '../state/lookup';
import { resourceGroupsOf } from '../state/indexes';
import type { ResourceGroupRecord } from '../state/model';
import { findOperation, operationStatus, operationUrl } from '../operations';
import { normalizeRegion } from './regions';
import { groupDeletion, requireGroupForWrite, startGroupDeletion } from './resourceGroupDeletion';

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
        return ok(pageOf(request, resourceGroupsOf(context, subscriptionId), context.options.pageSize, (group) => resourceGroupJson(context, group, request.now)));
      },
    },
    {
      method: 'GET',
      template,
      apiVersions: versions,
      handler: (request) => ok(resourceGroupJson(context, findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!), request.now)),
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
        if (existing) requireGroupForWrite(context, existing.subscriptionId, existing.name, request.now);
        if (existing && existing.location !== location) {
          // ARM answers this one with 409 Conflict.
          throw conflict('InvalidResourceGroupLocation', `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`);
        }
        const group: ResourceGroupRecord = { subscriptionId: subscription.subscriptionId, name: existing?.name ?? name, location, ...(body.tags ? { tags: body.tags } : {}) };
        context.state.resourceGroups[key] = group;
        context.changed();
        return { status: existing ? 200 : 201, body: resourceGroupJson(context, group, request.now) };
      },
    },
    {
      // ResourceGroups_Delete: 202 with a Location ARM answers 202 on until the group is gone.
      method: 'DELETE',
      template,
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const operation = startGroupDeletion(context, group, request.now);
        return { status: 202, headers: groupOperationHeaders(context, request.origin, group.subscriptionId, operation.id, request.apiVersion) };
      },
    },
    {
      // ARM's own operation results: 202 while it runs, 200 when done, the failure's error when it failed.
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/operationresults/{operationId}',
      apiVersions: versions,
      handler: (request) => {
        const subscription = findSubscription(context, request.parameters.subscriptionId!);
        const operation = findOperation(context, request.parameters.operationId!, ['resourceGroupDelete']);
        const status = operationStatus(operation, request.now);
        if (status === 'InProgress') return { status: 202, headers: groupOperationHeaders(context, request.origin, subscription.subscriptionId, operation.id, request.apiVersion) };
        if (status === 'Failed' && operation.error) {
          const { code, message, details } = operation.error;
          throw new ArmError(409, code, message, {}, details);
        }
        return { status: 200 };
      },
    },
  ];
}

function groupOperationHeaders(context: EmulatorContext, origin: string, subscriptionId: string, operationId: string, apiVersion: string): Record<string, string> {
  return { Location: operationUrl(origin, `/subscriptions/${subscriptionId}/operationresults/${operationId}`, apiVersion), ...context.retryAfterHeader() };
}

function resourceGroupJson(context: EmulatorContext, group: ResourceGroupRecord, now: number): Record<string, unknown> {
  return {
    id: resourceGroupId(group.subscriptionId, group.name),
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    ...(group.tags ? { tags: group.tags } : {}),
    properties: { provisioningState: groupDeletion(context, group.subscriptionId, group.name, now) ? 'Deleting' : 'Succeeded' },
  };
}
