// What every part of the policy form shares: the context it renders in, and its shape.
import type { PolicyDraft } from '../../../policy/policyDraft';
import type { PolicyEditorMode, PolicyUsageInfo } from '../../shared/policyEditorProtocol';

/** What the host said about the policy, beyond the draft. */
export interface FormContext {
  mode: PolicyEditorMode;
  vaultName: string;
  /** The saved policy, when editing. */
  original?: PolicyDraft;
  usage?: PolicyUsageInfo;
  immutableVault: boolean;
}

/** A part of the form: built once, then rendered from the draft after every change. */
export interface FormSection {
  root: HTMLElement;
  render(draft: PolicyDraft, context: FormContext): void;
}

export function section(id: string, title: string, ...children: (HTMLElement | undefined)[]): HTMLElement {
  const root = document.createElement('section');
  root.id = `${id}-section`;
  root.setAttribute('aria-labelledby', `${id}-heading`);
  const heading = document.createElement('h2');
  heading.id = `${id}-heading`;
  heading.textContent = title;
  root.append(heading, ...children.filter((child): child is HTMLElement => child !== undefined));
  return root;
}
