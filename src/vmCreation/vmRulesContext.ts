// What only the host can know about a VM creation (the region's sizes and zones, names already
// taken, existing networks and vaults), as plain data: the host reads it through vmCatalog and hands
// it to the webview, so both check a request with the same rules (vmRequestProblems).
import type { OsType } from './vmCreateRequest';

export interface VmSizeInfo {
  /** e.g. Standard_D2s_v5 */
  name: string;
  vCpus: number;
  memoryMb: number;
  /** Takes Premium SSD disks (from the size's name, see sizeSupportsPremiumDisks). */
  premiumDisks: boolean;
}

export interface SubnetInfo {
  id: string;
  name: string;
  /** The subnet's first address prefix, when it has one. */
  addressPrefix?: string;
}

export interface VirtualNetworkInfo {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  addressPrefixes: string[];
  subnets: SubnetInfo[];
}

export interface VaultPolicyInfo {
  name: string;
  kind: 'Standard' | 'Enhanced';
  /** The policy's own restore point collection resource group pattern, when it sets one. */
  instantRpResourceGroup?: { prefix: string; suffix: string };
}

export interface VaultInfo {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** Its AzureIaasVM policies, when loaded. */
  policies?: VaultPolicyInfo[];
}

/** What the catalog says of an image in the region: null when it does not exist there. */
export interface ImageInfo {
  osType: OsType;
  /** Hyper-V generation: V2 needs a size that supports Gen2. */
  generation?: 'V1' | 'V2';
}

/** Names already used in the VM's resource group, by kind (a PUT with such a name would change that resource). */
export interface TakenNetworkNames {
  virtualNetworks?: readonly string[];
  networkSecurityGroups?: readonly string[];
  publicIpAddresses?: readonly string[];
  networkInterfaces?: readonly string[];
}

/**
 * Everything is optional: a rule whose facts are not known yet (still loading, or the webview
 * before the host answered) is skipped rather than guessed.
 */
export interface VmRulesContext {
  /** Sizes offered in the VM's region. */
  sizes?: readonly VmSizeInfo[];
  /** Availability zones of the region ([] when it has none). */
  zones?: readonly string[];
  /** VM names in the VM's resource group. */
  takenVmNames?: readonly string[];
  takenNetworkNames?: TakenNetworkNames;
  /** Virtual networks in the VM's region and subscription (any resource group). */
  virtualNetworks?: readonly VirtualNetworkInfo[];
  /** The subscription's resource group names. */
  resourceGroups?: readonly string[];
  /** Vaults of the subscription the form knows (with their policies for the VM's region). */
  vaults?: readonly VaultInfo[];
  /** Every vault name in the subscription (vault names are unique per subscription). */
  takenVaultNames?: readonly string[];
  /** The chosen image as the catalog found it in the region; null: it does not exist there. */
  image?: ImageInfo | null;
}
