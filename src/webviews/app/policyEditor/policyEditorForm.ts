// The policy editor's page: the form's sections beside the live preview, and the Save bar with
// why Save is not available yet, the save's progress and its outcome.
import type { PolicyDraft } from '../../../policy/policyDraft';
import { h } from '../shared/dom';
import { ProblemPlacement, type Edit } from './policyControls';
import { generalSection } from './policyFormGeneral';
import { retentionSection } from './policyFormRetention';
import { scheduleSection } from './policyFormSchedule';
import { snapshotsSection } from './policyFormSnapshots';
import { tieringSection } from './policyFormTiering';
import { buildPreview, type PreviewView } from './policyPreviewView';
import type { FormContext, FormSection } from './formSection';

export interface PolicyEditorPage {
  root: HTMLElement;
  heading: HTMLElement;
  placement: ProblemPlacement;
  preview: PreviewView;
  save: HTMLElement & { disabled: boolean };
  cancel: HTMLElement & { disabled: boolean };
  /** Why Save is not available (read by screen readers next to the button). */
  blockers: HTMLElement;
  progress: HTMLElement;
  progressText: HTMLElement;
  /** The last save's outcome. */
  result: HTMLElement;
  render(draft: PolicyDraft, context: FormContext): void;
}

/**
 * `authoring`: the policy is for a Create VM form, whose deployment creates it; the button hands
 * it to that form ("Use this policy") instead of saving it.
 */
export function buildPolicyEditorPage(edit: Edit, onSave: () => void, onCancel: () => void, authoring = false): PolicyEditorPage {
  const general = h('div', { id: 'form-problems', class: 'message', role: 'alert', hidden: true });
  const placement = new ProblemPlacement(general);
  const sections: FormSection[] = [
    generalSection(edit, placement),
    scheduleSection(edit, placement),
    snapshotsSection(edit, placement),
    retentionSection(edit, placement),
    tieringSection(edit, placement),
  ];
  const save = (authoring
    ? h('vscode-button', { id: 'use-policy', icon: 'check', onclick: () => onSave() }, 'Use this policy')
    : h('vscode-button', { id: 'save', icon: 'save', onclick: () => onSave() }, 'Save policy')) as HTMLElement & { disabled: boolean };
  const blockers = h('p', { id: 'save-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  save.setAttribute('aria-describedby', authoring ? 'save-blockers author-note' : 'save-blockers');
  const authorNote = authoring
    ? h('p', { id: 'author-note', class: 'help' }, 'Nothing is saved to Azure now: the virtual machine’s deployment creates this policy in the vault. “Use this policy” returns it to the Create Virtual Machine form.')
    : undefined;
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, onclick: () => onCancel() }, 'Cancel') as HTMLElement & { disabled: boolean };
  const progressText = h('span', { id: 'save-progress-text' });
  const progress = h('p', { id: 'save-progress', class: 'progress', role: 'status', hidden: true }, h('vscode-progress-ring', { 'aria-hidden': 'true' }), progressText);
  const result = h('div', { id: 'save-result', class: 'message', role: 'alert', hidden: true });
  const preview = buildPreview();
  const heading = h('h1', { id: 'editor-heading' }, 'Backup policy');
  const form = h(
    'form',
    { id: 'policy-form', 'aria-labelledby': 'editor-heading', onsubmit: (event: Event) => event.preventDefault() },
    authorNote,
    general,
    ...sections.map((part) => part.root),
    h('div', { class: 'actions' }, save, cancel),
    blockers,
    progress,
    result,
  );
  const root = h('div', { class: 'policy-editor', id: 'policy-editor' }, h('div', { class: 'form-column' }, form), h('aside', { class: 'preview-column', 'aria-label': 'Preview' }, preview.root));
  return {
    root,
    heading,
    placement,
    preview,
    save,
    cancel,
    blockers,
    progress,
    progressText,
    result,
    render(draft, context) {
      heading.textContent = authoring
        ? `New backup policy for a virtual machine in ${context.vaultName}`
        : context.mode === 'create' ? `New backup policy in ${context.vaultName}` : `Policy ${draft.name} in ${context.vaultName}`;
      for (const part of sections) part.render(draft, context);
    },
  };
}
