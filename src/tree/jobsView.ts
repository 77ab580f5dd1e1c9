import type { BackupJob } from '../azure/model';
import { isRunningStatus, type JobWatcher } from '../jobs/jobWatcher';
import type { BackupTreeNode } from './treeNode';

const maxEndedDetails = 500;

/** The statuses a jobs folder can be narrowed to; InProgress includes Cancelling. */
export type JobStatusFilter = 'all' | 'InProgress' | 'Completed' | 'Failed' | 'Cancelled' | 'CompletedWithWarnings';

export function matchesFilter(job: BackupJob, filter: JobStatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'InProgress') return job.status === 'InProgress' || job.status === 'Cancelling';
  return job.status === filter;
}

/** Reads one job with its details (subtasks, errors): Azure's jobs listing leaves the subtasks out. */
export type ReadJobDetails = (vaultId: string, jobName: string, signal?: AbortSignal) => Promise<BackupJob>;

/** The parts of the tree provider the jobs folders drive. */
export interface JobsTree {
  /** Redraws a node from what is loaded, without asking Azure again. */
  redraw(node: BackupTreeNode): void;
  /** Forgets the loads under an ARM id and redraws. */
  refreshScope(scope: string): void;
}

/**
 * What the vaults' "Backup jobs" folders share across refreshes: each vault's status filter, and
 * the watcher's live job states, so an open folder follows a job's progress without listing the
 * vault's jobs again. When a job ends, the vault reloads: its VMs' last backup changed.
 */
export class JobsView {
  private readonly filters = new Map<string, JobStatusFilter>();
  /** The folder object whose children the view asked for last, per vault. */
  private readonly folders = new Map<string, BackupTreeNode>();
  /** Details of ended jobs, which no longer change (bounded: the oldest go first). */
  private readonly endedDetails = new Map<string, BackupJob>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    readonly watcher: JobWatcher,
    private readonly tree: JobsTree,
    private readonly readDetails?: ReadJobDetails,
  ) {
    this.subscriptions = [
      watcher.onDidUpdateJob((job) => this.redrawFolder(job.vaultId)),
      watcher.onDidEndJob(({ job }) => this.tree.refreshScope(job.vaultId)),
    ];
  }

  filterOf(vaultId: string): JobStatusFilter {
    return this.filters.get(vaultId.toLowerCase()) ?? 'all';
  }

  setFilter(vaultId: string, filter: JobStatusFilter): void {
    if (filter === 'all') this.filters.delete(vaultId.toLowerCase());
    else this.filters.set(vaultId.toLowerCase(), filter);
  }

  /**
   * The jobs a folder shows, newest first: its listing with the watcher's newer states, plus the
   * jobs started since it was listed. The listing's running jobs are handed to the watcher.
   */
  jobsFor(folder: BackupTreeNode, vaultId: string, listed: readonly BackupJob[]): BackupJob[] {
    this.folders.set(vaultId.toLowerCase(), folder);
    this.watcher.watch(listed);
    const jobs = new Map(listed.map((job) => [job.jobName.toLowerCase(), this.watcher.latest(vaultId, job.jobName) ?? job]));
    for (const running of this.watcher.running()) {
      if (running.job && running.vaultId.toLowerCase() === vaultId.toLowerCase() && !jobs.has(running.jobName.toLowerCase())) jobs.set(running.jobName.toLowerCase(), running.job);
    }
    return [...jobs.values()].sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
  }

  /** The job with its subtasks and errors, read when a job is expanded; an ended job's are read once. */
  async details(job: BackupJob): Promise<BackupJob> {
    if (!this.readDetails || job.subtasks.length > 0) return job;
    const key = `${job.vaultId}/${job.jobName}`.toLowerCase();
    const known = this.endedDetails.get(key);
    if (known) return known;
    const detailed = await this.readDetails(job.vaultId, job.jobName);
    if (!isRunningStatus(detailed.status)) {
      this.endedDetails.set(key, detailed);
      if (this.endedDetails.size > maxEndedDetails) this.endedDetails.delete(this.endedDetails.keys().next().value!);
    }
    return detailed;
  }

  /** Redraws a vault's jobs folder, if the view has shown its jobs. */
  redrawFolder(vaultId: string): void {
    const folder = this.folders.get(vaultId.toLowerCase());
    if (folder) this.tree.redraw(folder);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
