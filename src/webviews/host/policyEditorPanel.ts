import { l10n } from 'vscode';
import type { BackupPolicy, Vault } from '../../azure/model';
import type { PolicyDraft } from '../../policy/policyDraft';
import { previewPolicy } from '../../policy/policyPreview';
import type { PolicyProblem } from '../../policy/policyProblem';
import { validatePolicy } from '../../policy/policyRules';
import {
  isPolicyEditorMessage, type HostToPolicyEditor, type PolicyEditorIdentity, type PolicyEditorInit, type PolicyEditorToHost,
} from '../shared/policyEditorProtocol';
import { WebviewPanelHost, type HostedPanel, type PanelLog } from './webviewPanelHost';

/** What the form starts from, as the backend loads it. */
export type LoadedPolicy = Omit<PolicyEditorInit, 'type' | 'identity' | 'vault'> & { vault: Vault };

/** What the policy editor needs from the extension: data, the save, prompts, and what to do after. */
export interface PolicyEditorBackend {
  load(identity: PolicyEditorIdentity): Promise<LoadedPolicy>;
  /** Saves (creates or updates) the policy; answers it as the tree shows it. */
  save(vault: Vault, draft: PolicyDraft, report: (message: string) => void, signal: AbortSignal): Promise<BackupPolicy>;
  /** After a save: refresh the vault and reveal the policy in the tree. */
  saved(vault: Vault, policy: BackupPolicy): Promise<void>;
  /** A modal question; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  describe(error: unknown): { message: string; cancelled: boolean };
  /** The clock the 9,999-point check previews from. */
  now(): number;
}

export interface PolicyEditorOptions {
  /** Close after the first save (the enable backup flow continues with the policy); otherwise switch to editing it. */
  closeOnSave?: boolean;
  /** The panel now shows another policy (a created one, which it goes on editing). */
  onIdentityChange?: (identity: PolicyEditorIdentity, vaultName: string) => void;
  /** Authoring (identity.author): receives the checked draft on "Use this policy"; the panel then closes. */
  onAuthored?: (draft: PolicyDraft) => void;
  /** Authoring: the draft to start from (a policy authored before, edited again) instead of a new one. */
  draft?: PolicyDraft;
}

/** Warnings that change what is kept or how it is billed: the user confirms them before a save. */
const confirmedFields = /^(kind|instantRestoreDays|retention)(\.|$)/;

/**
 * The policy editor's host: loads the vault and the policy for the form, runs the form's rules
 * again on a save (the same validatePolicy and the preview's 9,999-point check) before sending
 * anything, confirms retention cuts and the one-way switch to Enhanced naming the VMs affected,
 * reports the save and keeps the form's draft when it fails. When authoring for a Create VM form
 * (identity.author), the same checks run and the draft goes to that form instead of to Azure.
 */
export class PolicyEditorPanel extends WebviewPanelHost<HostToPolicyEditor, PolicyEditorToHost> {
  /** The first policy saved here, or undefined when the panel closed without one. */
  readonly result: Promise<BackupPolicy | undefined>;
  private settle!: (policy: BackupPolicy | undefined) => void;
  private identityNow: PolicyEditorIdentity;
  private loaded: LoadedPolicy | undefined;
  private saving: AbortController | undefined;
  private lastProgress: HostToPolicyEditor | undefined;

  constructor(
    panel: HostedPanel,
    private readonly backend: PolicyEditorBackend,
    identity: PolicyEditorIdentity,
    log: PanelLog,
    private readonly options: PolicyEditorOptions = {},
  ) {
    super(panel, isPolicyEditorMessage, log);
    this.identityNow = identity;
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.onDidDispose(() => {
      this.saving?.abort(new Error('The policy editor was closed.'));
      this.settle(undefined);
    });
  }

  get identity(): PolicyEditorIdentity {
    return this.identityNow;
  }

  protected async onReady(): Promise<void> {
    // Loading again on every ready: after a reload the vault's policies may have changed.
    try {
      this.loaded = await this.backend.load(this.identityNow);
    } catch (error) {
      const failure = this.backend.describe(error);
      this.log.error(`policyEditor: loading ${this.identityNow.policyName ?? 'a new policy'} of ${this.identityNow.vaultId} failed: ${failure.message}`);
      this.post({ type: 'loadFailed', identity: this.identityNow, message: failure.message });
      return;
    }
    if (this.identityNow.author && this.options.draft) this.loaded = { ...this.loaded, draft: this.options.draft };
    const { vault, ...rest } = this.loaded;
    this.post({ type: 'init', identity: this.identityNow, vault: { name: vault.name, location: vault.location }, ...rest });
    if (this.saving && this.lastProgress) this.post(this.lastProgress);
  }

