import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { resourceNotFound } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, findSubscription, keyOf, resourceGroupId } from '../state/lookup';
import type { ResourceRecord } from '../state/model';
import { restorePointCollectionJson, restorePointCollectionType } from './restorePointCollections';

/**
 * The restore point collections backups made, read through Compute as any client sees them:
 * RestorePointCollections_Get, _List (resource group) and _ListAll (subscription). Only Azure
 * Backup makes them here; creating or deleting one through the API is not offered.
 */
export function restorePointCollectionRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.compute;
  const groupPath = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/restorePointCollections';
  const inScope = (subscriptionId: string, resourceGroup?: string) => (record: ResourceRecord) =>
    record.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && (resourceGroup === undefined || record.resourceGroup.toLowerCase() === resourceGroup.toLowerCase());
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/restorePointCollections',
      apiVersions: versions,
      handler: (request) => {
        const subscription = findSubscription(context, request.parameters.subscriptionId!);
        const collections = Object.values(context.state.restorePointCollections).filter(inScope(subscription.subscriptionId));
        return ok(pageOf(request, collections, context.options.pageSize, restorePointCollectionJson));
      },
    },
    {
      method: 'GET',
      template: groupPath,
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const collections = Object.values(context.state.restorePointCollections).filter(inScope(group.subscriptionId, group.name));
        return ok(pageOf(request, collections, context.options.pageSize, restorePointCollectionJson));
      },
    },
    {
      method: 'GET',
      template: `${groupPath}/{restorePointCollectionName}`,
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const name = request.parameters.restorePointCollectionName!;
        const id = `${resourceGroupId(group.subscriptionId, group.name)}/providers/${restorePointCollectionType}/${name}`;
        const record = context.state.restorePointCollections[keyOf(id)];
        if (!record) throw resourceNotFound(restorePointCollectionType, name, group.name);
        return ok(restorePointCollectionJson(record));
      },
    },
  ];
}
