// Controls the policy form adds to the shared form fields: numbers typed as text (an empty field
// is NaN, which the rules explain), groups of checkboxes for days and months, half-hour times,
// and the registry that puts each rule's message beside the field it names.
import type { PolicyDraft } from '../../../policy/policyDraft';
import type { PolicyProblem } from '../../../policy/policyProblem';
import { h, setMessage } from '../shared/dom';
import { checkbox, select, setOptions, textField } from '../shared/formFields';

/** A change to the draft: the field's path (for `touched`) and how to apply it to a copy. */
export type Edit = (field: string, apply: (draft: PolicyDraft) => void) => void;

export type NumberField = ReturnType<typeof textField>;

/** A whole number typed in a text field: '' and anything not a number become NaN, for the rules to explain. */
export function numberField(id: string, label: string, onValue: (value: number) => void, range?: { min: number; max: number }): NumberField {
  const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return textField(id, (text) => onValue(parse(text)), { type: 'number', label, ...(range ? { min: range.min, max: range.max } : {}) });
}

/** Shows the draft's number unless the field already says it (a half-typed or empty field stays as typed). */
export function setNumber(element: NumberField, value: number): void {
  const shown = element.value.trim() === '' ? Number.NaN : Number(element.value);
  if (Object.is(shown, value) || (Number.isNaN(shown) && Number.isNaN(value))) return;
  element.value = Number.isFinite(value) ? String(value) : '';
}

export interface CheckboxGroup<T extends string | number> {
  root: HTMLElement;
  set(values: readonly T[]): void;
}

/** A labelled group of checkboxes; `onChange` gets the checked values in the options' order. */
export function checkboxGroup<T extends string | number>(id: string, label: string, options: readonly { value: T; label: string }[], onChange: (values: T[]) => void): CheckboxGroup<T> {
  const boxes = options.map((option) => ({ option, box: checkbox(`${id}-${option.value}`, option.label, () => onChange(checked())) }));
  const checked = () => boxes.filter(({ box }) => box.checked).map(({ option }) => option.value);
  const root = h('div', { id, class: 'checkbox-group', role: 'group', 'aria-label': label }, ...boxes.map(({ box }) => box));
  return {
    root,
    set(values) {
      for (const { option, box } of boxes) {
        const on = values.includes(option.value);
        if (box.checked !== on) box.checked = on;
      }
    },
  };
}

/** Times of day on the hour and half hour, the only ones Azure runs a schedule at. */
export const halfHours: readonly string[] = Array.from({ length: 48 }, (_, index) => `${String(Math.floor(index / 2)).padStart(2, '0')}:${index % 2 === 0 ? '00' : '30'}`);

/** A select of half-hour times; a loaded time off the half hour is offered too, so the rule can say what is wrong with it. */
export function timeSelect(id: string, onChange: (time: string) => void): HTMLElement & { value: string; setTime(time: string): void } {
  const element = select(id, onChange) as HTMLElement & { value: string; setTime(time: string): void };
  element.setTime = (time) => {
    const times = halfHours.includes(time) || time === '' ? halfHours : [...halfHours, time].sort();
    setOptions(element, times.map((value) => ({ value, label: value })), time);
  };
  return element;
}

interface Registered {
  message: HTMLElement;
  control?: HTMLElement;
}

/**
 * Where each rule's message goes: the field registered under the longest path that is the
 * problem's field or a parent of it ('retention.monthly.format.days' lands on
 * 'retention.monthly.format.days', or on 'retention.monthly' when only that is registered).
 */
export class ProblemPlacement {
  private readonly fields = new Map<string, Registered>();

  constructor(private readonly fallback: HTMLElement) {}

  register(path: string, message: HTMLElement, control?: HTMLElement): void {
    this.fields.set(path, { message, ...(control ? { control } : {}) });
  }

  /** The registered path a problem's message goes to. */
  placeOf(field: string): string | undefined {
    for (let path = field; ; path = path.slice(0, path.lastIndexOf('.'))) {
      if (this.fields.has(path)) return path;
      if (!path.includes('.')) return undefined;
    }
  }

  /** Shows each problem beside its field (errors before warnings), clears the others, marks invalid controls. */
  show(problems: readonly PolicyProblem[]): void {
    const byPath = new Map<string, PolicyProblem[]>();
    const unplaced: PolicyProblem[] = [];
    for (const problem of problems) {
      const path = this.placeOf(problem.field);
      // A field the form hides now (another frequency, another kind) cannot show its message.
      if (path === undefined || !isShown(this.fields.get(path)!.message.parentElement)) unplaced.push(problem);
      else byPath.set(path, [...(byPath.get(path) ?? []), problem]);
    }
    for (const [path, { message, control }] of this.fields) {
      const here = [...(byPath.get(path) ?? [])].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      const error = here.some((problem) => problem.severity === 'error');
      setMessage(message, here.length > 0 ? here.map((problem) => problem.message).join(' ') : undefined, error ? 'error' : 'warning');
      if (control) markInvalid(control, error);
    }
    setMessage(this.fallback, unplaced.length > 0 ? unplaced.map((problem) => problem.message).join(' ') : undefined, unplaced.some((p) => p.severity === 'error') ? 'error' : 'warning');
  }
}

/** aria-invalid on the control (and its inner input, which screen readers focus); vscode-textfield shows `invalid`. */
function markInvalid(control: HTMLElement, invalid: boolean): void {
  if (invalid) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if ('invalid' in control && (control as { invalid: boolean }).invalid !== invalid) (control as { invalid: boolean }).invalid = invalid;
  const inner = control.shadowRoot?.querySelector('input');
  if (inner) {
    if (invalid) inner.setAttribute('aria-invalid', 'true');
    else inner.removeAttribute('aria-invalid');
  }
}

function isShown(element: HTMLElement | null): boolean {
  for (let node = element; node; node = node.parentElement) if (node.hidden) return false;
  return true;
}
