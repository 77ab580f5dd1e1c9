// The Create VM form's draft: what the user has typed and chosen, kept with the webview's setState
// so it survives hide/show and a window reload. The saved state holds the draft and the panel's
// identity, never fetched data and never the password (setState writes to disk): after a reload
// the password is typed again.
import type { PolicyDraft } from '../../policy/policyDraft';
import type { InboundPort, OsDiskType, OsType, VmCreateRequest, VmImageReference } from '../../vmCreation/vmCreateRequest';
import { defaultImage, defaultOsDiskType, defaultVmSize, parseImageUrn, popularImages } from '../../vmCreation/vmImages';
import type { CreateVmIdentity, CreateVmPreset } from './createVmProtocol';
import { inboundPorts, osDiskTypes, osTypes, zones } from './createVmRequestGuard';
import { isArrayOf, isBoolean, isOneOf, isOptional, isShape, isText } from './messageGuards';
import { emptyPlacement, placementGuards, resourceGroupOf, type PlacementDraft } from './placementDraft';
import { isPolicyDraft } from './policyDraftGuard';

/** The image picker's value for "Other image (URN)…". */
export const otherImage = 'urn';

/** How the new vault's resource group is chosen: the VM's own, another existing one, or a new one. */
export type VaultGroupMode = 'vm' | 'existing' | 'new';

export interface CreateVmDraft extends PlacementDraft {
  zone: '' | '1' | '2' | '3';
  /** A popular image's id (vmImages), or `otherImage`. */
  image: string;
  /** As typed, publisher:offer:sku:version. */
  imageUrn: string;
  /** The popular image's OS, or the custom image's as the host found it (else as the user says). */
  osType: OsType;
  size: string;
  adminUsername: string;
  authKind: 'sshPublicKey' | 'password';
  sshPublicKey: string;
  /** The file the key was loaded from, shown beside it. */
  sshKeyFile: string;
  inboundPorts: InboundPort[];
  osDiskType: OsDiskType;
  networkMode: 'new' | 'existing';
  virtualNetworkName: string;
  addressPrefix: string;
  subnetName: string;
  subnetPrefix: string;
  existingVirtualNetworkId: string;
  existingSubnet: string;
  publicIp: boolean;
  backup: boolean;
  vaultMode: 'existing' | 'new';
  existingVaultId: string;
  newVaultName: string;
  newVaultGroupMode: VaultGroupMode;
  newVaultExistingGroup: string;
  newVaultNewGroup: string;
  policyMode: 'existing' | 'new';
  /** The vault's policy (DefaultPolicy by default). */
  policyName: string;
  /** The policy authored in the policy editor, created by the deployment. */
  newPolicy?: PolicyDraft;
  /** Fields the user has changed: their messages show as they type, the others' after Review; suggested names follow the VM name until changed. */
  touched: string[];
}

export interface CreateVmState {
  identity: CreateVmIdentity;
  draft: CreateVmDraft;
}

/** What is never saved: the password and its confirmation. */
export interface CreateVmSecrets {
  password: string;
  confirmPassword: string;
}

export const noSecrets: CreateVmSecrets = { password: '', confirmPassword: '' };

export function emptyDraft(preset: CreateVmPreset = {}): CreateVmDraft {
  const size = defaultVmSize(defaultImage.osType);
  return {
    ...emptyPlacement(preset),
    zone: '',
    image: defaultImage.id,
    imageUrn: '',
    osType: defaultImage.osType,
    size,
    adminUsername: 'azureuser',
    authKind: defaultImage.osType === 'Windows' ? 'password' : 'sshPublicKey',
    sshPublicKey: '',
    sshKeyFile: '',
    inboundPorts: [defaultPort(defaultImage.osType)],
    osDiskType: defaultOsDiskType(size),
    networkMode: 'new',
    virtualNetworkName: '',
    addressPrefix: '10.0.0.0/16',
    subnetName: 'default',
    subnetPrefix: '10.0.0.0/24',
    existingVirtualNetworkId: '',
    existingSubnet: '',
    publicIp: true,
    backup: true,
    vaultMode: preset.vaultId ? 'existing' : 'new',
    existingVaultId: preset.vaultId ?? '',
    newVaultName: '',
    newVaultGroupMode: 'vm',
    newVaultExistingGroup: '',
    newVaultNewGroup: '',
    policyMode: 'existing',
    policyName: 'DefaultPolicy',
    touched: [],
  };
}

/** The port a VM of this OS is reached by: SSH for Linux, RDP for Windows. */
export function defaultPort(osType: OsType): InboundPort {
  return osType === 'Windows' ? 'RDP' : 'SSH';
}

