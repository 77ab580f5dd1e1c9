// The policy's name and kind (Standard or Enhanced), and, when editing, who uses it.
import { instantRestoreRange, policyLimits } from '../../../policy/policyLimits';
import type { PolicyDraft, PolicyKind } from '../../../policy/policyDraft';
import { h, setMessage, show } from '../shared/dom';
import { field, radioGroup, setRadio, setRadioDisabled, setText, textField } from '../shared/formFields';
import type { Edit, ProblemPlacement } from './policyControls';
import { section, type FormContext, type FormSection } from './formSection';

export function generalSection(edit: Edit, placement: ProblemPlacement): FormSection {
  const nameControl = textField('policy-name', (value) => edit('name', (draft) => void (draft.name = value)), { label: 'Policy name', autocomplete: 'off', placeholder: 'e.g. Daily-30d' });
  const name = field('policy-name', 'Policy name', nameControl, '3–150 letters, digits and hyphens; starts with a letter, ends with a letter or digit; unique in the vault. Azure cannot rename a policy later.');
  placement.register('name', name.message, nameControl);

  const kindControl = radioGroup<PolicyKind>('kind', 'Policy type', [
    { value: 'Standard', label: 'Standard', description: 'Daily or weekly backups; instant restore snapshots for 1–5 days.' },
    { value: 'Enhanced', label: 'Enhanced', description: 'Also hourly backups, snapshots for up to 30 days, archive tiering, and Trusted Launch VMs. Costs more; a Standard policy can move to Enhanced, never back.' },
  ], (kind) => edit('kind', (draft) => switchKind(draft, kind, current?.mode === 'create')));
  const kind = field('kind', 'Policy type', kindControl);
  placement.register('kind', kind.message, kindControl);

  let current: FormContext | undefined;
  const usage = h('p', { id: 'policy-usage', class: 'note', role: 'note', hidden: true });
  const immutable = h('p', { id: 'policy-immutable', class: 'message', 'data-kind': 'info', hidden: true });
  return {
    root: section('general', 'Policy', usage, immutable, name.block, kind.block),
    render(draft, context) {
      current = context;
      setText(nameControl, draft.name);
      const readonly = context.mode === 'edit';
      if ((nameControl as unknown as { readonly: boolean }).readonly !== readonly) (nameControl as unknown as { readonly: boolean }).readonly = readonly;
      setRadio(kindControl, draft.kind);
      setRadioDisabled(kindControl, 'Standard', context.original?.kind === 'Enhanced');
      if (context.mode === 'edit' && context.usage) {
        const { count, vmNames } = context.usage;
        const names = vmNames.length > 0 ? `: ${vmNames.slice(0, 10).join(', ')}${vmNames.length > 10 ? ` and ${vmNames.length - 10} more` : ''}` : '';
        usage.textContent = count === 0
          ? 'No VM uses this policy yet.'
          : `${count === 1 ? '1 VM uses' : `${count} VMs use`} this policy${names}. Saving changes their backups; a shorter retention deletes their older recovery points.`;
      }
      show(usage, context.mode === 'edit' && context.usage !== undefined);
      setMessage(immutable, context.immutableVault ? `Vault ${context.vaultName} is immutable: Azure refuses edits that shorten retention.` : undefined, 'info');
    },
  };
}

/**
 * Standard ↔ Enhanced: what does not carry over moves to its nearest allowed value (hourly
 * backups become daily, snapshots fit Standard's range, tiering goes); a new policy still on the
 * kind's default snapshot retention takes the other kind's default (2 or 7 days).
 */
function switchKind(draft: PolicyDraft, kind: PolicyKind, creating: boolean): void {
  const defaults: Record<PolicyKind, number> = { Standard: 2, Enhanced: 7 };
  if (creating && draft.instantRestoreDays === defaults[draft.kind]) draft.instantRestoreDays = defaults[kind];
  draft.kind = kind;
  if (kind !== 'Standard') return;
  if (draft.schedule.frequency === 'Hourly') draft.schedule.frequency = 'Daily';
  draft.instantRestoreDays = draft.schedule.frequency === 'Weekly' ? policyLimits.standardWeeklyInstantRestoreDays : Math.min(draft.instantRestoreDays, instantRestoreRange('Standard').max);
  draft.tiering.mode = 'None';
}
