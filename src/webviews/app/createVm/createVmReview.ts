// The Review step: every choice in words, the warnings, the backup's restore point group and its
// estimated schedule (the policy editor's own preview), View template, then Create with the
// deployment's progress per resource ("4 of 7 resources") and its result: the failed resources
// with Azure's codes and messages, the draft kept for another try.
import type { PolicyDraft } from '../../../policy/policyDraft';
import type { PolicyPreview } from '../../../policy/policyPreview';
import type { ResourceFailure, ResourceProgressInfo } from '../../shared/createVmProtocol';
import { h, replaceChildren, setMessage, show } from '../shared/dom';
import { buildPreview } from '../policyEditor/policyPreviewView';

export type Phase = 'review' | 'creating' | 'created' | 'failed';

export interface ReviewActions {
  create(): void;
  viewTemplate(): void;
  back(): void;
  cancel(): void;
  close(): void;
}

export interface ReviewView {
  root: HTMLElement;
  createButton: HTMLElement & { disabled: boolean };
  renderSummary(rows: readonly (readonly [string, string])[], warnings: readonly string[]): void;
  /** The backup part: the restore point group and the schedule preview, or nothing when backup is off. */
  renderBackup(backup: { groupName: string; explanation: string; policy?: PolicyDraft; preview?: PolicyPreview } | undefined): void;
  renderTemplateStatus(status: { ok: boolean; message: string } | 'opening' | undefined): void;
  renderProgress(state: ProgressState): void;
}

export interface ProgressState {
  phase: Phase;
  message?: string;
  resources: readonly ResourceProgressInfo[];
  expectedResourceCount?: number;
  /** The result's text once created or failed. */
  outcome?: string;
  failures: readonly ResourceFailure[];
  canCreate: boolean;
  /** Why Create is not available (e.g. the password, never kept across a reload). */
  blockers?: string;
}

