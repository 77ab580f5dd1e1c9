// Archive tiering (Enhanced only): monthly and yearly points move to the cheaper archive tier.
import type { TieringMode } from '../../../policy/policyDraft';
import { policyLimits } from '../../../policy/policyLimits';
import { h, show } from '../shared/dom';
import { field, radioGroup, setRadio } from '../shared/formFields';
import { numberField, setNumber, type Edit, type ProblemPlacement } from './policyControls';
import { section, type FormSection } from './formSection';

export function tieringSection(edit: Edit, placement: ProblemPlacement): FormSection {
  const { tierAfterMinMonths: minAge, tierRemainingMinMonths: minLeft } = policyLimits;
  const modeControl = radioGroup<TieringMode>('tiering-mode', 'Archive tiering', [
    { value: 'None', label: 'Do not archive' },
    { value: 'TierRecommended', label: 'Archive recommended points', description: 'Azure moves the monthly and yearly points it expects to cost less in the archive tier.' },
    { value: 'TierAfter', label: 'Archive after a number of months', description: 'Every monthly and yearly point of that age moves to the archive tier.' },
  ], (mode) => edit('tiering.mode', (draft) => void (draft.tiering.mode = mode)));
  const mode = field('tiering-mode', 'Archive tiering', modeControl, `Points move when at least ${minAge} months old with ${minLeft} months of retention left; restoring from the archive takes hours to rehydrate.`);
  placement.register('tiering.mode', mode.message, modeControl);
  const afterControl = numberField('tiering-after-months', 'Archive after months', (value) => edit('tiering.afterMonths', (draft) => void (draft.tiering.afterMonths = value)));
  const after = field('tiering-after-months', 'Archive after (months)', afterControl, `At least ${minAge} months.`);
  placement.register('tiering.afterMonths', after.message, afterControl);
  const standardNote = h('p', { class: 'help', id: 'tiering-standard' }, 'Archive tiering needs an Enhanced policy.');
  const body = h('div', { id: 'tiering-body' }, mode.block, after.block);
  return {
    root: section('tiering', 'Archive tier', standardNote, body),
    render(draft) {
      const enhanced = draft.kind === 'Enhanced';
      show(standardNote, !enhanced);
      show(body, enhanced);
      setRadio(modeControl, draft.tiering.mode);
      show(after.block, draft.tiering.mode === 'TierAfter');
      setNumber(afterControl, draft.tiering.afterMonths);
    },
  };
}
