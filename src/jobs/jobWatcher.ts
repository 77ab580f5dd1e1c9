import { AzureError, toAzureError } from '../azure/azureError';
import type { BackupJob } from '../azure/model';
import type { FollowedJob, JobTracker } from './jobTracker';
import { jobKey, signatureOf, subscriptionKey, vaultKey } from './jobKeys';
import type { ListJobs } from './listJobs';
import { Listeners } from './listeners';
import { systemClock, type WatcherClock } from './watcherClock';

export interface JobWatcherLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface JobWatcherOptions {
  listJobs: ListJobs;
  clock?: WatcherClock;
  log?: JobWatcherLog;
  /** The wait after something changed; it doubles while nothing does, up to maxIntervalMs. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** Listings start this long before the oldest watched job's start (clock skew, whole seconds). */
  marginMs?: number;
  /**
   * A followed job's start is unknown until a listing shows it. The first listing assumes it
   * started this recently (flows follow the jobs they just started); when that listing does not
   * show it, the next ones look back `lookbackMs` (a running backup the caller attached to).
   */
  recentStartMs?: number;
  /** How long ago a followed job may have started; also the oldest running job a jobs folder hands over to watch. */
  lookbackMs?: number;
  /** A watched job that successful listings do not show for this long is given up. */
  missingAfterMs?: number;
  /** How long an ended job is remembered, so a stale listing does not bring it back as running. */
  endedMemoryMs?: number;
}

/** A job being watched; `job` is undefined until a listing shows it. */
export interface RunningJob {
  vaultId: string;
  jobName: string;
  /** The caller's words for a followed job, e.g. 'Back up vm-web-01'. */
  label?: string;
  job?: BackupJob;
}

export interface JobEnded {
  job: BackupJob;
  /** Set when a flow of this window followed the job. */
  followed?: FollowedJob;
  /** Whether a follower asked for the end-of-job notification. */
  notify: boolean;
}

export function isRunningStatus(status: string): boolean {
  return status === 'InProgress' || status === 'Cancelling';
}

interface Follower {
  notify: boolean;
  resolve(job: BackupJob): void;
  reject(error: Error): void;
}

interface WatchedJob {
  key: string;
  vaultId: string;
  jobName: string;
  followed?: FollowedJob;
  followers: Set<Follower>;
  job?: BackupJob;
  signature?: string;
  /** The job's start, or the earliest it is assumed to have started. */
  since: number;
  addedAt: number;
  lastSeen: number;
}

interface VaultWatch {
  key: string;
  vaultId: string;
  subscriptionKey: string;
  jobs: Map<string, WatchedJob>;
  intervalMs: number;
  dueAt?: number;
  cancelTimer?: () => void;
  polling: boolean;
  /** A job was added since the last poll started: counts as a change. */
  added: boolean;
}

const defaults = {
  minIntervalMs: 5_000,
  maxIntervalMs: 60_000,
  marginMs: 5 * 60_000,
  recentStartMs: 60 * 60_000,
  lookbackMs: 24 * 3_600_000,
  missingAfterMs: 10 * 60_000,
  endedMemoryMs: 30 * 60_000,
};

/**
 * Watches backup jobs with one jobs-list request per vault per poll, never one per job: the
 * listing covers every watched job of the vault (from the oldest one's start, any status), so it
 * shows running jobs and the ones that just ended. Polls back off while nothing changes, honour
 * Retry-After per subscription, and stop when nothing runs. Plain Node: no `vscode`.
 */
export class JobWatcher implements JobTracker {
  private readonly vaults = new Map<string, VaultWatch>();
  private readonly throttledUntil = new Map<string, number>();
  private readonly ended = new Map<string, { job: BackupJob; at: number }>();
  private readonly controller = new AbortController();
  private readonly clock: WatcherClock;
  private readonly settings: typeof defaults;
  private readonly runningChanged = new Listeners<readonly RunningJob[]>((error) => this.listenerFailed(error));
  private readonly jobUpdated = new Listeners<BackupJob>((error) => this.listenerFailed(error));
  private readonly jobEnded = new Listeners<JobEnded>((error) => this.listenerFailed(error));

