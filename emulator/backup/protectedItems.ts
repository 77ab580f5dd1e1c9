import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok, queryParameter } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { parseFilter } from '../http/odataFilter';
import { apiVersions } from '../apiVersions';
import type { JobRecord, OperationRecord, ProtectedItemRecord, VaultRecord } from '../state/model';
import { findOperation, operationStatus, startOperation, stillRunning } from '../operations';
import { serviceErrors } from './serviceErrors';
import { containerNameFor, isSoftDeleted, protectedItemJson, protectedItemNameFor, protectedItemType } from './protectedItemState';
import { jobDurationsAzureMs, jobEndsAt, runningJobsOf, startJob } from './jobEngine';
import { securitySettings } from './vaultSettings';
import { markDiscovered, vmToProtect, type ProtectionRequest } from './protectionTarget';
import { itemOperationHeaders, itemPath, operationStatusJson, requireItem, vaultKeyOf, vaultOf, vaultOperationHeaders, vaultPath } from './vaultRequest';

type Json = Record<string, unknown>;
const acceptAzureMs = 5_000;
const maxItemsPerVault = 1000;
const maxItemsPerPolicy = 1000;

export function protectedItemRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    { method: 'GET', template: itemPath, apiVersions: versions, handler: (request) => {
      const vault = vaultOf(context, request);
      return ok(protectedItemJson(vault, requireItem(vault, request), request.now));
    } },
    { method: 'PUT', template: itemPath, apiVersions: versions, handler: (request) => putItem(context, request) },
    { method: 'DELETE', template: itemPath, apiVersions: versions, handler: (request) => deleteItem(context, request) },
    {
      method: 'GET',
      template: `${vaultPath}/backupProtectedItems`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const filter = parseFilter(queryParameter(request.url, '$filter'), ['backupManagementType', 'itemType', 'policyName', 'friendlyName', 'containerName', 'protectionStatus']);
        const items = Object.values(vault.protectedItems).filter((item) => matches(item, filter));
        return ok(pageOf(request, items, context.options.pageSize, (item) => protectedItemJson(vault, item, request.now)));
      },
    },
    ...operationRoutes(context),
  ];
}

function matches(item: ProtectedItemRecord, filter: Map<string, string>): boolean {
  const equals = (name: string, actual: string | undefined) => !filter.has(name) || filter.get(name)!.toLowerCase() === (actual ?? '').toLowerCase();
  return (
    equals('backupmanagementtype', 'AzureIaasVM') &&
    equals('itemtype', 'VM') &&
    equals('policyname', item.policyName) &&
    equals('friendlyname', item.friendlyName) &&
    (!filter.has('containername') || item.containerName.toLowerCase().endsWith(filter.get('containername')!.toLowerCase()))
  );
}

function putItem(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
  if (request.parameters.fabricName!.toLowerCase() !== 'azure' || (properties.protectedItemType !== undefined && properties.protectedItemType !== protectedItemType)) {
    throw serviceErrors.containerNotDiscovered();
  }
  const target = { sourceResourceId: properties.sourceResourceId, containerName: request.parameters.containerName!, itemName: request.parameters.protectedItemName!, now: request.now };
  const item = protect(context, vault, target, properties);
  const operation = startOperation(context, 'protectedItem', vaultKeyOf(vault), acceptAzureMs, request.now, { jobId: item.jobId, itemKey: item.item.name.toLowerCase() });
  lastsAsLongAsItsJob(operation, vault.jobs[item.jobId]);
  return { status: 202, headers: itemOperationHeaders(context, request, vault, item.item, operation.id) };
}

/**
 * What a protected-item PUT and a protection-intent PUT both do: protect a VM (a ConfigureBackup
 * job), or change the protection of the item that already exists under that name.
 */
export function protect(context: EmulatorContext, vault: VaultRecord, target: ProtectionRequest, properties: Json): { item: ProtectedItemRecord; jobId: string } {
  const existing = vault.protectedItems[target.itemName.toLowerCase()];
  if (existing && target.containerName !== undefined && existing.containerName.toLowerCase() !== target.containerName.toLowerCase()) {
    throw serviceErrors.containerNotDiscovered();
  }
  return existing ? changeProtection(context, vault, existing, properties, target.now) : enableProtection(context, vault, target, properties);
}

