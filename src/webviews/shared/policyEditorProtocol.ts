// The policy editor webview's messages, both ways, with the guards each side runs on what it
// receives. The webview says `ready` first (again after a reload, or to retry a failed load);
// the host posts nothing before it. Pure TypeScript: no vscode, no DOM.
import type { PolicyDraft } from '../../policy/policyDraft';
import type { PolicyProblem } from '../../policy/policyProblem';
import { isPolicyDraft, isPolicyProblem, isSavedPolicyDraft, reviveDraftNumbers } from './policyDraftGuard';
import { isArrayOf, isBoolean, isFiniteNumber, isLiteral, isMessageOf, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';

export const policyEditorViewType = 'azureVmBackup.policyEditor';

/** Which policy a panel shows: a new one of the vault (no name), or the named one. Kept in the webview's state for a reload. */
export interface PolicyEditorIdentity {
  vaultId: string;
  policyName?: string;
  /** Authoring for a Create VM form: nothing is saved to Azure, "Use this policy" hands the draft to that form. */
  author?: PolicyAuthorTarget;
}

/**
 * The Create VM form a policy is authored for (its deployment creates the policy), and the
 * vault's region: the vault may not exist yet.
 */
export interface PolicyAuthorTarget {
  formId: string;
  location: string;
}

export type PolicyEditorMode = 'create' | 'edit';

export interface PolicyUsageInfo {
  count: number;
  vmNames: string[];
}

/** What the form needs to start: the vault, the draft, and what the rules compare it with. */
export interface PolicyEditorInit {
  type: 'init';
  identity: PolicyEditorIdentity;
  vault: { name: string; location: string };
  mode: PolicyEditorMode;
  draft: PolicyDraft;
  /** The saved policy being edited: retention cuts and the kind switch are judged against it. */
  original?: PolicyDraft;
  /** Every policy name in the vault (all workloads). */
  existingNames: string[];
  /** The VMs using the policy being edited. */
  usage?: PolicyUsageInfo;
  /** Immutability on (Unlocked or Locked): Azure refuses retention cuts. */
  immutableVault: boolean;
}

export type HostToPolicyEditor =
  | PolicyEditorInit
  | { type: 'loadFailed'; identity: PolicyEditorIdentity; message: string }
  | { type: 'saveProgress'; message: string }
  | { type: 'saveResult'; ok: true; policyName: string; message: string }
  /** Refused by the host's own check (`problems`, the same rules as the form's) or failed in Azure; the draft stays in the form. */
  | { type: 'saveResult'; ok: false; message: string; problems: PolicyProblem[] };

export type PolicyEditorToHost = { type: 'ready' } | { type: 'save'; draft: PolicyDraft } | { type: 'cancel' };

/** What the webview keeps with setState: the identity for the serializer, the draft, the fields the user changed. */
export interface PolicyEditorState {
  identity: PolicyEditorIdentity;
  draft: PolicyDraft;
  touched: string[];
}

const id = isText(1_000);
const message = isText(8_000);
const names = isArrayOf(isText(1_000), 1_000);
const isAuthorTarget = isShape<PolicyAuthorTarget>({ formId: isText(100), location: isText(100) });
const isIdentity = isShape<PolicyEditorIdentity>({ vaultId: id, policyName: isOptional(isText(1_000)), author: isOptional(isAuthorTarget) });
const isUsage = isShape<PolicyUsageInfo>({ count: isFiniteNumber, vmNames: names });

type Of<T extends { type: string }, K extends T['type']> = Extract<T, { type: K }>;

const isSaveResult: Guard<Of<HostToPolicyEditor, 'saveResult'>> = (value): value is Of<HostToPolicyEditor, 'saveResult'> =>
  isShape<Of<HostToPolicyEditor, 'saveResult'> & { ok: true }>({ type: isLiteral('saveResult'), ok: isLiteral(true), policyName: id, message })(value) ||
  isShape<Of<HostToPolicyEditor, 'saveResult'> & { ok: false }>({ type: isLiteral('saveResult'), ok: isLiteral(false), message, problems: isArrayOf(isPolicyProblem, 200) })(value);

/** Messages the webview accepts from the host. */
export const isHostToPolicyEditor = isMessageOf<HostToPolicyEditor>({
  init: isShape<PolicyEditorInit>({
    type: isLiteral('init'),
    identity: isIdentity,
    vault: isShape<PolicyEditorInit['vault']>({ name: id, location: id }),
    mode: isOneOf(['create', 'edit'] as const),
    draft: isPolicyDraft,
    original: isOptional(isPolicyDraft),
    existingNames: names,
    usage: isOptional(isUsage),
    immutableVault: isBoolean,
  }),
  loadFailed: isShape({ type: isLiteral('loadFailed'), identity: isIdentity, message }),
  saveProgress: isShape({ type: isLiteral('saveProgress'), message }),
  saveResult: isSaveResult,
});

/** Messages the host accepts from the webview. */
export const isPolicyEditorMessage = isMessageOf<PolicyEditorToHost>({
  ready: isShape({ type: isLiteral('ready') }),
  save: isShape({ type: isLiteral('save'), draft: isPolicyDraft }),
  cancel: isShape({ type: isLiteral('cancel') }),
});

/** A saved state as VS Code hands it back (after a reload it may come from an older version). */
export const isPolicyEditorState = isShape<PolicyEditorState>({ identity: isIdentity, draft: isSavedPolicyDraft, touched: isArrayOf(isText(200), 200) });

/** The saved state with the numbers being typed restored (JSON turned an empty field's NaN into null). */
export function revivedState(state: PolicyEditorState): PolicyEditorState {
  return { ...state, draft: reviveDraftNumbers(state.draft) };
}

export function sameIdentity(a: PolicyEditorIdentity, b: PolicyEditorIdentity): boolean {
  return a.vaultId.toLowerCase() === b.vaultId.toLowerCase() && (a.policyName ?? '').toLowerCase() === (b.policyName ?? '').toLowerCase() && a.author?.formId === b.author?.formId;
}
