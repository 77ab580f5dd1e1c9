import { env, l10n, ViewColumn, window } from 'vscode';
import type { Disposable, Uri, WebviewPanel } from 'vscode';
import type { Vault } from '../../azure/model';
import { isCreateVaultState } from '../shared/createVaultDraft';
import { createVaultViewType, type CreateVaultPreset } from '../shared/createVaultProtocol';
import { CreateVaultPanel, type CreateVaultBackend } from './createVaultPanel';
import { webviewHtml, webviewPanelOptions } from './webviewHtml';
import type { PanelLog } from './webviewPanelHost';

/**
 * Opens the create-vault form and restores it after a window reload from its saved identity; the
 * app restores its own draft and asks for its data again. Opening it again shows the open form,
 * unless the caller needs another subscription or region (Enable Backup's "Create new vault…"):
 * then a second form opens, so neither the preset nor the draft in the first one is lost.
 */
export class CreateVaultPanels implements Disposable {
  private readonly hosts = new Set<CreateVaultPanel>();
  private readonly serializer: Disposable;

  constructor(
    private readonly extensionUri: Uri,
    private readonly backend: () => CreateVaultBackend,
    private readonly log: PanelLog,
  ) {
    this.serializer = window.registerWebviewPanelSerializer(createVaultViewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.adopt(panel, isCreateVaultState(state) ? state.identity : {});
      },
    });
  }

  /** Shows the form with this preset; answers the vault created there, or undefined when it closed without one. */
  open(preset: CreateVaultPreset): Promise<Vault | undefined> {
    const shown = [...this.hosts].reverse().find((host) => !host.isDisposed && fits(host.identity, preset));
    if (shown) {
      shown.panel.reveal();
      return shown.result;
    }
    const panel = window.createWebviewPanel(createVaultViewType, l10n.t('Create Vault'), ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    return this.adopt(panel, preset).result;
  }

  private adopt(panel: WebviewPanel, identity: CreateVaultPreset): CreateVaultPanel {
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    panel.iconPath = this.extensionUri.with({ path: `${this.extensionUri.path.replace(/\/+$/, '')}/resources/azure-backup.svg` });
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { bundle: 'createVault', title: l10n.t('Create Recovery Services vault'), lang: env.language });
    const host = new CreateVaultPanel(panel, this.backend(), identity, this.log);
    this.hosts.add(host);
    host.onDidDispose(() => this.hosts.delete(host));
    return host;
  }

  dispose(): void {
    for (const host of this.hosts) host.dispose();
    this.serializer.dispose();
  }
}

/** An open form serves a request that presets nothing, or the same subscription and region. */
function fits(identity: CreateVaultPreset, preset: CreateVaultPreset): boolean {
  const same = (a?: string, b?: string) => b === undefined || a?.toLowerCase() === b.toLowerCase();
  return same(identity.subscriptionId, preset.subscriptionId) && same(identity.location, preset.location);
}