function enableProtection(context: EmulatorContext, vault: VaultRecord, target: ProtectionRequest, properties: Json): { item: ProtectedItemRecord; jobId: string } {
  const vm = vmToProtect(context, vault, target);
  const containerName = containerNameFor(vm.resourceGroup, vm.resource.name);
  const name = protectedItemNameFor(vm.resourceGroup, vm.resource.name);
  const policyName = policyNameFrom(vault, properties.policyId);
  if (!policyName) throw serviceErrors.invalidParameter('policyId');
  if (Object.keys(vault.protectedItems).length >= maxItemsPerVault) throw serviceErrors.limitReached(`Protected items per vault (${maxItemsPerVault})`);
  if (Object.values(vault.protectedItems).filter((item) => item.policyName === policyName).length >= maxItemsPerPolicy) {
    throw serviceErrors.limitReached(`Protected items per policy (${maxItemsPerPolicy})`);
  }
  const item: ProtectedItemRecord = {
    name,
    containerName,
    virtualMachineId: vm.resource.id,
    friendlyName: vm.resource.name,
    policyName,
    protectionState: 'IRPending',
    lastBackupStatus: '',
    protectedItemDataId: String(Math.floor(Math.random() * 1e15)),
    createdAt: target.now,
    recoveryPoints: [],
    onDemandBackups: [],
  };
  vault.protectedItems[name.toLowerCase()] = item;
  vault.storageLocked = true;
  markDiscovered(vault, vm);
  const job = startJob(context, vault, { operation: 'ConfigureBackup', item, entityFriendlyName: item.friendlyName, tasks: [{ taskId: 'Configure backup', azureMs: jobDurationsAzureMs.configureBackup }], startTime: target.now });
  return { item, jobId: job.id };
}

/** Stop (retain data), resume, change policy and undelete: all a PUT of the existing item. */
function changeProtection(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord, properties: Json, now: number): { item: ProtectedItemRecord; jobId: string } {
  const job = (operation: 'ConfigureBackup' | 'DisableBackup' | 'Undelete', azureMs: number) =>
    startJob(context, vault, { operation, item, entityFriendlyName: item.friendlyName, tasks: [{ taskId: operation, azureMs }], startTime: now }).id;
  if (isSoftDeleted(item)) {
    if (properties.isRehydrate !== true) throw serviceErrors.itemSoftDeleted();
    delete item.softDeletedAt;
    delete item.purgeAt;
    item.protectionState = 'ProtectionStopped';
    delete item.policyName;
    context.changed();
    return { item, jobId: job('Undelete', jobDurationsAzureMs.undelete) };
  }
  if (runningJobsOf(vault, item.name).length > 0) throw serviceErrors.objectLocked();
  const requestedState = properties.protectionState as string | undefined;
  if (requestedState === 'ProtectionStopped' || requestedState === 'BackupsSuspended') {
    item.protectionState = requestedState;
    if (requestedState === 'ProtectionStopped') delete item.policyName;
    context.changed();
    return { item, jobId: job('DisableBackup', jobDurationsAzureMs.disableBackup) };
  }
  const policyName = policyNameFrom(vault, properties.policyId);
  if (!policyName) throw serviceErrors.invalidParameter('policyId');
  if (item.protectionState === 'ProtectionStopped' || item.protectionState === 'BackupsSuspended') {
    item.protectionState = item.recoveryPoints.length > 0 ? 'Protected' : 'IRPending';
  }
  item.policyName = policyName;
  context.changed();
  return { item, jobId: job('ConfigureBackup', jobDurationsAzureMs.configureBackup) };
}

