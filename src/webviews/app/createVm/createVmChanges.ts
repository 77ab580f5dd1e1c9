// What one change of the user means for the rest of the draft, as the portal does it: a new
// subscription or region forgets what belonged to the old one, the image sets the OS, the OS the
// ports, sign-in and default size, the size the disk; suggested names follow the VM's name and
// region until the user types their own. Pure: the app applies it and saves the result.
import { suggestVaultName, suggestVirtualNetwork } from '../../../vmCreation/suggestedNames';
import { defaultOsDiskType, defaultVmSize, osDiskTypeInfo, popularImages, sizeSupportsPremiumDisks } from '../../../vmCreation/vmImages';
import type { OsType } from '../../../vmCreation/vmCreateRequest';
import { defaultPort, otherImage, type CreateVmDraft } from '../../shared/createVmDraft';
import type { DraftChange } from './createVmFormParts';
import { policiesOf, regionKey, takenNetworkNamesOf, vaultsInRegion, type FormData } from './createVmModel';

/** The draft after the user's change (and what follows from it), with the field marked touched. */
export function applyChange(draft: CreateVmDraft, change: DraftChange, data: FormData): CreateVmDraft {
  let next = { ...draft, [change.field]: change.value } as CreateVmDraft;
  if (!next.touched.includes(change.field)) next.touched = [...next.touched, change.field];
  switch (change.field) {
    case 'subscriptionId':
      next = { ...next, existingResourceGroup: '', location: '', zone: '', existingVirtualNetworkId: '', existingSubnet: '', existingVaultId: '', newVaultExistingGroup: '' };
      break;
    case 'location':
      next = { ...next, zone: '', existingVirtualNetworkId: '', existingSubnet: '' };
      if (!vaultsInRegion(next, data).some((vault) => vault.id === next.existingVaultId)) next.existingVaultId = '';
      next = withSuggestedVaultName(next, data);
      next = withSize(next, data);
      break;
    case 'image': {
      const popular = popularImages.find((image) => image.id === next.image);
      if (popular) next = withOsType(next, popular.osType, data);
      break;
    }
    case 'osType':
      next = withOsType(next, next.osType, data, true);
      break;
    case 'size':
      next = withDiskFor(next);
      break;
    case 'name':
    case 'existingResourceGroup':
    case 'resourceGroupMode':
      next = withSuggestedNetwork(next, data);
      break;
    case 'existingVirtualNetworkId': {
      const network = data.networks.get(regionKey(next.subscriptionId, next.location))?.items.find((candidate) => candidate.id === next.existingVirtualNetworkId);
      next.existingSubnet = network?.subnets[0]?.name ?? '';
      break;
    }
    case 'vaultMode':
    case 'existingVaultId':
      next = withPolicyOf(next, data);
      break;
    case 'policyName':
      next.policyMode = 'existing';
      break;
    default:
      break;
  }
  return next;
}

/** A new OS: the sign-in it takes, its port, its default size, unless the user chose them. */
export function withOsType(draft: CreateVmDraft, osType: OsType, data: FormData, force = false): CreateVmDraft {
  if (draft.osType === osType && !force) return draft;
  const next: CreateVmDraft = { ...draft, osType };
  if (osType === 'Windows') next.authKind = 'password';
  else if (!draft.touched.includes('authKind')) next.authKind = 'sshPublicKey';
  if (!draft.touched.includes('inboundPorts')) next.inboundPorts = [defaultPort(osType)];
  if (!draft.touched.includes('size')) return withSize({ ...next, size: defaultVmSize(osType) }, data);
  return next;
}

/**
 * The size the region offers: the chosen one when offered; else (unless the user chose one) the
 * OS's default, or the first of the list. The disk follows.
 */
export function withSize(draft: CreateVmDraft, data: FormData): CreateVmDraft {
  const sizes = data.sizes.get(regionKey(draft.subscriptionId, draft.location));
  if (!sizes || sizes.error || sizes.items.length === 0 || draft.touched.includes('size')) return withDiskFor(draft);
  const offered = (name: string) => sizes.items.find((size) => size.name.toLowerCase() === name.toLowerCase())?.name;
  const size = offered(draft.size) ?? offered(defaultVmSize(draft.osType)) ?? sizes.items[0]!.name;
  return withDiskFor({ ...draft, size });
}

/** Premium SSD only for sizes that take it: an untouched (or now impossible) disk type follows the size. */
function withDiskFor(draft: CreateVmDraft): CreateVmDraft {
  const info = osDiskTypeInfo(draft.osDiskType);
  const impossible = info?.premium === true && !sizeSupportsPremiumDisks(draft.size);
  if (draft.touched.includes('osDiskType') && !impossible) return draft;
  const osDiskType = defaultOsDiskType(draft.size);
  return draft.osDiskType === osDiskType ? draft : { ...draft, osDiskType };
}

/** The new virtual network's name follows the VM's (unique in its resource group), until the user types one. */
export function withSuggestedNetwork(draft: CreateVmDraft, data: FormData): CreateVmDraft {
  if (draft.touched.includes('virtualNetworkName') || draft.name.trim() === '') return draft;
  const virtualNetworkName = suggestVirtualNetwork(draft.name.trim(), takenNetworkNamesOf(draft, data)?.virtualNetworks).virtualNetworkName;
  return virtualNetworkName === draft.virtualNetworkName ? draft : { ...draft, virtualNetworkName };
}

/** A new vault's name names the region: suggested when the region is known, until the user types one. */
export function withSuggestedVaultName(draft: CreateVmDraft, data: FormData, random?: () => number): CreateVmDraft {
  if (draft.touched.includes('newVaultName') || !draft.location) return draft;
  if (draft.newVaultName && draft.newVaultName.includes(draft.location.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 36))) return draft;
  const taken = data.vaults.get(draft.subscriptionId)?.items.map((vault) => vault.name);
  return { ...draft, newVaultName: suggestVaultName(draft.location, taken, random) };
}

/** The vault's policy: the one chosen when the vault has it, else DefaultPolicy, else its first. */
export function withPolicyOf(draft: CreateVmDraft, data: FormData): CreateVmDraft {
  const policies = policiesOf(draft, data);
  if (!policies || policies.error || draft.policyMode === 'new') return draft;
  const has = (name: string) => policies.items.find((policy) => policy.name.toLowerCase() === name.toLowerCase())?.name;
  const policyName = has(draft.policyName) ?? has('DefaultPolicy') ?? policies.items[0]?.name ?? '';
  return policyName === draft.policyName ? draft : { ...draft, policyName };
}

/** Whether the draft's image is "Other image (URN)…". */
export function usesUrn(draft: CreateVmDraft): boolean {
  return draft.image === otherImage;
}