export function buildReview(actions: ReviewActions): ReviewView {
  const summary = h('dl', { id: 'review-summary', class: 'summary' });
  const warnings = h('ul', { id: 'review-warnings', class: 'warnings', 'aria-label': 'Warnings' });
  const groupName = h('p', { id: 'review-restore-point-group', class: 'emphasis' });
  const groupHelp = h('p', { id: 'review-restore-point-group-help', class: 'help' });
  const preview = buildPreview();
  // The policy editor's own preview, under the name the review gives it.
  const previewHeading = preview.root.querySelector('#preview-heading');
  if (previewHeading) previewHeading.textContent = 'Estimated backup schedule';
  const scheduleNote = h('p', { id: 'review-schedule-note', class: 'help', hidden: true });
  const backup = h('section', { id: 'review-backup', 'aria-labelledby': 'review-backup-heading' },
    h('h3', { id: 'review-backup-heading' }, 'Backup'),
    h('p', { class: 'help' }, 'Restore point collection resource group:'), groupName, groupHelp,
    scheduleNote,
    h('div', { id: 'review-schedule' }, preview.root));

  const createButton = h('vscode-button', { id: 'create', icon: 'add', onclick: () => actions.create() }, 'Create') as ReviewView['createButton'];
  const templateButton = h('vscode-button', { id: 'view-template', secondary: true, icon: 'json', onclick: () => actions.viewTemplate() }, 'View template') as HTMLElement & { disabled: boolean };
  const backButton = h('vscode-button', { id: 'back', secondary: true, icon: 'arrow-left', onclick: () => actions.back() }, 'Back') as HTMLElement & { disabled: boolean };
  const cancelButton = h('vscode-button', { id: 'cancel-create', secondary: true, onclick: () => actions.cancel(), hidden: true }, 'Cancel deployment');
  const closeButton = h('vscode-button', { id: 'close', onclick: () => actions.close(), hidden: true }, 'Close');
  const templateStatus = h('div', { id: 'view-template-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const blockers = h('p', { id: 'create-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  createButton.setAttribute('aria-describedby', 'create-blockers');

  const progressText = h('p', { id: 'create-progress-text' });
  const resources = h('ol', { id: 'create-resources', class: 'steps' });
  const progress = h('div', { id: 'create-progress', class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true },
    h('vscode-progress-ring', { 'aria-label': 'Creating the virtual machine' }),
    h('div', {}, progressText, resources));
  const result = h('div', { id: 'create-result', class: 'message', role: 'alert', hidden: true });
  const failures = h('ul', { id: 'create-failures', class: 'warnings', 'aria-label': 'Failed resources', hidden: true });

  const root = h('section', { id: 'review-step', 'aria-labelledby': 'review-heading', hidden: true },
    h('h2', { id: 'review-heading', tabindex: '-1' }, 'Review + create'),
    h('p', {}, 'Check the settings, then create the virtual machine: one Azure Resource Manager deployment creates everything below.'),
    summary, warnings, backup,
    templateStatus, progress, result, failures,
    h('div', { class: 'actions' }, createButton, templateButton, backButton, cancelButton, closeButton),
    blockers);

  return {
    root,
    createButton,
    renderSummary(rows, warningTexts) {
      replaceChildren(summary, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
      replaceChildren(warnings, ...warningTexts.map((text) => h('li', { class: 'message', 'data-kind': 'warning' }, h('vscode-icon', { name: 'warning', 'aria-hidden': 'true' }), ' ', text)));
      show(warnings, warningTexts.length > 0);
    },
    renderBackup(state) {
      show(backup, state !== undefined);
      if (!state) return;
      groupName.textContent = state.groupName;
      groupHelp.textContent = state.explanation;
      show(preview.root, state.preview !== undefined && state.policy !== undefined);
      if (state.preview && state.policy) preview.render(state.preview, state.policy);
      setMessage(scheduleNote, state.preview ? undefined : 'The schedule of this policy could not be read: it is shown in the vault’s policies.', 'info');
    },
    renderTemplateStatus(status) {
      if (status === 'opening') setMessage(templateStatus, 'Opening the template and its parameters…', 'info');
      else setMessage(templateStatus, status?.message, status?.ok === false ? 'error' : 'info');
    },
    renderProgress(state) {
      const { phase } = state;
      createButton.disabled = phase === 'creating' || phase === 'created' || !state.canCreate;
      templateButton.disabled = phase === 'creating' || !state.canCreate;
      backButton.disabled = phase === 'creating';
      show(createButton, phase !== 'created');
      show(templateButton, phase !== 'created');
      show(backButton, phase !== 'created');
      show(cancelButton, phase === 'creating');
      show(closeButton, phase === 'created');
      show(progress, phase === 'creating' || (phase !== 'review' && state.resources.length > 0));
      progress.querySelector('vscode-progress-ring')?.toggleAttribute('hidden', phase !== 'creating');
      progressText.textContent = progressLine(state);
      replaceChildren(resources, ...state.resources.map((resource) => h('li', { 'data-state': resource.provisioningState }, resourceLine(resource))));
      root.setAttribute('aria-busy', String(phase === 'creating'));
      setMessage(result, phase === 'created' || phase === 'failed' ? state.outcome : undefined, phase === 'failed' ? 'error' : 'info');
      replaceChildren(failures, ...state.failures.map((failure) => h('li', { class: 'message', 'data-kind': 'error' }, failureLine(failure))));
      show(failures, phase === 'failed' && state.failures.length > 0);
      blockers.textContent = phase === 'creating' || phase === 'created' ? '' : state.blockers ?? '';
    },
  };
}

/** What the host said last, after "4 of 7 resources" when it did not say that itself. */
function progressLine(state: ProgressState): string {
  const message = state.message ?? '';
  if (/^\d+ of \d+ resources/.test(message)) return message;
  const done = state.resources.filter((resource) => resource.provisioningState === 'Succeeded').length;
  const total = Math.max(state.expectedResourceCount ?? 0, state.resources.length);
  const count = total > 0 ? `${done} of ${total} resources` : '';
  return [count, message].filter(Boolean).join(' · ');
}

function resourceLine(resource: ResourceProgressInfo): string {
  const line = `${resource.resourceType} ${resource.resourceName}: ${resource.provisioningState}`;
  return resource.error ? `${line} (${resource.error.code}: ${resource.error.message})` : line;
}

function failureLine(failure: ResourceFailure): string {
  const what = [failure.resourceType, failure.resourceName].filter(Boolean).join(' ');
  return `${what ? `${what}: ` : ''}${failure.code}: ${failure.message}`;
}
