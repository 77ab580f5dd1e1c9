// The webview's side of the channel to the extension host, shared by every webview app: typed
// posts, incoming messages checked by the protocol's guard (anything else is ignored), and the
// saved state (a draft and the panel's identity) that survives hide/show and a window reload.
import type { Guard } from '../../shared/messageGuards';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostConnection<FromHost, ToHost, State> {
  post(message: ToHost): void;
  /** Calls the listener with each message from the host that passes the guard. */
  onMessage(listener: (message: FromHost) => void): void;
  /** The saved state when it passes the guard, else undefined (a fresh page, or an older shape). */
  savedState(): State | undefined;
  saveState(state: State): void;
}

export function connectToHost<FromHost, ToHost, State>(isFromHost: Guard<FromHost>, isState: Guard<State>): HostConnection<FromHost, ToHost, State> {
  // acquireVsCodeApi may be called once per page.
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage(listener) {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (!isFromHost(event.data)) {
          console.warn('Ignored a malformed or unknown message from the extension host', event.data);
          return;
        }
        listener(event.data);
      });
    },
    savedState() {
      const state = api.getState();
      return isState(state) ? state : undefined;
    },
    saveState: (state) => api.setState(state),
  };
}