function deleteItem(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  const item = requireItem(vault, request);
  const { softDelete, immutability } = securitySettings(vault);
  if (immutability.state === 'Unlocked' || immutability.state === 'Locked') throw serviceErrors.immutableVault();
  if (isSoftDeleted(item)) throw serviceErrors.itemSoftDeleted();
  if (runningJobsOf(vault, item.name).length > 0) throw serviceErrors.objectLocked();
  const job = startJob(context, vault, {
    operation: 'DeleteBackupData',
    item,
    entityFriendlyName: item.friendlyName,
    tasks: [{ taskId: 'Delete backup data', azureMs: jobDurationsAzureMs.deleteBackupData }],
    startTime: request.now,
  });
  if (softDelete.softDeleteState === 'Disabled') {
    delete vault.protectedItems[item.name.toLowerCase()];
  } else {
    const days = (softDelete.softDeleteRetentionPeriodInDays as number | undefined) ?? 14;
    item.softDeletedAt = request.now;
    item.purgeAt = request.now + days * 24 * 3600 * 1000;
    item.protectionState = 'ProtectionStopped';
    delete item.policyName;
  }
  context.changed();
  const operation = startOperation(context, 'protectedItem', vaultKeyOf(vault), acceptAzureMs, request.now, { jobId: job.id, itemKey: item.name.toLowerCase() });
  lastsAsLongAsItsJob(operation, job);
  return { status: 202, headers: vaultOperationHeaders(context, request, vault, operation.id) };
}

/**
 * Enable, stop, resume and delete stay InProgress for as long as the job they started runs, and
 * end with that job's id (AZURE-BACKUP-FACTS: real clients see many InProgress polls).
 */
function lastsAsLongAsItsJob(operation: OperationRecord, job: JobRecord | undefined): void {
  if (job) operation.endTime = Math.max(operation.endTime, jobEndsAt(job));
}

export function policyNameFrom(vault: VaultRecord, policyId: unknown): string | undefined {
  if (typeof policyId !== 'string' || policyId === '') return undefined;
  const prefix = `${vault.resource.id}/backupPolicies/`.toLowerCase();
  if (!policyId.toLowerCase().startsWith(prefix)) return undefined;
  const policy = vault.policies[policyId.slice(prefix.length).toLowerCase()];
  if (!policy) throw serviceErrors.policyNotFound(policyId.slice(prefix.length));
  return policy.name;
}

function operationRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  const itemOperation = (request: ArmRequest) => {
    const vault = vaultOf(context, request);
    return { vault, operation: findOperation(context, request.parameters.operationId!, ['protectedItem', 'backup', 'restore'], vaultKeyOf(vault)) };
  };
  const result = (request: ArmRequest, vault: VaultRecord, operationId: string): ArmResponse => {
    const operation = findOperation(context, operationId, ['protectedItem', 'backup', 'restore'], vaultKeyOf(vault));
    if (operationStatus(operation, request.now) === 'InProgress') return stillRunning(context, request);
    const item = operation.kind === 'protectedItem' && operation.itemKey ? vault.protectedItems[operation.itemKey] : undefined;
    return item ? ok(protectedItemJson(vault, item, request.now)) : { status: 204 };
  };
  return [
    { method: 'GET', template: `${itemPath}/operationsStatus/{operationId}`, apiVersions: versions, handler: (request) => {
      const { operation } = itemOperation(request);
      return ok(operationStatusJson(operation, request.now), operationStatus(operation, request.now) === 'InProgress' ? context.retryAfterHeader() : {});
    } },
    { method: 'GET', template: `${itemPath}/operationResults/{operationId}`, apiVersions: versions, handler: (request) => result(request, vaultOf(context, request), request.parameters.operationId!) },
    { method: 'GET', template: `${vaultPath}/backupOperations/{operationId}`, apiVersions: versions, handler: (request) => {
      const { operation } = itemOperation(request);
      return ok(operationStatusJson(operation, request.now), operationStatus(operation, request.now) === 'InProgress' ? context.retryAfterHeader() : {});
    } },
    { method: 'GET', template: `${vaultPath}/backupOperationResults/{operationId}`, apiVersions: versions, handler: (request) => {
      const vault = vaultOf(context, request);
      const operation = findOperation(context, request.parameters.operationId!, ['protectedItem', 'backup', 'restore'], vaultKeyOf(vault));
      if (operationStatus(operation, request.now) === 'InProgress') return stillRunning(context, request);
      return { status: 204 };
    } },
  ];
}
