import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Subscription as SdkSubscription } from '@azure/arm-resources-subscriptions';
import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import type { VirtualMachine as SdkVirtualMachine } from '@azure/arm-compute';
import type { AzureIaaSVMJob, AzureIaaSVMProtectionPolicy, JobResource, ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import { toBackupJob, toBackupPolicy, toSubscription, toVault, toVirtualMachine } from '../../../src/azure/mappers';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;
const vmId = `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`;
describe('toSubscription', () => {
  it('takes the GUID, display name, tenant and state', () => {
    const sdk: SdkSubscription = { id: `/subscriptions/${subscriptionId}`, subscriptionId, displayName: 'Contoso Production', tenantId, state: 'Warned' };
    assert.deepEqual(toSubscription(sdk, 'other-tenant'), { subscriptionId, id: `/subscriptions/${subscriptionId}`, name: 'Contoso Production', tenantId, state: 'Warned' });
  });

  it('falls back to the id for the GUID and name, and to the listing tenant', () => {
    const sdk: SdkSubscription = { id: `/subscriptions/${subscriptionId}` };
    assert.deepEqual(toSubscription(sdk, tenantId), { subscriptionId, id: `/subscriptions/${subscriptionId}`, name: subscriptionId, tenantId, state: 'Enabled' });
  });
});

describe('toVault', () => {
  const vault = (properties: SdkVault['properties']): SdkVault => ({
    id: vaultId,
    name: 'prod-weu-vault',
    type: 'Microsoft.RecoveryServices/vaults',
    location: 'westeurope',
    tags: { owner: 'backup-team' },
    sku: { name: 'RS0', tier: 'Standard' },
    properties,
  });

  it('maps redundancy, cross region restore and the security settings', () => {
    const mapped = toVault(
      vault({
        provisioningState: 'Succeeded',
        redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Enabled' },
        securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 14 }, immutabilitySettings: { state: 'Unlocked' } },
      }),
    );
    assert.deepEqual(mapped, {
      id: vaultId,
      name: 'prod-weu-vault',
      subscriptionId,
      resourceGroup: 'rg-backup-prod',
      location: 'westeurope',
      redundancy: 'GeoRedundant',
      crossRegionRestore: true,
      provisioningState: 'Succeeded',
      softDeleteState: 'AlwaysON',
      immutabilityState: 'Unlocked',
      tags: { owner: 'backup-team' },
    });
  });

  it('maps a locally redundant vault without cross region restore', () => {
    const mapped = toVault(vault({ redundancySettings: { standardTierStorageRedundancy: 'LocallyRedundant', crossRegionRestore: 'Disabled' } }));
    assert.equal(mapped.redundancy, 'LocallyRedundant');
    assert.equal(mapped.crossRegionRestore, false);
  });

  it('leaves redundancy absent when the service does not say or says something unknown', () => {
    assert.equal('redundancy' in toVault(vault({})), false);
    assert.equal('redundancy' in toVault(vault({ redundancySettings: { standardTierStorageRedundancy: 'Invalid' } })), false);
    assert.equal(toVault(vault(undefined)).crossRegionRestore, false);
  });

  it('refuses a vault without an id', () => {
    assert.throws(() => toVault({ location: 'westeurope' }), /without a vault id/);
  });
});

