import { l10n, MarkdownString, StatusBarAlignment, window } from 'vscode';
import type { Disposable, StatusBarItem } from 'vscode';
import { parseArmId } from '../azure/armId';
import { escape } from '../tree/subscriptionNode';
import { jobLabel, jobTiming, statusText } from './jobText';
import type { JobWatcher, RunningJob } from './jobWatcher';

/** `$(sync~spin) 2 backup jobs` while jobs run, hidden otherwise; a click lists them. */
export class JobStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly watcher: JobWatcher) {
    this.item = window.createStatusBarItem('azureVmBackup.runningJobs', StatusBarAlignment.Left, 10);
    this.item.name = l10n.t('Azure Backup Jobs');
    this.item.command = { command: 'azureVmBackup.showRunningJobs', title: l10n.t('Show Running Backup Jobs') };
    this.subscriptions = [watcher.onDidChangeRunning(() => this.update()), watcher.onDidUpdateJob(() => this.update())];
    this.update();
  }

  private update(): void {
    const running = this.watcher.running();
    if (running.length === 0) {
      this.item.hide();
      return;
    }
    const count = running.length;
    this.item.text = `$(sync~spin) ${count === 1 ? l10n.t('1 backup job') : l10n.t('{0} backup jobs', count)}`;
    this.item.accessibilityInformation = { label: count === 1 ? l10n.t('1 Azure Backup job running') : l10n.t('{0} Azure Backup jobs running', count), role: 'button' };
    const tooltip = new MarkdownString(`**${escape(l10n.t('Azure Backup jobs running'))}**\n\n`, true);
    for (const job of running) tooltip.appendMarkdown(`- ${runningJobText(job)}\n`);
    tooltip.appendMarkdown(`\n${escape(l10n.t('Click to show a job in the Backups view.'))}`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

/** One running job in Markdown: what, status and timing, and its vault. */
function runningJobText(running: RunningJob): string {
  const vault = parseArmId(running.vaultId).name;
  if (!running.job) return `${escape(running.label ?? running.jobName)} — ${escape(l10n.t('starting…'))} (${escape(vault)})`;
  const details = [statusText(running.job.status), jobTiming(running.job)].filter(Boolean).join(', ');
  return `**${escape(jobLabel(running.job))}** — ${escape(details)} (${escape(vault)})`;
}
