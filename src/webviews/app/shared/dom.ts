// A few DOM helpers for the webview apps: no framework, the vscode-elements components do the
// widgets and these put them together.

type Props = Record<string, unknown>;
type Child = Node | string | false | undefined | null;

/**
 * Creates an element: `attrs` with a string value become attributes (aria-*, id, class…), other
 * values become properties (checked, disabled, value…), functions named on* become listeners.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Props, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Props, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value as EventListener);
    else if (typeof value === 'string') element.setAttribute(key, value);
    else (element as unknown as Props)[key] = value;
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.firstChild.remove();
  append(parent, children);
}

/** Shows or hides an element (hidden, so it leaves the accessibility tree too). */
export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Sets a message element's text and kind; an empty text hides it. */
export function setMessage(element: HTMLElement, text: string | undefined, kind: 'error' | 'warning' | 'info' = 'error'): void {
  if ((element.textContent ?? '') !== (text ?? '')) element.textContent = text ?? '';
  element.dataset.kind = kind;
  element.hidden = !text;
}

/** Calls `action` once calls stop for `ms` milliseconds. */
export function debounce<A extends unknown[]>(action: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      action(...args);
    }, ms);
  };
}
