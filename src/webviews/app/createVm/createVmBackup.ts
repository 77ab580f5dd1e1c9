// The Backup section (on by default, like the portal's Management tab): a vault of the VM's
// region (existing, in any resource group, or new with a suggested name and its own resource
// group), its policy (DefaultPolicy, another of the vault's, or one authored in the policy editor
// and created by the deployment), and the resource group the VM's instant snapshots will go to.
import { restorePointGroupExplanation, restorePointGroupName } from '../../../vmCreation/restorePointGroupName';
import { h, setMessage, show } from '../shared/dom';
import { checkbox, field, radioGroup, select, setOptions, setRadio, setText, textField } from '../shared/formFields';
import { chosenPolicyDraft, policiesOf, vaultsInRegion } from './createVmModel';
import { formSection, showProblem, type FormActions, type FormPart } from './createVmFormParts';
import { policySummary } from './createVmPolicyText';

/** The policy picker's value for "Create new policy…" (policy names start with a letter). */
export const newPolicyChoice = ':new';

export function backupSection(actions: FormActions): FormPart {
  const change = actions.change;
  const enabledControl = checkbox('backup', 'Enable backup', (value) => change({ field: 'backup', value }));
  const enabled = field('backup', 'Backup', enabledControl, 'Azure Backup protects the VM from its creation: backups run on the policy’s schedule, and you can back it up at once.');
  const offWarning = h('div', { id: 'backup-off', class: 'message', 'data-kind': 'warning', role: 'status', hidden: true }, 'Backup is off: this VM will not be protected until you enable backup for it.');

  const vaultMode = radioGroup('vault-mode', 'Recovery Services vault', [
    { value: 'existing', label: 'Use an existing vault of the region' },
    { value: 'new', label: 'Create a new vault' },
  ] as const, (value) => change({ field: 'vaultMode', value }));
  const vaultControl = select('existing-vault', (value) => change({ field: 'existingVaultId', value }), true);
  const vault = field('existing-vault', 'Recovery Services vault', vaultControl, 'Vaults of the VM’s region and subscription, in any resource group.');

  const vaultNameControl = textField('new-vault-name', (value) => change({ field: 'newVaultName', value }), { autocomplete: 'off', spellcheck: false, maxLength: 50 });
  const vaultName = field('new-vault-name', 'Vault name', vaultNameControl, '2–50 letters, digits and hyphens, starting with a letter; unique in the subscription. Created in the VM’s region.');
  const vaultGroupMode = radioGroup('new-vault-group-mode', 'Vault resource group', [
    { value: 'vm', label: 'The VM’s resource group' },
    { value: 'existing', label: 'Another existing resource group' },
    { value: 'new', label: 'A new resource group' },
  ] as const, (value) => change({ field: 'newVaultGroupMode', value }));
  const vaultGroupModeField = field('new-vault-group-mode', 'Vault resource group', vaultGroupMode);
  const vaultGroupControl = select('new-vault-group', (value) => change({ field: 'newVaultExistingGroup', value }), true);
  const vaultGroup = field('new-vault-group', 'Existing resource group for the vault', vaultGroupControl);
  const vaultNewGroupControl = textField('new-vault-new-group', (value) => change({ field: 'newVaultNewGroup', value }), { autocomplete: 'off', spellcheck: false, maxLength: 90 });
  const vaultNewGroup = field('new-vault-new-group', 'New resource group for the vault', vaultNewGroupControl);
  const newVault = h('div', { id: 'new-vault' }, vaultName.block, vaultGroupModeField.block, vaultGroup.block, vaultNewGroup.block);

  const policyControl = select('policy', (value) => {
    if (value === newPolicyChoice) actions.authorPolicy();
    else if (value.startsWith(`${newPolicyChoice}:`)) change({ field: 'policyMode', value: 'new' });
    else change({ field: 'policyName', value });
  });
  const editPolicy = h('vscode-button', { id: 'edit-new-policy', secondary: true, icon: 'edit', onclick: () => actions.authorPolicy(), hidden: true }, 'Edit the new policy…');
  const policySummaryText = h('p', { id: 'policy-summary', class: 'help', role: 'status', 'aria-live': 'polite' });
  const policy = field('policy', 'Backup policy', policyControl, 'When backups run and how long they are kept. A new policy is written in the policy editor and created with the VM.', [h('div', { class: 'inline-actions' }, editPolicy), policySummaryText]);

  const groupName = h('p', { id: 'restore-point-group', class: 'emphasis' });
  const groupHelp = h('p', { id: 'restore-point-group-help', class: 'help' });
  const group = h('vscode-form-group', { variant: 'vertical', id: 'restore-point-group-group' },
    h('vscode-label', {}, 'Restore point collection resource group'), groupName, h('vscode-form-helper', {}, groupHelp));

  const details = h('div', { id: 'backup-details' }, h('div', { class: 'field-row' }, vaultMode), vault.block, newVault, policy.block, group);
  const root = formSection('backup', 'Backup', enabled.block, offWarning, details);

  return {
    root,
    render(view) {
      const { draft, data } = view;
      if (enabledControl.checked !== draft.backup) enabledControl.checked = draft.backup;
      show(details, draft.backup);
      show(offWarning, !draft.backup);
      if (!draft.backup) return;

      setRadio(vaultMode, draft.vaultMode);
      const existing = draft.vaultMode === 'existing';
      show(vault.block, existing);
      show(newVault, !existing);
      const vaults = data.vaults.get(draft.subscriptionId);
      const inRegion = vaultsInRegion(draft, data);
      setOptions(vaultControl, inRegion.map((v) => ({ value: v.id, label: v.name, description: v.resourceGroup })), draft.existingVaultId,
        !draft.location ? 'Choose the VM’s region first' : !vaults ? 'Loading vaults…' : inRegion.length > 0 ? 'Choose a vault…' : 'No vault in this region: create a new one');
      showProblem(view, 'vault', vault.message);

      setText(vaultNameControl, draft.newVaultName);
      showProblem(view, 'vaultName', vaultName.message, vaultNameControl);
      setRadio(vaultGroupMode, draft.newVaultGroupMode);
      show(vaultGroup.block, draft.newVaultGroupMode === 'existing');
      show(vaultNewGroup.block, draft.newVaultGroupMode === 'new');
      const groups = data.groups.get(draft.subscriptionId);
      setOptions(vaultGroupControl, (groups?.items ?? []).map((g) => ({ value: g.name, label: g.name, description: g.location })), draft.newVaultExistingGroup, groups ? 'Choose a resource group…' : 'Loading resource groups…');
      setText(vaultNewGroupControl, draft.newVaultNewGroup);
      const groupMessage = { vm: vaultGroupModeField.message, existing: vaultGroup.message, new: vaultNewGroup.message }[draft.newVaultGroupMode];
      for (const message of [vaultGroupModeField.message, vaultGroup.message, vaultNewGroup.message]) if (message !== groupMessage) setMessage(message, undefined);
      showProblem(view, 'vaultResourceGroup', groupMessage, draft.newVaultGroupMode === 'new' ? vaultNewGroupControl : undefined);

      const policies = policiesOf(draft, data);
      const authored = draft.newPolicy;
      setOptions(policyControl, [
        ...(policies?.items ?? []).map((p) => ({ value: p.name, label: p.name, description: p.kind })),
        ...(authored ? [{ value: `${newPolicyChoice}:${authored.name}`, label: `${authored.name} (new)`, description: 'created with the VM' }] : []),
        { value: newPolicyChoice, label: authored ? 'Create another new policy…' : 'Create new policy…' },
      ], draft.policyMode === 'new' && authored ? `${newPolicyChoice}:${authored.name}` : draft.policyName,
      existing && !draft.existingVaultId ? 'Choose the vault first' : policies ? undefined : 'Loading policies…');
      show(editPolicy, draft.policyMode === 'new' && authored !== undefined);
      const chosen = chosenPolicyDraft(draft, data);
      policySummaryText.textContent = chosen ? policySummary(chosen) : '';
      showProblem(view, 'policy', policy.message);

      const pattern = chosen?.instantRpResourceGroup;
      const location = draft.location || '<region>';
      groupName.textContent = restorePointGroupName(location, pattern);
      groupHelp.textContent = restorePointGroupExplanation(location, pattern);
    },
  };
}
