import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { ArmError, badRequest } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, findSubscription, findVault, keyOf, vaultId } from '../state/lookup';
import { vaultsOf } from '../state/indexes';
import type { VaultRecord } from '../state/model';
import { findOperation, isoTime, operationStatus, operationUrl, startOperation, stillRunning } from '../operations';
import { applyVaultSettings, defaultVaultProperties, invalidParameter, settingsFromVaultBody } from '../backup/vaultSettings';
import { newVaultPolicies } from '../backup/defaultPolicies';
import { isSoftDeleted } from '../backup/protectedItemState';
import { normalizeRegion } from './regions';

export const vaultNamePattern = /^[a-zA-Z][-a-zA-Z0-9]{1,49}$/;
const createAzureMs = 20_000;
const deleteAzureMs = 20_000;
type Json = Record<string, unknown>;

export function vaultRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.vaults;
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults';
  const vault = `${base}/{vaultName}`;
  const find = (request: ArmRequest) => findVault(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vaultName!);
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        return ok(pageOf(request, vaultsOf(context, subscriptionId), context.options.pageSize, (v) => vaultJson(v, request.now)));
      },
    },
    {
      method: 'GET',
      template: base,
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        return ok(pageOf(request, vaultsOf(context, group.subscriptionId, group.name), context.options.pageSize, (v) => vaultJson(v, request.now)));
      },
    },
    { method: 'GET', template: vault, apiVersions: versions, handler: (request) => ok(vaultJson(find(request), request.now)) },
    { method: 'PUT', template: vault, apiVersions: versions, handler: (request) => createOrUpdate(context, request) },
    {
      method: 'PATCH',
      template: vault,
      apiVersions: versions,
      handler: (request) => {
        const record = find(request);
        const body = (request.body ?? {}) as Json;
        applyVaultSettings(record, settingsFromVaultBody(body.properties as Json | undefined));
        if (body.tags !== undefined) record.resource.tags = body.tags as Record<string, string>;
        touch(record, request.now);
        context.changed();
        return ok(vaultJson(record, request.now));
      },
    },
    {
      method: 'DELETE',
      template: vault,
      apiVersions: versions,
      handler: (request) => {
        const record = find(request);
        refuseDeleteWhileItemsRemain(record);
        delete context.state.vaults[keyOf(record.resource.id)];
        const operation = startOperation(context, 'vaultDelete', keyOf(record.resource.id), deleteAzureMs, request.now);
        return { status: 202, headers: vaultOperationHeaders(context, request, record.resource.id, operation.id) };
      },
    },
    {
      method: 'GET',
      template: `${vault}/operationStatus/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const id = vaultId(request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vaultName!);
        const operation = findOperation(context, request.parameters.operationId!, ['vaultCreate', 'vaultDelete'], keyOf(id));
        const status = operationStatus(operation, request.now);
        return ok(
          {
            id: `${id}/operationStatus/${operation.id}`,
            name: operation.id,
            status,
            startTime: isoTime(operation.startTime),
            ...(status === 'InProgress' ? {} : { endTime: isoTime(operation.endTime) }),
          },
          status === 'InProgress' ? context.retryAfterHeader() : {},
        );
      },
    },
    {
      method: 'GET',
      template: `${vault}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const id = vaultId(request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vaultName!);
        const operation = findOperation(context, request.parameters.operationId!, ['vaultCreate', 'vaultDelete'], keyOf(id));
        if (operationStatus(operation, request.now) === 'InProgress') {
          return stillRunning(context, request);
        }
        const record = context.state.vaults[keyOf(id)];
        return record ? ok(vaultJson(record, request.now)) : { status: 204 };
      },
    },
    {
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/locations/{location}/checkNameAvailability',
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        const name = String(((request.body ?? {}) as Json).name ?? '');
        if (!vaultNamePattern.test(name)) {
          return ok({ nameAvailable: false, reason: 'Invalid', message: invalidVaultNameMessage(name) });
        }
        const taken = vaultsOf(context, subscriptionId).some((v) => v.resource.name.toLowerCase() === name.toLowerCase());
        return ok(taken ? { nameAvailable: false, reason: 'AlreadyExists', message: `A vault named '${name}' already exists in this subscription.` } : { nameAvailable: true });
      },
    },
  ];
}

