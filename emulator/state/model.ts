/**
 * What the emulator remembers. Everything here is plain JSON so it can be written to the
 * --state file as is. Maps are keyed by lower-cased names or ids, because ARM compares them
 * case-insensitively; the records keep the casing the client first used.
 */
export interface EmulatorState {
  schemaVersion: 1;
  tenant: { tenantId: string; displayName: string; defaultDomain: string };
  subscriptions: Record<string, SubscriptionRecord>;
  resourceGroups: Record<string, ResourceGroupRecord>;
  virtualMachines: Record<string, VirtualMachineRecord>;
  vaults: Record<string, VaultRecord>;
  /** Virtual networks, network interfaces, public IP addresses and network security groups, keyed by lower-cased id. */
  networkResources: Record<string, ResourceRecord>;
  /** Storage accounts, keyed by lower-cased id. */
  storageAccounts: Record<string, ResourceRecord>;
  /** Template deployments at resource-group scope, keyed by lower-cased id. */
  deployments: Record<string, DeploymentRecord>;
  /**
   * Restore point collections Azure Backup made for instant restore (Microsoft.Compute/restorePointCollections),
   * keyed by lower-cased id; properties.source.id names the VM.
   */
  restorePointCollections: Record<string, ResourceRecord>;
  /** Managed disks (Microsoft.Compute/disks) restores made, keyed by lower-cased id. */
  disks: Record<string, ResourceRecord>;
  /**
   * Blobs of the storage accounts the emulator holds (a restore's configuration and template), keyed by
   * `<account>/<container>/<blob>` with account and container lower-cased (blob names keep their case).
   */
  blobs: Record<string, BlobRecord>;
  /** Asynchronous operations, keyed by operation id. */
  operations: Record<string, OperationRecord>;
}

/** A resource the emulator keeps as ARM shows it (networks, storage accounts). */
export interface ResourceRecord {
  subscriptionId: string;
  resourceGroup: string;
  resource: ArmResourceJson;
  /** When a create or update finishes (provisioningState Updating/Creating until then). */
  provisioningUntil?: number;
}

/**
 * A template deployment. The template and the parameters as sent are kept (securestring values
 * too, as the deployment needs them), but no answer ever returns a securestring value.
 */
export interface DeploymentRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  id: string;
  /** Filled by the deployment engine (emulator/deployments). */
  [key: string]: unknown;
}

/** A block blob: enough to serve it to a deployment's templateLink. */
export interface BlobRecord {
  account: string;
  container: string;
  name: string;
  contentType: string;
  content: string;
  createdAt: number;
}

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  locations: string[];
}

export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export interface ArmResourceJson {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  [key: string]: unknown;
}

export interface VirtualMachineRecord {
  subscriptionId: string;
  resourceGroup: string;
  /** The VM as ARM shows it, less what the emulator works out on reading (provisioningState). */
  resource: ArmResourceJson;
  /** When a create or update finishes (provisioningState Creating/Updating until then). */
  provisioningUntil?: number;
  provisioningKind?: 'Creating' | 'Updating';
  powerState: 'running' | 'stopped' | 'deallocated';
}

export interface VaultRecord {
  subscriptionId: string;
  resourceGroup: string;
  resource: ArmResourceJson;
  provisioningUntil?: number;
  /** Becomes true with the first protected item: the storage redundancy can no longer change. */
  storageLocked: boolean;
  policies: Record<string, PolicyRecord>;
  protectedItems: Record<string, ProtectedItemRecord>;
  jobs: Record<string, JobRecord>;
  /** VM ids (lower case) found by the last completed container refresh. */
  discoveredVmIds: string[];
  /** Times of policy creates and edits, for the 50-per-24-hours limit. */
  policyWrites: number[];
  /** backupProtectionIntent resources put to this vault, keyed by lower-cased intent name. */
  protectionIntents?: Record<string, ProtectionIntentRecord>;
}

/**
 * A backupProtectionIntent (AzureResourceItem): what was asked. Its state is read from the protected
 * item it made; when the VM could not be protected, why (the intent's PUT does not say).
 */
export interface ProtectionIntentRecord {
  /** e.g. vm;iaasvmcontainerv2;rg;vm, as the client spelled it */
  name: string;
  sourceResourceId: string;
  policyId: string;
  friendlyName?: string;
  failure?: { code: string; message: string };
}

export interface PolicyRecord {
  name: string;
  properties: Record<string, unknown>;
}

export type ProtectionState = 'IRPending' | 'Protected' | 'ProtectionError' | 'ProtectionStopped' | 'ProtectionPaused' | 'BackupsSuspended';

