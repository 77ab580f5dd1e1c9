// From the draft and the fetched lists to what the form shows: each field's problem (Azure's
// rules, the name check, the lists), the controls' values, and the review's summary.
import { vaultRequestProblems, type VaultField, type VaultProblems } from '../../../azure/vaultRules';
import { requestOf, type CreateVaultDraft } from '../../shared/createVaultDraft';
import { setMessage, show } from '../shared/dom';
import { setOptions, setRadio, setRadioDisabled, setText } from '../shared/formFields';
import type { SubscriptionData } from '../shared/subscriptionData';
import type { CreateVaultForm } from './createVaultForm';

export interface NameCheck {
  subscriptionId: string;
  name: string;
  status: 'checking' | 'available' | 'taken';
  message?: string;
}

const fieldNames: Record<VaultField, string> = {
  subscription: 'Subscription',
  resourceGroup: 'Resource group',
  name: 'Vault name',
  location: 'Region',
  redundancy: 'Storage redundancy',
  crossRegionRestore: 'Cross region restore',
  softDeleteState: 'Soft delete',
  softDeleteDays: 'Soft delete retention',
  immutability: 'Immutability',
};

/** Every problem of the draft by field: Azure's rules, then what only the lists and the name check know. */
export function formProblems(draft: CreateVaultDraft, data: SubscriptionData, nameCheck: NameCheck | undefined): VaultProblems {
  const problems = vaultRequestProblems(requestOf(draft));
  const groups = data.groups.get(draft.subscriptionId);
  if (draft.resourceGroupMode === 'existing' && !draft.existingResourceGroup) {
    problems.resourceGroup = groups?.error ? `Resource groups could not be listed: ${groups.error}` : 'Resource group is required: choose an existing one, or create a new one.';
  }
  const newName = draft.newResourceGroup.trim().toLowerCase();
  if (draft.resourceGroupMode === 'new' && !problems.resourceGroup && groups?.items.some((group) => group.name.toLowerCase() === newName)) {
    problems.resourceGroup = `Resource group name '${draft.newResourceGroup.trim()}' is taken in this subscription: choose it under "Use an existing resource group".`;
  }
  const locations = data.locations.get(draft.subscriptionId);
  if (!draft.location && locations?.error) problems.location = `Regions could not be listed: ${locations.error}`;
  if (!problems.name) {
    const current = nameCheck && nameCheck.subscriptionId === draft.subscriptionId && nameCheck.name === draft.name.trim() ? nameCheck : undefined;
    if (!current || current.status === 'checking') problems.name = 'Checking that the vault name is free in the subscription…';
    else if (current.status === 'taken') problems.name = current.message ?? `Vault name '${current.name}' is not available in this subscription.`;
  }
  return problems;
}