function createOrUpdate(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const { subscriptionId, resourceGroupName, vaultName } = request.parameters as Record<string, string>;
  const group = findResourceGroup(context, subscriptionId!, resourceGroupName!);
  const body = (request.body ?? {}) as Json;
  const id = vaultId(group.subscriptionId, group.name, vaultName!);
  const existing = context.state.vaults[keyOf(id)];
  if (!existing) {
    if (!vaultNamePattern.test(vaultName!)) throw invalidParameter('vaultName');
    if (vaultsOf(context, group.subscriptionId).some((v) => v.resource.name.toLowerCase() === vaultName!.toLowerCase())) {
      throw new ArmError(409, 'VaultAlreadyExists', `A vault named '${vaultName}' already exists in subscription '${group.subscriptionId}'. Vault names must be unique within a subscription.`);
    }
  }
  const location = typeof body.location === 'string' ? normalizeRegion(body.location) : undefined;
  if (!location) throw badRequest('LocationRequired', "The location property is required for this definition and must be an Azure region, for example 'westeurope'.");
  if (existing && existing.resource.location !== location) {
    throw badRequest('LocationNotAvailableForResourceType', `The vault '${vaultName}' already exists in '${existing.resource.location}'; its location cannot change.`);
  }
  const sku = body.sku as Json | undefined;
  if (!sku || (sku.name !== 'Standard' && sku.name !== 'RS0')) {
    throw badRequest('InvalidParameter', "The vault's sku is required: use {\"name\": \"RS0\", \"tier\": \"Standard\"} or {\"name\": \"Standard\"}.");
  }
  const record: VaultRecord = existing ?? {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    resource: { id, name: vaultName!, type: 'Microsoft.RecoveryServices/vaults', location, properties: defaultVaultProperties() },
    storageLocked: false,
    policies: newVaultPolicies(id, request.now),
    protectedItems: {},
    jobs: {},
    discoveredVmIds: [],
    policyWrites: [],
  };
  applyVaultSettings(record, settingsFromVaultBody(body.properties as Json | undefined));
  const properties = (body.properties ?? {}) as Json;
  if (properties.publicNetworkAccess !== undefined) record.resource.properties.publicNetworkAccess = properties.publicNetworkAccess;
  if (properties.monitoringSettings !== undefined) record.resource.properties.monitoringSettings = properties.monitoringSettings;
  if (body.tags !== undefined) record.resource.tags = body.tags as Record<string, string>;
  record.resource.sku = { name: 'RS0', tier: 'Standard' };
  const identity = body.identity as Json | undefined;
  if (identity?.type === 'SystemAssigned') {
    record.resource.identity = { type: 'SystemAssigned', tenantId: context.state.tenant.tenantId, principalId: (record.resource.identity as Json | undefined)?.principalId ?? randomUUID() };
  }
  const operation = startOperation(context, 'vaultCreate', keyOf(id), existing ? 5_000 : createAzureMs, request.now);
  record.provisioningUntil = operation.endTime;
  touch(record, request.now);
  context.state.vaults[keyOf(id)] = record;
  context.changed();
  return { status: existing ? 200 : 201, body: vaultJson(record, request.now), headers: vaultOperationHeaders(context, request, id, operation.id) };
}

export function refuseDeleteWhileItemsRemain(vault: VaultRecord): void {
  const items = Object.values(vault.protectedItems);
  const active = items.filter((item) => !isSoftDeleted(item));
  const softDeleted = items.filter(isSoftDeleted);
  if (active.length > 0) {
    throw badRequest(
      'ServiceResourceNotEmptyWithContainerDetails',
      `Vault cannot be deleted as there are existing resources within the vault. Please ensure there are no backup items, protected servers or backup management servers associated with this vault. Unregister the following containers associated with this vault before proceeding for deletion : ${active.map((i) => i.friendlyName).join(', ')}`,
    );
  }
  if (softDeleted.length > 0) {
    throw badRequest(
      'ServiceResourceNotEmptyWithBackendMessage',
      'Recovery Services vault cannot be deleted as there are backup items still present in soft delete state. Visit the following link for the steps to permanently delete soft deleted items: https://aka.ms/undeletesoftdeleteditems.',
    );
  }
}

function vaultOperationHeaders(context: EmulatorContext, request: ArmRequest, id: string, operationId: string): Record<string, string> {
  return {
    'Azure-AsyncOperation': operationUrl(request.origin, `${id}/operationStatus/${operationId}`, request.apiVersion),
    Location: operationUrl(request.origin, `${id}/operationResults/${operationId}`, request.apiVersion),
    ...context.retryAfterHeader(),
  };
}

function touch(vault: VaultRecord, now: number): void {
  vault.resource.etag = `W/"datetime'${encodeURIComponent(new Date(now).toISOString())}'"`;
}

function invalidVaultNameMessage(name: string): string {
  return `Vault name '${name}' is invalid. It must be 2-50 characters long, start with a letter, and contain only letters, digits and hyphens.`;
}

export function vaultJson(vault: VaultRecord, now: number): Json {
  const provisioningState = vault.provisioningUntil !== undefined && now < vault.provisioningUntil ? 'Provisioning' : 'Succeeded';
  return {
    ...vault.resource,
    properties: {
      ...vault.resource.properties,
      provisioningState,
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      publicNetworkAccess: vault.resource.properties.publicNetworkAccess ?? 'Enabled',
      backupStorageVersion: 'V2',
    },
  };
}
