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

/** How consistent a recovery point is: the VM's applications were quiesced, its file systems, or neither. */
export type RecoveryPointConsistency = 'application' | 'fileSystem' | 'crash' | 'unknown';

/**
 * Where a recovery point can be restored from: the snapshot kept with the VM's disks (instant
 * restore), that snapshot and the vault, the vault only, or the archive tier (rehydrated first).
 */
export type RecoveryPointTier = 'snapshot' | 'snapshotAndVault' | 'vault' | 'archive';

export interface RecoveryPoint {
  id: string;
  /** The point's name: the recoveryPointId a restore names. */
  name: string;
  time: Date;
  consistency: RecoveryPointConsistency;
  tier: RecoveryPointTier;
  /** For a point in the archive tier: rehydrated (back in the vault tier for a while), so it restores without rehydrating. */
  rehydrated: boolean;
  /** Until when a rehydrated point stays in the vault tier. */
  rehydratedUntil?: Date;
  /** When the point expires (the policy's retention, or the retain-until of an on-demand backup). */
  expiry?: Date;
  /** The VM's zone at backup time ([] when it was not zone-pinned). */
  zones: string[];
  vmSize?: string;
  osType?: 'Windows' | 'Linux';
  /** The VM had managed disks. */
  managed: boolean;
  /** The VM was encrypted (Azure Disk Encryption) when the point was taken. */
  encrypted: boolean;
  /** The VM had premium disks (sourceVMStorageType Premium…). */
  premiumDisks: boolean;
  /** The point as Azure sent it, for "View Properties". */
  raw: unknown;
}
