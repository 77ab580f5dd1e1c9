import { l10n } from 'vscode';
import type { BackupJob } from '../azure/model';
import { jobLabel, jobTiming } from '../jobs/jobText';
import { isRunningStatus } from '../jobs/jobWatcher';
import { JobNode } from '../tree/jobNodes';
import type { ExtensionServices } from './services';

/**
 * Cancels a running job after the user confirms. The service allows it only while a backup takes
 * its snapshot, so the menu offers it only on cancellable jobs; the palette asks for one of those.
 */
export async function cancelJob(services: ExtensionServices, node?: unknown): Promise<void> {
  const job = node instanceof JobNode ? node.job : await pickCancellableJob(services);
  if (!job) return;
  const cancel = l10n.t('Cancel Job');
  const confirmed =
    (await services.prompts.confirm(
      l10n.t('Cancel {0}?', jobLabel(job)),
      l10n.t('The VM keeps its earlier recovery points. A backup can be cancelled only while it takes the snapshot.'),
      cancel,
    )) === cancel;
  if (!confirmed) return;
  await services.azure().operations.cancelJob(job.vaultId, job.jobName);
  services.log.info(`Cancelled job ${job.jobName} (${jobLabel(job)}) in ${job.vaultId}`);
  // Watch it until it shows Cancelled (the tree and status bar follow), and say so at the end.
  services.jobsView.watcher.watch([job]);
  services.jobs.follow({ vaultId: job.vaultId, jobName: job.jobName, label: jobLabel(job) }).catch((error: Error) => services.log.warn(`Following the cancelled job ${job.jobName} failed: ${error.message}`));
  services.view.refresh(`${job.vaultId}#jobs`);
}

async function pickCancellableJob(services: ExtensionServices): Promise<BackupJob | undefined> {
  const jobs = services.jobsView.watcher
    .running()
    .flatMap((running) => (running.job && running.job.cancellable && isRunningStatus(running.job.status) ? [running.job] : []));
  if (jobs.length === 0) {
    await services.prompts.info(l10n.t('No running backup job can be cancelled now. A backup can be cancelled only while it takes the snapshot.'));
    return undefined;
  }
  return services.prompts.pickOne(
    jobs.map((job) => ({ label: jobLabel(job), description: jobTiming(job), value: job })),
    { title: l10n.t('Cancel Job'), placeholder: l10n.t('Pick the job to cancel') },
  );
}
