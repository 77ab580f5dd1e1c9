import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AzureIaaSComputeVMProtectedItem, ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import { toProtectedVm } from '../../../src/azure/mappers';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;
const vmId = `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`;
const containerName = 'IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01';
const itemName = 'VM;iaasvmcontainerv2;rg-web-prod;web-01';
const itemId = `${vaultId}/backupFabrics/Azure/protectionContainers/${containerName}/protectedItems/${itemName}`;
const day = 86_400_000;

/** A protected VM as @azure/arm-recoveryservicesbackup deserializes it (dates as Date, healthDetails codes as numbers). */
function protectedItem(properties: Partial<AzureIaaSComputeVMProtectedItem> = {}): ProtectedItemResource {
  return {
    id: itemId,
    name: itemName,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
    properties: {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      containerName: 'iaasvmcontainerv2;rg-web-prod;web-01',
      sourceResourceId: vmId,
      friendlyName: 'web-01',
      virtualMachineId: vmId,
      protectionStatus: 'Healthy',
      protectionState: 'Protected',
      healthStatus: 'Passed',
      lastBackupStatus: 'Completed',
      lastBackupTime: new Date('2024-05-20T22:52:11Z'),
      lastRecoveryPoint: new Date('2024-05-20T22:34:40Z'),
      protectedItemDataId: '17592741883247',
      policyId: `${vaultId}/backupPolicies/DefaultPolicy`,
      policyName: 'DefaultPolicy',
      isArchiveEnabled: false,
      extendedInfo: { recoveryPointCount: 7, policyInconsistent: false, oldestRecoveryPoint: new Date('2024-05-14T22:34:40Z') },
      vaultId,
      ...properties,
    } as AzureIaaSComputeVMProtectedItem,
  };
}

