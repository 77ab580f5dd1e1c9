// The Restore form's page: what is restored, the restore type, where it goes, the archive tier's
// rehydration when the point needs it, and Review with why it is not available yet.
import { h } from '../shared/dom';
import type { RestoreFormActions, RestoreFormPart, RestoreFormView } from './restoreFormParts';
import { pointSection, typeSection } from './restorePointSection';
import { rehydrationSection } from './restoreRehydrationSection';
import { targetSection } from './restoreTargetSection';

export interface RestoreForm {
  root: HTMLElement;
  reviewButton: HTMLElement & { disabled: boolean };
  /** Why Review is not available yet (read by screen readers next to the button). */
  blockers: HTMLElement;
  render(view: RestoreFormView): void;
}

export function buildRestoreForm(actions: RestoreFormActions): RestoreForm {
  const parts: RestoreFormPart[] = [pointSection(), typeSection(actions), targetSection(actions), rehydrationSection(actions)];
  const reviewButton = h('vscode-button', { id: 'review', icon: 'checklist', onclick: () => actions.review() }, 'Review…') as RestoreForm['reviewButton'];
  const blockers = h('p', { id: 'review-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  reviewButton.setAttribute('aria-describedby', 'review-blockers');
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, onclick: () => actions.cancel() }, 'Cancel');
  const root = h(
    'form',
    { id: 'restore-form', 'aria-label': 'Restore a virtual machine', onsubmit: (event: Event) => event.preventDefault() },
    ...parts.map((part) => part.root),
    h('div', { class: 'actions' }, reviewButton, cancel),
    blockers,
  );
  return {
    root,
    reviewButton,
    blockers,
    render(view) {
      for (const part of parts) part.render(view);
    },
  };
}