  /** The jobs running now, whenever that set changes (for the status bar). */
  readonly onDidChangeRunning = this.runningChanged.event;
  /** A watched job's status or subtasks changed, or a listing showed it for the first time. */
  readonly onDidUpdateJob = this.jobUpdated.event;
  readonly onDidEndJob = this.jobEnded.event;

  constructor(private readonly options: JobWatcherOptions) {
    this.clock = options.clock ?? systemClock;
    this.settings = {
      minIntervalMs: options.minIntervalMs ?? defaults.minIntervalMs,
      maxIntervalMs: options.maxIntervalMs ?? defaults.maxIntervalMs,
      marginMs: options.marginMs ?? defaults.marginMs,
      recentStartMs: options.recentStartMs ?? defaults.recentStartMs,
      lookbackMs: options.lookbackMs ?? defaults.lookbackMs,
      missingAfterMs: options.missingAfterMs ?? defaults.missingAfterMs,
      endedMemoryMs: options.endedMemoryMs ?? defaults.endedMemoryMs,
    };
  }

  follow(followed: FollowedJob, options: { notify?: boolean; signal?: AbortSignal } = {}): Promise<BackupJob> {
    const signal = options.signal;
    if (this.controller.signal.aborted) return Promise.reject(cancelled('The job watcher has stopped.'));
    if (signal?.aborted) return Promise.reject(cancelled());
    const key = jobKey(followed.vaultId, followed.jobName);
    const ended = this.endedJob(key);
    if (ended) {
      if (options.notify ?? true) this.jobEnded.fire({ job: ended, followed, notify: true });
      return Promise.resolve(ended);
    }
    const watched = this.add(followed.vaultId, followed.jobName, { followed });
    watched.followed ??= followed;
    return new Promise<BackupJob>((resolve, reject) => {
      const onAbort = () => {
        watched.followers.delete(follower);
        reject(cancelled());
      };
      const follower: Follower = {
        notify: options.notify ?? true,
        resolve: (job) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(job);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      watched.followers.add(follower);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Watches, without notification, the running jobs of a listing (a vault's jobs folder), so the
   * tree and the status bar stay live. Jobs already watched or that just ended are left alone.
   */
  watch(jobs: readonly BackupJob[]): void {
    if (this.controller.signal.aborted) return;
    const oldest = this.clock.now() - this.settings.lookbackMs;
    for (const job of jobs) {
      if (!isRunningStatus(job.status) || (job.startTime && job.startTime.getTime() < oldest)) continue;
      const key = jobKey(job.vaultId, job.jobName);
      if (this.endedJob(key) || this.vaults.get(vaultKey(job.vaultId))?.jobs.has(key)) continue;
      this.add(job.vaultId, job.jobName, { job });
    }
  }

  /** The jobs running now (including followed jobs no listing has shown yet), oldest first. */
  running(): RunningJob[] {
    const running: RunningJob[] = [];
    for (const vault of this.vaults.values()) {
      for (const watched of vault.jobs.values()) {
        running.push({
          vaultId: watched.vaultId,
          jobName: watched.jobName,
          ...(watched.followed ? { label: watched.followed.label } : {}),
          ...(watched.job ? { job: watched.job } : {}),
        });
      }
    }
    const start = (job: RunningJob) => job.job?.startTime?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return running.sort((a, b) => start(a) - start(b));
  }

  /** The newest state the watcher has of a job (running, or recently ended), if any. */
  latest(vaultId: string, jobName: string): BackupJob | undefined {
    const key = jobKey(vaultId, jobName);
    return this.vaults.get(vaultKey(vaultId))?.jobs.get(key)?.job ?? this.endedJob(key);
  }

  dispose(): void {
    this.controller.abort(new Error('The job watcher has stopped.'));
    for (const vault of this.vaults.values()) {
      vault.cancelTimer?.();
      for (const watched of vault.jobs.values()) for (const follower of watched.followers) follower.reject(cancelled('The job watcher has stopped.'));
    }
    this.vaults.clear();
  }

  private add(vaultId: string, jobName: string, from: { followed?: FollowedJob; job?: BackupJob }): WatchedJob {
    const now = this.clock.now();
    const vKey = vaultKey(vaultId);
    let vault = this.vaults.get(vKey);
    if (!vault) {
      vault = { key: vKey, vaultId, subscriptionKey: subscriptionKey(vaultId), jobs: new Map(), intervalMs: this.settings.minIntervalMs, polling: false, added: false };
      this.vaults.set(vKey, vault);
    }
    const key = jobKey(vaultId, jobName);
    const existing = vault.jobs.get(key);
    if (existing) return existing;
    const watched: WatchedJob = {
      key,
      vaultId,
      jobName,
      followers: new Set(),
      since: from.job?.startTime?.getTime() ?? now - Math.min(this.settings.recentStartMs, this.settings.lookbackMs),
      addedAt: now,
      lastSeen: now,
      ...(from.followed ? { followed: from.followed } : {}),
      ...(from.job ? { job: from.job, signature: signatureOf(from.job) } : {}),
    };
    vault.jobs.set(key, watched);
    if (from.followed) {
      // A job started from this window: look soon, whatever the backoff had reached.
      vault.added = true;
      vault.intervalMs = this.settings.minIntervalMs;
      if (!vault.polling && (vault.dueAt === undefined || vault.dueAt > now + this.settings.minIntervalMs)) this.schedule(vault, this.settings.minIntervalMs);
    } else if (!vault.polling && vault.dueAt === undefined) {
      this.schedule(vault, vault.intervalMs);
    }
    this.fireRunning();
    return watched;
  }

  private schedule(vault: VaultWatch, delayMs: number): void {
    vault.cancelTimer?.();
    const now = this.clock.now();
    const dueAt = Math.max(now + delayMs, this.throttledUntil.get(vault.subscriptionKey) ?? 0);
    vault.dueAt = dueAt;
    vault.cancelTimer = this.clock.schedule(() => void this.poll(vault), dueAt - now);
  }

  private async poll(vault: VaultWatch): Promise<void> {
    vault.cancelTimer = undefined;
    vault.dueAt = undefined;
    if (this.controller.signal.aborted || this.vaults.get(vault.key) !== vault) return;
    if (vault.jobs.size === 0) {
      this.vaults.delete(vault.key);
      return;
    }
    const since = Math.min(...[...vault.jobs.values()].map((watched) => watched.since)) - this.settings.marginMs;
    vault.polling = true;
    vault.added = false;
    let listed: BackupJob[];
    try {
      listed = await this.options.listJobs(vault.vaultId, new Date(since), this.controller.signal);
    } catch (error) {
      vault.polling = false;
      if (this.controller.signal.aborted) return;
      this.failed(vault, toAzureError(error));
      return;
    }
    vault.polling = false;
    if (this.controller.signal.aborted) return;
    const changed = this.apply(vault, listed) || vault.added;
    if (vault.jobs.size === 0) {
      this.vaults.delete(vault.key);
      return;
    }
    vault.intervalMs = changed ? this.settings.minIntervalMs : Math.min(vault.intervalMs * 2, this.settings.maxIntervalMs);
    this.schedule(vault, vault.intervalMs);
  }

  /** Logs a failed poll and tries again later: after Retry-After when the service sent one. */
  private failed(vault: VaultWatch, error: AzureError): void {
    vault.intervalMs = Math.min(vault.intervalMs * 2, this.settings.maxIntervalMs);
    if (error.retryAfterMs !== undefined) {
      const until = this.clock.now() + error.retryAfterMs;
      this.throttledUntil.set(vault.subscriptionKey, Math.max(until, this.throttledUntil.get(vault.subscriptionKey) ?? 0));
      // Every vault of the subscription waits: ARM throttles the subscription, not the vault.
      for (const other of this.vaults.values()) {
        if (other !== vault && other.subscriptionKey === vault.subscriptionKey && other.dueAt !== undefined && other.dueAt < until) this.schedule(other, 0);
      }
    }
    const delay = Math.max(vault.intervalMs, error.retryAfterMs ?? 0);
    this.options.log?.warn(`Checking the backup jobs of ${vault.vaultId} failed (${error.code}${error.statusCode ? `, HTTP ${error.statusCode}` : ''}): ${error.message} Trying again in ${Math.round(delay / 1000)} s.`);
    if (!error.retryable) this.giveUpUnseen(vault, error);
    if (vault.jobs.size === 0) {
      this.vaults.delete(vault.key);
      return;
    }
    this.schedule(vault, vault.intervalMs);
  }

  /** A vault that keeps failing for a reason that will not pass (deleted, access lost): stop waiting for its jobs. */
  private giveUpUnseen(vault: VaultWatch, error: AzureError): void {
    const now = this.clock.now();
    let dropped = false;
    for (const watched of [...vault.jobs.values()]) {
      if (now - watched.lastSeen < this.settings.missingAfterMs) continue;
      vault.jobs.delete(watched.key);
      dropped = true;
      for (const follower of watched.followers) follower.reject(error);
    }
    if (dropped) {
      this.options.log?.warn(`Stopped watching the backup jobs of ${vault.vaultId}: ${error.message}`);
      this.fireRunning();
    }
  }

  /** Takes in one listing of a vault; answers whether anything changed. */
  private apply(vault: VaultWatch, listed: readonly BackupJob[]): boolean {
    const now = this.clock.now();
    const byKey = new Map(listed.map((job) => [jobKey(vault.vaultId, job.jobName), job]));
    let changed = false;
    let runningChanged = false;
    for (const watched of [...vault.jobs.values()]) {
      const job = byKey.get(watched.key);
      if (!job) {
        // Not among the recent jobs: it may have started long before it was followed.
        if (!watched.job) watched.since = Math.min(watched.since, watched.addedAt - this.settings.lookbackMs);
        if (now - watched.lastSeen >= this.settings.missingAfterMs) {
          vault.jobs.delete(watched.key);
          changed = runningChanged = true;
          this.options.log?.warn(`Backup job ${watched.jobName} of ${vault.vaultId} no longer shows in the vault's job list; stopped watching it.`);
          for (const follower of watched.followers) follower.reject(new AzureError('notFound', 'JobNotFound', `The vault's job list does not show job ${watched.jobName}.`));
        }
        continue;
      }
      watched.lastSeen = now;
      if (job.startTime) watched.since = job.startTime.getTime();
      const signature = signatureOf(job);
      const firstSight = watched.signature === undefined;
      const isNew = signature !== watched.signature;
      watched.job = job;
      watched.signature = signature;
      if (!isRunningStatus(job.status)) {
        vault.jobs.delete(watched.key);
        changed = runningChanged = true;
        this.end(watched, job);
      } else if (isNew) {
        // The first sight of a followed job is news for the tree, not a change to poll faster for.
        if (!firstSight) changed = true;
        this.jobUpdated.fire(job);
      }
    }
    if (runningChanged) this.fireRunning();
    return changed;
  }

  private end(watched: WatchedJob, job: BackupJob): void {
    this.ended.set(watched.key, { job, at: this.clock.now() });
    const notify = [...watched.followers].some((follower) => follower.notify);
    for (const follower of watched.followers) follower.resolve(job);
    this.jobEnded.fire({ job, notify, ...(watched.followed ? { followed: watched.followed } : {}) });
  }

  private endedJob(key: string): BackupJob | undefined {
    const now = this.clock.now();
    for (const [endedKey, entry] of this.ended) if (now - entry.at > this.settings.endedMemoryMs) this.ended.delete(endedKey);
    return this.ended.get(key)?.job;
  }

  private fireRunning(): void {
    this.runningChanged.fire(this.running());
  }

  private listenerFailed(error: unknown): void {
    this.options.log?.warn(`A job watcher listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function cancelled(message = 'Stopped following the job.'): AzureError {
  return new AzureError('cancelled', 'Cancelled', message);
}

