// The Review step (a summary of the choices and the irreversible ones), and the creation's
// progress through the async operation, then its result.
import { h, replaceChildren, setMessage, show } from '../shared/dom';

export type Phase = 'review' | 'creating' | 'created' | 'failed';

export interface ReviewView {
  root: HTMLElement;
  summary: HTMLElement;
  warnings: HTMLElement;
  createButton: HTMLElement & { disabled: boolean };
  backButton: HTMLElement & { disabled: boolean };
  cancelButton: HTMLElement;
  progress: HTMLElement;
  steps: HTMLElement;
  result: HTMLElement;
  closeButton: HTMLElement;
}

export function buildReview(actions: { create: () => void; back: () => void; cancel: () => void; close: () => void }): ReviewView {
  const summary = h('dl', { id: 'review-summary', class: 'summary' });
  const warnings = h('ul', { id: 'review-warnings', class: 'warnings', 'aria-label': 'Irreversible choices' });
  const createButton = h('vscode-button', { id: 'create', icon: 'add', onclick: () => actions.create() }, 'Create') as ReviewView['createButton'];
  const backButton = h('vscode-button', { id: 'back', secondary: true, icon: 'arrow-left', onclick: () => actions.back() }, 'Back') as ReviewView['backButton'];
  const cancelButton = h('vscode-button', { id: 'cancel-create', secondary: true, onclick: () => actions.cancel(), hidden: true }, 'Cancel');
  const steps = h('ol', { id: 'create-steps', class: 'steps' });
  const progress = h(
    'div',
    { id: 'create-progress', class: 'progress', hidden: true, role: 'status', 'aria-live': 'polite' },
    h('vscode-progress-ring', { 'aria-label': 'Creating the vault' }),
    steps,
  );
  const result = h('div', { id: 'create-result', class: 'message', role: 'alert', hidden: true });
  const closeButton = h('vscode-button', { id: 'close', onclick: () => actions.close(), hidden: true }, 'Close');
  const root = h(
    'section',
    { id: 'review-step', 'aria-labelledby': 'review-heading', hidden: true },
    h('h2', { id: 'review-heading', tabindex: '-1' }, 'Review'),
    h('p', {}, 'Check the settings, then create the vault.'),
    summary,
    warnings,
    progress,
    result,
    h('div', { class: 'actions' }, createButton, backButton, cancelButton, closeButton),
  );
  return { root, summary, warnings, createButton, backButton, cancelButton, progress, steps, result, closeButton };
}

/** The summary rows and the warnings of irreversible choices. */
export function renderSummary(view: ReviewView, rows: readonly (readonly [string, string])[], irreversible: readonly string[]): void {
  replaceChildren(view.summary, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
  replaceChildren(view.warnings, ...irreversible.map((text) => h('li', { class: 'message', 'data-kind': 'warning' }, h('vscode-icon', { name: 'warning', 'aria-hidden': 'true' }), ' ', text)));
  show(view.warnings, irreversible.length > 0);
}

export interface ProgressState {
  phase: Phase;
  steps: readonly string[];
  /** The result's text once created or failed. */
  outcome?: string;
  /** Create is allowed (the request is valid). */
  canCreate: boolean;
}

export function renderProgress(view: ReviewView, state: ProgressState): void {
  const { phase } = state;
  view.createButton.disabled = phase === 'creating' || phase === 'created' || !state.canCreate;
  view.backButton.disabled = phase === 'creating';
  show(view.createButton, phase !== 'created');
  show(view.backButton, phase !== 'created');
  show(view.cancelButton, phase === 'creating');
  show(view.closeButton, phase === 'created');
  show(view.progress, phase === 'creating' || (phase !== 'review' && state.steps.length > 0));
  view.progress.querySelector('vscode-progress-ring')?.toggleAttribute('hidden', phase !== 'creating');
  if (view.steps.childElementCount !== state.steps.length) replaceChildren(view.steps, ...state.steps.map((text) => h('li', {}, text)));
  view.root.setAttribute('aria-busy', String(phase === 'creating'));
  setMessage(view.result, phase === 'created' || phase === 'failed' ? state.outcome : undefined, phase === 'failed' ? 'error' : 'info');
}
