// The create-vault form's DOM: built once, then updated by the app. Every control has a label,
// help where Azure's rule is not obvious, and a live message that names the field and its range.
import { softDeleteDays, type SoftDeleteChoice, type StorageRedundancyChoice } from '../../../azure/vaultRules';
import type { CreateVaultDraft } from '../../shared/createVaultDraft';
import { h } from '../shared/dom';
import { checkbox, field, radioGroup, select, textField, type Field } from '../shared/formFields';

/** What the user changed: the draft field and its new value. */
export type FormChange = { [K in keyof CreateVaultDraft]: { field: K; value: CreateVaultDraft[K] } }[keyof CreateVaultDraft];

export interface CreateVaultForm {
  root: HTMLElement;
  subscription: Field & { control: HTMLElement & { value: string } };
  resourceGroupMode: HTMLElement;
  existingResourceGroup: Field & { control: HTMLElement & { value: string } };
  newResourceGroup: Field & { control: ReturnType<typeof textField> };
  name: Field & { control: ReturnType<typeof textField> };
  location: Field & { control: HTMLElement & { value: string } };
  redundancy: Field & { control: HTMLElement };
  crossRegionRestore: Field & { control: ReturnType<typeof checkbox>; warning: HTMLElement };
  softDeleteState: Field & { control: HTMLElement; warning: HTMLElement };
  softDeleteDays: Field & { control: ReturnType<typeof textField> };
  immutability: Field & { control: HTMLElement };
  lock: { block: HTMLElement; control: ReturnType<typeof checkbox>; warning: HTMLElement };
  reviewButton: HTMLElement & { disabled: boolean };
  /** Why Review is not available yet (read by screen readers next to the button). */
  blockers: HTMLElement;
}

function warning(id: string, text: string): HTMLElement {
  return h('div', { id, class: 'message', 'data-kind': 'warning', role: 'alert', hidden: true }, h('vscode-icon', { name: 'warning', 'aria-hidden': 'true' }), ' ', text);
}

