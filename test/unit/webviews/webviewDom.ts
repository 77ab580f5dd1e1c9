// A webview app's real bundle (built as scripts/webviews.mjs builds it) running in happy-dom, with
// a fake VS Code host: what the app posts is recorded, the test posts the host's messages, and
// setState/getState keep the state across a simulated reload.
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { webviewBuildOptions } from '../../../scripts/webviews.mjs';

type AnyElement = HTMLElement & Record<string, unknown>;

const bundles = new Map<string, Promise<string>>();

/** The app's script as the VSIX ships it (not minified), built once per test run. */
export function bundleOf(name: string): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    const options = webviewBuildOptions();
    const entry = (options.entryPoints as Record<string, string>)[name];
    if (!entry) throw new Error(`no webview bundle named ${name}`);
    bundle = build({ ...options, entryPoints: { [name]: entry }, write: false, sourcemap: false, logLevel: 'silent' }).then((result) => {
      const script = result.outputFiles.find((file) => file.path.endsWith(`${name}.js`));
      if (!script) throw new Error(`esbuild made no ${name}.js`);
      return script.text;
    });
    bundles.set(name, bundle);
  }
  return bundle;
}

export interface WebviewPage {
  window: Window;
  document: Document;
  /** Messages the app posted to the host, in order. */
  posted: unknown[];
  /** What the app last saved with setState. */
  state(): unknown;
  /** Posts a message from the host to the app. */
  fromHost(message: unknown): Promise<void>;
  byId(id: string): AnyElement;
  /** Types into a vscode-textfield as a user would (its inner input, then input events). */
  type(id: string, text: string): Promise<void>;
  /** Chooses a value in a vscode-single-select (as picking from its list does). */
  choose(id: string, value: string): Promise<void>;
  /** Clicks a radio, checkbox or button. */
  click(id: string): Promise<void>;
  /** The element's visible text, '' when it (or an ancestor) is hidden. */
  shownText(id: string): string;
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens the app's page with `savedState` as what getState answers (a reload), and runs its bundle. */
export async function openWebview(name: string, savedState?: unknown): Promise<WebviewPage> {
  const window = new Window({
    url: 'https://webview.test/index.html',
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
  });
  const document = window.document as unknown as Document;
  installElementInternals(window);
  let state = savedState;
  const posted: unknown[] = [];
  let acquired = 0;
  (window as unknown as Record<string, unknown>).acquireVsCodeApi = () => {
    if (++acquired > 1) throw new Error('acquireVsCodeApi may be called only once');
    return { postMessage: (message: unknown) => posted.push(structuredClone(message)), getState: () => state, setState: (next: unknown) => void (state = structuredClone(next)) };
  };
  document.body.innerHTML = '<main id="app" aria-busy="true"></main>';
  const script = document.createElement('script');
  script.textContent = await bundleOf(name);
  document.body.appendChild(script);

  // Lets the components render (Lit updates in microtasks) without waiting for the app's own
  // timers, such as the name check's debounce: `ms` waits for those.
  const settle = async (ms = 0) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    for (let round = 0; round < 3; round++) {
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      announceSlots(document);
    }
  };
  const byId = (id: string) => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`no element #${id}`);
    return element as AnyElement;
  };
  await settle();
  return {
    window,
    document,
    posted,
    state: () => state,
    async fromHost(message) {
      window.dispatchEvent(new window.MessageEvent('message', { data: message }));
      await settle();
    },
    byId,
    async type(id, text) {
      const input = byId(id).shadowRoot?.querySelector('input');
      if (!input) throw new Error(`#${id} has no input`);
      input.value = text;
      input.dispatchEvent(new window.Event('input', { bubbles: true, composed: true }) as unknown as Event);
      await settle();
    },
    async choose(id, value) {
      const select = byId(id);
      select.value = value;
      select.dispatchEvent(new window.Event('change') as unknown as Event);
      await settle();
    },
    async click(id) {
      // Checkboxes and radios listen on their label inside the shadow root, where a user clicks.
      const element = byId(id);
      ((element.shadowRoot?.querySelector('label.label') as HTMLElement | null) ?? element).click();
      await settle();
    },
    shownText(id) {
      for (let element: HTMLElement | null = byId(id); element; element = element.parentElement) if (element.hidden) return '';
      const texts: string[] = [];
      const walker = document.createTreeWalker(byId(id), 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
      return texts.join(' ').replace(/\s+/g, ' ').trim();
    },
    settle,
    close: () => window.happyDOM.close(),
  };
}

/**
 * happy-dom has no ElementInternals, which vscode-elements' form controls attach: a minimal one
 * (form value and validity) so the components run as in a browser.
 */
function installElementInternals(window: Window): void {
  (window.HTMLElement.prototype as unknown as Record<string, unknown>).attachInternals = function (this: HTMLElement) {
    return elementInternals(this);
  };
}

function elementInternals(host: HTMLElement): Record<string, unknown> {
  let validity: Record<string, boolean> = { valid: true };
  let validationMessage = '';
  return {
    get form() {
      return host.closest('form');
    },
    setFormValue: () => undefined,
    setValidity(flags: Record<string, boolean> = {}, message = '') {
      validity = { ...flags, valid: !Object.values(flags).some(Boolean) };
      validationMessage = message;
    },
    get validity() {
      return validity;
    },
    get validationMessage() {
      return validationMessage;
    },
    willValidate: true,
    checkValidity: () => validity.valid,
    reportValidity: () => validity.valid,
    states: new Set<string>(),
  };
}

/**
 * Browsers fire slotchange when a slot first gets its nodes; happy-dom only on later changes, so
 * a select whose options were there before it rendered would never learn them. Fire it for
 * every slot whose assignment changed since the last time.
 */
function announceSlots(document: Document): void {
  const EventOfPage = (document.defaultView as unknown as { Event: typeof Event }).Event;
  const visit = (root: Document | ShadowRoot) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const shadow = (element as HTMLElement).shadowRoot;
      if (!shadow) continue;
      for (const slot of Array.from(shadow.querySelectorAll('slot'))) {
        const assigned = slot.assignedElements();
        const known = announced.get(slot);
        if (assigned.length > 0 && (!known || known.length !== assigned.length || known.some((node, index) => node !== assigned[index]))) {
          announced.set(slot, assigned);
          slot.dispatchEvent(new EventOfPage('slotchange', { bubbles: true }));
        }
      }
      visit(shadow);
    }
  };
  visit(document);
}

const announced = new WeakMap<HTMLSlotElement, Element[]>();
