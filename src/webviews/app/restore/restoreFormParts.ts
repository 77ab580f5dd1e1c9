// What the Restore form's sections share: the change they report, what they render from, and how
// a field's problem shows beside it (as the user types, or after Review for fields not touched
// yet; "Checking…" as information, not as an error).
import type { RestoreField, RestoreProblems } from '../../../restore/restoreRules';
import type { RestoreDraft } from '../../shared/restoreDraft';
import { setMessage } from '../shared/dom';
import { isPending, type RestoreData } from './restoreModel';

export type DraftChange = { [K in keyof RestoreDraft]-?: { field: K; value: RestoreDraft[K] } }[keyof RestoreDraft];

export interface RestoreFormActions {
  change(change: DraftChange): void;
  createAccount(): void;
  reloadTargets(): void;
  review(): void;
  cancel(): void;
}

export interface RestoreFormView {
  draft: RestoreDraft;
  data: RestoreData;
  problems: RestoreProblems;
  /** Whether a field's message shows: touched, or after Review. */
  shown(field: RestoreField): boolean;
  creatingAccount: boolean;
  /** The host's answer to the last "Create storage account". */
  accountMessage?: { ok: boolean; text: string };
}

export interface RestoreFormPart {
  root: HTMLElement;
  render(view: RestoreFormView): void;
}

/** Shows a field's problem beside it, and marks its text field invalid (not while the host is still checking). */
export function showProblem(view: RestoreFormView, field: RestoreField, message: HTMLElement, control?: { invalid: boolean }): void {
  const problem = view.shown(field) ? view.problems[field] : undefined;
  const pending = isPending(problem);
  setMessage(message, problem, pending ? 'info' : 'error');
  const invalid = problem !== undefined && !pending;
  if (control && control.invalid !== invalid) control.invalid = invalid;
}
