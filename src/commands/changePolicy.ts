import { l10n } from 'vscode';
import { sameArmId } from '../azure/armId';
import type { BackupPolicy } from '../azure/model';
import { PolicyWrites } from '../azure/policyWrites';
import type { PolicyDraft } from '../policy/policyDraft';
import { policyDraftFromResource } from '../policy/policyMapping';
import { listText, type PolicyProblem } from '../policy/policyProblem';
import { retentionCutProblems } from '../policy/retentionRules';
import type { PickItem } from '../ui/userPrompts';
import { followProtectionJob } from './followProtectionJob';
import type { SubscriptionSource } from './pickSubscription';
import { pickProtectedVmTarget, type ProtectedVmTarget } from './protectedVmTarget';
import type { FlowServices } from './services';
import { policyDescription } from './enableBackupPicks';

/**
 * Moves a protected VM to another policy of its vault, updating the item in place (never delete
 * and re-create). Warns before a retention cut in any tier or of instant restore (src/policy's
 * rules, on both policies as the service has them), which prunes recovery points, and before the
 * one-way switch from Standard to Enhanced; Enhanced → Standard is refused by Azure, so not offered.
 */
export async function changePolicy(services: FlowServices, subscriptions: SubscriptionSource, target?: ProtectedVmTarget): Promise<void> {
  target ??= await pickProtectedVmTarget(services, subscriptions, l10n.t('Change Policy'), 'protecting');
  if (!target) return;
  const { vault, item } = target;
  const { cache, reader, operations } = services.azure();
  const [policies, security] = await Promise.all([cache.policies(vault), operations.vaultSecurity(vault)]);
  const current = policies.find((policy) => sameArmId(policy.id, item.policyId)) ?? policies.find((policy) => policy.name === item.policyName);
  const immutable = security.immutability !== 'Disabled';
  const others = policies.filter((policy) => policy !== current && !(current?.kind === 'Enhanced' && policy.kind === 'Standard'));
  // The listing's BackupPolicy has daily retention only: compare the full policies (every tier, instant restore).
  const writes = new PolicyWrites(reader);
  const retentionOf = async (policy: BackupPolicy): Promise<PolicyDraft> => policyDraftFromResource(await writes.getPolicy(vault, policy.name));
  const was = current && others.length > 0 ? await retentionOf(current) : undefined;
  const cutsTo = async (policy: BackupPolicy): Promise<string[]> => (was ? retentionCuts(was, await retentionOf(policy)) : []);
  // An immutable vault refuses a retention cut: leave those policies out and say why.
  const offered = immutable ? (await Promise.all(others.map(async (policy) => ((await cutsTo(policy)).length === 0 ? [policy] : [])))).flat() : others;
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

  // On an immutable vault the offered policies cut nothing (checked above).
  const cuts = immutable ? [] : await cutsTo(policy);
  const warnings = [
    cuts.length > 0
      ? l10n.t('{0} keeps less than {1}:\n{2}.\nOnce the policy changes, Azure deletes the existing recovery points that {0} does not keep.', policy.name, current?.name ?? '', cuts.join('; '))
      : undefined,
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

/**
 * What moving from the `current` policy to `next` shrinks, one phrase per cut (e.g. "Weekly points
 * kept: 12 → 4 weeks", "Monthly points: dropped"); empty when `next` keeps at least as much. The
 * cuts are src/policy's retention-cut rules, the ones the policy editor warns with.
 */
export function retentionCuts(current: PolicyDraft, next: PolicyDraft): string[] {
  return retentionCutProblems(next, current).map((problem) => cutText(problem, current, next));
}

function cutText(problem: PolicyProblem, current: PolicyDraft, next: PolicyDraft): string {
  const before = current.retention;
  const after = next.retention;
  const gone = <T extends string>(was: readonly T[] = [], now: readonly T[] = []): string => listText(was.filter((value) => !now.includes(value)));
  switch (problem.field) {
    case 'instantRestoreDays':
      return l10n.t('Instant restore snapshots kept: {0} → {1} days', current.instantRestoreDays, next.instantRestoreDays);
    case 'retention.daily':
      return l10n.t('Daily points: dropped');
    case 'retention.daily.days':
      return l10n.t('Daily points kept: {0} → {1} days', before.daily?.days ?? 0, after.daily?.days ?? 0);
    case 'retention.weekly':
      return l10n.t('Weekly points: dropped');
    case 'retention.weekly.weeks':
      return l10n.t('Weekly points kept: {0} → {1} weeks', before.weekly?.weeks ?? 0, after.weekly?.weeks ?? 0);
    case 'retention.weekly.weekdays':
      return l10n.t('Weekly points: no longer kept on {0}', gone(before.weekly?.weekdays, after.weekly?.weekdays));
    case 'retention.monthly':
      return l10n.t('Monthly points: dropped');
    case 'retention.monthly.months':
      return l10n.t('Monthly points kept: {0} → {1} months', before.monthly?.months ?? 0, after.monthly?.months ?? 0);
    case 'retention.yearly':
      return l10n.t('Yearly points: dropped');
    case 'retention.yearly.years':
      return l10n.t('Yearly points kept: {0} → {1} years', before.yearly?.years ?? 0, after.yearly?.years ?? 0);
    case 'retention.yearly.months':
      return l10n.t('Yearly points: no longer kept for {0}', gone(before.yearly?.months, after.yearly?.months));
    default:
      return problem.message;
  }
}