describe('toProtectedVm', () => {
  it('maps a healthy VM with its last backup, policy and recovery points', () => {
    const mapped = toProtectedVm(protectedItem(), vaultId);
    assert.deepEqual(mapped, {
      id: itemId,
      vaultId,
      itemName,
      containerName,
      name: 'web-01',
      virtualMachineId: vmId,
      resourceGroup: 'rg-web-prod',
      protectionState: 'Protected',
      health: 'healthy',
      lastBackupStatus: 'Completed',
      lastBackupTime: new Date('2024-05-20T22:52:11Z'),
      lastRecoveryPoint: new Date('2024-05-20T22:34:40Z'),
      policyId: `${vaultId}/backupPolicies/DefaultPolicy`,
      policyName: 'DefaultPolicy',
      recoveryPointCount: 7,
      healthDetails: [],
    });
  });

  it('treats the 2001-01-01 sentinel as never backed up, and an empty status and policy id as absent', () => {
    const mapped = toProtectedVm(
      protectedItem({ protectionState: 'IRPending', lastBackupStatus: '', lastBackupTime: new Date('2001-01-01T00:00:00Z'), lastRecoveryPoint: undefined, extendedInfo: { recoveryPointCount: 0 } }),
      vaultId,
    )!;
    assert.equal(mapped.health, 'initialBackupPending');
    assert.equal('lastBackupTime' in mapped, false);
    assert.equal('lastBackupStatus' in mapped, false);
    assert.equal('lastRecoveryPoint' in mapped, false);
    assert.equal(mapped.recoveryPointCount, 0);

    const stopped = toProtectedVm(protectedItem({ protectionState: 'ProtectionStopped', policyId: '', policyName: undefined }), vaultId)!;
    assert.equal('policyId' in stopped, false);
    assert.equal('policyName' in stopped, false);
  });

  it('takes the policy name from the policy id when the service omits it', () => {
    assert.equal(toProtectedVm(protectedItem({ policyName: undefined, policyId: `${vaultId}/backupPolicies/Hourly-Enhanced` }), vaultId)?.policyName, 'Hourly-Enhanced');
  });

  it('is failed when the last backup failed, carrying the health details', () => {
    const mapped = toProtectedVm(
      protectedItem({
        protectionStatus: 'Unhealthy',
        healthStatus: 'ActionRequired',
        lastBackupStatus: 'Failed',
        healthDetails: [
          {
            code: 400043,
            title: 'UserErrorGuestAgentStatusUnavailable',
            message: 'VM Agent unable to communicate with Azure Backup',
            recommendations: ['Ensure the VM is running and its VM agent is installed, up to date and Ready, then retry the operation.'],
          },
        ],
      }),
      vaultId,
    )!;
    assert.equal(mapped.health, 'failed');
    assert.equal(mapped.lastBackupStatus, 'Failed');
    assert.deepEqual(mapped.healthDetails, [
      {
        code: '400043',
        title: 'UserErrorGuestAgentStatusUnavailable',
        message: 'VM Agent unable to communicate with Azure Backup',
        recommendations: ['Ensure the VM is running and its VM agent is installed, up to date and Ready, then retry the operation.'],
      },
    ]);
  });

  it('is failed when the service asks for action even though the last backup completed', () => {
    assert.equal(toProtectedVm(protectedItem({ healthStatus: 'ActionRequired' }), vaultId)?.health, 'failed');
    assert.equal(toProtectedVm(protectedItem({ protectionState: 'ProtectionError' }), vaultId)?.health, 'failed');
  });

  it('is a warning when the backup completed with warnings or action is suggested', () => {
    assert.equal(toProtectedVm(protectedItem({ lastBackupStatus: 'CompletedWithWarnings' }), vaultId)?.health, 'warning');
    assert.equal(toProtectedVm(protectedItem({ healthStatus: 'ActionSuggested' }), vaultId)?.health, 'warning');
  });

  it('is stopped when protection is stopped, whatever the last backup did', () => {
    assert.equal(toProtectedVm(protectedItem({ protectionState: 'ProtectionStopped', lastBackupStatus: 'Failed' }), vaultId)?.health, 'stopped');
    assert.equal(toProtectedVm(protectedItem({ protectionState: 'BackupsSuspended' }), vaultId)?.health, 'stopped');
  });

  it('is soft-deleted with a purge time of deletion + retention days', () => {
    const mapped = toProtectedVm(
      protectedItem({
        protectionState: 'ProtectionStopped',
        isScheduledForDeferredDelete: true,
        deferredDeleteTimeInUTC: new Date('2024-05-01T10:00:00Z'),
        deferredDeleteTimeRemaining: '11.23:59:59',
        softDeleteRetentionPeriodInDays: 14,
      }),
      vaultId,
    )!;
    assert.equal(mapped.health, 'softDeleted');
    assert.deepEqual(mapped.purgeTime, new Date('2024-05-15T10:00:00Z'));
    assert.equal(mapped.softDeleteRetentionDays, 14);
  });

  it('falls back to the remaining time for the purge time when the deletion time is missing', () => {
    const before = Date.now();
    const mapped = toProtectedVm(protectedItem({ isScheduledForDeferredDelete: true, deferredDeleteTimeRemaining: '2.00:00:00' }), vaultId)!;
    const after = Date.now();
    assert.ok(mapped.purgeTime, 'no purge time');
    assert.ok(mapped.purgeTime.getTime() >= before + 2 * day && mapped.purgeTime.getTime() <= after + 2 * day, `purge time ${mapped.purgeTime.toISOString()}`);
    assert.equal('softDeleteRetentionDays' in mapped, false);
  });

  it('has no purge time when the item is not soft-deleted', () => {
    const mapped = toProtectedVm(protectedItem({ deferredDeleteTimeInUTC: new Date('0001-01-01T00:00:00Z'), softDeleteRetentionPeriodInDays: 14 }), vaultId)!;
    assert.equal(mapped.health, 'healthy');
    assert.equal('purgeTime' in mapped, false);
    assert.equal('softDeleteRetentionDays' in mapped, false);
  });

  it('gives undefined for items of other workloads', () => {
    const sqlDatabase: ProtectedItemResource = {
      id: `${vaultId}/backupFabrics/Azure/protectionContainers/VMAppContainer;compute;rg;sqlvm/protectedItems/SQLDataBase;mssqlserver;sales`,
      name: 'SQLDataBase;mssqlserver;sales',
      properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', backupManagementType: 'AzureWorkload', workloadType: 'SQLDataBase', friendlyName: 'sales' } as ProtectedItemResource['properties'],
    };
    assert.equal(toProtectedVm(sqlDatabase, vaultId), undefined);
    assert.equal(toProtectedVm({ id: itemId }, vaultId), undefined);
  });
});
