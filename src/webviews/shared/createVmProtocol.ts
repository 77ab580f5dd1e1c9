// The Create Virtual Machine webview's messages, both ways, with the guards each side runs on what
// it receives. The webview says `ready` first; the host posts nothing before it. Lists come per
// subscription (resource groups, regions, vaults), per region (zones, sizes, virtual networks)
// and per vault (policies); the webview asks for each when it needs it. Pure TypeScript: no
// vscode, no DOM, shared by the host panel and the browser app.
import type { PolicyDraft } from '../../policy/policyDraft';
import type { OsType, VmCreateRequest, VmImageReference } from '../../vmCreation/vmCreateRequest';
import type { SubnetInfo, TakenNetworkNames, VaultInfo, VirtualNetworkInfo, VmSizeInfo } from '../../vmCreation/vmRulesContext';
import { isEither, isVmCreateRequest, osTypes } from './createVmRequestGuard';
import { isArrayOf, isBoolean, isFiniteNumber, isLiteral, isMessageOf, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';
import { isPolicyDraft } from './policyDraftGuard';
import { subscriptionChoiceGuard, subscriptionListGuards, type SubscriptionChoice, type SubscriptionListMessage, type SubscriptionListRequest } from './subscriptionLists';

/** A vault of the subscription (its policies come apart, per vault). */
export type VaultChoiceInfo = Omit<VaultInfo, 'policies'>;

export const createVmViewType = 'azureVmBackup.createVm';

/** What the form starts from when it has no draft: the subscription, region and vault it was opened for. */
export interface CreateVmPreset {
  subscriptionId?: string;
  location?: string;
  /** A vault's context menu: back up to this vault. */
  vaultId?: string;
}

/**
 * Which form a panel is, kept in the webview's state for the serializer: the preset, and the
 * form's own id, by which the policy editor hands back a policy authored for it.
 */
export interface CreateVmIdentity extends CreateVmPreset {
  formId: string;
}

export interface PolicyInfo {
  name: string;
  kind: 'Standard' | 'Enhanced';
  /** The policy as the editor holds it: the review's schedule preview and its restore point group come from it. Absent when it could not be read. */
  draft?: PolicyDraft;
}

/** One resource of the running deployment. */
export interface ResourceProgressInfo {
  resourceType: string;
  resourceName: string;
  provisioningState: string;
  error?: { code: string; message: string };
}

/** A resource the deployment failed to create, with Azure's code and message. */
export interface ResourceFailure {
  resourceType?: string;
  resourceName?: string;
  code: string;
  message: string;
}

type RegionList<K extends string, T> = { type: K; subscriptionId: string; location: string; items: T[]; error?: string };

export type HostToCreateVm =
  | { type: 'init'; identity: CreateVmIdentity; subscriptions: SubscriptionChoice[] }
  | SubscriptionListMessage
  | { type: 'vaults'; subscriptionId: string; vaults: VaultChoiceInfo[]; error?: string }
  | RegionList<'zones', string>
  | RegionList<'sizes', VmSizeInfo>
  | RegionList<'networks', VirtualNetworkInfo>
  | { type: 'policies'; vaultId: string; policies: PolicyInfo[]; error?: string }
  /** Network resource names taken in an existing resource group: the VM's NSG, public IP and NIC get others. */
  | { type: 'groupNames'; subscriptionId: string; resourceGroup: string; names: Required<TakenNetworkNames>; error?: string }
  | { type: 'vmNameCheck'; subscriptionId: string; resourceGroup: string; name: string; available: boolean; message?: string }
  /** `osType` when the image exists in the region. */
  | { type: 'imageCheck'; subscriptionId: string; location: string; urn: string; found: boolean; osType?: OsType; message?: string }
  | { type: 'sshKey'; ok: true; publicKey: string; fileName: string }
  /** No message: the user closed the dialog. */
  | { type: 'sshKey'; ok: false; message?: string }
  | { type: 'policyAuthored'; draft: PolicyDraft }
  | { type: 'templateShown'; ok: boolean; message: string }
  | { type: 'createProgress'; message: string; resources: ResourceProgressInfo[]; expectedResourceCount?: number }
  | { type: 'createResult'; ok: true; vmId: string; vmName: string; message: string }
  /** The draft stays: the user fixes it and creates again (a new deployment name). */
  | { type: 'createResult'; ok: false; message: string; failures: ResourceFailure[] };

/** Where a policy authored for the form goes: an existing vault, or the vault the deployment creates. */
export type AuthorVault = { kind: 'existing'; vaultId: string } | { kind: 'new'; subscriptionId: string; resourceGroup: string; name: string; location: string };

export type CreateVmToHost =
  | { type: 'ready' }
  | SubscriptionListRequest
  | { type: 'listVaults'; subscriptionId: string }
  | { type: 'listRegion'; subscriptionId: string; location: string }
  | { type: 'listPolicies'; vaultId: string }
  | { type: 'listGroupNames'; subscriptionId: string; resourceGroup: string }
  | { type: 'checkVmName'; subscriptionId: string; resourceGroup: string; name: string }
  | { type: 'checkImage'; subscriptionId: string; location: string; image: VmImageReference }
  | { type: 'loadSshKey' }
  /** Opens the policy editor to author a policy (`draft`: the one authored before, to change it). */
  | { type: 'authorPolicy'; vault: AuthorVault; draft?: PolicyDraft }
  | { type: 'viewTemplate'; request: VmCreateRequest }
  | { type: 'create'; request: VmCreateRequest }
  | { type: 'cancel' };

const id = isText(1_000);
const name = isText(200);
const message = isText(8_000);
const names = isArrayOf(name, 1_000);

const isSubscriptionChoice = subscriptionChoiceGuard({ id, name, message });
const isIdentity = isShape<CreateVmIdentity>({ formId: isText(100), subscriptionId: isOptional(id), location: isOptional(name), vaultId: isOptional(id) });
const isSize = isShape<VmSizeInfo>({ name, vCpus: isFiniteNumber, memoryMb: isFiniteNumber, premiumDisks: isBoolean });
const isNetwork = isShape<VirtualNetworkInfo>({
  id,
  name,
  resourceGroup: name,
  location: name,
  addressPrefixes: names,
  subnets: isArrayOf(isShape<SubnetInfo>({ id, name, addressPrefix: isOptional(name) }), 3_000),
});
const isVaultInfo = isShape<VaultChoiceInfo>({ id, name, resourceGroup: name, location: name });
const isPolicyInfo = isShape<PolicyInfo>({ name, kind: isOneOf(['Standard', 'Enhanced'] as const), draft: isOptional(isPolicyDraft) });
const isResourceProgress = isShape<ResourceProgressInfo>({
  resourceType: name,
  resourceName: id,
  provisioningState: name,
  error: isOptional(isShape<{ code: string; message: string }>({ code: name, message })),
});
const isFailure = isShape<ResourceFailure>({ resourceType: isOptional(name), resourceName: isOptional(id), code: name, message });

function regionList<K extends string, T>(type: K, item: Guard<T>): Guard<RegionList<K, T>> {
  return isShape<RegionList<K, T>>({ type: isLiteral(type), subscriptionId: id, location: name, items: isArrayOf(item), error: isOptional(message) });
}

type Of<T extends { type: string }, K extends T['type']> = Extract<T, { type: K }>;

const isSshKey = isEither<Of<HostToCreateVm, 'sshKey'>>(
  isShape<Of<HostToCreateVm, 'sshKey'> & { ok: true }>({ type: isLiteral('sshKey'), ok: isLiteral(true), publicKey: isText(16_000), fileName: isText(1_000) }),
  isShape<Of<HostToCreateVm, 'sshKey'> & { ok: false }>({ type: isLiteral('sshKey'), ok: isLiteral(false), message: isOptional(message) }),
);
const isCreateResult = isEither<Of<HostToCreateVm, 'createResult'>>(
  isShape<Of<HostToCreateVm, 'createResult'> & { ok: true }>({ type: isLiteral('createResult'), ok: isLiteral(true), vmId: id, vmName: name, message }),
  isShape<Of<HostToCreateVm, 'createResult'> & { ok: false }>({ type: isLiteral('createResult'), ok: isLiteral(false), message, failures: isArrayOf(isFailure, 800) }),
);
const isAuthorVault = isEither<AuthorVault>(
  isShape<Extract<AuthorVault, { kind: 'existing' }>>({ kind: isLiteral('existing'), vaultId: id }),
  isShape<Extract<AuthorVault, { kind: 'new' }>>({ kind: isLiteral('new'), subscriptionId: id, resourceGroup: name, name, location: name }),
);

/** Messages the webview accepts from the host. */
export const isHostToCreateVm = isMessageOf<HostToCreateVm>({
  init: isShape({ type: isLiteral('init'), identity: isIdentity, subscriptions: isArrayOf(isSubscriptionChoice) }),
  ...subscriptionListGuards({ id, name, message }),
  vaults: isShape({ type: isLiteral('vaults'), subscriptionId: id, vaults: isArrayOf(isVaultInfo), error: isOptional(message) }),
  zones: regionList('zones', isOneOf(['1', '2', '3'] as const)),
  sizes: regionList('sizes', isSize),
  networks: regionList('networks', isNetwork),
  policies: isShape({ type: isLiteral('policies'), vaultId: id, policies: isArrayOf(isPolicyInfo, 1_000), error: isOptional(message) }),
  groupNames: isShape({
    type: isLiteral('groupNames'),
    subscriptionId: id,
    resourceGroup: name,
    names: isShape<Required<TakenNetworkNames>>({ virtualNetworks: names, networkSecurityGroups: names, publicIpAddresses: names, networkInterfaces: names }),
    error: isOptional(message),
  }),
  vmNameCheck: isShape({ type: isLiteral('vmNameCheck'), subscriptionId: id, resourceGroup: name, name, available: isBoolean, message: isOptional(message) }),
  imageCheck: isShape({ type: isLiteral('imageCheck'), subscriptionId: id, location: name, urn: isText(1_000), found: isBoolean, osType: isOptional(isOneOf(osTypes)), message: isOptional(message) }),
  sshKey: isSshKey,
  policyAuthored: isShape({ type: isLiteral('policyAuthored'), draft: isPolicyDraft }),
  templateShown: isShape({ type: isLiteral('templateShown'), ok: isBoolean, message }),
  createProgress: isShape({ type: isLiteral('createProgress'), message, resources: isArrayOf(isResourceProgress, 800), expectedResourceCount: isOptional(isFiniteNumber) }),
  createResult: isCreateResult,
});

/** Messages the host accepts from the webview. */
export const isCreateVmMessage = isMessageOf<CreateVmToHost>({
  ready: isShape({ type: isLiteral('ready') }),
  listResourceGroups: isShape({ type: isLiteral('listResourceGroups'), subscriptionId: id }),
  listLocations: isShape({ type: isLiteral('listLocations'), subscriptionId: id }),
  listVaults: isShape({ type: isLiteral('listVaults'), subscriptionId: id }),
  listRegion: isShape({ type: isLiteral('listRegion'), subscriptionId: id, location: name }),
  listPolicies: isShape({ type: isLiteral('listPolicies'), vaultId: id }),
  listGroupNames: isShape({ type: isLiteral('listGroupNames'), subscriptionId: id, resourceGroup: name }),
  checkVmName: isShape({ type: isLiteral('checkVmName'), subscriptionId: id, resourceGroup: name, name }),
  checkImage: isShape({ type: isLiteral('checkImage'), subscriptionId: id, location: name, image: isShape<VmImageReference>({ publisher: name, offer: name, sku: name, version: name }) }),
  loadSshKey: isShape({ type: isLiteral('loadSshKey') }),
  authorPolicy: isShape({ type: isLiteral('authorPolicy'), vault: isAuthorVault, draft: isOptional(isPolicyDraft) }),
  viewTemplate: isShape({ type: isLiteral('viewTemplate'), request: isVmCreateRequest }),
  create: isShape({ type: isLiteral('create'), request: isVmCreateRequest }),
  cancel: isShape({ type: isLiteral('cancel') }),
});
