import type { Subscription as SdkSubscription } from '@azure/arm-resources-subscriptions';
import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import type { VirtualMachine as SdkVirtualMachine } from '@azure/arm-compute';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  AzureIaaSVMProtectionPolicy,
  JobResource,
  ProtectedItemResource,
  ProtectionPolicyResource,
} from '@azure/arm-recoveryservicesbackup';
import { parseArmId } from './armId';
import { parseServiceDuration } from './duration';
import type { BackupJob, BackupPolicy, HealthDetail, ProtectedVm, ProtectionHealth, StorageRedundancy, Subscription, Vault, VirtualMachine } from './model';

/** lastBackupTime before this means "never backed up": the service sends 2001-01-01. */
const neverBackedUpBefore = Date.UTC(2002, 0, 1);
const redundancies: readonly string[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

export function toSubscription(sdk: SdkSubscription, tenantIdFallback: string): Subscription {
  const subscriptionId = sdk.subscriptionId ?? parseArmId(required(sdk.id, 'subscription id')).subscriptionId;
  return {
    subscriptionId,
    id: `/subscriptions/${subscriptionId}`,
    name: sdk.displayName ?? subscriptionId,
    tenantId: sdk.tenantId ?? tenantIdFallback,
    state: sdk.state ?? 'Enabled',
  };
}

export function toVault(sdk: SdkVault): Vault {
  const id = required(sdk.id, 'vault id');
  const parts = parseArmId(id);
  const redundancy = sdk.properties?.redundancySettings?.standardTierStorageRedundancy;
  return {
    id,
    name: sdk.name ?? parts.name,
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup ?? '',
    location: sdk.location,
    ...(redundancy && redundancies.includes(redundancy) ? { redundancy: redundancy as StorageRedundancy } : {}),
    crossRegionRestore: sdk.properties?.redundancySettings?.crossRegionRestore === 'Enabled',
    ...optional('provisioningState', sdk.properties?.provisioningState),
    ...optional('softDeleteState', sdk.properties?.securitySettings?.softDeleteSettings?.softDeleteState),
    ...optional('immutabilityState', sdk.properties?.securitySettings?.immutabilitySettings?.state),
    tags: { ...(sdk.tags ?? {}) },
  };
}

export function toVirtualMachine(sdk: SdkVirtualMachine): VirtualMachine {
  const id = required(sdk.id, 'virtual machine id');
  const parts = parseArmId(id);
  const powerState = sdk.instanceView?.statuses?.find((status) => status.code?.toLowerCase().startsWith('powerstate/'))?.code?.slice('PowerState/'.length);
  const osType = sdk.storageProfile?.osDisk?.osType;
  return {
    id,
    name: sdk.name ?? parts.name,
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup ?? '',
    location: sdk.location,
    ...(osType === 'Windows' || osType === 'Linux' ? { osType } : {}),
    ...optional('vmSize', sdk.hardwareProfile?.vmSize),
    ...optional('powerState', powerState),
    ...optional('provisioningState', sdk.provisioningState),
  };
}

/** Maps an AzureIaasVM protected item; items of other workloads give undefined. */
export function toProtectedVm(sdk: ProtectedItemResource, vaultId: string): ProtectedVm | undefined {
  const properties = sdk.properties as AzureIaaSVMProtectedItem | undefined;
  if (!properties || properties.backupManagementType !== 'AzureIaasVM') return undefined;
  const id = required(sdk.id, 'protected item id');
  const virtualMachineId = properties.virtualMachineId ?? properties.sourceResourceId ?? '';
  const lastBackupTime = validDate(properties.lastBackupTime);
  const purgeTime = properties.isScheduledForDeferredDelete ? purgeTimeOf(properties.deferredDeleteTimeInUTC, properties.softDeleteRetentionPeriodInDays, properties.deferredDeleteTimeRemaining) : undefined;
  const vmParts = virtualMachineId ? parseArmId(virtualMachineId) : undefined;
  return {
    id,
    vaultId,
    itemName: sdk.name ?? parseArmId(id).name,
    containerName: /protectionContainers\/([^/]+)/i.exec(id)?.[1] ?? properties.containerName ?? '',
    name: properties.friendlyName ?? vmParts?.name ?? sdk.name ?? '',
    virtualMachineId,
    ...optional('resourceGroup', vmParts?.resourceGroup),
    protectionState: properties.protectionState ?? 'Invalid',
    health: healthOf(properties),
    ...optional('lastBackupStatus', properties.lastBackupStatus || undefined),
    ...(lastBackupTime && lastBackupTime.getTime() >= neverBackedUpBefore ? { lastBackupTime } : {}),
    ...optional('lastRecoveryPoint', validDate(properties.lastRecoveryPoint)),
    ...optional('policyId', properties.policyId || undefined),
    ...optional('policyName', properties.policyName ?? (properties.policyId ? parseArmId(properties.policyId).name : undefined)),
    ...optional('recoveryPointCount', properties.extendedInfo?.recoveryPointCount),
    healthDetails: (properties.healthDetails ?? []).map(
      (detail): HealthDetail => ({
        ...optional('code', detail.code === undefined ? undefined : String(detail.code)),
        ...optional('title', detail.title),
        ...optional('message', detail.message),
        recommendations: [...(detail.recommendations ?? [])],
      }),
    ),
    ...optional('purgeTime', purgeTime),
    ...optional('softDeleteRetentionDays', properties.isScheduledForDeferredDelete ? properties.softDeleteRetentionPeriodInDays : undefined),
  };
}

function healthOf(item: AzureIaaSVMProtectedItem): ProtectionHealth {
  if (item.isScheduledForDeferredDelete) return 'softDeleted';
  const state = item.protectionState ?? '';
  if (state === 'ProtectionStopped' || state === 'BackupsSuspended') return 'stopped';
  if (state === 'IRPending') return 'initialBackupPending';
  if (state === 'ProtectionError' || item.lastBackupStatus === 'Failed' || item.healthStatus === 'ActionRequired') return 'failed';
  if (item.lastBackupStatus === 'CompletedWithWarnings' || item.healthStatus === 'ActionSuggested' || item.protectionStatus === 'Unhealthy') return 'warning';
  return 'healthy';
}

function purgeTimeOf(deletedAt: Date | undefined, retentionDays: number | undefined, remaining: string | undefined): Date | undefined {
  const deleted = validDate(deletedAt);
  if (deleted && retentionDays !== undefined) return new Date(deleted.getTime() + retentionDays * 86_400_000);
  const remainingMs = parseServiceDuration(remaining);
  return remainingMs === undefined ? undefined : new Date(Date.now() + remainingMs);
}

/** Maps an AzureIaasVM policy; policies of other workloads give undefined. */
export function toBackupPolicy(sdk: ProtectionPolicyResource, vaultId: string): BackupPolicy | undefined {
  const properties = sdk.properties as AzureIaaSVMProtectionPolicy | undefined;
  if (!properties || properties.backupManagementType !== 'AzureIaasVM') return undefined;
  const id = required(sdk.id, 'policy id');
  const schedule = properties.schedulePolicy as { schedulePolicyType?: string; scheduleRunFrequency?: string } | undefined;
  const enhanced = properties.policyType === 'V2' || schedule?.schedulePolicyType === 'SimpleSchedulePolicyV2';
  const retention = properties.retentionPolicy as { dailySchedule?: { retentionDuration?: { count?: number } } } | undefined;
  return {
    id,
    name: sdk.name ?? parseArmId(id).name,
    vaultId,
    kind: enhanced ? 'Enhanced' : 'Standard',
    ...optional('frequency', schedule?.scheduleRunFrequency),
    ...optional('timeZone', properties.timeZone),
    protectedItemsCount: properties.protectedItemsCount ?? 0,
    ...optional('instantRestoreDays', properties.instantRpRetentionRangeInDays),
    ...optional('dailyRetentionDays', retention?.dailySchedule?.retentionDuration?.count),
  };
}

export function toBackupJob(sdk: JobResource, vaultId: string): BackupJob {
  const id = required(sdk.id, 'job id');
  const properties = (sdk.properties ?? {}) as Partial<AzureIaaSVMJob>;
  const startTime = validDate(properties.startTime);
  const endTime = validDate(properties.endTime);
  const duration = parseServiceDuration(properties.duration);
  return {
    id,
    jobName: sdk.name ?? parseArmId(id).name,
    vaultId,
    operation: properties.operation ?? '',
    status: properties.status ?? 'Unknown',
    entityFriendlyName: properties.entityFriendlyName ?? '',
    ...optional('startTime', startTime),
    ...optional('endTime', endTime),
    ...optional('durationMs', duration ?? (startTime && endTime ? endTime.getTime() - startTime.getTime() : undefined)),
    subtasks: (properties.extendedInfo?.tasksList ?? []).map((task) => ({
      name: task.taskId ?? '',
      status: task.status ?? '',
      ...optional('durationMs', parseServiceDuration(task.duration)),
    })),
    errors: (properties.errorDetails ?? []).map((error) => ({
      code: error.errorTitle || String(error.errorCode ?? ''),
      message: error.errorString ?? '',
      recommendations: [...(error.recommendations ?? [])],
    })),
    cancellable: (properties.actionsInfo ?? []).includes('Cancellable'),
  };
}

function validDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`Azure answered without a ${what}.`);
  return value;
}

/** `{ key: value }` when value is defined, else `{}`: keeps optional fields truly absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
