// What only the host can know about a restore (the backed-up VM as it is now, the subscription's
// resource groups, networks and storage accounts, names taken), as plain data: the host reads it
// and hands it to the webview, so both check a request with the same rules (restoreRequestProblems).
import type { StorageRedundancy } from '../azure/model';
import type { VirtualNetworkInfo } from '../vmCreation/vmRulesContext';

export interface ResourceGroupInfo {
  name: string;
  location: string;
}

/** A storage account as the staging-account rules read it (Microsoft.Storage/storageAccounts). */
export interface StagingAccountInfo {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** StorageV2, Storage, BlobStorage, BlockBlobStorage, FileStorage */
  kind: string;
  /** e.g. Standard_LRS, Standard_GRS, Standard_ZRS, Premium_LRS */
  skuName: string;
  /** false: the account refuses key-signed requests, so a SAS of the restore's template cannot be used. */
  allowSharedKeyAccess?: boolean;
  /** 'Deny' when the account's firewall allows only the networks it lists. */
  networkDefaultAction?: 'Allow' | 'Deny';
}

/** The backed-up VM as it is now. */
export interface SourceVmInfo {
  id: string;
  name: string;
  location: string;
  /** Its OS disk is a managed disk. */
  managed: boolean;
  /** Azure Disk Encryption is on (osDisk.encryptionSettings, or the ADE extension). */
  encrypted?: boolean;
  osType?: 'Windows' | 'Linux';
}

/**
 * Everything is optional: a rule whose facts are not known yet (still loading, or the webview
 * before the host answered) is skipped rather than guessed.
 */
export interface RestoreRulesContext {
  /** The vault's storage redundancy: restoring to another zone needs ZoneRedundant. */
  vaultRedundancy?: StorageRedundancy;
  /** The backed-up VM now; null: it no longer exists. */
  sourceVm?: SourceVmInfo | null;
  /** The subscription's resource groups. */
  resourceGroups?: readonly ResourceGroupInfo[];
  /** VM names in the target resource group. */
  takenVmNames?: readonly string[];
  /** Virtual networks the form offers: those of the vault's region (one from elsewhere is refused either way). */
  virtualNetworks?: readonly VirtualNetworkInfo[];
  /** Storage accounts of the subscription (any region and kind: the rules say which Azure takes). */
  storageAccounts?: readonly StagingAccountInfo[];
  /** The availability zones of the vault's region ([] when it has none). */
  zones?: readonly string[];
}
