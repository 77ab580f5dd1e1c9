import { l10n } from 'vscode';
import { sameArmId } from '../azure/armId';
import { followProtectionJob } from './followProtectionJob';
import { jobFailureText, jobSucceeded } from './jobOutcome';
import type { SubscriptionSource } from './pickSubscription';
import { pickProtectedVmTarget, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';
import { resumeBackup } from './resumeBackup';

/**
 * Brings back the soft-deleted backup data of a VM. The item returns with backup stopped and
 * its data retained; then resuming is offered.
 */
export async function undeleteBackup(services: FlowServices, subscriptions: SubscriptionSource, target?: ProtectedVmTarget): Promise<void> {
  target ??= await pickProtectedVmTarget(services, subscriptions, l10n.t('Undelete Backup'), 'softDeleted');
  if (!target) return;
  const { vault, item } = target;
  const { reader, operations } = services.azure();
  const purge = item.purgeTime ? l10n.t('Until then it is purged on {0}.', item.purgeTime.toLocaleDateString(undefined, { dateStyle: 'medium' })) : '';
  const answer = await services.prompts.confirm(
    l10n.t('Undelete the backup data of {0}?', item.name),
    `${l10n.t('Its recovery points return with backup stopped and the data retained; resume backup afterwards to take new backups.')} ${purge}`.trim(),
    l10n.t('Undelete'),
  );
  if (!answer) return;

  const started = await services.prompts.progress(l10n.t('Undeleting the backup data of {0}…', item.name), (_report, signal) => operations.undelete(item, signal));
  services.log.info(`Undeleted ${item.id}${started.jobId ? `, job ${started.jobId}` : ''}`);
  // Our own message follows, so no notification from the tracker; resuming must wait for the job anyway.
  const job = await followProtectionJob(services, vault, started, l10n.t('Undelete backup data of {0}', item.name), { notify: false });
  if (job && !jobSucceeded(job)) {
    await services.prompts.error(l10n.t('Undeleting the backup data of {0} did not complete: {1}', item.name, jobFailureText(job)));
    return;
  }

  const resume = l10n.t('Resume Backup');
  if ((await services.prompts.info(l10n.t('The backup data of {0} is back; its backup stays stopped until you resume it.', item.name), resume)) !== resume) return;
  const restored = (await reader.listProtectedVms(vault)).find((candidate) => sameArmId(candidate.id, item.id));
  await resumeBackup(services, subscriptions, { vault, item: restored ?? { ...item, health: 'stopped' } });
}
