// The extension's own view of Azure Backup, mapped from the SDK models (see mappers.ts) so the
// tree and commands never depend on an SDK's shapes or its optional-everything types.

export interface Subscription {
  /** The subscription's GUID. */
  subscriptionId: string;
  /** `/subscriptions/{guid}` */
  id: string;
  name: string;
  tenantId: string;
  /** Enabled, Warned, PastDue, Disabled, Deleted */
  state: string;
}

export type StorageRedundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export interface Vault {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Undefined when the service did not say (older vaults). */
  redundancy?: StorageRedundancy;
  crossRegionRestore: boolean;
  provisioningState?: string;
  softDeleteState?: string;
  immutabilityState?: string;
  tags: Record<string, string>;
}

export interface VirtualMachine {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  osType?: 'Windows' | 'Linux';
  vmSize?: string;
  /** running, stopped, deallocated, starting…; undefined when the listing had no status. */
  powerState?: string;
  provisioningState?: string;
}

/** How a protected VM is doing, as the tree shows it. */
export type ProtectionHealth = 'healthy' | 'warning' | 'failed' | 'initialBackupPending' | 'stopped' | 'softDeleted';

/** Where an item stands, as the menus know it: backups run (whatever their health), stopped, or soft-deleted. */
export type ProtectionStage = 'protecting' | 'stopped' | 'softDeleted';

export function protectionStage(item: Pick<ProtectedVm, 'health'>): ProtectionStage {
  return item.health === 'softDeleted' ? 'softDeleted' : item.health === 'stopped' ? 'stopped' : 'protecting';
}

export interface HealthDetail {
  code?: string;
  title?: string;
  message?: string;
  recommendations: string[];
}

export interface ProtectedVm {
  /** The protected item's ARM id (…/protectionContainers/{c}/protectedItems/{i}). */
  id: string;
  vaultId: string;
  /** The protected item name, e.g. VM;iaasvmcontainerv2;rg;vm */
  itemName: string;
  containerName: string;
  /** The VM's name as the service shows it. */
  name: string;
  /** The VM's ARM id. */
  virtualMachineId: string;
  resourceGroup?: string;
  protectionState: string;
  health: ProtectionHealth;
  lastBackupStatus?: string;
  /** Undefined when the VM was never backed up (the service sends 2001-01-01 then). */
  lastBackupTime?: Date;
  lastRecoveryPoint?: Date;
  policyId?: string;
  policyName?: string;
  recoveryPointCount?: number;
  healthDetails: HealthDetail[];
  /** When soft-deleted: when the data is purged for good. */
  purgeTime?: Date;
  softDeleteRetentionDays?: number;
}

export type PolicyKind = 'Standard' | 'Enhanced';

export interface BackupPolicy {
  id: string;
  name: string;
  vaultId: string;
  kind: PolicyKind;
  /** Hourly, Daily or Weekly */
  frequency?: string;
  timeZone?: string;
  protectedItemsCount: number;
  instantRestoreDays?: number;
  dailyRetentionDays?: number;
}

export interface JobSubtask {
  name: string;
  status: string;
  durationMs?: number;
}

export interface BackupJob {
  id: string;
  /** The job's name: a GUID. */
  jobName: string;
  vaultId: string;
  operation: string;
  status: string;
  entityFriendlyName: string;
  startTime?: Date;
  endTime?: Date;
  durationMs?: number;
  subtasks: JobSubtask[];
  errors: { code: string; message: string; recommendations: string[] }[];
  cancellable: boolean;
}
