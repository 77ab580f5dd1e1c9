// Which storage accounts Azure Backup takes as a restore's staging location, from learn.microsoft.com
// "How to restore Azure VM data in Azure portal", Storage accounts: same region as the vault; blob
// storage isn't supported; zone-redundant storage (ZRS) isn't supported; premium accounts aren't
// supported for VMs without premium disks, nor (with network rules) for managed VMs. The form offers
// only accounts without a problem; the rules check the chosen one again.
import type { RestorePointFacts } from './restoreRequest';
import type { StagingAccountInfo } from './restoreRulesContext';

/** Kinds that cannot hold what a restore writes (page blobs of unmanaged disks, the template, the VM config). */
const refusedKinds = new Set(['blobstorage', 'blockblobstorage', 'filestorage']);

export interface StagingTarget {
  /** The vault's region. */
  vaultLocation: string;
  point: Pick<RestorePointFacts, 'managed' | 'premiumDisks'>;
}

export function isZoneRedundantSku(skuName: string): boolean {
  // Standard_ZRS and Premium_ZRS, and the geo-zone-redundant Standard_GZRS / Standard_RAGZRS.
  return /ZRS$/i.test(skuName);
}

export function isPremiumSku(skuName: string): boolean {
  return /^Premium_/i.test(skuName);
}

/** Why Azure would refuse this account as the staging location, or undefined. */
export function stagingAccountProblem(account: StagingAccountInfo, target: StagingTarget): string | undefined {
  const label = `Staging storage account ${account.name}`;
  if (sameRegion(account.location, target.vaultLocation) === false) {
    return `${label} is in ${account.location}: it must be in the vault's region (${target.vaultLocation}). Choose an account there, or create one.`;
  }
  if (refusedKinds.has(account.kind.toLowerCase())) {
    return `${label} is a ${account.kind} account: Azure Backup needs a general-purpose account (StorageV2). Choose another, or create one.`;
  }
  if (isZoneRedundantSku(account.skuName)) {
    return `${label} is zone-redundant (${account.skuName}): Azure Backup refuses ZRS staging accounts. Choose a locally- or geo-redundant account (LRS or GRS).`;
  }
  if (isPremiumSku(account.skuName) && !target.point.premiumDisks) {
    return `${label} is a premium account (${account.skuName}) and the VM was backed up with standard disks: choose a standard account.`;
  }
  if (isPremiumSku(account.skuName) && target.point.managed && account.networkDefaultAction === 'Deny') {
    return `${label} is a premium account with network rules: Azure Backup refuses it for a VM with managed disks. Choose a standard account, or one without network rules.`;
  }
  return undefined;
}

/** The accounts the form offers: those Azure takes, by name. */
export function acceptedStagingAccounts(accounts: readonly StagingAccountInfo[], target: StagingTarget): StagingAccountInfo[] {
  return accounts.filter((account) => stagingAccountProblem(account, target) === undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** Region names compare without case or spaces ('West Europe' is westeurope); false only when both are known and differ. */
export function sameRegion(a: string | undefined, b: string | undefined): boolean | undefined {
  if (!a || !b) return undefined;
  const key = (region: string) => region.toLowerCase().replace(/\s+/g, '');
  return key(a) === key(b);
}
