import type { Disposable, LogOutputChannel, WebviewPanel } from 'vscode';
import type { Guard } from '../shared/messageGuards';

export type PanelLog = Pick<LogOutputChannel, 'info' | 'warn' | 'error'>;

/** The parts of a WebviewPanel a panel host uses, so tests can hand it a fake. */
export type HostedPanel = Pick<WebviewPanel, 'viewType' | 'visible' | 'onDidDispose' | 'onDidChangeViewState' | 'reveal' | 'dispose'> & {
  webview: Pick<WebviewPanel['webview'], 'postMessage' | 'onDidReceiveMessage'>;
};

/**
 * The host side of one webview panel, shared by every panel of the extension:
 *
 * - a message from the webview passes the protocol's guard or is logged and ignored;
 * - nothing is posted before the webview says `ready` (posts wait in a queue); the webview's
 *   document is thrown away while the panel is hidden (no retainContextWhenHidden), so hiding
 *   it means waiting for the next `ready`, where `onReady` sends what the app needs again;
 * - disposables go with the panel.
 */
export abstract class WebviewPanelHost<ToWebview, FromWebview extends { type: string }> implements Disposable {
  protected readonly disposables: Disposable[] = [];
  private ready = false;
  private readonly queue: ToWebview[] = [];
  private disposed = false;
  private readonly disposeListeners: (() => void)[] = [];

  constructor(
    readonly panel: HostedPanel,
    private readonly guard: Guard<FromWebview>,
    protected readonly log: PanelLog,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Runs when the panel goes away, closed by the user or disposed. */
  onDidDispose(listener: () => void): void {
    if (this.disposed) listener();
    else this.disposeListeners.push(listener);
  }

  /** The webview (re)started and asked for its data: send what it needs. */
  protected abstract onReady(): Promise<void> | void;

  /** A valid message other than `ready`. */
  protected abstract onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> | void;

  /** Posts to the webview now when it is ready, else once it says `ready`. */
  protected post(message: ToWebview): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.log.warn(`${this.panel.viewType}: could not post a message: ${String(error)}`));
  }

  /** Handles one raw message; exposed for tests through the panel's onDidReceiveMessage. */
  private async receive(raw: unknown): Promise<void> {
    if (this.disposed) return;
    if (!this.guard(raw)) {
      this.log.warn(`${this.panel.viewType}: ignored a malformed or unknown message from the webview: ${preview(raw)}`);
      return;
    }
    try {
      if (raw.type === 'ready') {
        this.ready = true;
        const waiting = this.queue.splice(0);
        await this.onReady();
        for (const message of waiting) this.post(message);
        return;
      }
      if (!this.ready) {
        this.log.warn(`${this.panel.viewType}: ignored '${raw.type}' sent before 'ready'`);
        return;
      }
      await this.onMessage(raw as Exclude<FromWebview, { type: 'ready' }>);
    } catch (error) {
      this.log.error(`${this.panel.viewType}: handling '${raw.type}' failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.queue.length = 0;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}

/** A short, safe rendering of a rejected message for the log. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
