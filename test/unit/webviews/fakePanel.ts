// A WebviewPanel stand-in for host tests: messages "from the webview" are delivered with send(),
// what the host posts is recorded, visibility and closing are driven by the test.
import type { HostedPanel, PanelLog } from '../../../src/webviews/host/webviewPanelHost';

type Listener<T> = (value: T) => unknown;

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  get size(): number {
    return this.listeners.size;
  }
}

export interface FakePanel extends HostedPanel {
  posted: unknown[];
  disposed: boolean;
  /** Delivers a message as if the webview had posted it, and waits for the host to handle it. */
  send(message: unknown): Promise<void>;
  hide(): void;
  show(): void;
  /** The user closes the panel. */
  close(): void;
  listenerCount(): number;
}

export function fakePanel(viewType = 'azureVmBackup.test'): FakePanel {
  const received = new Emitter<unknown>();
  const viewState = new Emitter<unknown>();
  const disposed = new Emitter<void>();
  const panel: FakePanel = {
    viewType,
    visible: true,
    posted: [],
    disposed: false,
    webview: {
      postMessage: async (message: unknown) => {
        panel.posted.push(message);
        return true;
      },
      onDidReceiveMessage: received.event as HostedPanel['webview']['onDidReceiveMessage'],
    },
    onDidDispose: disposed.event as HostedPanel['onDidDispose'],
    onDidChangeViewState: viewState.event as HostedPanel['onDidChangeViewState'],
    reveal: () => undefined,
    dispose: () => {
      if (panel.disposed) return;
      panel.disposed = true;
      disposed.fire();
    },
    async send(message) {
      received.fire(message);
      await settle();
    },
    hide() {
      (panel as { visible: boolean }).visible = false;
      viewState.fire({});
    },
    show() {
      (panel as { visible: boolean }).visible = true;
      viewState.fire({});
    },
    close() {
      panel.dispose();
    },
    listenerCount: () => received.size + viewState.size + disposed.size,
  };
  return panel;
}

/** Lets pending promise chains (the host's handlers) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface RecordingLog extends PanelLog {
  lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => void lines.push(`info: ${message}`),
    warn: (message: string) => void lines.push(`warn: ${message}`),
    error: (message: string | Error) => void lines.push(`error: ${String(message)}`),
  } as RecordingLog;
}
