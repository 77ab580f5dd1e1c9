// What every section of the Create VM form shares: the change it reports, what it renders from,
// and how a field's problem shows beside it (as the user types, or after Review for fields not
// touched yet; "Checking…" as information, not as an error).
import type { CreateVmDraft, CreateVmSecrets } from '../../shared/createVmDraft';
import { h, setMessage } from '../shared/dom';
import type { Checks, FormData, FormField, FormProblems } from './createVmModel';
import { isPending } from './createVmModel';
import type { TakenNetworkNames } from '../../../vmCreation/vmRulesContext';

/** What the user changed: a draft field, or a secret (never saved). */
export type DraftChange = { [K in keyof CreateVmDraft]-?: { field: K; value: CreateVmDraft[K] } }[keyof CreateVmDraft];
export type SecretChange = { field: keyof CreateVmSecrets; value: string };
export type FormChange = DraftChange | SecretChange;

export function isSecretChange(change: FormChange): change is SecretChange {
  return change.field === 'password' || change.field === 'confirmPassword';
}

export interface FormActions {
  change(change: FormChange): void;
  loadSshKey(): void;
  /** Opens the policy editor for a new policy (or the one authored before). */
  authorPolicy(): void;
  review(): void;
  cancel(): void;
}

export interface FormView {
  draft: CreateVmDraft;
  secrets: CreateVmSecrets;
  data: FormData;
  checks: Checks;
  problems: FormProblems;
  takenNetworkNames?: TakenNetworkNames;
  /** Whether a field's message shows: touched, or after Review. */
  shown(field: FormField): boolean;
}

export interface FormPart {
  root: HTMLElement;
  render(view: FormView): void;
}

/** The draft fields (and secrets) each form field is made of: touching one shows the field's message. */
export const fieldSources: Record<FormField, readonly string[]> = {
  subscription: ['subscriptionId'],
  resourceGroup: ['resourceGroupMode', 'existingResourceGroup', 'newResourceGroup'],
  name: ['name'],
  location: ['location'],
  zone: ['zone'],
  osType: ['osType', 'image', 'imageUrn'],
  image: ['image', 'imageUrn'],
  size: ['size'],
  adminUsername: ['adminUsername'],
  password: ['password'],
  confirmPassword: ['confirmPassword'],
  sshPublicKey: ['sshPublicKey'],
  inboundPorts: ['inboundPorts'],
  osDiskType: ['osDiskType', 'size'],
  virtualNetwork: ['virtualNetworkName', 'existingVirtualNetworkId', 'networkMode'],
  addressPrefix: ['addressPrefix'],
  subnet: ['subnetName', 'existingSubnet'],
  subnetPrefix: ['subnetPrefix', 'addressPrefix'],
  networkSecurityGroupName: ['name'],
  publicIpName: ['name', 'publicIp'],
  networkInterfaceName: ['name'],
  vault: ['vaultMode', 'existingVaultId'],
  vaultName: ['newVaultName'],
  vaultResourceGroup: ['newVaultGroupMode', 'newVaultExistingGroup', 'newVaultNewGroup'],
  policy: ['policyName', 'policyMode', 'newPolicy'],
};

/** Each field's name, as Review's blockers list them. */
export const fieldLabels: Record<FormField, string> = {
  subscription: 'Subscription',
  resourceGroup: 'Resource group',
  name: 'Virtual machine name',
  location: 'Region',
  zone: 'Availability zone',
  osType: 'Operating system',
  image: 'Image',
  size: 'Size',
  adminUsername: 'Username',
  password: 'Password',
  confirmPassword: 'Confirm password',
  sshPublicKey: 'SSH public key',
  inboundPorts: 'Public inbound ports',
  osDiskType: 'OS disk type',
  virtualNetwork: 'Virtual network',
  addressPrefix: 'Address space',
  subnet: 'Subnet',
  subnetPrefix: 'Subnet address range',
  networkSecurityGroupName: 'Network security group',
  publicIpName: 'Public IP address',
  networkInterfaceName: 'Network interface',
  vault: 'Recovery Services vault',
  vaultName: 'Vault name',
  vaultResourceGroup: 'Vault resource group',
  policy: 'Backup policy',
};

/** Shows a field's problem beside it, and marks its text field invalid (not while the host is still checking). */
export function showProblem(view: FormView, field: FormField, message: HTMLElement, control?: { invalid: boolean }): void {
  const problem = view.shown(field) ? view.problems[field] : undefined;
  const pending = isPending(problem);
  setMessage(message, problem, pending ? 'info' : 'error');
  if (control && control.invalid !== (problem !== undefined && !pending)) control.invalid = problem !== undefined && !pending;
}

/** A warning beside a field (always shown while its condition holds). */
export function warningNote(id: string): HTMLElement {
  return h('div', { id, class: 'message', 'data-kind': 'warning', role: 'status', hidden: true });
}

/** A section of the form: its heading is where the section links and Review's "fix this" move the focus. */
export function formSection(id: string, title: string, ...children: (HTMLElement | undefined)[]): HTMLElement {
  return h('section', { id: `${id}-section`, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading`, tabindex: '-1' }, title), ...children);
}

/** Help under a field whose text the render sets (it depends on the OS): announced with the field. */
export function dynamicHelp(id: string, block: HTMLElement, message: HTMLElement, control: HTMLElement): HTMLElement {
  const text = h('p');
  block.insertBefore(h('vscode-form-helper', { id: `${id}-help` }, text), message);
  control.setAttribute('aria-describedby', `${id}-help ${id}-message`);
  return text;
}
