import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { ok } from '../../http/armHttp';
import { ArmError, resourceNotFound } from '../../http/armError';
import { pageOf } from '../../http/paging';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { apiVersions } from '../../apiVersions';
import { requireGroupForWrite } from '../resourceGroupDeletion';
import { subnetInUse } from './networkErrors';
import { networkResourceId, subnetId } from './networkIds';
import { requireValidName } from './networkNames';
import {
  childJson,
  findNetworkResource,
  networkOperationHeaders,
  networkProvisioningState,
  networkRecordAt,
  saveNetworkResource,
  startNetworkPut,
  touchNetworkResource,
} from './networkRecords';
import { networkResourceRoutes, networkResourceTemplate } from './networkResourceRoutes';
import { networkUses, referenceId, subnetsOf } from './networkReferences';
import { requireReferenced } from './referenceChecks';
import { subnetPrefixes, virtualNetworkProblem } from './virtualNetworkRules';

type Json = Record<string, unknown>;
const subnetType = 'Microsoft.Network/virtualNetworks/subnets';

/**
 * Virtual networks with their subnets (VirtualNetworks_* and Subnets_*). Subnets live inside the
 * network's record, as Azure shows them inline; the child routes read and change that list, and a
 * network PUT replaces it (a PUT without subnets removes them, which Azure refuses for subnets in use).
 */
export function virtualNetworkRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.network;
  const network = networkResourceTemplate('virtualNetworks', 'virtualNetworkName');
  const find = (request: ArmRequest) => findNetworkResource(context, request, 'virtualNetworks', request.parameters.virtualNetworkName!);
  return [
    ...networkResourceRoutes(context, {
      type: 'virtualNetworks',
      nameParameter: 'virtualNetworkName',
      toJson: virtualNetworkJson,
      put: putVirtualNetwork,
      refuseDelete: (context, record) => {
        for (const subnet of subnetsOf(record)) refuseIfInUse(context, record, String(subnet.name));
      },
    }),
    {
      method: 'GET',
      template: `${network}/subnets`,
      apiVersions: versions,
      handler: (request) => {
        const record = find(request);
        return ok(pageOf(request, subnetsOf(record), context.options.pageSize, (subnet) => subnetJson(context, record, subnet, request.now)));
      },
    },
    {
      method: 'GET',
      template: `${network}/subnets/{subnetName}`,
      apiVersions: versions,
      handler: (request) => {
        const record = find(request);
        const subnet = subnetNamed(record, request.parameters.subnetName!);
        if (!subnet) throw new ArmError(404, 'NotFound', `Resource ${subnetId(record.resource.id, request.parameters.subnetName!)} not found.`);
        return ok(subnetJson(context, record, subnet, request.now));
      },
    },
    { method: 'PUT', template: `${network}/subnets/{subnetName}`, apiVersions: versions, handler: (request) => putSubnet(context, request) },
    {
      method: 'DELETE',
      template: `${network}/subnets/{subnetName}`,
      apiVersions: versions,
      handler: (request) => {
        requireGroupForWrite(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.now);
        const record = find(request);
        const subnet = subnetNamed(record, request.parameters.subnetName!);
        if (!subnet) return { status: 204 };
        refuseIfInUse(context, record, String(subnet.name));
        record.resource.properties.subnets = subnetsOf(record).filter((candidate) => candidate !== subnet);
        const operationId = touchNetworkResource(context, record, 'virtualNetworks', request.now);
        return { status: 202, headers: networkOperationHeaders(context, request, record.subscriptionId, record.resource.location, operationId, true) };
      },
    },
  ];
}

function subnetNamed(record: ResourceRecord, name: string): Json | undefined {
  return subnetsOf(record).find((subnet) => keyOf(String(subnet.name)) === keyOf(name));
}

function refuseIfInUse(context: EmulatorContext, record: ResourceRecord, subnetName: string): void {
  const users = networkUses(context).subnetUsers.get(keyOf(subnetId(record.resource.id, subnetName)));
  if (users && users.length > 0) throw subnetInUse(subnetName, users[0]!);
}

