import { l10n } from 'vscode';
import { parseArmId } from '../azure/armId';
import { jobLabel, jobTiming, statusText } from '../jobs/jobText';
import type { RunningJob } from '../jobs/jobWatcher';
import { revealJob } from '../tree/jobNodes';
import type { ExtensionServices } from './services';

/** The status bar's click: picks one of the running jobs (if several) and shows it in the tree. */
export async function showRunningJobs(services: ExtensionServices): Promise<void> {
  const running = services.jobsView.watcher.running();
  if (running.length === 0) {
    await services.prompts.info(l10n.t('No Azure Backup job is running.'));
    return;
  }
  const picked =
    running.length === 1
      ? running[0]
      : await services.prompts.pickOne(
          running.map((job) => ({ label: runningLabel(job), description: runningDescription(job), detail: parseArmId(job.vaultId).name, value: job })),
          { title: l10n.t('Running Backup Jobs'), placeholder: l10n.t('Pick a job to show it in the Backups view') },
        );
  if (!picked) return;
  await revealJob(services.view, picked.vaultId, picked.job?.id);
}

function runningLabel(running: RunningJob): string {
  return `$(sync~spin) ${running.job ? jobLabel(running.job) : (running.label ?? running.jobName)}`;
}

function runningDescription(running: RunningJob): string {
  if (!running.job) return l10n.t('starting…');
  return [statusText(running.job.status), jobTiming(running.job)].filter(Boolean).join(' · ');
}