export function buildCreateVaultForm(onChange: (change: FormChange) => void, onReview: () => void, onCancel: () => void): CreateVaultForm {
  const subscriptionControl = select('subscription', (value) => onChange({ field: 'subscriptionId', value }));
  const subscription = { ...field('subscription', 'Subscription', subscriptionControl, 'The vault is billed to this subscription and backs up its VMs only.'), control: subscriptionControl };

  const resourceGroupMode = radioGroup('resource-group-mode', 'Resource group', [
    { value: 'existing', label: 'Use an existing resource group' },
    { value: 'new', label: 'Create a new resource group' },
  ] as const, (value) => onChange({ field: 'resourceGroupMode', value }));
  const existingControl = select('resource-group', (value) => onChange({ field: 'existingResourceGroup', value }), true);
  const existingResourceGroup = { ...field('resource-group', 'Resource group', existingControl), control: existingControl };
  const newControl = textField('new-resource-group', (value) => onChange({ field: 'newResourceGroup', value }), { placeholder: 'rg-backup', maxLength: 90 });
  const newResourceGroup = {
    ...field('new-resource-group', 'New resource group name', newControl, '1–90 letters, digits, underscores, parentheses, hyphens and periods; not ending in a period. Created in the vault’s region.'),
    control: newControl,
  };

  const nameControl = textField('vault-name', (value) => onChange({ field: 'name', value }), { placeholder: 'e.g. prod-weu-vault', autocomplete: 'off' });
  const name = { ...field('vault-name', 'Vault name', nameControl, '2–50 letters, digits and hyphens, starting with a letter; unique in the subscription.'), control: nameControl };

  const locationControl = select('location', (value) => onChange({ field: 'location', value }), true);
  const location = { ...field('location', 'Region', locationControl, 'A vault backs up VMs of its own region only.'), control: locationControl };

  const redundancyControl = radioGroup<StorageRedundancyChoice>('redundancy', 'Storage redundancy', [
    { value: 'GeoRedundant', label: 'Geo-redundant (GRS)', description: 'Copies to the paired region; needed for cross region restore. The default.' },
    { value: 'LocallyRedundant', label: 'Locally redundant (LRS)', description: 'Three copies in one datacenter; the cheapest.' },
    { value: 'ZoneRedundant', label: 'Zone-redundant (ZRS)', description: 'Copies across the region’s availability zones.' },
  ], (value) => onChange({ field: 'redundancy', value }));
  const redundancy = { ...field('redundancy', 'Storage redundancy', redundancyControl, 'It can be changed only until the first item is protected.'), control: redundancyControl };

  const crrControl = checkbox('cross-region-restore', 'Enable cross region restore', (value) => onChange({ field: 'crossRegionRestore', value }));
  const crrWarning = warning('cross-region-restore-warning', 'Cross region restore cannot be turned off once the vault has it.');
  const crossRegionRestore = {
    ...field('cross-region-restore', 'Cross region restore', crrControl, 'Restore in the paired region too. Only with geo-redundant storage.', [crrWarning]),
    control: crrControl,
    warning: crrWarning,
  };

  const softDeleteControl = radioGroup<SoftDeleteChoice>('soft-delete', 'Soft delete', [
    { value: 'Enabled', label: 'Enabled', description: 'Deleted backup data is kept for the retention below, and can be undeleted.' },
    { value: 'AlwaysOn', label: 'Always on (irreversible)', description: 'As enabled, and it can never be disabled.' },
    { value: 'Disabled', label: 'Disabled', description: 'Deleted backup data is gone at once.' },
  ], (value) => onChange({ field: 'softDeleteState', value }));
  const alwaysOnWarning = warning('soft-delete-warning', 'Always-on soft delete is irreversible: it can never be disabled on this vault.');
  const softDeleteState = { ...field('soft-delete', 'Soft delete', softDeleteControl, undefined, [alwaysOnWarning]), control: softDeleteControl, warning: alwaysOnWarning };
  const daysControl = textField('soft-delete-days', (value) => onChange({ field: 'softDeleteDays', value }), { type: 'number', min: softDeleteDays.min, max: softDeleteDays.max });
  const softDeleteDaysField = { ...field('soft-delete-days', 'Soft delete retention (days)', daysControl, `${softDeleteDays.min}–${softDeleteDays.max} days; ${softDeleteDays.default} by default.`), control: daysControl };

  const immutabilityControl = radioGroup('immutability', 'Immutability', [
    { value: 'Disabled', label: 'Disabled' },
    { value: 'Unlocked', label: 'Enabled, unlocked', description: 'Recovery points cannot be deleted before they expire, nor retention cut; it can still be disabled.' },
  ] as const, (value) => onChange({ field: 'immutability', value }));
  const immutability = { ...field('immutability', 'Immutability', immutabilityControl), control: immutabilityControl };
  const lockControl = checkbox('lock-immutability', 'Lock immutability (irreversible)', (value) => onChange({ field: 'lockImmutability', value }));
  const lockWarning = warning('lock-immutability-warning', 'Locked immutability can never be unlocked or disabled, on this vault or by anyone: recovery points stay until they expire.');
  const lock = {
    block: h('div', { class: 'second-step', id: 'lock-immutability-group', hidden: true }, lockControl, h('p', { class: 'help' }, 'A second, explicit step: lock only when you are sure.'), lockWarning),
    control: lockControl,
    warning: lockWarning,
  };

  const reviewButton = h('vscode-button', { id: 'review', icon: 'checklist', onclick: () => onReview() }, 'Review') as HTMLElement & { disabled: boolean };
  const blockers = h('p', { id: 'review-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  reviewButton.setAttribute('aria-describedby', 'review-blockers');
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, onclick: () => onCancel() }, 'Cancel');

  const section = (id: string, title: string, ...children: HTMLElement[]) =>
    h('section', { 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...children);
  const root = h(
    'form',
    { id: 'create-vault-form', 'aria-label': 'Create Recovery Services vault', onsubmit: (event: Event) => event.preventDefault() },
    section('basics', 'Basics', subscription.block, h('div', { class: 'field-row' }, resourceGroupMode), existingResourceGroup.block, newResourceGroup.block, name.block, location.block),
    section('storage', 'Storage', redundancy.block, crossRegionRestore.block),
    section('security', 'Security', softDeleteState.block, softDeleteDaysField.block, immutability.block, lock.block),
    h('div', { class: 'actions' }, reviewButton, cancel),
    blockers,
  );
  return {
    root,
    subscription,
    resourceGroupMode,
    existingResourceGroup,
    newResourceGroup,
    name,
    location,
    redundancy,
    crossRegionRestore,
    softDeleteState,
    softDeleteDays: softDeleteDaysField,
    immutability,
    lock,
    reviewButton,
    blockers,
  };
}
