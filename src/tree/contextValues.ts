import type { ProtectedVm } from '../azure/model';

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
  protectedVm: (vm: ProtectedVm) => `azureVmBackup.protectedVm.${vm.health === 'softDeleted' ? 'softDeleted' : vm.health === 'stopped' ? 'stopped' : 'protecting'}.${vm.health}`,
  loadError: 'azureVmBackup.loadError',
  signInTenant: 'azureVmBackup.signInTenant',
  message: 'azureVmBackup.message',
} as const;
