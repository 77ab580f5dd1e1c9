import { l10n } from 'vscode';
import type { ProtectedVm } from '../azure/model';
import { failureText, wasCancelled } from './jobOutcome';
import { pickProtectedVm } from './pickProtectedVm';
import type { SubscriptionSource } from './pickSubscription';
import { defaultRetainUntil, maxRetentionYears, retainUntilProblem, retainUntilTime } from './retainUntil';
import type { FlowServices } from './services';
import { protectedVmOf } from './vmFromArgument';

/** What the flow needs beyond FlowServices: where the palette's pick of a VM starts. */
export interface BackUpNowHost {
  subscriptions: SubscriptionSource;
}

/** azureVmBackup.backUpNow: on a protected VM of the tree, or from the palette (which asks for one). */
export async function backUpNow(services: FlowServices, host: BackUpNowHost, node?: unknown): Promise<void> {
  if (node !== undefined) {
    const item = protectedVmOf(node);
    if (!item) {
      await services.prompts.error(l10n.t('Back Up Now works on backed-up virtual machines: select one, or run it from the Command Palette to pick one.'));
      return;
    }
    return backUpItem(services, item);
  }
  const item = await pickProtectedVm(services, host.subscriptions, l10n.t('Back Up Now'), canBackUp);
  if (item) await backUpItem(services, item);
}

/**
 * Starts an on-demand backup of the item and follows its job. When a backup already runs, follows
 * that one instead: checked before asking anything, and again by the operation itself, which
 * never starts a second one.
 */
export async function backUpItem(services: FlowServices, item: ProtectedVm): Promise<void> {
  if (!canBackUp(item)) {
    await services.prompts.error(
      item.health === 'softDeleted'
        ? l10n.t('The backup of {0} is soft-deleted: undelete it, then resume backup before backing it up.', item.name)
        : l10n.t('Backup is stopped for {0}: resume backup first.', item.name),
    );
    return;
  }
  const { operations } = services.azure();
  const running = await operations.runningBackup(item);
  if (running) return followRunning(services, item, running.jobName);

  const now = new Date();
  const answer = await services.prompts.input({
    title: l10n.t('Back Up {0} Now', item.name),
    prompt: l10n.t('Keep this recovery point until which date? Format YYYY-MM-DD: after today, at most {0} years ahead.', maxRetentionYears),
    value: defaultRetainUntil(now),
    placeholder: 'YYYY-MM-DD',
    validate: (value) => retainUntilProblem(value, now),
  });
  if (answer === undefined) return;

  let started: { jobId: string; alreadyRunning: boolean };
  try {
    started = await services.prompts.progress(l10n.t('Starting backup of {0}…', item.name), (_report, signal) =>
      operations.backUpNow(item, retainUntilTime(answer, new Date()), signal),
    );
  } catch (error) {
    if (wasCancelled(error)) throw error;
    services.log.error(`Back up now of ${item.id} failed: ${String((error as Error)?.message ?? error)}`);
    await services.prompts.error(l10n.t('Could not start a backup of {0}: {1}', item.name, failureText(error)));
    return;
  } finally {
    services.view.refresh(item.vaultId);
  }
  if (started.alreadyRunning) return followRunning(services, item, started.jobId);
  await follow(services, item, started.jobId);
}

async function followRunning(services: FlowServices, item: ProtectedVm, jobName: string): Promise<void> {
  // Not awaited: the message stays up until dismissed, and following starts now.
  void services.prompts.info(l10n.t('A backup of {0} is already running — following it.', item.name));
  await follow(services, item, jobName);
}

/** The job's end is announced by the job tracker's notification; the vault's items show the new backup. */
async function follow(services: FlowServices, item: ProtectedVm, jobName: string): Promise<void> {
  try {
    await services.jobs.follow({ vaultId: item.vaultId, jobName, label: l10n.t('Back up {0}', item.name) }, { notify: true });
  } finally {
    services.view.refresh(item.vaultId);
  }
}

/** Backups run only while protection is on: not on stopped or soft-deleted items. */
function canBackUp(item: ProtectedVm): boolean {
  return item.health !== 'stopped' && item.health !== 'softDeleted';
}