/** A subnet as stored: what the client sent plus the defaults Azure fills in. */
function storedSubnet(subnet: Json): Json {
  const properties = { ...((subnet.properties ?? {}) as Json) };
  delete properties.provisioningState;
  delete properties.ipConfigurations;
  return {
    name: String(subnet.name ?? ''),
    properties: { privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', delegations: [], ...properties },
  };
}

/** Checks a network's subnets as a whole (prefixes, overlaps, security groups) before anything is stored. */
function checkNetwork(context: EmulatorContext, id: string, name: string, location: string, addressPrefixes: string[], subnets: Json[]): void {
  const problem = virtualNetworkProblem(id, name, addressPrefixes, subnets);
  if (problem) throw problem;
  for (const subnet of subnets) {
    const nsg = referenceId(((subnet.properties ?? {}) as Json).networkSecurityGroup);
    if (nsg) requireReferenced(context, nsg, 'networkSecurityGroups', location, subnetId(id, String(subnet.name)));
  }
}

function putVirtualNetwork(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const start = startNetworkPut(context, request, 'virtualNetworks', request.parameters.virtualNetworkName!);
  const properties = { ...((start.body.properties ?? {}) as Json) };
  const addressPrefixes = ((((properties.addressSpace ?? {}) as Json).addressPrefixes ?? []) as unknown[]).map(String);
  const subnets = ((properties.subnets ?? []) as Json[]).map(storedSubnet);
  checkNetwork(context, start.id, start.name, start.location, addressPrefixes, subnets);
  if (start.existing) {
    const kept = new Set(subnets.map((subnet) => keyOf(String(subnet.name))));
    for (const old of subnetsOf(start.existing)) {
      if (!kept.has(keyOf(String(old.name)))) refuseIfInUse(context, start.existing, String(old.name));
    }
  }
  delete properties.provisioningState;
  const resource: ResourceRecord['resource'] = {
    id: start.id,
    name: start.name,
    type: 'Microsoft.Network/virtualNetworks',
    location: start.location,
    ...(start.body.tags ? { tags: start.body.tags as Record<string, string> } : {}),
    properties: {
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
      ...properties,
      addressSpace: { addressPrefixes },
      subnets,
      resourceGuid: start.existing?.resource.properties.resourceGuid ?? randomUUID(),
    },
  };
  return saveNetworkResource(context, request, start, 'virtualNetworks', resource, (record) => virtualNetworkJson(context, record, request.now));
}

function putSubnet(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const { subscriptionId, resourceGroupName, virtualNetworkName, subnetName } = request.parameters as Record<string, string>;
  const found = requireGroupForWrite(context, subscriptionId!, resourceGroupName!, request.now);
  const record = networkRecordAt(context, networkResourceId(found.subscriptionId, found.name, 'virtualNetworks', virtualNetworkName!));
  if (!record) throw resourceNotFound('Microsoft.Network/virtualNetworks', virtualNetworkName!, found.name);
  requireValidName(subnetName!);
  const existing = subnetNamed(record, subnetName!);
  const subnet = storedSubnet({ ...((request.body ?? {}) as Json), name: existing?.name ?? subnetName });
  const subnets = existing ? subnetsOf(record).map((candidate) => (candidate === existing ? subnet : candidate)) : [...subnetsOf(record), subnet];
  const addressPrefixes = ((((record.resource.properties.addressSpace ?? {}) as Json).addressPrefixes ?? []) as unknown[]).map(String);
  checkNetwork(context, record.resource.id, record.resource.name, record.resource.location, addressPrefixes, subnets);
  record.resource.properties.subnets = subnets;
  const operationId = touchNetworkResource(context, record, 'virtualNetworks', request.now);
  return {
    status: existing ? 200 : 201,
    body: subnetJson(context, record, subnet, request.now),
    headers: networkOperationHeaders(context, request, record.subscriptionId, record.resource.location, operationId, false),
  };
}

export function subnetJson(context: EmulatorContext, record: ResourceRecord, subnet: Json, now: number): Json {
  const users = networkUses(context).subnetUsers.get(keyOf(subnetId(record.resource.id, String(subnet.name)))) ?? [];
  const json = childJson(record.resource.id, 'subnets', subnetType, subnet, record.resource.etag, networkProvisioningState(record, now), users.length > 0 ? { ipConfigurations: users.map((id) => ({ id })) } : {});
  // The first prefix is also shown as addressPrefix when the client sent a list, as Azure does.
  const prefixes = subnetPrefixes(subnet);
  if (prefixes.length > 0) (json.properties as Json).addressPrefix ??= prefixes[0];
  return json;
}

export function virtualNetworkJson(context: EmulatorContext, record: ResourceRecord, now: number): Json {
  return {
    ...record.resource,
    properties: {
      ...record.resource.properties,
      provisioningState: networkProvisioningState(record, now),
      subnets: subnetsOf(record).map((subnet) => subnetJson(context, record, subnet, now)),
    },
  };
}
