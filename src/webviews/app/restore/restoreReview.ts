// The Review step: every choice in words and the warnings; for Replace existing disks what happens
// to the running VM and its name typed to confirm; "Validate with Azure" and Azure's answer in
// words; then Restore, its progress and its result (the draft kept when it fails).
import type { RestoreValidationResult } from '../../../restore/restoreValidation';
import { h, replaceChildren, setMessage, show } from '../shared/dom';
import { field, setText, textField } from '../shared/formFields';

export type Phase = 'review' | 'restoring' | 'restored' | 'failed';

/** Azure's answer, for the choices it was asked about (`key`). */
export interface ValidationState {
  key: string;
  status: 'validating' | 'answered' | 'refused';
  valid?: boolean;
  text?: string;
  results: RestoreValidationResult[];
}

export interface ReviewState {
  phase: Phase;
  rows: [string, string][];
  warnings: string[];
  /** Replace existing disks: what happens, and the name to type. */
  replace?: { explanation: string[]; vmName: string; typed: string; problem?: string; showProblem: boolean };
  /** The validation of the current choices; `stale` when the last answer was for other choices. */
  validation?: ValidationState;
  stale: boolean;
  canValidate: boolean;
  canRestore: boolean;
  blockers?: string;
  progress?: string;
  outcome?: string;
}

export interface ReviewActions {
  confirmName(value: string): void;
  validate(): void;
  restore(): void;
  back(): void;
  close(): void;
}

export interface ReviewView {
  root: HTMLElement;
  render(state: ReviewState): void;
}

