// The policy editor in the webview: keeps the draft (saved with setState on every change, so it
// survives hide/show and a reload), checks every rule as the user types with the same
// validatePolicy the host runs, previews what the policy keeps (debounced), and saves through the
// host, keeping the draft when a save fails.
import { clonePolicyDraft, type PolicyDraft } from '../../../policy/policyDraft';
import { previewPolicy, type PolicyPreview } from '../../../policy/policyPreview';
import type { PolicyProblem } from '../../../policy/policyProblem';
import { validatePolicy } from '../../../policy/policyRules';
import {
  revivedState, sameIdentity, type HostToPolicyEditor, type PolicyEditorIdentity, type PolicyEditorInit, type PolicyEditorState, type PolicyEditorToHost,
} from '../../shared/policyEditorProtocol';
import { debounce, h, setMessage, show } from '../shared/dom';
import type { HostConnection } from '../shared/hostConnection';
import { buildPolicyEditorPage, type PolicyEditorPage } from './policyEditorForm';
import type { FormContext } from './formSection';

export type PolicyEditorConnection = HostConnection<HostToPolicyEditor, PolicyEditorToHost, PolicyEditorState>;

/** How long typing must pause before the preview is drawn again. */
export const previewDelayMs = 150;

export class PolicyEditorApp {
  private identity: PolicyEditorIdentity | undefined;
  private draft: PolicyDraft | undefined;
  private touched: string[] = [];
  private init: PolicyEditorInit | undefined;
  private page: PolicyEditorPage | undefined;
  private preview: { draft: PolicyDraft; preview: PolicyPreview } | undefined;
  /** What the host's own check refused on the last save; shown until the next change. */
  private hostProblems: PolicyProblem[] = [];
  private saving = false;
  private readonly loading: HTMLElement;
  private readonly loadError: HTMLElement;
  private readonly previewLater = debounce(() => this.drawPreview(), previewDelayMs);

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PolicyEditorConnection,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.loading = h('p', { id: 'loading', role: 'status' }, h('vscode-progress-ring', { 'aria-hidden': 'true' }), ' Loading the policy…');
    this.loadError = h('div', { id: 'load-error', hidden: true },
      h('div', { id: 'load-error-message', class: 'message', 'data-kind': 'error', role: 'alert' }),
      h('div', { class: 'actions' },
        h('vscode-button', { id: 'retry', onclick: () => this.retry() }, 'Retry'),
        h('vscode-button', { id: 'close', secondary: true, onclick: () => host.post({ type: 'cancel' }) }, 'Close')));
    root.append(this.loading, this.loadError);
    host.onMessage((message) => this.receive(message));
  }

  /** Tells the host the page is ready for its data (the handshake). */
  start(): void {
    this.host.post({ type: 'ready' });
  }

  private receive(message: HostToPolicyEditor): void {
    switch (message.type) {
      case 'init':
        return this.begin(message);
      case 'loadFailed':
        this.loading.remove();
        this.root.removeAttribute('aria-busy');
        show(this.loadError, true);
        this.loadError.querySelector('#load-error-message')!.textContent = `The policy could not be loaded: ${message.message}`;
        return;
      case 'saveProgress':
        if (!this.page) return;
        this.saving = true;
        this.page.progressText.textContent = message.message;
        return this.update();
      case 'saveResult':
        if (!this.page) return;
        this.saving = false;
        this.hostProblems = message.ok ? [] : message.problems;
        setMessage(this.page.result, message.message, message.ok ? 'info' : 'error');
        return this.update();
    }
  }

  /** The host's data: a draft saved for this same policy wins over the host's (it holds the user's unsaved changes). */
  private begin(init: PolicyEditorInit): void {
    const saved = this.host.savedState();
    const mine = saved && sameIdentity(saved.identity, init.identity) ? revivedState(saved) : undefined;
    this.init = init;
    this.identity = init.identity;
    this.draft = mine?.draft ?? clonePolicyDraft(init.draft);
    this.touched = mine?.touched ?? [];
    this.saving = false;
    this.loading.remove();
    show(this.loadError, false);
    this.root.removeAttribute('aria-busy');
    if (!this.page) {
      this.page = buildPolicyEditorPage((field, apply) => this.change(field, apply), () => this.save(), () => this.host.post({ type: 'cancel' }), init.identity.author !== undefined);
      this.root.append(this.page.heading, this.page.root);
    }
    this.persist();
    this.drawPreview();
  }

  private change(field: string, apply: (draft: PolicyDraft) => void): void {
    if (!this.draft) return;
    // What is being saved stays as sent: the controls go back to it.
    if (this.saving) return this.update();
    const next = clonePolicyDraft(this.draft);
    apply(next);
    this.draft = next;
    if (!this.touched.includes(field)) this.touched = [...this.touched, field];
    this.hostProblems = [];
    if (this.page) setMessage(this.page.result, undefined);
    this.persist();
    this.update();
    this.previewLater();
  }

  private save(): void {
    if (!this.draft || this.saving) return;
    if (!this.touched.includes('name')) this.touched = [...this.touched, 'name'];
    if (this.preview?.draft !== this.draft) this.drawPreview();
    if (this.problems().some((problem) => problem.severity === 'error')) {
      this.update();
      return;
    }
    this.saving = true;
    this.page!.progressText.textContent = this.identity?.author ? 'Checking the policy…' : 'Saving…';
    setMessage(this.page!.result, undefined);
    this.host.post({ type: 'save', draft: this.draft });
    this.update();
  }

  private retry(): void {
    show(this.loadError, false);
    this.host.post({ type: 'ready' });
  }

  /** Every problem: the rules, the preview's 9,999-point check, and what the host refused. */
  private problems(): PolicyProblem[] {
    if (!this.draft || !this.init) return [];
    const { existingNames, original, immutableVault } = this.init;
    const rules = validatePolicy(this.draft, { existingNames, ...(original ? { original } : {}), immutableVault });
    const previewed = this.preview?.draft === this.draft ? this.preview.preview.problems : [];
    const known = new Set([...rules, ...previewed].map((problem) => `${problem.field}|${problem.message}`));
    return [...rules, ...previewed, ...this.hostProblems.filter((problem) => !known.has(`${problem.field}|${problem.message}`))];
  }

  private drawPreview(): void {
    if (!this.draft || !this.page) return;
    const draft = this.draft;
    this.preview = { draft, preview: previewPolicy(draft, this.clock()) };
    this.page.preview.render(this.preview.preview, draft);
    this.update();
  }

  private context(): FormContext {
    const init = this.init!;
    return {
      mode: init.mode,
      vaultName: init.vault.name,
      immutableVault: init.immutableVault,
      ...(init.original ? { original: init.original } : {}),
      ...(init.usage ? { usage: init.usage } : {}),
    };
  }

  private persist(): void {
    if (this.identity && this.draft) this.host.saveState({ identity: this.identity, draft: this.draft, touched: this.touched });
  }

  private update(): void {
    const page = this.page;
    const draft = this.draft;
    if (!page || !draft) return;
    page.render(draft, this.context());
    const problems = this.problems();
    // A name not typed yet is said next to Save, not as an error in red.
    const untouchedName = (problem: PolicyProblem) => problem.field === 'name' && !this.touched.includes('name');
    page.placement.show(problems.filter((problem) => !untouchedName(problem)));
    const errors = problems.filter((problem) => problem.severity === 'error');
    page.save.disabled = errors.length > 0 || this.saving;
    page.cancel.disabled = false;
    page.blockers.textContent = this.saving
      ? ''
      : errors.length === 0
        ? ''
        : errors.every(untouchedName)
          ? 'Name the policy to save it.'
          : `Fix ${errors.length === 1 ? 'the problem' : `the ${errors.length} problems`} marked in the form to save.`;
    show(page.progress, this.saving);
  }
}
