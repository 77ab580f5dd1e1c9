import { env, l10n, ViewColumn, window } from 'vscode';
import type { Disposable, Uri, WebviewPanel } from 'vscode';
import type { Vault } from '../../azure/model';
import { isCreateVaultState } from '../shared/createVaultDraft';
import { createVaultViewType, type CreateVaultPreset } from '../shared/createVaultProtocol';
import { CreateVaultPanel, type CreateVaultBackend } from './createVaultPanel';
import { webviewHtml, webviewPanelOptions } from './webviewHtml';
import type { PanelLog } from './webviewPanelHost';

/**
 * Opens the create-vault form (one panel at a time: opening it again shows it), and restores it
 * after a window reload from its saved identity; the app restores its own draft and asks for
 * its data again.
 */
export class CreateVaultPanels implements Disposable {
  private current: CreateVaultPanel | undefined;
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
    if (this.current && !this.current.isDisposed) {
      this.current.panel.reveal();
      return this.current.result;
    }
    const panel = window.createWebviewPanel(createVaultViewType, l10n.t('Create Vault'), ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    return this.adopt(panel, preset).result;
  }

  private adopt(panel: WebviewPanel, identity: CreateVaultPreset): CreateVaultPanel {
    this.current?.dispose();
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    panel.iconPath = this.extensionUri.with({ path: `${this.extensionUri.path.replace(/\/+$/, '')}/resources/azure-backup.svg` });
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { bundle: 'createVault', title: l10n.t('Create Recovery Services vault'), lang: env.language });
    const host = new CreateVaultPanel(panel, this.backend(), identity, this.log);
    this.current = host;
    host.onDidDispose(() => {
      if (this.current === host) this.current = undefined;
    });
    return host;
  }

  dispose(): void {
    this.current?.dispose();
    this.serializer.dispose();
  }
}
