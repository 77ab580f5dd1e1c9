// From the draft and what the host sent to what the form knows: the facts the rules need
// (VmRulesContext), every field's problem (vmRequestProblems, then what only the lists and the
// host's checks know), the chosen vault and policy.
import type { PolicyDraft } from '../../../policy/policyDraft';
import { newStandardPolicyDraft } from '../../../policy/policyDraft';
import { parseImageUrn } from '../../../vmCreation/vmImages';
import { newVaultPolicyNames, vmRequestProblems, type VmField } from '../../../vmCreation/vmRules';
import type { OsType, VmCreateRequest } from '../../../vmCreation/vmCreateRequest';
import { suggestNetworkResourceNames } from '../../../vmCreation/suggestedNames';
import type { TakenNetworkNames, VirtualNetworkInfo, VmRulesContext, VmSizeInfo } from '../../../vmCreation/vmRulesContext';
import { otherImage, requestOf, vaultGroupOf, type CreateVmDraft, type CreateVmSecrets } from '../../shared/createVmDraft';
import { resourceGroupOf } from '../../shared/placementDraft';
import type { AuthorVault, PolicyInfo, VaultChoiceInfo } from '../../shared/createVmProtocol';
import type { ListState, SubscriptionData } from '../shared/subscriptionData';

/** What the host sent: per subscription, per region (`regionKey`), per vault (lower-case id) and per resource group. */
export interface FormData extends SubscriptionData {
  vaults: Map<string, ListState<VaultChoiceInfo>>;
  zones: Map<string, ListState<string>>;
  sizes: Map<string, ListState<VmSizeInfo>>;
  networks: Map<string, ListState<VirtualNetworkInfo>>;
  policies: Map<string, ListState<PolicyInfo>>;
  /** Per existing resource group (`groupKey`): one entry, the network names taken there. */
  groupNames: Map<string, ListState<Required<TakenNetworkNames>>>;
}

export function emptyData(): FormData {
  return { groups: new Map(), locations: new Map(), vaults: new Map(), zones: new Map(), sizes: new Map(), networks: new Map(), policies: new Map(), groupNames: new Map() };
}

export const regionKey = (subscriptionId: string, location: string): string => `${subscriptionId}|${location.toLowerCase()}`;
export const groupKey = (subscriptionId: string, resourceGroup: string): string => `${subscriptionId}|${resourceGroup.toLowerCase()}`;

/** The network names taken in the VM's resource group: none in a new group, undefined while not known. */
export function takenNetworkNamesOf(draft: CreateVmDraft, data: FormData): TakenNetworkNames | undefined {
  const group = resourceGroupOf(draft);
  if (group.isNew) return {};
  if (!group.name) return undefined;
  const list = data.groupNames.get(groupKey(draft.subscriptionId, group.name));
  return list && !list.error ? list.items[0] : undefined;
}

/** The host's answer on a name or an image, for the values it was asked about. */
export interface NameCheck {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  status: 'checking' | 'available' | 'taken';
  message?: string;
}

export interface ImageCheck {
  subscriptionId: string;
  location: string;
  urn: string;
  status: 'checking' | 'found' | 'missing';
  osType?: OsType;
  message?: string;
}

export interface Checks {
  name?: NameCheck;
  image?: ImageCheck;
}

/**
 * The request the form sends: the draft's, with the NSG, public IP and NIC names made unique
 * against those taken in the resource group when the host said which are.
 */
export function requestFor(draft: CreateVmDraft, data: FormData, secrets: CreateVmSecrets): VmCreateRequest {
  const request = requestOf(draft, secrets);
  const takenNetworkNames = takenNetworkNamesOf(draft, data);
  if (takenNetworkNames && request.name) request.networkResourceNames = suggestNetworkResourceNames(request.name, takenNetworkNames);
  return request;
}

/** Problems by field: the rules' fields, and the confirmation only the form has. */
export type FormField = VmField | 'confirmPassword';
export type FormProblems = Partial<Record<FormField, string>>;

/** A list's items once loaded without error: the rules skip what is not known yet. */
function known<T>(list: ListState<T> | undefined): T[] | undefined {
  return list && !list.error ? list.items : undefined;
}

