import { l10n } from 'vscode';
import { sameArmId } from '../azure/armId';
import type { BackupPolicy } from '../azure/model';
import type { PickItem } from '../ui/userPrompts';
import { followProtectionJob } from './followProtectionJob';
import { policyDescription } from './enableBackupPicks';
import type { SubscriptionSource } from './pickSubscription';
import { pickProtectedVmTarget, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';

/** Resumes the backup of a stopped VM with a policy of its vault (the one it had first, if known). */
export async function resumeBackup(services: FlowServices, subscriptions: SubscriptionSource, target?: ProtectedVmTarget): Promise<void> {
  target ??= await pickProtectedVmTarget(services, subscriptions, l10n.t('Resume Backup'), 'stopped');
  if (!target) return;
  const { vault, item } = target;
  const { cache, operations } = services.azure();
  const policies = await cache.policies(vault);
  const current = policies.find((policy) => sameArmId(policy.id, item.policyId));
  // An item once on an Enhanced policy cannot go back to Standard.
  const offered = policies.filter((policy) => current?.kind !== 'Enhanced' || policy.kind === 'Enhanced');
  if (offered.length === 0) {
    await services.prompts.info(l10n.t('Vault {0} has no backup policy for virtual machines. Create one first.', vault.name));
    return;
  }
  const ordered = current ? [current, ...offered.filter((policy) => policy !== current)] : offered;
  const policy = await services.prompts.pickOne(
    ordered.map((candidate): PickItem<BackupPolicy> => ({
      label: candidate.name,
      description: [candidate === current ? l10n.t('current policy') : undefined, policyDescription(candidate)].filter(Boolean).join(' · '),
      value: candidate,
    })),
    { title: l10n.t('Resume Backup of {0}', item.name), placeholder: l10n.t('Backup policy') },
  );
  if (!policy) return;
  const started = await services.prompts.progress(l10n.t('Resuming the backup of {0}…', item.name), (_report, signal) => operations.resumeProtection(item, policy.id, signal));
  services.log.info(`Resumed protection of ${item.id} with ${policy.name}${started.jobId ? `, job ${started.jobId}` : ''}`);
  await followProtectionJob(services, vault, started, l10n.t('Resume backup of {0}', item.name), { notify: true });
}
