import type { EmulatorContext } from '../context';
import type { ArmRequest } from '../http/armHttp';
import { findVault, keyOf } from '../state/lookup';
import type { OperationRecord, ProtectedItemRecord, VaultRecord } from '../state/model';
import { isoTime, operationStatus, operationUrl } from '../operations';
import { serviceErrors } from './serviceErrors';

export const vaultPath = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}';
export const itemPath = `${vaultPath}/backupFabrics/{fabricName}/protectionContainers/{containerName}/protectedItems/{protectedItemName}`;

export function vaultOf(context: EmulatorContext, request: ArmRequest): VaultRecord {
  return findVault(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vaultName!);
}

/** The item a request's path names; its container must match, as the service checks. */
export function findItem(vault: VaultRecord, request: ArmRequest): ProtectedItemRecord | undefined {
  if (request.parameters.fabricName?.toLowerCase() !== 'azure') return undefined;
  const item = vault.protectedItems[request.parameters.protectedItemName!.toLowerCase()];
  if (!item || item.containerName.toLowerCase() !== request.parameters.containerName!.toLowerCase()) return undefined;
  return item;
}

export function requireItem(vault: VaultRecord, request: ArmRequest): ProtectedItemRecord {
  const item = findItem(vault, request);
  if (!item) throw serviceErrors.itemNotFound();
  return item;
}

export function vaultKeyOf(vault: VaultRecord): string {
  return keyOf(vault.resource.id);
}

/** The service's OperationStatus body, with the job id once the operation has one. */
export function operationStatusJson(operation: OperationRecord, now: number): Record<string, unknown> {
  const status = operationStatus(operation, now);
  return {
    id: operation.id,
    name: operation.id,
    status,
    startTime: isoTime(operation.startTime),
    ...(status === 'InProgress' ? {} : { endTime: isoTime(operation.endTime) }),
    ...(status === 'Failed' && operation.error ? { error: operation.error } : {}),
    ...(status !== 'InProgress' && operation.jobId ? { properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: operation.jobId } } : {}),
  };
}

/** Location + Azure-AsyncOperation for an operation on an item, as enable protection and backup answer. */
export function itemOperationHeaders(context: EmulatorContext, request: ArmRequest, vault: VaultRecord, item: ProtectedItemRecord, operationId: string): Record<string, string> {
  const itemId = `${vault.resource.id}/backupFabrics/Azure/protectionContainers/${item.containerName}/protectedItems/${item.name}`;
  return {
    Location: operationUrl(request.origin, `${itemId}/operationResults/${operationId}`, request.apiVersion),
    'Azure-AsyncOperation': operationUrl(request.origin, `${itemId}/operationsStatus/${operationId}`, request.apiVersion),
    ...context.retryAfterHeader(),
  };
}

/** Location + Azure-AsyncOperation at the vault's level, as deleting backup data answers. */
export function vaultOperationHeaders(context: EmulatorContext, request: ArmRequest, vault: VaultRecord, operationId: string): Record<string, string> {
  return {
    Location: operationUrl(request.origin, `${vault.resource.id}/backupOperationResults/${operationId}`, request.apiVersion),
    'Azure-AsyncOperation': operationUrl(request.origin, `${vault.resource.id}/backupOperations/${operationId}`, request.apiVersion),
    ...context.retryAfterHeader(),
  };
}