describe('toVirtualMachine', () => {
  const vm = (statuses: { code?: string }[] | undefined): SdkVirtualMachine => ({
    id: vmId,
    name: 'web-01',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'westeurope',
    hardwareProfile: { vmSize: 'Standard_D2s_v5' },
    storageProfile: { osDisk: { osType: 'Linux', createOption: 'FromImage' } },
    provisioningState: 'Succeeded',
    ...(statuses ? { instanceView: { statuses } } : {}),
  });

  it('reads the power state from the instance view statuses', () => {
    const mapped = toVirtualMachine(vm([{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/deallocated' }]));
    assert.deepEqual(mapped, {
      id: vmId,
      name: 'web-01',
      subscriptionId,
      resourceGroup: 'rg-web-prod',
      location: 'westeurope',
      osType: 'Linux',
      vmSize: 'Standard_D2s_v5',
      powerState: 'deallocated',
      provisioningState: 'Succeeded',
    });
    assert.equal(toVirtualMachine(vm([{ code: 'PowerState/running' }])).powerState, 'running');
  });

  it('has no power state when the listing had no status', () => {
    assert.equal('powerState' in toVirtualMachine(vm(undefined)), false);
    assert.equal('powerState' in toVirtualMachine(vm([{ code: 'ProvisioningState/succeeded' }])), false);
  });
});

describe('toBackupPolicy', () => {
  const policy = (name: string, properties: Partial<AzureIaaSVMProtectionPolicy>): ProtectionPolicyResource => ({
    id: `${vaultId}/backupPolicies/${name}`,
    name,
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: { backupManagementType: 'AzureIaasVM', protectedItemsCount: 2, ...properties } as AzureIaaSVMProtectionPolicy,
  });
  const at = [new Date('2024-03-01T06:00:00Z')];

  it('maps a Standard daily policy', () => {
    const mapped = toBackupPolicy(
      policy('DefaultPolicy', {
        policyType: 'V1',
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: at },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: at, retentionDuration: { count: 30, durationType: 'Days' } } },
      }),
      vaultId,
    );
    assert.deepEqual(mapped, {
      id: `${vaultId}/backupPolicies/DefaultPolicy`,
      name: 'DefaultPolicy',
      vaultId,
      kind: 'Standard',
      frequency: 'Daily',
      timeZone: 'UTC',
      protectedItemsCount: 2,
      instantRestoreDays: 2,
      dailyRetentionDays: 30,
    });
  });

  it('is Enhanced when the policy type is V2', () => {
    const mapped = toBackupPolicy(
      policy('Hourly-Enhanced', {
        policyType: 'V2',
        instantRpRetentionRangeInDays: 7,
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: at[0], scheduleWindowDuration: 16 } },
      }),
      vaultId,
    );
    assert.equal(mapped?.kind, 'Enhanced');
    assert.equal(mapped?.frequency, 'Hourly');
    assert.equal(mapped?.instantRestoreDays, 7);
  });

  it('is Enhanced when only the schedule says V2', () => {
    const mapped = toBackupPolicy(policy('Daily-V2', { schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Daily' } }), vaultId);
    assert.equal(mapped?.kind, 'Enhanced');
  });

  it('is Standard for a weekly V1 policy without daily retention', () => {
    const mapped = toBackupPolicy(
      policy('Weekly-Sunday', {
        policyType: 'V1',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday'], scheduleRunTimes: at },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: at, retentionDuration: { count: 26, durationType: 'Weeks' } } },
      }),
      vaultId,
    )!;
    assert.equal(mapped.kind, 'Standard');
    assert.equal(mapped.frequency, 'Weekly');
    assert.equal('dailyRetentionDays' in mapped, false);
  });

  it('counts no protected items when the service omits the count', () => {
    assert.equal(toBackupPolicy(policy('Empty', { protectedItemsCount: undefined }), vaultId)?.protectedItemsCount, 0);
  });

  it('gives undefined for policies of other workloads', () => {
    const sql: ProtectionPolicyResource = { id: `${vaultId}/backupPolicies/HourlyLogBackup`, name: 'HourlyLogBackup', properties: { backupManagementType: 'AzureWorkload', workLoadType: 'SQLDataBase' } as ProtectionPolicyResource['properties'] };
    assert.equal(toBackupPolicy(sql, vaultId), undefined);
    assert.equal(toBackupPolicy({ id: `${vaultId}/backupPolicies/None` }, vaultId), undefined);
  });
});

describe('toBackupJob', () => {
  const jobName = '0c9ab1d2-9d3b-4b5a-8f5e-0d6b2a7c4e11';
  const job = (properties: Partial<AzureIaaSVMJob>): JobResource => ({
    id: `${vaultId}/backupJobs/${jobName}`,
    name: jobName,
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties: {
      jobType: 'AzureIaaSVMJob',
      entityFriendlyName: 'web-01',
      backupManagementType: 'AzureIaasVM',
      operation: 'Backup',
      activityId: 'a1b2c3d4-0000-4000-8000-000000000001',
      virtualMachineVersion: 'Compute',
      ...properties,
    } as AzureIaaSVMJob,
  });

  it('maps a completed backup with its subtasks and duration', () => {
    const mapped = toBackupJob(
      job({
        status: 'Completed',
        startTime: new Date('2024-05-20T22:30:00Z'),
        endTime: new Date('2024-05-20T22:52:11Z'),
        duration: 'PT22M11.5S',
        actionsInfo: [],
        extendedInfo: {
          tasksList: [
            { taskId: 'Take Snapshot', status: 'Completed', duration: 'PT4M40S' },
            { taskId: 'Transfer data to vault', status: 'Completed', duration: '00:17:31.5' },
          ],
          propertyBag: { 'VM Name': 'web-01' },
        },
      }),
      vaultId,
    );
    assert.deepEqual(mapped, {
      id: `${vaultId}/backupJobs/${jobName}`,
      jobName,
      vaultId,
      operation: 'Backup',
      status: 'Completed',
      entityFriendlyName: 'web-01',
      startTime: new Date('2024-05-20T22:30:00Z'),
      endTime: new Date('2024-05-20T22:52:11Z'),
      durationMs: 22 * 60_000 + 11_500,
      subtasks: [
        { name: 'Take Snapshot', status: 'Completed', durationMs: 280_000 },
        { name: 'Transfer data to vault', status: 'Completed', durationMs: 17 * 60_000 + 31_500 },
      ],
      errors: [],
      cancellable: false,
    });
  });

  it('is cancellable while the service offers Cancellable, and has no end time while running', () => {
    const mapped = toBackupJob(
      job({
        status: 'InProgress',
        startTime: new Date('2024-05-21T09:00:00Z'),
        duration: 'PT1M2S',
        actionsInfo: ['Cancellable'],
        extendedInfo: { tasksList: [{ taskId: 'Take Snapshot', status: 'InProgress', duration: 'PT1M2S' }, { taskId: 'Transfer data to vault', status: 'NotStarted', duration: 'PT0S' }] },
      }),
      vaultId,
    );
    assert.equal(mapped.cancellable, true);
    assert.equal('endTime' in mapped, false);
    assert.equal(mapped.durationMs, 62_000);
    assert.deepEqual(
      mapped.subtasks.map((task) => `${task.name}:${task.status}:${task.durationMs}`),
      ['Take Snapshot:InProgress:62000', 'Transfer data to vault:NotStarted:0'],
    );
  });

  it('maps the errors of a failed job', () => {
    const mapped = toBackupJob(
      job({
        status: 'Failed',
        startTime: new Date('2024-05-20T22:30:00Z'),
        endTime: new Date('2024-05-20T22:34:10Z'),
        duration: 'PT4M10S',
        errorDetails: [
          {
            errorCode: 400043,
            errorTitle: 'UserErrorGuestAgentStatusUnavailable',
            errorString: 'VM Agent unable to communicate with Azure Backup',
            recommendations: ['Ensure the VM is running and its VM agent is installed, up to date and Ready, then retry the operation.'],
          },
          { errorCode: 320001, errorString: "Virtual machine doesn't exist." },
        ],
      }),
      vaultId,
    );
    assert.equal(mapped.status, 'Failed');
    assert.deepEqual(mapped.errors, [
      {
        code: 'UserErrorGuestAgentStatusUnavailable',
        message: 'VM Agent unable to communicate with Azure Backup',
        recommendations: ['Ensure the VM is running and its VM agent is installed, up to date and Ready, then retry the operation.'],
      },
      { code: '320001', message: "Virtual machine doesn't exist.", recommendations: [] },
    ]);
  });

  it('computes the duration from start and end when the service gives none', () => {
    const mapped = toBackupJob(job({ status: 'Completed', startTime: new Date('2024-05-20T22:30:00Z'), endTime: new Date('2024-05-20T22:31:30Z') }), vaultId);
    assert.equal(mapped.durationMs, 90_000);
    assert.deepEqual(mapped.subtasks, []);
  });

  it('defaults a job without properties to an unknown status', () => {
    const mapped = toBackupJob({ id: `${vaultId}/backupJobs/${jobName}` }, vaultId);
    assert.equal(mapped.jobName, jobName);
    assert.equal(mapped.status, 'Unknown');
    assert.equal(mapped.cancellable, false);
    assert.equal('durationMs' in mapped, false);
  });
});
