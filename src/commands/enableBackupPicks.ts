import { l10n } from 'vscode';
import type { BackupPolicy, Vault, VirtualMachine } from '../azure/model';
import type { PickItem } from '../ui/userPrompts';
import type { FlowServices } from './services';

/** Opens the create-vault form for this subscription and region; answers the vault created there, if any. */
export type CreateVault = (subscriptionId: string, location: string) => Promise<Vault | undefined>;

/** Opens the policy editor for a new policy of the vault; answers the policy saved there, if any. */
export type CreatePolicy = (vault: Vault) => Promise<BackupPolicy | undefined>;

const defaultPolicyName = 'DefaultPolicy';

/** Regions compare without case or spaces: 'West Europe' is 'westeurope'. */
export function sameLocation(a: string, b: string): boolean {
  const key = (location: string) => location.toLowerCase().replace(/\s+/g, '');
  return key(a) === key(b);
}

/**
 * Asks for a vault of the VMs' subscription and region, the only ones Azure lets protect them,
 * or offers to create one there, and then continues with the vault created. Undefined when
 * cancelled, or when the form closed without creating one.
 */
export async function pickVault(services: FlowServices, target: { subscriptionId: string; location: string; title: string }, createVault: CreateVault): Promise<Vault | undefined> {
  const vaults = (await services.azure().cache.vaults(target.subscriptionId)).filter((vault) => sameLocation(vault.location, target.location));
  const createNew = 'createNew' as const;
  const items: PickItem<Vault | typeof createNew>[] = vaults.map((vault) => ({
    label: vault.name,
    description: [vault.resourceGroup, vault.redundancy].filter(Boolean).join(' · '),
    value: vault,
  }));
  items.push({
    label: `$(add) ${l10n.t('Create new vault…')}`,
    description: l10n.t('in {0}: fill in the form, then backup continues with the new vault', target.location),
    value: createNew,
  });
  const placeholder = vaults.length > 0
    ? l10n.t('Select a Recovery Services vault in {0} (a VM can only be backed up to a vault of its own region and subscription)', target.location)
    : l10n.t('No Recovery Services vault in {0} yet: create one in that region first', target.location);
  const picked = await services.prompts.pickOne(items, { title: target.title, placeholder });
  if (picked === createNew) return createVault(target.subscriptionId, target.location);
  return picked;
}

/**
 * Asks for one of the vault's VM policies, DefaultPolicy first, each with its schedule and
 * retention; with `createPolicy`, also offers to create one, continues with it once saved, and
 * offers the pick again when the editor closed without saving.
 */
export async function pickPolicy(services: FlowServices, vault: Vault, title: string, createPolicy?: CreatePolicy): Promise<BackupPolicy | undefined> {
  const createNew = 'createNew' as const;
  for (;;) {
    const policies = [...(await services.azure().cache.policies(vault))].sort(defaultFirst);
    if (policies.length === 0 && !createPolicy) {
      await services.prompts.warn(l10n.t('The vault {0} has no backup policy for virtual machines. Create one in the vault first.', vault.name));
      return undefined;
    }
    const items: PickItem<BackupPolicy | typeof createNew>[] = policies.map((policy) => ({ label: policy.name, description: policyDescription(policy), detail: policyDetail(policy), value: policy }));
    if (createPolicy) {
      items.push({ label: `$(add) ${l10n.t('Create new policy…')}`, description: l10n.t('in {0}: fill in the form, then backup continues with the new policy', vault.name), value: createNew });
    }
    const placeholder = policies.length > 0
      ? l10n.t('Select the backup policy: when backups run and how long they are kept')
      : l10n.t('The vault {0} has no backup policy for virtual machines yet: create one', vault.name);
    const picked = await services.prompts.pickOne(items, { title, placeholder });
    if (picked !== createNew) return picked;
    const created = await createPolicy!(vault);
    if (created) return created;
  }
}

/** e.g. "Daily · kept 30 days · instant restore 2 days · Standard" */
export function policyDescription(policy: BackupPolicy): string {
  const parts: string[] = [];
  if (policy.frequency) parts.push(policy.frequency);
  if (policy.dailyRetentionDays !== undefined) parts.push(l10n.t('kept {0} days', policy.dailyRetentionDays));
  if (policy.instantRestoreDays !== undefined) parts.push(l10n.t('instant restore {0} days', policy.instantRestoreDays));
  parts.push(policy.kind);
  return parts.join(' · ');
}

function policyDetail(policy: BackupPolicy): string {
  const protects = policy.protectedItemsCount === 1 ? l10n.t('Backs up 1 item') : l10n.t('Backs up {0} items', policy.protectedItemsCount);
  return policy.timeZone ? `${protects} · ${policy.timeZone}` : protects;
}

function defaultFirst(a: BackupPolicy, b: BackupPolicy): number {
  const rank = (policy: BackupPolicy) => (policy.name === defaultPolicyName ? 0 : 1);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** VMs a vault can protect together: one subscription and one region. */
export function commonPlacement(vms: readonly VirtualMachine[]): { subscriptionId: string; location: string } | { problem: string } {
  const subscriptions = new Set(vms.map((vm) => vm.subscriptionId.toLowerCase()));
  if (subscriptions.size > 1) {
    return { problem: l10n.t('The selected VMs are in {0} subscriptions. A vault backs up VMs of its own subscription and region only: select VMs of one subscription and region.', subscriptions.size) };
  }
  const byLocation = new Map<string, string[]>();
  for (const vm of vms) {
    const key = vm.location.toLowerCase().replace(/\s+/g, '');
    byLocation.set(key, [...(byLocation.get(key) ?? []), vm.name]);
  }
  if (byLocation.size > 1) {
    const regions = [...byLocation].map(([location, names]) => `${location}: ${names.join(', ')}`).join('; ');
    return { problem: l10n.t('The selected VMs are in different regions ({0}). A vault backs up VMs of its own region only: select VMs of one region.', regions) };
  }
  return { subscriptionId: vms[0]!.subscriptionId, location: vms[0]!.location };
}
