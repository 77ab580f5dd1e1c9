// For a point only in the archive tier: how fast Azure rehydrates it (Standard or High) and how long
// it stays in the vault tier afterwards (learn.microsoft.com "Use Archive tier support": 10 to 30
// days, 15 by default).
import { needsRehydration, rehydrationDays, type RehydrationPriority } from '../../../restore/restoreRequest';
import { h, show } from '../shared/dom';
import { field, radioGroup, setRadio, setText, textField } from '../shared/formFields';
import { showProblem, type RestoreFormActions, type RestoreFormPart } from './restoreFormParts';

export function rehydrationSection(actions: RestoreFormActions): RestoreFormPart {
  const priorityControl = radioGroup<RehydrationPriority>('rehydration-priority', 'Rehydration priority', [
    { value: 'Standard', label: 'Standard', description: 'Cheaper; the slower of the two (hours).' },
    { value: 'High', label: 'High', description: 'Faster, and billed at a higher rate.' },
  ], (value) => actions.change({ field: 'rehydrationPriority', value }));
  const priority = field('rehydration-priority', 'Rehydration priority', priorityControl, 'This point is only in the archive tier: Azure copies it back to the vault tier before restoring it.');
  const daysControl = textField('rehydration-days', (value) => actions.change({ field: 'rehydrationDays', value }), { type: 'number', min: String(rehydrationDays.min), max: String(rehydrationDays.max), inputmode: 'numeric' });
  const days = field('rehydration-days', 'Keep rehydrated for (days)', daysControl, `${rehydrationDays.min}–${rehydrationDays.max} days (${rehydrationDays.default} by default): the point stays in the vault tier that long, billed as such, so later restores need no rehydration.`);
  const root = h('section', { id: 'rehydration-section', 'aria-labelledby': 'rehydration-heading', hidden: true },
    h('h2', { id: 'rehydration-heading', tabindex: '-1' }, 'Rehydrate from the archive tier'), priority.block, days.block);
  return {
    root,
    render(view) {
      const source = view.data.source;
      const archived = source !== undefined && needsRehydration(source.point);
      show(root, archived);
      if (!archived) return;
      setRadio(priorityControl, view.draft.rehydrationPriority);
      setText(daysControl as HTMLElement & { value: string }, view.draft.rehydrationDays);
      showProblem(view, 'rehydrationPriority', priority.message);
      showProblem(view, 'rehydrationDays', days.message, daysControl);
    },
  };
}