export interface ProtectedItemRecord {
  /** e.g. VM;iaasvmcontainerv2;rg;vm */
  name: string;
  /** e.g. IaasVMContainer;iaasvmcontainerv2;rg;vm */
  containerName: string;
  virtualMachineId: string;
  friendlyName: string;
  policyName?: string;
  protectionState: ProtectionState;
  lastBackupStatus: '' | 'Completed' | 'Failed' | 'CompletedWithWarnings';
  lastBackupTime?: string;
  lastBackupError?: JobError;
  protectedItemDataId: string;
  createdAt: number;
  /** Set while the item is soft-deleted: when it was deleted and when it is purged. */
  softDeletedAt?: number;
  purgeAt?: number;
  recoveryPoints: RecoveryPointRecord[];
  /** Start times of on-demand backups, for the daily limit. */
  onDemandBackups: number[];
}

export interface RecoveryPointRecord {
  name: string;
  time: string;
  type: 'AppConsistent' | 'CrashConsistent' | 'FileSystemConsistent';
  /** When the vault (or archive) copy expires, and the point with it; none: kept until deleted. */
  expiresAt?: string;
  /** When the snapshot tier (instant restore) goes; none: the point never had one here. */
  snapshotUntil?: string;
  /** When the vault copy moved to the archive tier. */
  archivedAt?: string;
  /** The retention rule that keeps it (recoveryPointProperties.ruleName). */
  ruleName?: string;
  /** Until when a restore's rehydration keeps the archived copy readable. */
  rehydratedUntil?: string;
  /** The VM as it was backed up: what a restore recreates. Points made before this was kept have none. */
  source?: RecoveryPointSource;
}

export interface RecoveryPointDisk {
  lun: number;
  name: string;
  diskSizeGB: number;
  storageAccountType: string;
}

export interface RecoveryPointSource {
  vmSize: string;
  osType: 'Linux' | 'Windows';
  zones?: string[];
  osDisk: Omit<RecoveryPointDisk, 'lun'>;
  dataDisks: RecoveryPointDisk[];
  /** The subnet of the VM's primary interface at backup, the restore template's default network. */
  subnetId?: string;
}

export type JobOperation = 'Backup' | 'ConfigureBackup' | 'DeleteBackupData' | 'DisableBackup' | 'Undelete' | 'Restore';
export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled' | 'Cancelling';

export interface JobError {
  /** The service's numeric code (errorDetails[].errorCode). */
  numericCode: number;
  code: string;
  message: string;
  recommendations: string[];
}

export type RecoveryType = 'AlternateLocation' | 'RestoreDisks' | 'OriginalLocation';

export interface RestoreJobRecord {
  recoveryType: RecoveryType;
  pointName: string;
  pointTime: string;
  region: string;
  storageAccountId: string;
  targetResourceGroupId?: string;
  targetVirtualMachineId?: string;
  subnetId?: string;
  zones?: string[];
  rehydration?: { priority: 'Standard' | 'High'; retentionDays: number };
  /** The backed-up VM, as the point keeps it. */
  source: RecoveryPointSource;
  /** Names decided when the job starts, so a restart makes the same resources. */
  stamp: string;
  configContainer?: string;
  /** What the restore made, once it ended. */
  made?: { diskIds: string[]; virtualMachineId?: string; networkInterfaceId?: string; configBlob?: string; templateBlob?: string; replacedDiskIds?: string[] };
}

export interface JobTaskPlan {
  taskId: string;
  durationMs: number;
}

export interface JobRecord {
  id: string;
  operation: JobOperation;
  entityFriendlyName: string;
  protectedItemName?: string;
  virtualMachineId?: string;
  startTime: number;
  /** Phases in order; the job ends when the last one does. */
  tasks: JobTaskPlan[];
  /** Decided when the job starts, so a restart replays it the same way. */
  outcome: { status: 'Completed' | 'Failed'; error?: JobError };
  backupType?: 'OnDemand' | 'Scheduled';
  recoveryPointExpiry?: string;
  cancelRequestedAt?: number;
  /** For a Restore job: what was asked, and once it ended, what it made. */
  restore?: RestoreJobRecord;
  /** Set once the job's end and its effects have been applied. */
  endTime?: number;
  finalStatus?: JobStatus;
  activityId: string;
}

export type OperationKind =
  | 'vaultCreate'
  | 'vaultDelete'
  | 'vmCreate'
  | 'vmDelete'
  | 'refreshContainers'
  | 'protectedItem'
  | 'backup'
  | 'jobCancel'
  | 'policyUpdate'
  | 'storageConfig'
  | 'networkPut'
  | 'networkDelete'
  | 'storageAccountCreate'
  | 'resourceGroupDelete'
  | 'deploymentDelete'
  | 'restore'
  | 'validateRestore';

export interface OperationRecord {
  id: string;
  kind: OperationKind;
  startTime: number;
  endTime: number;
  /** The vault (lower-cased id) or VM it concerns. */
  resourceKey: string;
  /** The protected item (lower-cased name) for item operations. */
  itemKey?: string;
  jobId?: string;
  error?: { code: string; message: string; details?: { code: string; target?: string; message: string }[] };
  /** Applied once, when the operation ends (a discovery's findings, for instance). */
  effectApplied?: boolean;
  /** A validate operation's findings (ValidateOperationResponse.validationResults). */
  validationResults?: { code: string; message: string; recommendations: string[] }[];
}
