import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { ok } from '../../http/armHttp';
import { ArmError, badRequest, conflict, resourceNotFound } from '../../http/armError';
import { pageOf } from '../../http/paging';
import { findResourceGroup, findSubscription, keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { apiVersions } from '../../apiVersions';
import { findOperation, isoTime, operationStatus, operationUrl, startOperation } from '../../operations';
import { normalizeRegion, regions } from '../regions';
import { requireGroupForWrite } from '../resourceGroupDeletion';
import { locationRequired, resourceInOtherLocation } from '../network/networkErrors';
import {
  endpointsOf,
  hasReadableSecondary,
  invalidAccountNameMessage,
  isGeoRedundant,
  skuKindProblem,
  storageAccountNamePattern,
  takenAccountNameMessage,
} from './storageAccountRules';
import { newStorageAccount, storageAccountId } from './storageAccountResource';

type Json = Record<string, unknown>;
const createAzureMs = 20_000;

/**
 * Storage accounts (StorageAccounts_*, storage 2025-06-01). A new account answers 202 with a
 * Location the client polls (202, then 200 with the account), as the spec's final-state-via
 * 'location' says; an identical existing one answers 200 at once. Names are global: one taken in
 * another subscription is StorageAccountAlreadyTaken. Errors carry code and message only, as the
 * spec's ErrorResponseBody does.
 */
export function storageAccountRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.storage;
  const group = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts';
  const account = `${group}/{accountName}`;
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts',
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        const records = Object.values(context.state.storageAccounts).filter((record) => keyOf(record.subscriptionId) === keyOf(subscriptionId));
        return ok(pageOf(request, records, context.options.pageSize, (record) => storageAccountJson(record, request.now)));
      },
    },
    {
      method: 'GET',
      template: group,
      apiVersions: versions,
      handler: (request) => {
        const found = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const records = Object.values(context.state.storageAccounts).filter((record) => keyOf(record.subscriptionId) === keyOf(found.subscriptionId) && keyOf(record.resourceGroup) === keyOf(found.name));
        return ok(pageOf(request, records, context.options.pageSize, (record) => storageAccountJson(record, request.now)));
      },
    },
    {
      method: 'GET',
      template: account,
      apiVersions: versions,
      handler: (request) => {
        const found = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const record = context.state.storageAccounts[keyOf(storageAccountId(found.subscriptionId, found.name, request.parameters.accountName!))];
        if (!record) throw resourceNotFound('Microsoft.Storage/storageAccounts', request.parameters.accountName!, found.name);
        return ok(storageAccountJson(record, request.now));
      },
    },
    { method: 'PUT', template: account, apiVersions: versions, handler: (request) => createAccount(context, request) },
    {
      method: 'DELETE',
      template: account,
      apiVersions: versions,
      handler: (request) => {
        const found = requireGroupForWrite(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.now);
        const key = keyOf(storageAccountId(found.subscriptionId, found.name, request.parameters.accountName!));
        if (!context.state.storageAccounts[key]) return { status: 204 };
        delete context.state.storageAccounts[key];
        context.changed();
        return { status: 200 };
      },
    },
    {
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/checkNameAvailability',
      apiVersions: versions,
      handler: (request) => {
        findSubscription(context, request.parameters.subscriptionId!);
        const name = String(((request.body ?? {}) as Json).name ?? '');
        if (!storageAccountNamePattern.test(name)) return ok({ nameAvailable: false, reason: 'AccountNameInvalid', message: invalidAccountNameMessage(name) });
        if (accountNamed(context, name)) return ok({ nameAvailable: false, reason: 'AlreadyExists', message: takenAccountNameMessage(name) });
        return ok({ nameAvailable: true });
      },
    },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/locations/{location}/asyncoperations/{operationId}',
      apiVersions: versions,
      handler: (request) => {
        findSubscription(context, request.parameters.subscriptionId!);
        const operation = findOperation(context, request.parameters.operationId!, ['storageAccountCreate']);
        if (operationStatus(operation, request.now) === 'InProgress') return { status: 202, headers: { Location: request.url.toString(), ...context.retryAfterHeader() } };
        const record = context.state.storageAccounts[operation.resourceKey];
        if (!record) throw new ArmError(404, 'ResourceNotFound', `The storage account created by operation '${operation.id}' no longer exists.`);
        return ok(storageAccountJson(record, request.now));
      },
    },
  ];
}

