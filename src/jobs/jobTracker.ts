import type { BackupJob } from '../azure/model';

/** A job started from this window, and what the user asked for, for the notification when it ends. */
export interface FollowedJob {
  vaultId: string;
  /** The job's name (a GUID), as the service's operation status names it. */
  jobName: string;
  /** e.g. 'Back up vm-web-01' */
  label: string;
}

/** Follows jobs started from this window; the status bar counts them while they run. */
export interface JobTracker {
  /**
   * Resolves with the job's final state once it leaves InProgress/Cancelling. `notify: false`
   * when the caller shows its own message at the end (default: a notification is shown).
   */
  follow(job: FollowedJob, options?: { notify?: boolean; signal?: AbortSignal }): Promise<BackupJob>;
}
