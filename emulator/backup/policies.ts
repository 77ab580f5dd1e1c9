import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok, queryParameter } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { parseFilter } from '../http/odataFilter';
import { apiVersions } from '../apiVersions';
import type { PolicyRecord, VaultRecord } from '../state/model';
import { findOperation, operationStatus, operationUrl, startOperation, stillRunning } from '../operations';
import { serviceErrors } from './serviceErrors';
import { validateIaasVmPolicy } from './policyValidation';
import { invalidParameter, securitySettings } from './vaultSettings';
import { isSoftDeleted } from './protectedItemState';
import { operationStatusJson, vaultKeyOf, vaultOf, vaultPath } from './vaultRequest';

type Json = Record<string, unknown>;
const policyName = /^[A-Za-z0-9][-A-Za-z0-9_]{0,149}$/;
const maxPoliciesPerVault = 200;
const maxWritesPerDay = 50;
const day = 24 * 3600 * 1000;
const updateAzureMs = 10_000;

export function policyRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  const policyPath = `${vaultPath}/backupPolicies/{policyName}`;
  const findPolicy = (vault: VaultRecord, request: ArmRequest): PolicyRecord => {
    const policy = vault.policies[request.parameters.policyName!.toLowerCase()];
    if (!policy) throw serviceErrors.policyNotFound(request.parameters.policyName!);
    return policy;
  };
  return [
    {
      method: 'GET',
      template: `${vaultPath}/backupPolicies`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const filter = parseFilter(queryParameter(request.url, '$filter'), ['backupManagementType', 'workloadType', 'policySubType']);
        const type = filter.get('backupmanagementtype');
        const policies = type !== undefined && type.toLowerCase() !== 'azureiaasvm' ? [] : Object.values(vault.policies);
        return ok(pageOf(request, policies, context.options.pageSize, (policy) => policyJson(vault, policy)));
      },
    },
    { method: 'GET', template: policyPath, apiVersions: versions, handler: (request) => {
      const vault = vaultOf(context, request);
      return ok(policyJson(vault, findPolicy(vault, request)));
    } },
    { method: 'PUT', template: policyPath, apiVersions: versions, handler: (request) => putPolicy(context, request) },
    {
      method: 'DELETE',
      template: policyPath,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const policy = findPolicy(vault, request);
        if (itemsUsing(vault, policy.name) > 0) throw serviceErrors.policyInUse();
        delete vault.policies[policy.name.toLowerCase()];
        context.changed();
        return { status: 200 };
      },
    },
    {
      method: 'GET',
      template: `${policyPath}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['policyUpdate'], vaultKeyOf(vault));
        if (operationStatus(operation, request.now) === 'InProgress') return stillRunning(context, request);
        return ok(policyJson(vault, findPolicy(vault, request)));
      },
    },
    {
      method: 'GET',
      template: `${policyPath}/operations/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['policyUpdate'], vaultKeyOf(vault));
        return ok(operationStatusJson(operation, request.now), operationStatus(operation, request.now) === 'InProgress' ? context.retryAfterHeader() : {});
      },
    },
  ];
}

/**
 * Creates or edits a policy. The service answers 200 when no item uses it and 202 when the
 * items using it must be updated, with the operation to follow.
 */
function putPolicy(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  const name = request.parameters.policyName!;
  if (!policyName.test(name)) throw invalidParameter('policyName');
  const properties = { ...((((request.body ?? {}) as Json).properties ?? {}) as Json) };
  delete properties.protectedItemsCount;
  const existing = vault.policies[name.toLowerCase()];
  if (properties.backupManagementType !== undefined && properties.backupManagementType !== 'AzureIaasVM') throw serviceErrors.invalidPolicyForProvider();
  validateIaasVmPolicy(properties, existing?.properties);
  if (!existing && Object.keys(vault.policies).length >= maxPoliciesPerVault) throw serviceErrors.limitReached(`Backup policies per vault (${maxPoliciesPerVault})`);
  vault.policyWrites = vault.policyWrites.filter((time) => request.now - time < day);
  if (vault.policyWrites.length >= maxWritesPerDay) throw serviceErrors.policyEditLimit();
  const immutability = securitySettings(vault).immutability.state;
  if (existing && (immutability === 'Unlocked' || immutability === 'Locked') && cutsRetention(existing.properties, properties)) throw serviceErrors.immutableVault();

  vault.policyWrites.push(request.now);
  const policy: PolicyRecord = { name: existing?.name ?? name, properties: { ...properties, timeZone: properties.timeZone ?? 'UTC', policyType: properties.policyType ?? 'V1' } };
  vault.policies[name.toLowerCase()] = policy;
  context.changed();
  if (!existing || itemsUsing(vault, policy.name) === 0) return ok(policyJson(vault, policy));
  const operation = startOperation(context, 'policyUpdate', vaultKeyOf(vault), updateAzureMs, request.now);
  const base = `${vault.resource.id}/backupPolicies/${policy.name}`;
  return {
    status: 202,
    headers: {
      Location: operationUrl(request.origin, `${base}/operationResults/${operation.id}`, request.apiVersion),
      'Azure-AsyncOperation': operationUrl(request.origin, `${base}/operations/${operation.id}`, request.apiVersion),
      ...context.retryAfterHeader(),
    },
  };
}

function itemsUsing(vault: VaultRecord, name: string): number {
  return Object.values(vault.protectedItems).filter((item) => !isSoftDeleted(item) && item.policyName?.toLowerCase() === name.toLowerCase()).length;
}

/** Whether an edit shortens any retention, which an immutable vault refuses. */
function cutsRetention(before: Json, after: Json): boolean {
  const count = (policy: Json, schedule: string) => ((((policy.retentionPolicy ?? {}) as Json)[schedule] as Json | undefined)?.retentionDuration as Json | undefined)?.count as number | undefined;
  return ['dailySchedule', 'weeklySchedule', 'monthlySchedule', 'yearlySchedule'].some((schedule) => {
    const old = count(before, schedule);
    const updated = count(after, schedule);
    return old !== undefined && (updated === undefined || updated < old);
  });
}

export function policyJson(vault: VaultRecord, policy: PolicyRecord): Record<string, unknown> {
  return {
    id: `${vault.resource.id}/backupPolicies/${policy.name}`,
    name: policy.name,
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: { ...policy.properties, protectedItemsCount: itemsUsing(vault, policy.name) },
  };
}