  protected async onMessage(message: Exclude<PolicyEditorToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'save':
        return this.save(message.draft);
      case 'cancel':
        if (this.saving) this.saving.abort(new Error('Cancelled from the form.'));
        else this.dispose();
        return;
    }
  }

  private async save(draft: PolicyDraft): Promise<void> {
    if (this.saving) {
      this.log.warn('policyEditor: a second save while one runs was ignored');
      return;
    }
    const loaded = this.loaded;
    if (!loaded) {
      this.post({ type: 'saveResult', ok: false, message: l10n.t('The policy could not be loaded, so it cannot be saved. Close the editor and open it again.'), problems: [] });
      return;
    }
    // The webview checked the draft; the host checks again, with the same rules, as it would any input from a page.
    const problems = [
      ...validatePolicy(draft, { existingNames: loaded.existingNames, ...(loaded.original ? { original: loaded.original } : {}), immutableVault: loaded.immutableVault }),
      ...previewPolicy(draft, this.backend.now()).problems,
    ];
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      this.log.warn(`policyEditor: refused to save ${draft.name}: ${errors.map((problem) => problem.message).join(' ')}`);
      this.post({ type: 'saveResult', ok: false, message: l10n.t('Not saved: {0}', errors.map((problem) => problem.message).join(' ')), problems });
      return;
    }
    if (this.identityNow.author) return this.hand(draft);
    if (!(await this.confirmWarnings(draft, loaded, problems))) {
      this.post({ type: 'saveResult', ok: false, message: l10n.t('Not saved: your changes are still here.'), problems: [] });
      return;
    }
    await this.send(draft, loaded);
  }

  /** Authoring: nothing goes to Azure; the form that asked gets the checked draft, and the editor closes. */
  private hand(draft: PolicyDraft): void {
    this.log.info(`policyEditor: authored ${draft.name} for the form ${this.identityNow.author?.formId}`);
    this.post({ type: 'saveResult', ok: true, policyName: draft.name, message: l10n.t('Policy {0} is created with the virtual machine.', draft.name) });
    this.options.onAuthored?.(draft);
    this.dispose();
  }

  /** Retention cuts and the switch to Enhanced, confirmed in a modal naming the VMs that use the policy. */
  private async confirmWarnings(draft: PolicyDraft, loaded: LoadedPolicy, problems: readonly PolicyProblem[]): Promise<boolean> {
    const warnings = problems.filter((problem) => problem.severity === 'warning' && confirmedFields.test(problem.field));
    if (warnings.length === 0 || loaded.mode !== 'edit') return true;
    const usage = loaded.usage ?? { count: 0, vmNames: [] };
    const shown = usage.vmNames.slice(0, 10).join(', ');
    const more = usage.vmNames.length > 10 ? l10n.t(' and {0} more', usage.vmNames.length - 10) : '';
    const who = usage.count === 0
      ? l10n.t('No VM uses this policy now.')
      : usage.count === 1
        ? l10n.t('1 VM uses this policy: {0}.', shown || '?')
        : l10n.t('{0} VMs use this policy: {1}{2}.', usage.count, shown || '?', more);
    const message = l10n.t('Save policy {0}? {1}', draft.name, who);
    const detail = warnings.map((warning) => warning.message).join('\n\n');
    return this.backend.confirm(message, detail, l10n.t('Save'));
  }

  private async send(draft: PolicyDraft, loaded: LoadedPolicy): Promise<void> {
    const controller = new AbortController();
    this.saving = controller;
    const report = (message: string) => {
      this.lastProgress = { type: 'saveProgress', message };
      this.post(this.lastProgress);
    };
    let saved: BackupPolicy;
    try {
      saved = await this.backend.save(loaded.vault, draft, report, controller.signal);
    } catch (error) {
      const failure = this.backend.describe(error);
      this.log.error(`policyEditor: saving ${draft.name} in ${loaded.vault.id} failed: ${failure.message}`);
      this.post({ type: 'saveResult', ok: false, message: failure.cancelled ? l10n.t('Cancelled: the policy may or may not have been saved; refresh the vault to see.') : failure.message, problems: [] });
      return;
    } finally {
      this.saving = undefined;
      this.lastProgress = undefined;
    }
    this.log.info(`policyEditor: saved ${saved.id}`);
    const created = loaded.mode === 'create';
    this.post({ type: 'saveResult', ok: true, policyName: saved.name, message: created ? l10n.t('Created policy {0}. It is selected in the Backups view.', saved.name) : l10n.t('Saved policy {0}.', saved.name) });
    this.settle(saved);
    await this.backend.saved(loaded.vault, saved).catch((error: unknown) => this.log.warn(`policyEditor: showing ${saved.id} failed: ${this.backend.describe(error).message}`));
    if (this.options.closeOnSave) {
      this.dispose();
      return;
    }
    // Go on editing what was saved: the form shows it as Azure has it now.
    this.identityNow = { vaultId: this.identityNow.vaultId, policyName: saved.name };
    this.options.onIdentityChange?.(this.identityNow, loaded.vault.name);
    await this.onReady();
  }
}
