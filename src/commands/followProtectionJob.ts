import type { StartedJob } from '../azure/backupOperations';
import type { BackupJob, Vault } from '../azure/model';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

/** Redraws a vault and its subscription: an item's state changed, and its VM may join or leave "without backup". */
export function refreshProtection(services: FlowServices, vault: Vault): void {
  services.view.refresh(vault.id);
  services.view.refresh(subscriptionScope(vault.subscriptionId));
}

/**
 * After a change to a protected item: redraws at once, follows the job the service started (if
 * it named one) and redraws again when the job ends. Answers the job's final state.
 */
export async function followProtectionJob(services: FlowServices, vault: Vault, started: StartedJob, label: string, options: { notify: boolean }): Promise<BackupJob | undefined> {
  refreshProtection(services, vault);
  if (!started.jobId) return undefined;
  const job = await services.jobs.follow({ vaultId: vault.id, jobName: started.jobId, label }, { notify: options.notify });
  refreshProtection(services, vault);
  return job;
}

