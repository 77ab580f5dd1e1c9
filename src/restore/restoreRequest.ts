// What the restore form produces and the data layer sends: plain data, no vscode and no SDK, so
// the host and the webview bundle share it (restoreRules.ts checks it, restoreRequestBody.ts maps
// it to Azure's IaasVMRestoreRequest). Sources: learn.microsoft.com "Restore Azure VMs with REST
// API" and "How to restore Azure VM data in Azure portal"; AZURE-BACKUP-FACTS.md "Restore (IaaS VM)".
import type { ProtectedVm, RecoveryPoint, Vault } from '../azure/model';

/**
 * Create a new VM (AlternateLocation), restore disks and a template to build a VM from them
 * (RestoreDisks), or replace the disks of the VM that was backed up (OriginalLocation).
 */
export type RestoreType = 'newVm' | 'restoreDisks' | 'replaceDisks';

export const restoreTypes: readonly RestoreType[] = ['newVm', 'restoreDisks', 'replaceDisks'];

/** Each type in one line, as the form explains it. */
export const restoreTypeDescriptions: Record<RestoreType, { label: string; description: string }> = {
  newVm: { label: 'Create a new VM', description: 'Creates a VM from the point in the resource group and network you choose; the backed-up VM is left as it is.' },
  restoreDisks: { label: 'Restore disks', description: 'Creates managed disks from the point and a template in the staging storage account to build a VM from them.' },
  replaceDisks: {
    label: 'Replace existing disks',
    description: "Swaps the backed-up VM's disks for the point's; its current disks stay in its resource group.",
  },
};

export type RehydrationPriority = 'Standard' | 'High';

export const rehydrationPriorities: readonly RehydrationPriority[] = ['Standard', 'High'];

/**
 * How long a rehydrated archive point stays in the vault tier: 10 to 30 days, 15 by default
 * (learn.microsoft.com "Use Archive tier support": "ranging from a period of 10 to 30 days. The
 * default is 15 days"; Azure's CLI also defaults to 15).
 */
export const rehydrationDays = { min: 10, max: 30, default: 15 } as const;

/** What decides how a point restores: JSON-safe (no dates), so the webview holds it too. */
export type RestorePointFacts = Pick<RecoveryPoint, 'id' | 'name' | 'tier' | 'rehydrated' | 'zones' | 'managed' | 'encrypted' | 'premiumDisks' | 'osType'>;

/** What is restored: a point of a protected VM, chosen before the form opens. */
export interface RestoreSource {
  vaultId: string;
  /** The vault's region: every restore lands in it (the request's `region`). */
  vaultLocation: string;
  /** The backed-up VM's ARM id (sourceResourceId) and name. */
  virtualMachineId: string;
  vmName: string;
  point: RestorePointFacts;
}

/** Where an archive-tier point is rehydrated to before it restores, and for how long. */
export interface RehydrationChoice {
  priority: RehydrationPriority;
  /** Whole days, rehydrationDays.min to .max. */
  days: number;
}

/** The restore the form asks for. Fields a type does not use are ignored by the mapping and the rules. */
export interface RestoreRequest {
  source: RestoreSource;
  type: RestoreType;
  /** newVm and restoreDisks (managed VMs): an existing resource group of the vault's subscription. */
  targetResourceGroup: string;
  /** newVm: the new VM's name. */
  vmName: string;
  /** newVm: an existing virtual network of the vault's region, and one of its subnets by name. */
  virtualNetworkId: string;
  subnetName: string;
  /** Every type: the staging storage account's ARM id (same region as the vault). */
  stagingStorageAccountId: string;
  /** newVm and restoreDisks: '1', '2' or '3'; undefined restores as the point was (its own zone, if any). */
  zone?: string;
  /** Needed when the point is only in the archive tier (not rehydrated). */
  rehydration?: RehydrationChoice;
  /** replaceDisks: the backed-up VM's name, typed exactly to confirm. */
  confirmVmName: string;
}

/** The source of a restore of `point`, a point of the protected VM `item` of `vault` (only its JSON-safe facts). */
export function restoreSourceOf(vault: Pick<Vault, 'id' | 'location'>, item: Pick<ProtectedVm, 'virtualMachineId' | 'name'>, point: RecoveryPoint): RestoreSource {
  const { id, name, tier, rehydrated, zones, managed, encrypted, premiumDisks, osType } = point;
  return {
    vaultId: vault.id,
    vaultLocation: vault.location,
    virtualMachineId: item.virtualMachineId,
    vmName: item.name,
    point: { id, name, tier, rehydrated, zones: [...zones], managed, encrypted, premiumDisks, ...(osType ? { osType } : {}) },
  };
}

/** Whether a point must be rehydrated from the archive tier before it restores. */
export function needsRehydration(point: Pick<RestorePointFacts, 'tier' | 'rehydrated'>): boolean {
  return point.tier === 'archive' && !point.rehydrated;
}

/** The subscription of an ARM id (`/subscriptions/{s}/…`), or '' when it has none. */
export function subscriptionOf(id: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
}
