import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { resourceNotFound } from '../../http/armError';
import { findResourceGroup, keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { operationUrl, startOperation } from '../../operations';
import { normalizeRegion } from '../regions';
import { requireGroupForWrite } from '../resourceGroupDeletion';
import { locationRequired, resourceInOtherLocation } from './networkErrors';
import { requireValidName } from './networkNames';
import { networkResourceId, networkTypeNames, type NetworkType } from './networkIds';

type Json = Record<string, unknown>;

/** How long Azure takes to finish a write, in its own time (scaled by the context). */
export const networkPutAzureMs: Record<NetworkType, number> = {
  virtualNetworks: 6_000,
  networkInterfaces: 2_000,
  publicIPAddresses: 3_000,
  networkSecurityGroups: 3_000,
};
const networkDeleteAzureMs = 10_000;

export function networkRecordAt(context: EmulatorContext, id: string): ResourceRecord | undefined {
  return context.state.networkResources[keyOf(id)];
}

/** The record, or ARM's ResourceNotFound in its own words. */
export function findNetworkResource(context: EmulatorContext, request: ArmRequest, type: NetworkType, name: string): ResourceRecord {
  const { subscriptionId, resourceGroupName } = request.parameters as { subscriptionId: string; resourceGroupName: string };
  findResourceGroup(context, subscriptionId, resourceGroupName);
  const record = networkRecordAt(context, networkResourceId(subscriptionId, resourceGroupName, type, name));
  if (!record) throw resourceNotFound(networkTypeNames[type], name, resourceGroupName);
  return record;
}

/** The resources of one type in a subscription, or in one of its groups, in the state's order. */
export function networkResourcesOf(context: EmulatorContext, type: NetworkType, subscriptionId: string, resourceGroup?: string): ResourceRecord[] {
  const typeName = networkTypeNames[type].toLowerCase();
  return Object.values(context.state.networkResources).filter(
    (record) =>
      record.resource.type.toLowerCase() === typeName &&
      record.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() &&
      (resourceGroup === undefined || record.resourceGroup.toLowerCase() === resourceGroup.toLowerCase()),
  );
}

/** Every network resource of a type, across subscriptions (DNS labels are unique per region, not per subscription). */
export function allNetworkResourcesOf(context: EmulatorContext, type: NetworkType): ResourceRecord[] {
  const typeName = networkTypeNames[type].toLowerCase();
  return Object.values(context.state.networkResources).filter((record) => record.resource.type.toLowerCase() === typeName);
}

export function networkProvisioningState(record: ResourceRecord, now: number): 'Updating' | 'Succeeded' {
  return record.provisioningUntil !== undefined && now < record.provisioningUntil ? 'Updating' : 'Succeeded';
}

export function newEtag(): string {
  return `W/"${randomUUID()}"`;
}

/** What every network PUT starts with: the group, a valid name, a known region that does not change. */
export interface NetworkPutStart {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  id: string;
  location: string;
  body: Json;
  existing?: ResourceRecord;
}

export function startNetworkPut(context: EmulatorContext, request: ArmRequest, type: NetworkType, name: string): NetworkPutStart {
  const { subscriptionId, resourceGroupName } = request.parameters as { subscriptionId: string; resourceGroupName: string };
  const group = requireGroupForWrite(context, subscriptionId, resourceGroupName, request.now);
  requireValidName(name);
  const body = (request.body ?? {}) as Json;
  const location = typeof body.location === 'string' ? normalizeRegion(body.location) : undefined;
  if (!location) throw locationRequired();
  const id = networkResourceId(group.subscriptionId, group.name, type, name);
  const existing = networkRecordAt(context, id);
  if (existing && existing.resource.location !== location) throw resourceInOtherLocation(name, existing.resource.location, group.name, location);
  return { subscriptionId: group.subscriptionId, resourceGroup: group.name, name: existing?.resource.name ?? name, id, location, body, existing };
}

/**
 * Stores a network resource and starts the write Azure finishes later: 201 on create, 200 on
 * update, provisioningState Updating until then, and the Azure-AsyncOperation header the SDK
 * follows (Microsoft.Network answers every PUT this way).
 */
export function saveNetworkResource(
  context: EmulatorContext,
  request: ArmRequest,
  start: NetworkPutStart,
  type: NetworkType,
  resource: ResourceRecord['resource'],
  toJson: (record: ResourceRecord) => unknown,
): ArmResponse {
  const key = keyOf(start.id);
  const operation = startOperation(context, 'networkPut', key, networkPutAzureMs[type], request.now);
  const record: ResourceRecord = {
    subscriptionId: start.subscriptionId,
    resourceGroup: start.resourceGroup,
    resource: { ...resource, etag: newEtag() },
    provisioningUntil: operation.endTime,
  };
  context.state.networkResources[key] = record;
  context.changed();
  return { status: start.existing ? 200 : 201, body: toJson(record), headers: networkOperationHeaders(context, request, start.subscriptionId, start.location, operation.id, false) };
}

/** Removes a resource and answers 202, followed through Azure-AsyncOperation and Location. */
export function deleteNetworkResource(context: EmulatorContext, request: ArmRequest, record: ResourceRecord): ArmResponse {
  const key = keyOf(record.resource.id);
  delete context.state.networkResources[key];
  const operation = startOperation(context, 'networkDelete', key, networkDeleteAzureMs, request.now);
  return { status: 202, headers: networkOperationHeaders(context, request, record.subscriptionId, record.resource.location, operation.id, true) };
}

/** Starts a write on a resource already stored (a subnet's change is a write of its network). */
export function touchNetworkResource(context: EmulatorContext, record: ResourceRecord, type: NetworkType, now: number): string {
  const operation = startOperation(context, 'networkPut', keyOf(record.resource.id), networkPutAzureMs[type], now);
  record.provisioningUntil = operation.endTime;
  record.resource.etag = newEtag();
  context.changed();
  return operation.id;
}

export function networkOperationHeaders(
  context: EmulatorContext,
  request: ArmRequest,
  subscriptionId: string,
  location: string,
  operationId: string,
  withLocation: boolean,
): Record<string, string> {
  const base = `/subscriptions/${subscriptionId}/providers/Microsoft.Network/locations/${location}`;
  return {
    'Azure-AsyncOperation': operationUrl(request.origin, `${base}/operations/${operationId}`, request.apiVersion),
    ...(withLocation ? { Location: operationUrl(request.origin, `${base}/operationResults/${operationId}`, request.apiVersion) } : {}),
    ...context.retryAfterHeader(),
  };
}

/** A child (subnet, IP configuration, security rule) as Azure shows it: id, name, etag, type, properties. */
export function childJson(parentId: string, collection: string, childType: string, child: Json, etag: unknown, provisioningState: string, extra: Json = {}): Json {
  const name = String(child.name ?? '');
  const properties = { ...((child.properties ?? {}) as Json), ...extra, provisioningState };
  return { name, id: `${parentId}/${collection}/${name}`, etag, type: childType, properties };
}