export function buildReview(actions: ReviewActions): ReviewView {
  const summary = h('dl', { id: 'review-summary', class: 'summary' });
  const warnings = h('ul', { id: 'review-warnings', class: 'warnings', 'aria-label': 'Warnings' });

  const explanation = h('ul', { id: 'replace-explanation', class: 'steps' });
  const confirmControl = textField('confirm-name', (value) => actions.confirmName(value), { autocomplete: 'off', spellcheck: false });
  const confirm = field('confirm-name', 'Type the VM’s name to confirm', confirmControl);
  const confirmHelp = h('p');
  confirm.block.insertBefore(h('vscode-form-helper', { id: 'confirm-name-help' }, confirmHelp), confirm.message);
  confirmControl.setAttribute('aria-describedby', 'confirm-name-help confirm-name-message');
  const replace = h('section', { id: 'replace-section', 'aria-labelledby': 'replace-heading', hidden: true },
    h('h3', { id: 'replace-heading' }, 'What happens to the running VM'), explanation, confirm.block);

  const validateButton = h('vscode-button', { id: 'validate', secondary: true, icon: 'pass', onclick: () => actions.validate() }, 'Validate with Azure') as HTMLElement & { disabled: boolean };
  const validationResult = h('div', { id: 'validation-result', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const validationResults = h('ul', { id: 'validation-results', class: 'warnings', 'aria-label': 'Problems Azure found', hidden: true });
  const validation = h('section', { id: 'validation-section', 'aria-labelledby': 'validation-heading' },
    h('h3', { id: 'validation-heading' }, 'Azure’s validation'),
    h('p', { class: 'help' }, 'Azure Backup checks the request as it would check the restore itself (the validate-operation API), without starting anything. Restore is available once Azure has accepted these choices.'),
    h('div', { class: 'inline-actions' }, validateButton), validationResult, validationResults);

  const restoreButton = h('vscode-button', { id: 'restore', icon: 'history', onclick: () => actions.restore() }, 'Restore') as HTMLElement & { disabled: boolean };
  const backButton = h('vscode-button', { id: 'back', secondary: true, icon: 'arrow-left', onclick: () => actions.back() }, 'Back') as HTMLElement & { disabled: boolean };
  const closeButton = h('vscode-button', { id: 'close', secondary: true, onclick: () => actions.close() }, 'Close');
  const blockers = h('p', { id: 'restore-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  restoreButton.setAttribute('aria-describedby', 'restore-blockers');
  const progressText = h('span', { id: 'restore-progress-text' });
  const progress = h('div', { id: 'restore-progress', class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true },
    h('vscode-progress-ring', { 'aria-label': 'Starting the restore' }), progressText);
  const result = h('div', { id: 'restore-result', class: 'message', role: 'alert', hidden: true });

  const root = h('section', { id: 'review-step', 'aria-labelledby': 'review-heading', hidden: true },
    h('h2', { id: 'review-heading', tabindex: '-1' }, 'Review and restore'),
    h('p', {}, 'Check the choices, let Azure validate them, then restore.'),
    summary, warnings, replace, validation, progress, result,
    h('div', { class: 'actions' }, restoreButton, backButton, closeButton),
    blockers);

  return {
    root,
    render(state) {
      const key = JSON.stringify([state.rows, state.warnings]);
      if (summary.dataset.key !== key) {
        summary.dataset.key = key;
        replaceChildren(summary, ...state.rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
        replaceChildren(warnings, ...state.warnings.map((text) => h('li', { class: 'message', 'data-kind': 'warning' }, h('vscode-icon', { name: 'warning', 'aria-hidden': 'true' }), ' ', text)));
      }
      show(warnings, state.warnings.length > 0);

      show(replace, state.replace !== undefined);
      if (state.replace) {
        const { vmName } = state.replace;
        if (explanation.dataset.key !== state.replace.explanation.join('\n')) {
          explanation.dataset.key = state.replace.explanation.join('\n');
          replaceChildren(explanation, ...state.replace.explanation.map((line) => h('li', {}, line)));
        }
        confirmHelp.textContent = `Type ${vmName} exactly (case-sensitive) to replace its disks.`;
        confirmControl.setAttribute('placeholder', vmName);
        setText(confirmControl, state.replace.typed);
        const problem = state.replace.showProblem ? state.replace.problem : undefined;
        setMessage(confirm.message, problem ?? (state.replace.typed === vmName ? `Confirmed: the disks of ${vmName} will be replaced.` : undefined), problem ? 'error' : 'info');
        confirmControl.invalid = problem !== undefined;
        confirmControl.disabled = state.phase === 'restoring' || state.phase === 'restored';
      }

      const { phase, validation: answer } = state;
      validateButton.disabled = !state.canValidate || answer?.status === 'validating' || phase === 'restoring' || phase === 'restored';
      if (!answer) setMessage(validationResult, state.stale ? 'The choices changed since Azure’s last answer: validate again.' : undefined, 'info');
      else if (answer.status === 'validating') setMessage(validationResult, 'Asking Azure to validate the restore…', 'info');
      else setMessage(validationResult, answer.text, answer.status === 'answered' && answer.valid ? 'info' : 'error');
      const results = answer?.status === 'answered' ? answer.results : [];
      replaceChildren(validationResults, ...results.map((item) => h('li', { class: 'message', 'data-kind': 'error' },
        h('strong', {}, item.code), `: ${item.message}`, ...item.recommendations.map((line) => h('div', { class: 'help' }, `Recommended: ${line}`)))));
      show(validationResults, results.length > 0);

      restoreButton.disabled = !state.canRestore || phase === 'restoring' || phase === 'restored';
      show(restoreButton, phase !== 'restored');
      backButton.disabled = phase === 'restoring';
      show(backButton, phase !== 'restored');
      show(progress, phase === 'restoring');
      progressText.textContent = state.progress ?? '';
      root.setAttribute('aria-busy', String(phase === 'restoring'));
      setMessage(result, phase === 'restored' || phase === 'failed' ? state.outcome : undefined, phase === 'failed' ? 'error' : 'info');
      blockers.textContent = phase === 'restoring' || phase === 'restored' ? '' : state.blockers ?? '';
    },
  };
}