export function renderForm(form: CreateVaultForm, draft: CreateVaultDraft, data: SubscriptionData, problems: VaultProblems, showAll: boolean): void {
  const shown = (draftField: keyof CreateVaultDraft) => showAll || draft.touched.includes(draftField);
  const checking = problems.name?.startsWith('Checking') ?? false;

  setOptions(form.subscription.control, (data.subscriptions ?? []).map((s) => ({ value: s.subscriptionId, label: s.name, description: s.subscriptionId })), draft.subscriptionId);
  setMessage(form.subscription.message, shown('subscriptionId') ? problems.subscription : undefined);

  setRadio(form.resourceGroupMode, draft.resourceGroupMode);
  const groups = data.groups.get(draft.subscriptionId);
  show(form.existingResourceGroup.block, draft.resourceGroupMode === 'existing');
  show(form.newResourceGroup.block, draft.resourceGroupMode === 'new');
  setOptions(
    form.existingResourceGroup.control,
    (groups?.items ?? []).map((group) => ({ value: group.name, label: group.name, description: group.location })),
    draft.existingResourceGroup,
    groups ? 'Choose a resource group…' : 'Loading resource groups…',
  );
  setText(form.newResourceGroup.control, draft.newResourceGroup);
  const groupField = draft.resourceGroupMode === 'existing' ? 'existingResourceGroup' : 'newResourceGroup';
  const groupProblem = shown(groupField) ? problems.resourceGroup : undefined;
  setMessage(draft.resourceGroupMode === 'existing' ? form.existingResourceGroup.message : form.newResourceGroup.message, groupProblem);
  form.newResourceGroup.control.invalid = draft.resourceGroupMode === 'new' && !!groupProblem;

  setText(form.name.control, draft.name);
  const nameShown = shown('name') && !!problems.name;
  form.name.control.invalid = nameShown && !checking;
  if (nameShown) setMessage(form.name.message, problems.name, checking ? 'info' : 'error');
  else setMessage(form.name.message, draft.touched.includes('name') && !problems.name ? `Vault name '${draft.name.trim()}' is available.` : undefined, 'info');

  const locations = data.locations.get(draft.subscriptionId);
  setOptions(form.location.control, (locations?.items ?? []).map((l) => ({ value: l.name, label: l.displayName, description: l.name })), draft.location, locations ? 'Choose a region…' : 'Loading regions…');
  setMessage(form.location.message, shown('location') ? problems.location : undefined);

  setRadio(form.redundancy.control, draft.redundancy);
  const grs = draft.redundancy === 'GeoRedundant';
  form.crossRegionRestore.control.disabled = !grs;
  if (form.crossRegionRestore.control.checked !== (grs && draft.crossRegionRestore)) form.crossRegionRestore.control.checked = grs && draft.crossRegionRestore;
  show(form.crossRegionRestore.warning, grs && draft.crossRegionRestore);
  setMessage(form.crossRegionRestore.message, grs ? undefined : 'Cross region restore is available only with geo-redundant (GRS) storage.', 'info');

  setRadio(form.softDeleteState.control, draft.softDeleteState);
  show(form.softDeleteState.warning, draft.softDeleteState === 'AlwaysOn');
  show(form.softDeleteDays.block, draft.softDeleteState !== 'Disabled');
  setText(form.softDeleteDays.control, draft.softDeleteDays);
  const daysProblem = shown('softDeleteDays') ? problems.softDeleteDays : undefined;
  form.softDeleteDays.control.invalid = !!daysProblem;
  setMessage(form.softDeleteDays.message, daysProblem);

  setRadio(form.immutability.control, draft.immutability);
  setRadioDisabled(form.immutability.control, 'Disabled', false);
  show(form.lock.block, draft.immutability === 'Unlocked');
  if (form.lock.control.checked !== draft.lockImmutability) form.lock.control.checked = draft.lockImmutability;
  show(form.lock.warning, draft.immutability === 'Unlocked' && draft.lockImmutability);

  const blocking = (Object.keys(problems) as VaultField[]).map((field) => fieldNames[field]);
  form.reviewButton.disabled = blocking.length > 0;
  form.blockers.textContent = blocking.length === 0 ? '' : checking && blocking.length === 1 ? 'Checking the vault name…' : `To review, complete: ${blocking.join(', ')}.`;
}

/** The review's rows: every choice in words. */
export function summaryRows(draft: CreateVaultDraft, data: SubscriptionData): [string, string][] {
  const request = requestOf(draft);
  const subscription = data.subscriptions?.find((s) => s.subscriptionId === request.subscriptionId);
  const location = data.locations.get(request.subscriptionId)?.items.find((l) => l.name === request.location);
  const softDelete = request.softDelete.state === 'Disabled' ? 'Disabled' : `${request.softDelete.state === 'AlwaysOn' ? 'Always on' : 'Enabled'}, ${request.softDelete.retentionDays} days`;
  return [
    ['Subscription', subscription ? `${subscription.name} (${subscription.subscriptionId})` : request.subscriptionId],
    ['Resource group', `${request.resourceGroup.name}${request.resourceGroup.isNew ? ' (new)' : ''}`],
    ['Vault name', request.name],
    ['Region', location?.displayName ?? request.location],
    ['Storage redundancy', request.redundancy],
    ['Cross region restore', request.crossRegionRestore ? 'Enabled' : 'Disabled'],
    ['Soft delete', softDelete],
    ['Immutability', request.immutability],
  ];
}
