import { l10n } from 'vscode';
import { sameArmId } from '../azure/armId';
import type { BackupPolicy } from '../azure/model';
import type { PickItem } from '../ui/userPrompts';
import { followProtectionJob } from './followProtectionJob';
import type { SubscriptionSource } from './pickSubscription';
import { pickProtectedVmTarget, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';
import { policyDescription } from './enableBackupPicks';

/**
 * Moves a protected VM to another policy of its vault, updating the item in place (never delete
 * and re-create). Warns before a retention cut, which prunes recovery points, and before the
 * one-way switch from Standard to Enhanced; Enhanced → Standard is refused by Azure, so not offered.
 */
export async function changePolicy(services: FlowServices, subscriptions: SubscriptionSource, target?: ProtectedVmTarget): Promise<void> {
  target ??= await pickProtectedVmTarget(services, subscriptions, l10n.t('Change Policy'), 'protecting');
  if (!target) return;
  const { vault, item } = target;
  const { cache, operations } = services.azure();
  const [policies, security] = await Promise.all([cache.policies(vault), operations.vaultSecurity(vault)]);
  const current = policies.find((policy) => sameArmId(policy.id, item.policyId)) ?? policies.find((policy) => policy.name === item.policyName);
  const immutable = security.immutability !== 'Disabled';
  const others = policies.filter((policy) => policy !== current && !(current?.kind === 'Enhanced' && policy.kind === 'Standard'));
  // An immutable vault refuses a retention cut: leave those policies out and say why.
  const offered = immutable ? others.filter((policy) => !cutsRetention(current, policy)) : others;
  const withheld = others.length - offered.length;
  if (offered.length === 0) {
    await services.prompts.info(
      withheld > 0
        ? l10n.t('Vault {0} is immutable: its other policies keep recovery points for less time than {1}, which it does not allow.', vault.name, current?.name ?? '')
        : current?.kind === 'Enhanced'
          ? l10n.t('Vault {0} has no other Enhanced policy for {1} (an Enhanced policy cannot be changed back to Standard).', vault.name, item.name)
          : l10n.t('Vault {0} has no other backup policy for {1}.', vault.name, item.name),
    );
    return;
  }
  const placeholder = [
    current ? l10n.t('Now: {0} ({1})', current.name, policyDescription(current)) : undefined,
    withheld > 0 ? l10n.t('Policies with a shorter retention are left out: the vault is immutable.') : undefined,
    current?.kind === 'Enhanced' ? l10n.t('Standard policies are left out: an Enhanced item cannot go back to Standard.') : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const policy = await services.prompts.pickOne(
    offered.map((candidate): PickItem<BackupPolicy> => ({ label: candidate.name, description: policyDescription(candidate), value: candidate })),
    { title: l10n.t('Change Policy of {0}', item.name), placeholder },
  );
  if (!policy) return;

  const warnings = [
    cutsRetention(current, policy) ? retentionCutText(current!, policy) : undefined,
    current?.kind === 'Standard' && policy.kind === 'Enhanced'
      ? l10n.t('{0} is an Enhanced policy: once moved, {1} cannot go back to a Standard policy, and Enhanced backups cost more.', policy.name, item.name)
      : undefined,
  ].filter((warning): warning is string => warning !== undefined);
  if (warnings.length > 0) {
    const answer = await services.prompts.confirm(l10n.t('Change the policy of {0} to {1}?', item.name, policy.name), warnings.join('\n\n'), l10n.t('Change Policy'));
    if (!answer) return;
  }

  const started = await services.prompts.progress(l10n.t('Changing the policy of {0} to {1}…', item.name, policy.name), (_report, signal) => operations.changePolicy(item, policy.id, signal));
  services.log.info(`Changed the policy of ${item.id} from ${current?.name ?? item.policyName ?? '?'} to ${policy.name}${started.jobId ? `, job ${started.jobId}` : ''}`);
  await followProtectionJob(services, vault, started, l10n.t('Change policy of {0} to {1}', item.name, policy.name), { notify: true });
}

/** Whether moving from `current` to `next` keeps daily recovery points for less time (pruning the older ones). */
export function cutsRetention(current: BackupPolicy | undefined, next: BackupPolicy): boolean {
  const now = current?.dailyRetentionDays;
  if (now === undefined) return false;
  return next.dailyRetentionDays === undefined || next.dailyRetentionDays < now;
}

function retentionCutText(current: BackupPolicy, next: BackupPolicy): string {
  return next.dailyRetentionDays === undefined
    ? l10n.t('{0} keeps no daily recovery points, where {1} keeps them {2} days: existing daily points are deleted as the new retention applies.', next.name, current.name, current.dailyRetentionDays ?? 0)
    : l10n.t('{0} keeps daily recovery points {1} days, where {2} keeps them {3} days: existing points older than {1} days are deleted.', next.name, next.dailyRetentionDays, current.name, current.dailyRetentionDays ?? 0);
}
