// The Create VM form's page: links to its three sections (as the portal's tabs, on one scrolling
// page), the sections, and Review with why it is not available yet.
import { h } from '../shared/dom';
import { administratorPart } from './createVmAdministrator';
import { backupSection } from './createVmBackup';
import { basicsSection } from './createVmBasics';
import type { FormActions, FormPart, FormView } from './createVmFormParts';
import { networkingSection } from './createVmNetworking';

export interface CreateVmForm {
  root: HTMLElement;
  reviewButton: HTMLElement & { disabled: boolean };
  /** Why Review is not available yet (read by screen readers next to the button). */
  blockers: HTMLElement;
  render(view: FormView): void;
}

const sections = [
  { id: 'basics', title: 'Basics' },
  { id: 'networking', title: 'Disks and networking' },
  { id: 'backup', title: 'Backup' },
] as const;

export function buildCreateVmForm(actions: FormActions): CreateVmForm {
  const basics = basicsSection(actions);
  const administrator = administratorPart(actions);
  basics.root.append(administrator.root);
  const parts: FormPart[] = [basics, administrator, networkingSection(actions), backupSection(actions)];

  const nav = h('nav', { id: 'sections', 'aria-label': 'Form sections' },
    ...sections.map((section) => h('vscode-button', { id: `go-${section.id}`, secondary: true, onclick: () => focusHeading(section.id) }, section.title)));
  const reviewButton = h('vscode-button', { id: 'review', icon: 'checklist', onclick: () => actions.review() }, 'Review + create') as CreateVmForm['reviewButton'];
  const blockers = h('p', { id: 'review-blockers', class: 'help', role: 'status', 'aria-live': 'polite' });
  reviewButton.setAttribute('aria-describedby', 'review-blockers');
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, onclick: () => actions.cancel() }, 'Cancel');
  const root = h(
    'form',
    { id: 'create-vm-form', 'aria-label': 'Create a virtual machine', onsubmit: (event: Event) => event.preventDefault() },
    nav,
    ...parts.filter((part) => part !== administrator).map((part) => part.root),
    h('div', { class: 'actions' }, reviewButton, cancel),
    blockers,
  );
  return {
    root,
    reviewButton,
    blockers,
    render(view) {
      for (const part of parts) part.render(view);
    },
  };
}

function focusHeading(id: string): void {
  const heading = document.getElementById(`${id}-heading`);
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus();
}
