import type { ProtectedItemRecord, VaultRecord } from '../state/model';
import { isoTime } from '../operations';
import { archiveAfterMonths } from './retentionRules';

/** lastBackupTime of an item never backed up: the service's sentinel for "never". */
export const neverBackedUp = '2001-01-01T00:00:00Z';
export const protectedItemType = 'Microsoft.Compute/virtualMachines';

export function containerNameFor(resourceGroup: string, vmName: string): string {
  return `IaasVMContainer;iaasvmcontainerv2;${resourceGroup.toLowerCase()};${vmName.toLowerCase()}`;
}

export function protectedItemNameFor(resourceGroup: string, vmName: string): string {
  return `VM;iaasvmcontainerv2;${resourceGroup.toLowerCase()};${vmName.toLowerCase()}`;
}

export function isSoftDeleted(item: ProtectedItemRecord): boolean {
  return item.softDeletedAt !== undefined;
}

export function itemId(vault: VaultRecord, item: ProtectedItemRecord): string {
  return `${vault.resource.id}/backupFabrics/Azure/protectionContainers/${item.containerName}/protectedItems/${item.name}`;
}

export function policyIdOf(vault: VaultRecord, policyName: string): string {
  return `${vault.resource.id}/backupPolicies/${policyName}`;
}

/** The item as the service shows it (AzureIaaSComputeVMProtectedItem). */
export function protectedItemJson(vault: VaultRecord, item: ProtectedItemRecord, now: number): Record<string, unknown> {
  const failed = item.lastBackupStatus === 'Failed';
  const newest = item.recoveryPoints.at(-1);
  const oldest = item.recoveryPoints[0];
  const properties: Record<string, unknown> = {
    protectedItemType,
    backupManagementType: 'AzureIaasVM',
    workloadType: 'VM',
    friendlyName: item.friendlyName,
    virtualMachineId: item.virtualMachineId,
    sourceResourceId: item.virtualMachineId,
    containerName: item.containerName.replace(/^IaasVMContainer;/i, ''),
    protectionStatus: failed ? 'Unhealthy' : 'Healthy',
    protectionState: item.protectionState,
    healthStatus: failed ? 'ActionRequired' : 'Passed',
    lastBackupStatus: item.lastBackupStatus,
    lastBackupTime: item.lastBackupTime ?? neverBackedUp,
    protectedItemDataId: item.protectedItemDataId,
    policyId: item.policyName ? policyIdOf(vault, item.policyName) : '',
    ...(item.policyName ? { policyName: item.policyName } : {}),
    ...(newest ? { lastRecoveryPoint: newest.time } : {}),
    // Protected in the archive tier: its policy moves points there (tieringPolicy.ArchivedRP).
    isArchiveEnabled: item.policyName !== undefined && archiveAfterMonths(vault.policies[item.policyName.toLowerCase()]?.properties) !== undefined,
    extendedInfo: {
      recoveryPointCount: item.recoveryPoints.length,
      policyInconsistent: false,
      ...(oldest ? { oldestRecoveryPoint: oldest.time } : {}),
    },
    vaultId: vault.resource.id,
  };
  if (failed && item.lastBackupError) {
    properties.healthDetails = [
      { code: item.lastBackupError.numericCode, title: item.lastBackupError.code, message: item.lastBackupError.message, recommendations: item.lastBackupError.recommendations },
    ];
  }
  if (item.softDeletedAt !== undefined && item.purgeAt !== undefined) {
    properties.isScheduledForDeferredDelete = true;
    properties.deferredDeleteTimeInUTC = isoTime(item.softDeletedAt);
    properties.deferredDeleteTimeRemaining = timeSpan(Math.max(0, item.purgeAt - now));
    properties.isDeferredDeleteScheduleUpcoming = item.purgeAt - now < 2 * 24 * 3600 * 1000;
    properties.softDeleteRetentionPeriodInDays = Math.round((item.purgeAt - item.softDeletedAt) / (24 * 3600 * 1000));
  }
  return { id: itemId(vault, item), name: item.name, type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', properties };
}

/** A .NET TimeSpan string, as the service writes remaining times: d.hh:mm:ss */
function timeSpan(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days}.${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