/** The name check that answers for the draft's current name and resource group. */
export function currentNameCheck(draft: CreateVmDraft, checks: Checks): NameCheck | undefined {
  const group = resourceGroupOf(draft);
  const check = checks.name;
  return check && !group.isNew && check.subscriptionId === draft.subscriptionId && check.resourceGroup === group.name && check.name === draft.name.trim() ? check : undefined;
}

/** The image check that answers for the draft's URN in its region. */
export function currentImageCheck(draft: CreateVmDraft, checks: Checks): ImageCheck | undefined {
  const check = checks.image;
  return draft.image === otherImage && check && check.subscriptionId === draft.subscriptionId && check.location === draft.location && check.urn === draft.imageUrn.trim() ? check : undefined;
}

export function vaultsInRegion(draft: CreateVmDraft, data: FormData): VaultChoiceInfo[] {
  const location = draft.location.toLowerCase();
  return (data.vaults.get(draft.subscriptionId)?.items ?? []).filter((vault) => vault.location.toLowerCase().replace(/\s+/g, '') === location);
}

/** The policies the chosen vault offers: a new vault's two defaults, an existing vault's as the host listed them. */
export function policiesOf(draft: CreateVmDraft, data: FormData): ListState<PolicyInfo> | undefined {
  if (draft.vaultMode === 'new') {
    return { items: newVaultPolicyNames.map((name) => ({ name, kind: name === 'EnhancedPolicy' ? 'Enhanced' : 'Standard', ...(name === 'DefaultPolicy' ? { draft: newStandardPolicyDraft(name) } : {}) })) };
  }
  return draft.existingVaultId ? data.policies.get(draft.existingVaultId.toLowerCase()) : undefined;
}

/** The policy the VM will use, as a draft (for its preview and its restore point group), when known. */
export function chosenPolicyDraft(draft: CreateVmDraft, data: FormData): PolicyDraft | undefined {
  if (!draft.backup) return undefined;
  if (draft.policyMode === 'new') return draft.newPolicy;
  return policiesOf(draft, data)?.items.find((policy) => policy.name.toLowerCase() === draft.policyName.toLowerCase())?.draft;
}

/** What the rules need to know beyond the request, from the lists and the checks. */
export function rulesContext(draft: CreateVmDraft, data: FormData, checks: Checks): VmRulesContext {
  const takenNetworkNames = takenNetworkNamesOf(draft, data);
  const region = regionKey(draft.subscriptionId, draft.location);
  const vaults = known(data.vaults.get(draft.subscriptionId));
  const nameCheck = currentNameCheck(draft, checks);
  const imageCheck = currentImageCheck(draft, checks);
  const groups = known(data.groups.get(draft.subscriptionId));
  const context: VmRulesContext = {};
  if (groups) context.resourceGroups = groups.map((group) => group.name);
  if (draft.location) {
    const sizes = known(data.sizes.get(region));
    const zones = known(data.zones.get(region));
    const networks = known(data.networks.get(region));
    if (sizes) context.sizes = sizes;
    if (zones) context.zones = zones;
    if (networks) context.virtualNetworks = networks;
  }
  if (nameCheck?.status === 'taken') context.takenVmNames = [nameCheck.name];
  if (takenNetworkNames) context.takenNetworkNames = takenNetworkNames;
  if (vaults) {
    context.takenVaultNames = vaults.map((vault) => vault.name);
    const policies = draft.existingVaultId ? known(data.policies.get(draft.existingVaultId.toLowerCase())) : undefined;
    context.vaults = vaults.map((vault) => ({
      ...vault,
      ...(policies && vault.id.toLowerCase() === draft.existingVaultId.toLowerCase()
        ? { policies: policies.map((policy) => ({ name: policy.name, kind: policy.kind, ...(policy.draft?.instantRpResourceGroup ? { instantRpResourceGroup: policy.draft.instantRpResourceGroup } : {}) })) }
        : {}),
    }));
  }
  if (imageCheck?.status === 'found' && imageCheck.osType) context.image = { osType: imageCheck.osType };
  if (imageCheck?.status === 'missing') context.image = null;
  return context;
}

/**
 * Every problem of the draft by field: Azure's rules with what the form knows, then the lists
 * that failed to load, the checks still running, the password's confirmation, and a URN's own
 * parse message (clearer than the rules' for a half-typed one).
 */