/** The account of that name anywhere in the emulator: storage account names are global. */
function accountNamed(context: EmulatorContext, name: string): ResourceRecord | undefined {
  return Object.values(context.state.storageAccounts).find((record) => keyOf(record.resource.name) === keyOf(name));
}

function createAccount(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const found = requireGroupForWrite(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.now);
  const name = request.parameters.accountName!;
  if (!storageAccountNamePattern.test(name)) throw badRequest('AccountNameInvalid', invalidAccountNameMessage(name));
  const body = (request.body ?? {}) as Json;
  const location = typeof body.location === 'string' ? normalizeRegion(body.location) : undefined;
  if (!location) throw locationRequired();
  const sku = ((body.sku ?? {}) as Json).name;
  const problem = skuKindProblem(sku, body.kind);
  if (problem) throw problem;
  const id = storageAccountId(found.subscriptionId, found.name, name);
  const existing = context.state.storageAccounts[keyOf(id)];
  const holder = accountNamed(context, name);
  if (holder && holder !== existing) {
    // Same subscription, another group: the service says so; elsewhere the name is simply taken.
    if (keyOf(holder.subscriptionId) === keyOf(found.subscriptionId)) throw conflict('StorageAccountInAnotherResourceGroup', `The account ${name} is already in another resource group in this subscription.`);
    throw conflict('StorageAccountAlreadyTaken', takenAccountNameMessage(name));
  }
  if (existing) {
    if (existing.resource.location !== location) throw resourceInOtherLocation(name, existing.resource.location, found.name, location);
    const changed = [...(existing.resource.kind !== body.kind ? ['kind'] : []), ...((existing.resource.sku as Json).name !== sku ? ['sku'] : [])];
    if (changed.length > 0) throw badRequest('InvalidValuesForRequestParameters', `Values for request parameters are invalid: ${changed.join(', ')}.`);
    // An existing account with the same sku and kind: updated at once.
    if (body.tags !== undefined) existing.resource.tags = body.tags as Record<string, string>;
    Object.assign(existing.resource.properties, settableProperties(body.properties as Json | undefined));
    context.changed();
    return { status: 200, body: storageAccountJson(existing, request.now) };
  }
  const operation = startOperation(context, 'storageAccountCreate', keyOf(id), createAzureMs, request.now);
  const record: ResourceRecord = {
    subscriptionId: found.subscriptionId,
    resourceGroup: found.name,
    provisioningUntil: operation.endTime,
    resource: newStorageAccount({
      id,
      name,
      location,
      sku: sku as string,
      kind: body.kind as string,
      ...(body.tags ? { tags: body.tags as Record<string, string> } : {}),
      settable: settableProperties(body.properties as Json | undefined),
      created: isoTime(request.now),
    }),
  };
  context.state.storageAccounts[keyOf(id)] = record;
  context.changed();
  const poll = operationUrl(request.origin, `/subscriptions/${found.subscriptionId}/providers/Microsoft.Storage/locations/${location}/asyncoperations/${operation.id}`, request.apiVersion);
  return { status: 202, headers: { Location: `${poll}&monitor=true`, ...context.retryAfterHeader() } };
}

/** What a client may set in properties; what the service works out is not taken from the request. */
function settableProperties(properties: Json | undefined): Json {
  const settable = { ...(properties ?? {}) };
  for (const computed of ['provisioningState', 'primaryEndpoints', 'secondaryEndpoints', 'primaryLocation', 'secondaryLocation', 'statusOfPrimary', 'statusOfSecondary', 'creationTime', 'keyCreationTime']) {
    delete settable[computed];
  }
  return settable;
}

/** The account as Azure shows it: endpoints reference(...).primaryEndpoints.blob reads, locations, status. */
export function storageAccountJson(record: ResourceRecord, now: number): Json {
  const creating = record.provisioningUntil !== undefined && now < record.provisioningUntil;
  const sku = String((record.resource.sku as Json).name);
  const kind = String(record.resource.kind);
  const secondary = isGeoRedundant(sku) ? regions.find((region) => region.name === record.resource.location)?.pairedRegion : undefined;
  return {
    ...record.resource,
    properties: {
      ...record.resource.properties,
      provisioningState: creating ? 'Creating' : 'Succeeded',
      primaryEndpoints: endpointsOf(record.resource.name, kind),
      primaryLocation: record.resource.location,
      statusOfPrimary: 'available',
      ...(secondary ? { secondaryLocation: secondary, statusOfSecondary: 'available' } : {}),
      ...(secondary && hasReadableSecondary(sku) ? { secondaryEndpoints: endpointsOf(record.resource.name, kind, true) } : {}),
    },
  };
}
