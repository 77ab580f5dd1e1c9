import { env, l10n, ViewColumn, window } from 'vscode';
import type { Disposable, Uri, WebviewPanel } from 'vscode';
import type { BackupPolicy } from '../../azure/model';
import type { PolicyDraft } from '../../policy/policyDraft';
import { isPolicyEditorState, policyEditorViewType, sameIdentity, type PolicyAuthorTarget, type PolicyEditorIdentity } from '../shared/policyEditorProtocol';
import { PolicyEditorPanel, type PolicyEditorBackend, type PolicyEditorOptions } from './policyEditorPanel';
import { loadWebviewPage, webviewPanelOptions } from './webviewHtml';
import type { PanelLog } from './webviewPanelHost';

/**
 * Opens policy editors: one panel per policy (and one for a new policy per vault), opening it
 * again shows it. After a window reload the serializer reopens each from the identity its
 * webview saved; the app keeps its own draft and the host loads the policy again.
 *
 * A policy authored for a Create VM form (`author`) is not saved: "Use this policy" hands the
 * draft to whoever listens with onDidAuthor, by the form's id, so it reaches the form after a
 * reload too.
 */
export class PolicyEditorPanels implements Disposable {
  private readonly panels = new Set<PolicyEditorPanel>();
  private readonly serializer: Disposable;
  private readonly authorListeners = new Set<(formId: string, draft: PolicyDraft) => void>();

  constructor(
    private readonly extensionUri: Uri,
    private readonly backend: () => PolicyEditorBackend,
    private readonly log: PanelLog,
  ) {
    this.serializer = window.registerWebviewPanelSerializer(policyEditorViewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        // Without a saved identity there is no telling which policy it showed.
        if (isPolicyEditorState(state)) this.adopt(panel, state.identity, vaultNameOf(state.identity.vaultId));
        else panel.dispose();
      },
    });
  }

  /**
   * Shows the editor of a new policy in the vault, or of its policy `policyName`. Answers the
   * first policy saved there, or undefined when it closed without one.
   */
  open(vault: { id: string; name: string }, policyName?: string, options: PolicyEditorOptions = {}): Promise<BackupPolicy | undefined> {
    const identity: PolicyEditorIdentity = { vaultId: vault.id, ...(policyName ? { policyName } : {}) };
    const existing = [...this.panels].find((panel) => !panel.isDisposed && sameIdentity(panel.identity, identity));
    if (existing) {
      existing.panel.reveal();
      return existing.result;
    }
    const panel = window.createWebviewPanel(policyEditorViewType, titleOf(identity, vault.name), ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    return this.adopt(panel, identity, vault.name, options).result;
  }

  /**
   * Shows the editor of a new policy for a Create VM form: the vault (existing, or new and named
   * by the form) and the form's target; starts from `draft` when the form already has one.
   */
  author(vault: { id: string; name: string }, target: PolicyAuthorTarget, draft?: PolicyDraft): void {
    const identity: PolicyEditorIdentity = { vaultId: vault.id, author: target };
    const existing = [...this.panels].find((panel) => !panel.isDisposed && panel.identity.author?.formId === target.formId);
    // One authoring editor per form: another vault chosen since means a fresh editor.
    if (existing && sameIdentity(existing.identity, identity)) {
      existing.panel.reveal();
      return;
    }
    existing?.dispose();
    const panel = window.createWebviewPanel(policyEditorViewType, titleOf(identity, vault.name), ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    this.adopt(panel, identity, vault.name, draft ? { draft } : {});
  }

  /** Policies authored for Create VM forms, by the form's id. */
  onDidAuthor(listener: (formId: string, draft: PolicyDraft) => void): Disposable {
    this.authorListeners.add(listener);
    return { dispose: () => this.authorListeners.delete(listener) };
  }

  private adopt(panel: WebviewPanel, identity: PolicyEditorIdentity, vaultName: string, options: PolicyEditorOptions = {}): PolicyEditorPanel {
    panel.title = titleOf(identity, vaultName);
    loadWebviewPage(panel, this.extensionUri, { bundle: 'policyEditor', title: l10n.t('Backup policy'), lang: env.language });
    const host = new PolicyEditorPanel(panel, this.backend(), identity, this.log, {
      ...options,
      onIdentityChange: (next, name) => {
        panel.title = titleOf(next, name);
        options.onIdentityChange?.(next, name);
      },
      ...(identity.author ? { onAuthored: (draft: PolicyDraft) => this.authored(identity.author!.formId, draft) } : {}),
    });
    this.panels.add(host);
    host.onDidDispose(() => this.panels.delete(host));
    return host;
  }

  private authored(formId: string, draft: PolicyDraft): void {
    if (this.authorListeners.size === 0) this.log.warn(`policyEditor: no Create VM form ${formId} took the policy ${draft.name}`);
    for (const listener of [...this.authorListeners]) listener(formId, draft);
  }

  dispose(): void {
    for (const panel of [...this.panels]) panel.dispose();
    this.serializer.dispose();
    this.authorListeners.clear();
  }
}

function titleOf(identity: PolicyEditorIdentity, vaultName: string): string {
  if (identity.author) return l10n.t('New Policy for a VM · {0}', vaultName);
  return identity.policyName ? l10n.t('Policy {0} · {1}', identity.policyName, vaultName) : l10n.t('New Policy · {0}', vaultName);
}

function vaultNameOf(vaultId: string): string {
  return decodeURIComponent(vaultId.split('/').filter(Boolean).at(-1) ?? vaultId);
}
