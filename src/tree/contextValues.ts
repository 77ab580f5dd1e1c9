import { protectionStage, type ProtectedVm, type RecoveryPoint } from '../azure/model';

/**
 * Context values of tree items, declared once. Menus match them with regular expressions on
 * `viewItem`, e.g. `viewItem =~ /^azureVmBackup\.protectedVm\.stopped/`.
 */
export const contextValues = {
  subscription: 'azureVmBackup.subscription',
  vault: 'azureVmBackup.vault',
  policies: 'azureVmBackup.policies',
  policy: (kind: 'Standard' | 'Enhanced') => `azureVmBackup.policy.${kind.toLowerCase()}`,
  unprotectedVms: 'azureVmBackup.unprotectedVms',
  unprotectedVm: 'azureVmBackup.unprotectedVm',
  /** protecting (backups run, including initial backup pending), stopped, or softDeleted. */
  protectedVm: (vm: ProtectedVm) => `azureVmBackup.protectedVm.${protectionStage(vm)}.${vm.health}`,
  /** A vault's "Backup jobs" folder. */
  jobs: 'azureVmBackup.jobs',
  /** azureVmBackup.job.<status in lower camel case>[.cancellable], e.g. azureVmBackup.job.inProgress.cancellable */
  job: (status: string, cancellable: boolean) => `azureVmBackup.job.${status.charAt(0).toLowerCase()}${status.slice(1)}${cancellable ? '.cancellable' : ''}`,
  /** A job's subtask, error or recommended action. */
  jobDetail: 'azureVmBackup.jobDetail',
  /**
   * azureVmBackup.recoveryPoint.<tier>[.rehydrated][.softDeleted]: tier is snapshot, snapshotAndVault,
   * vault or archive; .rehydrated for an archived point readable without rehydrating; .softDeleted
   * when the VM's backup is soft-deleted (Azure restores nothing until it is undeleted). Restore
   * binds to /^azureVmBackup\.recoveryPoint\.[a-zA-Z]+(\.rehydrated)?$/.
   */
  recoveryPoint: (point: Pick<RecoveryPoint, 'tier' | 'rehydrated'>, itemSoftDeleted: boolean) =>
    `azureVmBackup.recoveryPoint.${point.tier}${point.tier === 'archive' && point.rehydrated ? '.rehydrated' : ''}${itemSoftDeleted ? '.softDeleted' : ''}`,
  /** The last line under a VM's recovery points: "Show older…" or "Show last 30 days". */
  recoveryPointRange: 'azureVmBackup.recoveryPointRange',
  loadError: 'azureVmBackup.loadError',
  signInTenant: 'azureVmBackup.signInTenant',
  message: 'azureVmBackup.message',
} as const;