export function formProblems(draft: CreateVmDraft, data: FormData, checks: Checks, secrets: CreateVmSecrets): FormProblems {
  const problems: FormProblems = vmRequestProblems(requestFor(draft, data, secrets), rulesContext(draft, data, checks));
  const group = resourceGroupOf(draft);
  const region = regionKey(draft.subscriptionId, draft.location);
  const listError = (what: string, list: ListState<unknown> | undefined) => (list?.error ? `${what} could not be listed: ${list.error}` : undefined);
  if (!group.isNew && !group.name) problems.resourceGroup = listError('Resource groups', data.groups.get(draft.subscriptionId)) ?? 'Resource group is required: choose an existing one, or create a new one.';
  if (!draft.location) problems.location = listError('Regions', data.locations.get(draft.subscriptionId)) ?? problems.location;
  if (draft.location && !problems.size) {
    const sizes = data.sizes.get(region);
    if (sizes?.error) problems.size = listError('Sizes', sizes);
    else if (!sizes) problems.size = 'Loading the sizes offered in the region…';
  }
  if (draft.image === otherImage) {
    const parsed = parseImageUrn(draft.imageUrn);
    const check = currentImageCheck(draft, checks);
    if ('problem' in parsed) problems.image = parsed.problem;
    else if (check?.status === 'missing' && check.message) problems.image = check.message;
    else if (!problems.image && draft.location && check?.status !== 'found') problems.image = `Checking that the image is offered in ${draft.location}…`;
  }
  if (!problems.name && !group.isNew && group.name && draft.subscriptionId) {
    const check = currentNameCheck(draft, checks);
    if (!check || check.status === 'checking') problems.name = 'Checking that the name is free in the resource group…';
    else if (check.status === 'taken' && check.message) problems.name = check.message;
  }
  const password = draft.osType === 'Windows' || draft.authKind === 'password';
  if (password && !problems.password && secrets.confirmPassword !== secrets.password) problems.confirmPassword = 'Confirm password must match the password.';
  if (draft.backup && draft.vaultMode === 'existing' && !draft.existingVaultId) {
    problems.vault = listError('Vaults', data.vaults.get(draft.subscriptionId)) ?? problems.vault;
  }
  // Names made from others wait for them: the network's from the VM's name, the vault's group from the VM's.
  if (problems.name && draft.name.trim() === '') {
    for (const field of ['networkSecurityGroupName', 'publicIpName', 'networkInterfaceName'] as const) delete problems[field];
    if (draft.networkMode === 'new' && !draft.touched.includes('virtualNetworkName') && draft.virtualNetworkName === '') delete problems.virtualNetwork;
  }
  if (draft.newVaultGroupMode === 'vm' && problems.resourceGroup) delete problems.vaultResourceGroup;
  if (draft.backup && draft.policyMode === 'new' && !draft.newPolicy) problems.policy = 'New policy is not written yet: choose “Create new policy…” again, fill it in and use it, or choose an existing policy.';
  if (draft.backup && draft.vaultMode === 'existing' && draft.existingVaultId && !problems.policy && !problems.vault) {
    const policies = data.policies.get(draft.existingVaultId.toLowerCase());
    if (policies?.error) problems.policy = listError('Policies', policies);
    else if (!policies) problems.policy = 'Loading the vault’s policies…';
  }
  return problems;
}

/** Whether a problem only waits for an answer from the host (said as progress, not as an error). */
export function isPending(problem: string | undefined): boolean {
  return problem !== undefined && /^(Checking|Loading)\b/.test(problem);
}

/** The vault a new policy is authored for: the chosen one, or the new one once it has a name, a group and a region. */
export function authorVaultOf(draft: CreateVmDraft): AuthorVault | undefined {
  if (draft.vaultMode === 'existing') return draft.existingVaultId ? { kind: 'existing', vaultId: draft.existingVaultId } : undefined;
  const name = draft.newVaultName.trim();
  const group = vaultGroupOf(draft).name;
  return name && group && draft.location && draft.subscriptionId ? { kind: 'new', subscriptionId: draft.subscriptionId, resourceGroup: group, name, location: draft.location } : undefined;
}
