// Form building blocks over vscode-elements: a labelled field with its help and its live message,
// radio groups and selects that take plain values. Shared by the webview forms.
import { h, replaceChildren } from './dom';

export interface Field {
  block: HTMLElement;
  /** Where the field's validation message goes (aria-live, so screen readers hear it as it changes). */
  message: HTMLElement;
}

/** A vertical form group: label (wired to the control by id), the control, help text, message. */
export function field(id: string, label: string, control: HTMLElement, help?: string, extra: HTMLElement[] = []): Field {
  control.id ||= id;
  const messageId = `${id}-message`;
  const helpId = help ? `${id}-help` : undefined;
  control.setAttribute('aria-describedby', [helpId, messageId].filter(Boolean).join(' '));
  const message = h('div', { id: messageId, class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const block = h(
    'vscode-form-group',
    { variant: 'vertical', id: `${id}-group` },
    h('vscode-label', { for: control.id }, label),
    control,
    help ? h('vscode-form-helper', { id: helpId }, h('p', {}, help)) : undefined,
    ...extra,
    message,
  );
  return { block, message };
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
}

/** A radio group of choices; `onChange` gets the chosen value. */
export function radioGroup<T extends string>(id: string, name: string, choices: readonly Choice<T>[], onChange: (value: T) => void): HTMLElement {
  const group = h('vscode-radio-group', { id, variant: 'vertical', 'aria-label': name });
  for (const choice of choices) {
    const radio = h('vscode-radio', { name: id, value: choice.value, id: `${id}-${choice.value}`, label: choice.label }, choice.label);
    group.appendChild(radio);
    if (choice.description) group.appendChild(h('div', { class: 'choice-description', id: `${id}-${choice.value}-description` }, choice.description));
  }
  group.addEventListener('change', (event) => {
    const value = (event.target as { value?: string } | null)?.value;
    if (choices.some((choice) => choice.value === value)) onChange(value as T);
  });
  return group;
}

/** Checks the radio of `value` (and only it). */
export function setRadio(group: HTMLElement, value: string): void {
  for (const radio of Array.from(group.querySelectorAll('vscode-radio'))) {
    const checked = radio.value === value;
    if (radio.checked !== checked) radio.checked = checked;
  }
}

export function setRadioDisabled(group: HTMLElement, value: string, disabled: boolean): void {
  const radio = Array.from(group.querySelectorAll('vscode-radio')).find((candidate) => candidate.value === value);
  if (radio && radio.disabled !== disabled) radio.disabled = disabled;
}

/** A single select; `onChange` gets the chosen value. */
export function select(id: string, onChange: (value: string) => void, combobox = false): HTMLElement & { value: string } {
  const element = h('vscode-single-select', { id, ...(combobox ? { combobox: true } : {}) });
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

/**
 * Puts options in a select, with a first "choose…" option of value '' when `placeholder` is
 * given, and selects `value`. Rebuilds only when the options changed (their key).
 */
export function setOptions(element: HTMLElement & { value: string }, options: readonly { value: string; label: string; description?: string }[], value: string, placeholder?: string): void {
  const key = JSON.stringify([placeholder, options]);
  if (element.dataset.options !== key) {
    element.dataset.options = key;
    const all = placeholder === undefined ? options : [{ value: '', label: placeholder }, ...options];
    replaceChildren(element, ...all.map((option) => h('vscode-option', { value: option.value, selected: option.value === value, ...(option.description ? { description: option.description } : {}) }, option.label)));
  }
  if (element.value !== value) element.value = value;
}

/** A text field; `onInput` gets its text as the user types. */
export function textField(id: string, onInput: (value: string) => void, attrs: Record<string, unknown> = {}): HTMLElement & { value: string; invalid: boolean; disabled: boolean } {
  const element = h('vscode-textfield', { id, ...attrs }) as HTMLElement & { value: string; invalid: boolean; disabled: boolean };
  element.addEventListener('input', () => onInput(element.value));
  return element;
}

/** Sets a text field's value unless the user is typing in it (so the caret does not jump). */
export function setText(element: HTMLElement & { value: string }, value: string): void {
  if (element.value !== value) element.value = value;
}

export function checkbox(id: string, label: string, onChange: (checked: boolean) => void): HTMLElement & { checked: boolean; disabled: boolean } {
  const element = h('vscode-checkbox', { id, label }) as HTMLElement & { checked: boolean; disabled: boolean };
  element.addEventListener('change', () => onChange(element.checked));
  return element;
}
