import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { ok } from '../../http/armHttp';
import { pageOf } from '../../http/paging';
import { findResourceGroup, findSubscription } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { apiVersions } from '../../apiVersions';
import { requireGroupForWrite } from '../resourceGroupDeletion';
import { networkResourceId, type NetworkType } from './networkIds';
import { deleteNetworkResource, findNetworkResource, networkRecordAt, networkResourcesOf } from './networkRecords';

/** What one Microsoft.Network type brings to the routes every such type answers the same way. */
export interface NetworkResourceKind {
  type: NetworkType;
  /** The path parameter that names one resource, e.g. networkInterfaceName. */
  nameParameter: string;
  toJson(context: EmulatorContext, record: ResourceRecord, now: number): unknown;
  put(context: EmulatorContext, request: ArmRequest): ArmResponse;
  /** Throws Azure's refusal to delete a resource still in use; returns when it may go. */
  refuseDelete(context: EmulatorContext, record: ResourceRecord): void;
}

/** The path of one resource of the type in a resource group, e.g. …/networkInterfaces/{networkInterfaceName}. */
export function networkResourceTemplate(type: NetworkType, nameParameter: string): string {
  return `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/${type}/{${nameParameter}}`;
}

/**
 * The five routes of a Microsoft.Network type: list in the subscription and in a group (paged),
 * get, put, and delete (204 when there is nothing to delete, Azure's refusal when it is in use).
 */
export function networkResourceRoutes(context: EmulatorContext, kind: NetworkResourceKind): RouteDefinition[] {
  const versions = apiVersions.network;
  const { type, nameParameter } = kind;
  const resource = networkResourceTemplate(type, nameParameter);
  const toJson = (request: ArmRequest) => (record: ResourceRecord) => kind.toJson(context, record, request.now);
  return [
    {
      method: 'GET',
      template: `/subscriptions/{subscriptionId}/providers/Microsoft.Network/${type}`,
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        return ok(pageOf(request, networkResourcesOf(context, type, subscriptionId), context.options.pageSize, toJson(request)));
      },
    },
    {
      method: 'GET',
      template: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/${type}`,
      apiVersions: versions,
      handler: (request) => {
        const found = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        return ok(pageOf(request, networkResourcesOf(context, type, found.subscriptionId, found.name), context.options.pageSize, toJson(request)));
      },
    },
    {
      method: 'GET',
      template: resource,
      apiVersions: versions,
      handler: (request) => ok(kind.toJson(context, findNetworkResource(context, request, type, request.parameters[nameParameter]!), request.now)),
    },
    { method: 'PUT', template: resource, apiVersions: versions, handler: (request) => kind.put(context, request) },
    {
      method: 'DELETE',
      template: resource,
      apiVersions: versions,
      handler: (request) => {
        const found = requireGroupForWrite(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.now);
        const record = networkRecordAt(context, networkResourceId(found.subscriptionId, found.name, type, request.parameters[nameParameter]!));
        if (!record) return { status: 204 };
        kind.refuseDelete(context, record);
        return deleteNetworkResource(context, request, record);
      },
    },
  ];
}
