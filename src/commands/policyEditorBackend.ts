import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import { AzureError, toAzureError } from '../azure/azureError';
import type { BackupReader } from '../azure/backupReader';
import type { Vault } from '../azure/model';
import { PolicyWrites, type PolicySaveStep } from '../azure/policyWrites';
import { clonePolicyDraft, newStandardPolicyDraft } from '../policy/policyDraft';
import { policyDraftFromResource } from '../policy/policyMapping';
import { errorText } from '../ui/azureErrorText';
import { newVaultPolicyNames } from '../vmCreation/vmRules';
import type { LoadedPolicy, PolicyEditorBackend } from '../webviews/host/policyEditorPanel';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

/** Failures whose own message already says what happened and what to do (PolicyWrites words them). */
const ownWords = new Set(['invalidPolicy', 'immutableVault']);

/**
 * The policy editor's backend over the signed-in connection: the vault from the tree's cache,
 * PolicyWrites for the policy, its names and usage, modal prompts, and the tree to show the
 * saved policy.
 */
export function policyEditorBackend(services: FlowServices): PolicyEditorBackend {
  let current: { reader: BackupReader; writes: PolicyWrites } | undefined;
  // One PolicyWrites per connection: rebuilt when the reader changes (sign-in, settings).
  const writes = (): PolicyWrites => {
    const { reader } = services.azure();
    if (current?.reader !== reader) current = { reader, writes: new PolicyWrites(reader) };
    return current.writes;
  };
  const stepText = (step: PolicySaveStep, name: string): string => {
    switch (step) {
      case 'sending':
        return l10n.t('Saving policy {0}…', name);
      case 'updatingItems':
        return l10n.t('Azure is applying policy {0} to the VMs that use it…', name);
      case 'reading':
        return l10n.t('Reading policy {0} back…', name);
    }
  };
  return {
    async load(identity): Promise<LoadedPolicy> {
      const { subscriptionId } = parseArmId(identity.vaultId);
      const vault = (await services.azure().cache.vaults(subscriptionId)).find((candidate) => sameArmId(candidate.id, identity.vaultId));
      // Authoring for a Create VM form whose deployment also creates the vault: it has Azure's two default policies.
      if (!vault && identity.author) return { vault: plannedVault(identity.vaultId, identity.author.location), mode: 'create', draft: newStandardPolicyDraft(), existingNames: [...newVaultPolicyNames], immutableVault: false };
      if (!vault) throw new AzureError('notFound', 'VaultNotFound', l10n.t('Vault {0} was not found: it may have been deleted, or its subscription is not shown.', parseArmId(identity.vaultId).name));
      const immutableVault = vault.immutabilityState === 'Unlocked' || vault.immutabilityState === 'Locked';
      const existingNames = await writes().policyNames(vault);
      if (!identity.policyName) return { vault, mode: 'create', draft: newStandardPolicyDraft(), existingNames, immutableVault };
      const resource = await writes().getPolicy(vault, identity.policyName);
      const draft = policyDraftFromResource(resource);
      const usage = await writes().usage(vault, resource);
      return { vault, mode: 'edit', draft, original: clonePolicyDraft(draft), existingNames, usage, immutableVault };
    },
    async save(vault, draft, report, signal) {
      const saved = await writes().save(vault, draft, (step) => report(stepText(step, draft.name)), signal);
      return saved.policy;
    },
    async saved(vault, policy) {
      services.view.refresh(vault.id);
      await services.view.reveal([subscriptionScope(vault.subscriptionId), vault.id, `${vault.id}/backupPolicies`, policy.id]);
    },
    confirm: async (message, detail, action) => (await services.prompts.confirm(message, detail, action)) === action,
    describe(error) {
      const azureError = toAzureError(error);
      const limit = azureError.code.toLowerCase() === 'clouddosabsolutelimitreachedwithretry';
      return { message: ownWords.has(azureError.reason) || limit ? azureError.message : errorText(azureError), cancelled: azureError.reason === 'cancelled' };
    },
    now: () => Date.now(),
  };
}

/** A vault a deployment is to create, as far as the editor needs it. */
function plannedVault(vaultId: string, location: string): Vault {
  const { subscriptionId, resourceGroup, name } = parseArmId(vaultId);
  return { id: vaultId, name, subscriptionId, resourceGroup: resourceGroup ?? '', location, crossRegionRestore: false, tags: {} };
}
