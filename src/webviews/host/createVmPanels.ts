import { randomUUID } from 'node:crypto';
import { env, l10n, ViewColumn, window } from 'vscode';
import type { Disposable, Uri, WebviewPanel } from 'vscode';
import type { PolicyDraft } from '../../policy/policyDraft';
import { isCreateVmState } from '../shared/createVmDraft';
import { createVmViewType, type CreateVmIdentity, type CreateVmPreset } from '../shared/createVmProtocol';
import { CreateVmPanel, type CreateVmBackend } from './createVmPanel';
import { webviewHtml, webviewPanelOptions } from './webviewHtml';
import type { PanelLog } from './webviewPanelHost';

/**
 * Opens Create VM forms and restores them after a window reload from their saved identity (the
 * preset and the form's id); the app restores its own draft and asks for its data again. Opening
 * it again with the same preset shows the open form; another preset (another subscription, region
 * or vault) opens a second one, so no draft is lost. A policy authored in the policy editor comes
 * back here by the form's id.
 */
export class CreateVmPanels implements Disposable {
  private readonly hosts = new Set<CreateVmPanel>();
  private readonly serializer: Disposable;

  constructor(
    private readonly extensionUri: Uri,
    private readonly backend: () => CreateVmBackend,
    private readonly log: PanelLog,
  ) {
    this.serializer = window.registerWebviewPanelSerializer(createVmViewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.adopt(panel, isCreateVmState(state) ? state.identity : { formId: randomUUID() });
      },
    });
  }

  /** Shows a form with this preset; answers the id of the VM created there, or undefined when it closed without one. */
  open(preset: CreateVmPreset): Promise<string | undefined> {
    const shown = [...this.hosts].reverse().find((host) => !host.isDisposed && fits(host.identity, preset));
    if (shown) {
      shown.panel.reveal();
      return shown.result;
    }
    const panel = window.createWebviewPanel(createVmViewType, l10n.t('Create Virtual Machine'), ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    return this.adopt(panel, { ...preset, formId: randomUUID() }).result;
  }

  /** A policy authored for the form `formId`: the form uses it (ignored when that form was closed). */
  deliverPolicy(formId: string, draft: PolicyDraft): void {
    const host = [...this.hosts].find((candidate) => !candidate.isDisposed && candidate.identity.formId === formId);
    if (host) host.receivePolicy(draft);
    else this.log.warn(`createVm: the form ${formId} that asked for policy ${draft.name} is closed`);
  }

  private adopt(panel: WebviewPanel, identity: CreateVmIdentity): CreateVmPanel {
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    panel.iconPath = this.extensionUri.with({ path: `${this.extensionUri.path.replace(/\/+$/, '')}/resources/azure-backup.svg` });
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { bundle: 'createVm', title: l10n.t('Create a virtual machine'), lang: env.language });
    const host = new CreateVmPanel(panel, this.backend(), identity, this.log);
    this.hosts.add(host);
    host.onDidDispose(() => this.hosts.delete(host));
    return host;
  }

  dispose(): void {
    for (const host of [...this.hosts]) host.dispose();
    this.serializer.dispose();
  }
}

/** An open form serves a request that presets nothing, or the same subscription, region and vault. */
function fits(identity: CreateVmPreset, preset: CreateVmPreset): boolean {
  const same = (a?: string, b?: string) => b === undefined || a?.toLowerCase() === b.toLowerCase();
  return same(identity.subscriptionId, preset.subscriptionId) && same(identity.location, preset.location) && same(identity.vaultId, preset.vaultId);
}
