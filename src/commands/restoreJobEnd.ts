import { l10n } from 'vscode';
import type { LogOutputChannel } from 'vscode';
import { sameArmId } from '../azure/armId';
import type { BackupJob, ProtectedVm, Vault } from '../azure/model';
import type { RestoreStarted } from '../azure/restoreOperations';
import { jobDetails, jobEndMessage, jobErrorText } from '../jobs/jobText';
import type { RestoreRequest } from '../restore/restoreRequest';
import { revealJob } from '../tree/jobNodes';
import { jobFailureText } from './jobOutcome';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

/** What the end of a "Restore disks" job offers. */
export interface RestoreEndActions {
  createVmFromDisks(vaultId: string, jobName: string): Promise<void>;
}

/**
 * Follows a restore's job with the job tracker (status bar, job rows with their subtasks), then
 * says how it ended in the restore's own words: a new VM is revealed in "Virtual machines without
 * backup"; restored disks offer "Create VM from restored disks"; replaced disks say where the old
 * ones are; a failure gives Azure's code, its message and what to do. For a restore that was
 * already running (attached), what it restores is not known here: its end is said plainly.
 */
export async function followRestore(services: FlowServices, target: { vault: Vault; item: ProtectedVm }, request: Pick<RestoreRequest, 'type' | 'vmName' | 'targetResourceGroup'>, started: RestoreStarted, actions: RestoreEndActions): Promise<void> {
  const { vault, item } = target;
  services.view.refresh(vault.id);
  const label = l10n.t('Restore {0}', item.name);
  const job = await services.jobs.follow({ vaultId: vault.id, jobName: started.jobId, label }, { notify: false });
  services.view.refresh(vault.id);
  await announceRestoreEnd(services, target, started.alreadyRunning ? undefined : request, job, actions);
}

export async function announceRestoreEnd(services: FlowServices, target: { vault: Vault; item: ProtectedVm }, request: Pick<RestoreRequest, 'type' | 'vmName' | 'targetResourceGroup'> | undefined, job: BackupJob, actions: RestoreEndActions): Promise<void> {
  const { vault, item } = target;
  const showJob = l10n.t('Show job');
  const showDetails = l10n.t('Show details');
  const ended = jobEndMessage(job);
  const answered = async (answer: string | undefined) => {
    if (answer === showJob) await revealJob(services.view, vault.id, job.id);
    if (answer === showDetails) showJobDetails(services, job);
  };
  if (job.status === 'Failed') {
    services.log.error(`${ended}: ${job.errors.map((error) => `${error.code}: ${error.message}`).join(' ') || job.status}`);
    return answered(await services.prompts.error(`${ended}: ${jobFailureText(job)}`, showDetails, showJob));
  }
  if (job.status !== 'Completed' && job.status !== 'CompletedWithWarnings') {
    return answered(await services.prompts.info(job.status === 'Cancelled' ? l10n.t('{0}: nothing more is restored.', ended) : ended, showJob));
  }
  const warned = job.status === 'CompletedWithWarnings' ? [showDetails] : [];
  switch (request?.type) {
    case 'newVm': {
      const revealed = await revealRestoredVm(services, vault.subscriptionId, request.targetResourceGroup, request.vmName);
      const where = revealed ? l10n.t(' It is shown under "Virtual machines without backup": enable its backup to protect it.') : '';
      return answered(await services.prompts.info(l10n.t('{0}: the new VM {1} is in resource group {2}.{3}', ended, request.vmName, request.targetResourceGroup, where), showJob, ...warned));
    }
    case 'restoreDisks': {
      const create = l10n.t('Create VM from restored disks');
      const group = request.targetResourceGroup ? l10n.t(' in resource group {0}', request.targetResourceGroup) : '';
      const answer = await services.prompts.info(l10n.t('{0}: the disks of {1} are restored{2}, with a template to build a VM from them.', ended, item.name, group), create, showJob, ...warned);
      if (answer === create) return actions.createVmFromDisks(vault.id, job.jobName);
      return answered(answer);
    }
    case 'replaceDisks':
      services.view.refresh(subscriptionScope(vault.subscriptionId));
      return answered(await services.prompts.info(l10n.t('{0}: the disks of {1} were replaced by those of the recovery point. Its previous disks stay, detached, in its resource group: delete them once you no longer need them.', ended, item.name), showJob, ...warned));
    default:
      return answered(await services.prompts.info(ended, showJob, ...warned));
  }
}

/** Refreshes the subscription and reveals the new VM in "Virtual machines without backup"; false when the listing does not show it yet. */
async function revealRestoredVm(services: FlowServices, subscriptionId: string, resourceGroup: string, name: string): Promise<boolean> {
  const scope = subscriptionScope(subscriptionId);
  services.view.refresh(scope);
  const id = `${scope}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
  const vm = (await services.azure().cache.unprotectedVms(subscriptionId)).find((candidate) => sameArmId(candidate.id, id));
  return vm ? services.view.reveal([scope, `${scope}/virtualMachinesWithoutBackup`, vm.id]) : false;
}

/** The job's errors, subtasks and recommended actions, written to the log, which opens. */
function showJobDetails(services: FlowServices, job: BackupJob): void {
  services.log.info(`Details of ${job.operation} of ${job.entityFriendlyName} (${job.jobName}):`);
  for (const line of jobDetails(job)) services.log.info(line);
  for (const error of job.errors) services.log.info(`  What to do: ${jobErrorText(error)}`);
  (services.log as Partial<Pick<LogOutputChannel, 'show'>>).show?.(true);
}
