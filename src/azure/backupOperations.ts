import type { BackupJob, BackupPolicy, ProtectedVm, Vault, VirtualMachine } from './model';

/** Which vault, if any, protects a VM, as the regional backup-status API answers. */
export interface VmBackupStatus {
  /** True whenever a vault holds the VM (also stopped or failed protection): it cannot be protected elsewhere. */
  protected: boolean;
  /** The protecting vault's ARM id, when protected. */
  vaultId?: string;
  /** The protected item's ARM id (…/protectedItems/VM;iaasvmcontainerv2;rg;vm), when protected. */
  protectedItemId?: string;
  policyName?: string;
}

/**
 * How to stop protection: keep the recovery points (ProtectionStopped), keep them as the policy
 * says (BackupsSuspended: the policy stays, points expire by it; what immutable vaults allow), or
 * delete them (soft-deleted for the vault's soft-delete period).
 */
export type StopMode = 'retainData' | 'retainAsPerPolicy' | 'deleteData';

/** What a vault's security settings mean for deleting data. */
export interface VaultSecurity {
  softDeleteState: 'Enabled' | 'Disabled' | 'AlwaysOn';
  /** How long deleted backup data stays soft-deleted (14–180 days). */
  softDeleteRetentionDays: number;
  immutability: 'Disabled' | 'Unlocked' | 'Locked';
}

/** The job an operation started, when the service names one. */
export interface StartedJob {
  jobId?: string;
}

/**
 * The write side of Azure Backup for VMs. Each method follows the service's asynchronous
 * operation (Location / Azure-AsyncOperation, honouring Retry-After) to its end, because SDK
 * 12.0.0 does not, and fails with an AzureError. Plain Node: no `vscode`.
 */
export interface BackupOperations {
  backupStatus(vm: VirtualMachine, signal?: AbortSignal): Promise<VmBackupStatus>;
  /** Runs discovery (refresh containers) only when the vault does not yet list the VM as protectable. */
  ensureProtectable(vault: Vault, vm: VirtualMachine, signal?: AbortSignal): Promise<void>;
  enableProtection(vault: Vault, vm: VirtualMachine, policy: BackupPolicy, signal?: AbortSignal): Promise<StartedJob>;
  /** The backup job running on the item now, if any (one jobs-list request). */
  runningBackup(item: ProtectedVm, signal?: AbortSignal): Promise<BackupJob | undefined>;
  /**
   * Starts a backup that keeps its recovery point until `retainUntil`. Never starts a second one:
   * when a backup already runs, or a retried request already started one, answers that job.
   */
  backUpNow(item: ProtectedVm, retainUntil: Date, signal?: AbortSignal): Promise<{ jobId: string; alreadyRunning: boolean }>;
  getJob(vaultId: string, jobName: string, signal?: AbortSignal): Promise<BackupJob>;
  cancelJob(vaultId: string, jobName: string, signal?: AbortSignal): Promise<void>;
  stopProtection(item: ProtectedVm, mode: StopMode, signal?: AbortSignal): Promise<StartedJob>;
  resumeProtection(item: ProtectedVm, policyId: string, signal?: AbortSignal): Promise<StartedJob>;
  undelete(item: ProtectedVm, signal?: AbortSignal): Promise<StartedJob>;
  /** Updates the item in place with another policy; never deletes and re-creates it. */
  changePolicy(item: ProtectedVm, policyId: string, signal?: AbortSignal): Promise<StartedJob>;
  vaultSecurity(vault: Vault, signal?: AbortSignal): Promise<VaultSecurity>;
  deleteVault(vault: Vault, signal?: AbortSignal): Promise<void>;
}