/** The image the draft names: a popular one, or the URN as typed (split in four; its problems are the rules'). */
export function imageOf(draft: CreateVmDraft): VmImageReference {
  if (draft.image !== otherImage) return (popularImages.find((image) => image.id === draft.image) ?? defaultImage).image;
  const parsed = parseImageUrn(draft.imageUrn);
  if (!('problem' in parsed)) return parsed;
  const [publisher = '', offer = '', sku = '', version = ''] = draft.imageUrn.trim().split(':');
  return { publisher, offer, sku, version };
}

/** The new vault's resource group as the request names it. */
export function vaultGroupOf(draft: CreateVmDraft): { name: string; isNew: boolean } {
  switch (draft.newVaultGroupMode) {
    case 'vm':
      return resourceGroupOf(draft);
    case 'existing':
      return { name: draft.newVaultExistingGroup.trim(), isNew: false };
    case 'new':
      return { name: draft.newVaultNewGroup.trim(), isNew: true };
  }
}

/** The request the draft stands for (validated separately with vmRequestProblems). */
export function requestOf(draft: CreateVmDraft, secrets: CreateVmSecrets = noSecrets): VmCreateRequest {
  const windows = draft.osType === 'Windows';
  const password = windows || draft.authKind === 'password';
  return {
    subscriptionId: draft.subscriptionId,
    resourceGroup: resourceGroupOf(draft),
    name: draft.name.trim(),
    location: draft.location,
    ...(draft.zone ? { zone: draft.zone } : {}),
    osType: draft.osType,
    image: imageOf(draft),
    size: draft.size,
    adminUsername: draft.adminUsername.trim(),
    authentication: password ? { kind: 'password', password: secrets.password } : { kind: 'sshPublicKey', publicKey: draft.sshPublicKey.trim() },
    inboundPorts: inboundPorts.filter((port) => draft.inboundPorts.includes(port)),
    osDiskType: draft.osDiskType,
    network: draft.networkMode === 'new'
      ? { kind: 'new', virtualNetworkName: draft.virtualNetworkName.trim(), addressPrefix: draft.addressPrefix.trim(), subnetName: draft.subnetName.trim(), subnetPrefix: draft.subnetPrefix.trim() }
      : { kind: 'existing', virtualNetworkId: draft.existingVirtualNetworkId, subnetName: draft.existingSubnet },
    publicIp: draft.publicIp,
    backup: draft.backup
      ? {
          enabled: true,
          vault: draft.vaultMode === 'existing' ? { kind: 'existing', vaultId: draft.existingVaultId } : { kind: 'new', name: draft.newVaultName.trim(), resourceGroup: vaultGroupOf(draft) },
          policy: draft.policyMode === 'new' && draft.newPolicy ? { kind: 'new', draft: draft.newPolicy } : { kind: 'existing', name: draft.policyName },
        }
      : { enabled: false },
  };
}

const text = isText(1_000);
const isDraft = isShape<CreateVmDraft>({
  ...placementGuards(text),
  zone: isOneOf(['', ...zones] as const),
  image: text,
  imageUrn: text,
  osType: isOneOf(osTypes),
  size: text,
  adminUsername: text,
  authKind: isOneOf(['sshPublicKey', 'password'] as const),
  sshPublicKey: isText(16_000),
  sshKeyFile: text,
  inboundPorts: isArrayOf(isOneOf(inboundPorts), 4),
  osDiskType: isOneOf(osDiskTypes),
  networkMode: isOneOf(['new', 'existing'] as const),
  virtualNetworkName: text,
  addressPrefix: text,
  subnetName: text,
  subnetPrefix: text,
  existingVirtualNetworkId: text,
  existingSubnet: text,
  publicIp: isBoolean,
  backup: isBoolean,
  vaultMode: isOneOf(['existing', 'new'] as const),
  existingVaultId: text,
  newVaultName: text,
  newVaultGroupMode: isOneOf(['vm', 'existing', 'new'] as const),
  newVaultExistingGroup: text,
  newVaultNewGroup: text,
  policyMode: isOneOf(['existing', 'new'] as const),
  policyName: text,
  newPolicy: isOptional(isPolicyDraft),
  touched: isArrayOf(isText(50), 100),
});

/** A saved state as VS Code hands it back (after a reload it may come from an older version). */
export const isCreateVmState = isShape<CreateVmState>({
  identity: isShape<CreateVmIdentity>({ formId: isText(100), subscriptionId: isOptional(text), location: isOptional(text), vaultId: isOptional(text) }),
  draft: isDraft,
});
