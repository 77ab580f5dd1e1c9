import { env, ViewColumn, window } from 'vscode';
import type { Disposable, Uri, WebviewPanel } from 'vscode';
import { loadWebviewPage, webviewPanelOptions } from './webviewHtml';

/** A form's panel host as FormPanels keeps it: what it was opened for, and what it created. */
export interface FormPanelHost<Identity, Result> {
  readonly identity: Identity;
  readonly result: Promise<Result | undefined>;
  readonly isDisposed: boolean;
  readonly panel: { reveal(): void };
  onDidDispose(listener: () => void): void;
  dispose(): void;
}

/** What tells one kind of create form from another. */
export interface FormKind<Identity, Preset, Host> {
  viewType: string;
  /** The webview bundle, e.g. createVm. */
  bundle: string;
  /** The panel's tab title, and the page's own. */
  tabTitle: string;
  pageTitle: string;
  /** The identity a panel restored after a reload saved (`state` is the webview's saved state, unchecked). */
  restoredIdentity(state: unknown): Identity;
  /** The identity of a new form opened with this preset. */
  newIdentity(preset: Preset): Identity;
  /** Whether an open form serves a request with this preset. */
  fits(identity: Identity, preset: Preset): boolean;
  createHost(panel: WebviewPanel, identity: Identity): Host;
}

/**
 * Opens the create forms of one kind and restores them after a window reload from their saved
 * identity; each app restores its own draft and asks for its data again. Opening one again with
 * a preset an open form fits shows that form; another preset opens a second form, so neither the
 * preset nor the draft in the first one is lost.
 */
export class FormPanels<Identity, Preset, Result, Host extends FormPanelHost<Identity, Result>> implements Disposable {
  private readonly hosts = new Set<Host>();
  private readonly serializer: Disposable;

  constructor(
    private readonly extensionUri: Uri,
    private readonly kind: FormKind<Identity, Preset, Host>,
  ) {
    this.serializer = window.registerWebviewPanelSerializer(kind.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.adopt(panel, kind.restoredIdentity(state));
      },
    });
  }

  /** Shows a form with this preset; answers what was created there, or undefined when it closed without. */
  open(preset: Preset): Promise<Result | undefined> {
    const shown = [...this.hosts].reverse().find((host) => !host.isDisposed && this.kind.fits(host.identity, preset));
    if (shown) {
      shown.panel.reveal();
      return shown.result;
    }
    const panel = window.createWebviewPanel(this.kind.viewType, this.kind.tabTitle, ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    return this.adopt(panel, this.kind.newIdentity(preset)).result;
  }

  /** The open form `test` picks, if any. */
  find(test: (host: Host) => boolean): Host | undefined {
    return [...this.hosts].find((host) => !host.isDisposed && test(host));
  }

  private adopt(panel: WebviewPanel, identity: Identity): Host {
    loadWebviewPage(panel, this.extensionUri, { bundle: this.kind.bundle, title: this.kind.pageTitle, lang: env.language });
    const host = this.kind.createHost(panel, identity);
    this.hosts.add(host);
    host.onDidDispose(() => this.hosts.delete(host));
    return host;
  }

  dispose(): void {
    for (const host of [...this.hosts]) host.dispose();
    this.serializer.dispose();
  }
}

/** An open form fits a request that presets nothing, or presets the same values (case aside) for `keys`. */
export function fitsPreset<K extends string>(identity: Partial<Record<K, string>>, preset: Partial<Record<K, string>>, keys: readonly K[]): boolean {
  return keys.every((key) => preset[key] === undefined || identity[key]?.toLowerCase() === preset[key].toLowerCase());
}
