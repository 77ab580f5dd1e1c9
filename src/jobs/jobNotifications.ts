import { l10n } from 'vscode';
import type { Disposable, LogOutputChannel } from 'vscode';
import type { BackupJob } from '../azure/model';
import type { BackupView } from '../commands/services';
import { revealJob } from '../tree/jobNodes';
import type { UserPrompts } from '../ui/userPrompts';
import { jobDetails, jobEndMessage, jobErrorText } from './jobText';
import type { JobEnded, JobWatcher } from './jobWatcher';

export interface JobNotificationServices {
  log: LogOutputChannel;
  prompts: UserPrompts;
  view: BackupView;
}

/**
 * Every job end goes to the log; a job started from this window with `notify` also gets a
 * message: "Show job" on success, the mapped error and "Show details" on failure.
 */
export class JobNotifications implements Disposable {
  private readonly subscription: { dispose(): void };

  constructor(
    watcher: JobWatcher,
    private readonly services: JobNotificationServices,
  ) {
    this.subscription = watcher.onDidEndJob((event) => void this.ended(event));
  }

  private async ended({ job, notify }: JobEnded): Promise<void> {
    const log = this.services.log;
    const lines = jobDetails(job);
    if (job.status === 'Failed') lines.forEach((line) => log.error(line));
    else if (job.status === 'CompletedWithWarnings') lines.forEach((line) => log.warn(line));
    else lines.forEach((line) => log.info(line));
    if (!notify) return;
    const showJob = l10n.t('Show job');
    const showDetails = l10n.t('Show details');
    try {
      if (job.status === 'Failed') {
        const reason = job.errors[0] ? `: ${jobErrorText(job.errors[0])}` : '';
        const answer = await this.services.prompts.error(`${jobEndMessage(job)}${reason}`, showDetails, showJob);
        if (answer === showDetails) this.showDetails(job);
        if (answer === showJob) await revealJob(this.services.view, job.vaultId, job.id);
        return;
      }
      const actions = job.status === 'CompletedWithWarnings' ? [showJob, showDetails] : [showJob];
      const answer = await this.services.prompts.info(jobEndMessage(job), ...actions);
      if (answer === showDetails) this.showDetails(job);
      if (answer === showJob) await revealJob(this.services.view, job.vaultId, job.id);
    } catch (error) {
      log.warn(`Showing the end of job ${job.jobName} failed: ${(error as Error).message}`);
    }
  }

  /** The job's errors, subtasks and recommended actions, written to the log, which opens. */
  private showDetails(job: BackupJob): void {
    const log = this.services.log;
    log.info(`Details of ${job.operation} of ${job.entityFriendlyName} (${job.jobName}):`);
    for (const line of jobDetails(job)) log.info(line);
    for (const error of job.errors) log.info(`  What to do: ${jobErrorText(error)}`);
    log.show(true);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
