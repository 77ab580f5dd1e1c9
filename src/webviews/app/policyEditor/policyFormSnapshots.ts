// Instant restore: how long each backup's snapshot stays for fast restores, and the resource group
// Azure keeps the restore point collections in.
import { instantRestoreRange, policyLimits } from '../../../policy/policyLimits';
import type { PolicyDraft } from '../../../policy/policyDraft';
import { h } from '../shared/dom';
import { field, setText, textField } from '../shared/formFields';
import { numberField, setNumber, type Edit, type ProblemPlacement } from './policyControls';
import { section, type FormSection } from './formSection';

export function snapshotsSection(edit: Edit, placement: ProblemPlacement): FormSection {
  const daysControl = numberField('instant-restore-days', 'Instant restore snapshot retention in days', (value) => edit('instantRestoreDays', (draft) => void (draft.instantRestoreDays = value)));
  const days = field('instant-restore-days', 'Keep instant restore snapshots (days)', daysControl, 'Restores from a snapshot take minutes instead of hours.');
  placement.register('instantRestoreDays', days.message, daysControl);
  const help = days.block.querySelector('vscode-form-helper p');

  const setGroup = (part: 'prefix' | 'suffix') => (value: string) =>
    edit(`instantRpResourceGroup.${part}`, (draft) => {
      const group = { prefix: '', suffix: '', ...draft.instantRpResourceGroup, [part]: value };
      if (group.prefix === '' && group.suffix === '') delete draft.instantRpResourceGroup;
      else draft.instantRpResourceGroup = group;
    });
  const prefixControl = textField('rg-prefix', setGroup('prefix'), { label: 'Restore point collection resource group prefix', placeholder: 'AzureBackupRG_', autocomplete: 'off' });
  const prefix = field('rg-prefix', 'Resource group prefix', prefixControl);
  placement.register('instantRpResourceGroup.prefix', prefix.message, prefixControl);
  const suffixControl = textField('rg-suffix', setGroup('suffix'), { label: 'Restore point collection resource group suffix', placeholder: 'optional', autocomplete: 'off' });
  const suffix = field('rg-suffix', 'Resource group suffix', suffixControl);
  placement.register('instantRpResourceGroup.suffix', suffix.message, suffixControl);
  const groupHelp = h(
    'p',
    { class: 'help', id: 'rg-help' },
    `Snapshots live in restore point collections in the resource group <prefix>N<suffix> (N = 1, 2…). Leave both empty for Azure's default (AzureBackupRG_<region>_N). Letters, digits and . _ - ( ); not ending in a period; at most ${policyLimits.instantRpResourceGroupMaxLength} characters in all.`,
  );

  return {
    root: section('snapshots', 'Instant restore', days.block, h('div', { class: 'field-grid' }, prefix.block, suffix.block), groupHelp),
    render(draft: PolicyDraft) {
      const { min, max } = instantRestoreRange(draft.kind);
      const weekly = draft.kind === 'Standard' && draft.schedule.frequency === 'Weekly';
      if (help) {
        help.textContent = weekly
          ? `A Standard policy with a weekly schedule keeps snapshots exactly ${policyLimits.standardWeeklyInstantRestoreDays} days.`
          : `${min}–${max} days for ${draft.kind === 'Enhanced' ? 'an Enhanced' : 'a Standard'} policy. Restores from a snapshot take minutes instead of hours; snapshots are billed as managed disk snapshots.`;
      }
      setNumber(daysControl, draft.instantRestoreDays);
      setText(prefixControl, draft.instantRpResourceGroup?.prefix ?? '');
      setText(suffixControl, draft.instantRpResourceGroup?.suffix ?? '');
    },
  };
}
