import { l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import { parseArmId } from '../azure/armId';
import { recentJobDays } from '../azure/backupCache';
import type { BackupJob, Vault } from '../azure/model';
import { jobDuration, jobErrorText, jobLabel, jobTiming, statusText } from '../jobs/jobText';
import { isRunningStatus } from '../jobs/jobWatcher';
import { absoluteTime, durationText } from '../ui/timeText';
import { contextValues } from './contextValues';
import { matchesFilter, type JobStatusFilter } from './jobsView';
import { MessageNode } from './messageNodes';
import { escape } from './subscriptionNode';
import type { BackupTreeNode, TreeContext } from './treeNode';

export function jobsFolderId(vaultId: string): string {
  return `${vaultId}/backupJobs`;
}

/** The ids from the root to a vault's jobs folder, or to one of its jobs (for BackupView.reveal). */
export function jobPath(vaultId: string, jobId?: string): string[] {
  const path = [`/subscriptions/${parseArmId(vaultId).subscriptionId}`, vaultId, jobsFolderId(vaultId)];
  return jobId ? [...path, jobId] : path;
}

/** Reveals a job in the tree; the vault's jobs folder when the job is not shown (filtered out). */
export async function revealJob(view: { reveal(path: readonly string[]): Promise<boolean> }, vaultId: string, jobId?: string): Promise<boolean> {
  if (jobId && (await view.reveal(jobPath(vaultId, jobId)))) return true;
  return view.reveal(jobPath(vaultId));
}

export function filterText(filter: JobStatusFilter): string {
  return filter === 'all' ? l10n.t('All') : statusText(filter);
}

/** "Backup jobs" under a vault: the jobs of the last days, newest first, narrowed by status. */
export class JobsFolderNode implements BackupTreeNode {
  readonly id: string;
  readonly cacheScope: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly vault: Vault,
    private readonly view: TreeContext['jobs'],
  ) {
    this.id = jobsFolderId(vault.id);
    this.cacheScope = `${vault.id}#jobs`;
  }

  get filter(): JobStatusFilter {
    return this.view?.filterOf(this.vault.id) ?? 'all';
  }

  treeItem(): TreeItem {
    const item = new TreeItem(l10n.t('Backup jobs'), TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new ThemeIcon('history');
    item.contextValue = contextValues.jobs;
    const filter = this.filter;
    item.description = filter === 'all' ? l10n.t('Last {0} days', recentJobDays) : l10n.t('{0} · last {1} days', filterText(filter), recentJobDays);
    item.tooltip = filter === 'all' ? l10n.t('Backup jobs of the last {0} days, newest first.', recentJobDays) : l10n.t('Backup jobs of the last {0} days with status {1}. Filter Jobs… shows the others.', recentJobDays, filterText(filter));
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const listed = await context.cache.recentJobs(this.vault);
    const jobs = this.view ? this.view.jobsFor(this, this.vault.id, listed) : listed;
    const filter = this.filter;
    const shown = jobs.filter((job) => matchesFilter(job, filter));
    if (shown.length === 0) {
      const text = filter === 'all' ? l10n.t('No backup jobs in the last {0} days', recentJobDays) : l10n.t('No job with status {0} in the last {1} days', filterText(filter), recentJobDays);
      return [new MessageNode(this, 'noJobs', text, 'info')];
    }
    return shown.map((job) => new JobNode(this, job));
  }
}

const statusIcons: Record<string, ThemeIcon> = {
  InProgress: new ThemeIcon('sync~spin'),
  Cancelling: new ThemeIcon('loading~spin'),
  Completed: new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')),
  CompletedWithWarnings: new ThemeIcon('warning', new ThemeColor('list.warningForeground')),
  Failed: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  Cancelled: new ThemeIcon('circle-slash', new ThemeColor('disabledForeground')),
};

function statusIcon(status: string): ThemeIcon {
  return statusIcons[status] ?? new ThemeIcon('circle-large-outline');
}

/** One job: operation and VM, status and timing; subtasks and, when it failed, what to do. */
export class JobNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: BackupTreeNode,
    readonly job: BackupJob,
  ) {
    this.id = job.id;
  }

  treeItem(): TreeItem {
    const job = this.job;
    // Collapsible even when the listing shows no subtasks: it leaves them out; expanding reads them.
    const item = new TreeItem(jobLabel(job), TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [statusText(job.status), jobTiming(job)].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(job.status);
    item.contextValue = contextValues.job(job.status, job.cancellable && isRunningStatus(job.status));
    item.tooltip = this.tooltip();
    item.accessibilityInformation = { label: `${jobLabel(job)}, ${item.description}` };
    return item;
  }

  async children(context: TreeContext): Promise<BackupTreeNode[]> {
    const job = context.jobs ? await context.jobs.details(this.job) : this.job;
    if (job.subtasks.length === 0 && job.errors.length === 0) return [new MessageNode(this, 'noDetails', l10n.t('The service reports no subtasks for this job'), 'info')];
    const nodes: BackupTreeNode[] = job.subtasks.map(
      (task, index) => new JobDetailNode(this, `tasks/${index}`, task.name, [statusText(task.status), task.durationMs !== undefined ? durationText(task.durationMs) : undefined].filter(Boolean).join(' · '), statusIcon(task.status)),
    );
    job.errors.forEach((error, index) => {
      const text = jobErrorText(error);
      nodes.push(new JobDetailNode(this, `errors/${index}`, text, undefined, statusIcons.Failed!, new MarkdownString().appendText(text).appendMarkdown('\n\n').appendText(`${error.code}: ${error.message}`)));
      error.recommendations.forEach((recommendation, recommendationIndex) => {
        nodes.push(new JobDetailNode(this, `errors/${index}/recommendations/${recommendationIndex}`, recommendation, l10n.t('Recommended action'), new ThemeIcon('lightbulb'), recommendation));
      });
    });
    return nodes;
  }

  private tooltip(): MarkdownString {
    const job = this.job;
    const tooltip = new MarkdownString().appendMarkdown(`**${escape(jobLabel(job))}** — ${escape(statusText(job.status))}\n\n`);
    const duration = jobDuration(job);
    const rows: [string, string | undefined][] = [
      [l10n.t('Vault'), parseArmId(job.vaultId).name],
      [l10n.t('Started'), job.startTime ? absoluteTime(job.startTime) : undefined],
      [l10n.t('Ended'), job.endTime ? absoluteTime(job.endTime) : undefined],
      [l10n.t('Duration'), duration !== undefined ? durationText(duration) : undefined],
      [l10n.t('Job ID'), job.jobName],
    ];
    for (const [name, value] of rows) if (value) tooltip.appendMarkdown(`${name}: ${escape(value)}\n\n`);
    for (const task of job.subtasks) tooltip.appendMarkdown(`- ${escape(task.name)}: ${escape(statusText(task.status))}${task.durationMs !== undefined ? ` (${durationText(task.durationMs)})` : ''}\n`);
    for (const error of job.errors) {
      tooltip.appendMarkdown(`\n$(error) ${escape(jobErrorText(error))}\n\n`);
      for (const recommendation of error.recommendations) tooltip.appendMarkdown(`- ${escape(recommendation)}\n`);
    }
    if (job.cancellable && isRunningStatus(job.status)) tooltip.appendMarkdown(`\n${escape(l10n.t('It can be cancelled while it takes the snapshot.'))}`);
    tooltip.supportThemeIcons = true;
    return tooltip;
  }
}

/** A line under a job: a subtask, an error, or a recommended action. */
class JobDetailNode implements BackupTreeNode {
  readonly id: string;

  constructor(
    readonly parent: JobNode,
    idSuffix: string,
    private readonly label: string,
    private readonly description: string | undefined,
    private readonly icon: ThemeIcon,
    private readonly tooltip?: string | MarkdownString,
  ) {
    this.id = `${parent.id}/${idSuffix}`;
  }

  treeItem(): TreeItem {
    const item = new TreeItem(this.label, TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.description;
    item.iconPath = this.icon;
    item.tooltip = this.tooltip ?? (this.description ? `${this.label} — ${this.description}` : this.label);
    item.contextValue = contextValues.jobDetail;
    return item;
  }
}
