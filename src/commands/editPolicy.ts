import { l10n } from 'vscode';
import { parseArmId } from '../azure/armId';
import type { BackupPolicy } from '../azure/model';
import type { PolicyForm } from './createPolicy';
import { policyDescription } from './enableBackupPicks';
import type { SubscriptionSource } from './pickSubscription';
import { pickVaultOfSubscription } from './protectedVmTarget';
import type { FlowServices } from './services';

/**
 * azureVmBackup.editPolicy: on a policy item (its context menu, inline, or a click), or from the
 * palette (which asks for a vault, then one of its VM policies). Opens the policy editor.
 */
export async function editPolicy(services: FlowServices & { policyForm: PolicyForm }, subscriptions: SubscriptionSource, node?: unknown): Promise<void> {
  const policy = policyOf(node) ?? (await pickPolicyToEdit(services, subscriptions));
  if (!policy) return;
  void services.policyForm.open({ id: policy.vaultId, name: parseArmId(policy.vaultId).name }, policy.name);
}

function policyOf(node: unknown): Pick<BackupPolicy, 'vaultId' | 'name'> | undefined {
  const policy = (node as { policy?: { vaultId?: unknown; name?: unknown } } | undefined)?.policy;
  return typeof policy?.vaultId === 'string' && typeof policy.name === 'string' ? { vaultId: policy.vaultId, name: policy.name } : undefined;
}

async function pickPolicyToEdit(services: FlowServices, subscriptions: SubscriptionSource): Promise<BackupPolicy | undefined> {
  const title = l10n.t('Edit Policy');
  const vault = await pickVaultOfSubscription(services, subscriptions, title);
  if (!vault) return undefined;
  const policies = await services.azure().cache.policies(vault);
  if (policies.length === 0) {
    await services.prompts.info(l10n.t('The vault {0} has no backup policy for virtual machines. Use Create Policy… to add one.', vault.name));
    return undefined;
  }
  return services.prompts.pickOne(
    policies.map((policy) => ({ label: policy.name, description: policyDescription(policy), value: policy })),
    { title, placeholder: l10n.t('Select the policy to edit') },
  );
}
