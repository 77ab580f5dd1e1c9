import { parseArmId } from './armId';
import type { RecoveryPoint, RecoveryPointConsistency, RecoveryPointTier } from './model';

/** An IaasVMRecoveryPoint as Azure sends it (bms.json 2023-06-01), read as plain JSON. */
export interface RecoveryPointJson {
  id?: string;
  name?: string;
  properties?: {
    objectType?: string;
    recoveryPointType?: string;
    recoveryPointTime?: string;
    sourceVMStorageType?: string;
    isSourceVMEncrypted?: boolean;
    recoveryPointTierDetails?: RecoveryPointTierJson[];
    isManagedVirtualMachine?: boolean;
    virtualMachineSize?: string;
    osType?: string;
    zones?: string[];
    recoveryPointProperties?: { expiryTime?: string; ruleName?: string; isSoftDeleted?: boolean };
  };
}

export interface RecoveryPointTierJson {
  /** InstantRP, HardenedRP, ArchivedRP (older answers: 1, 2, 3). */
  type?: string | number;
  /** Valid, Disabled, Deleted, Rehydrated (older answers: 1, 2, 3, 4). */
  status?: string | number;
  extendedInfo?: Record<string, string>;
}

const consistencies: Record<string, RecoveryPointConsistency> = {
  appconsistent: 'application',
  filesystemconsistent: 'fileSystem',
  crashconsistent: 'crash',
};

/** The numeric enums of older answers (RecoveryPointTierType / RecoveryPointTierStatus: Invalid = 0). */
const tierTypes = ['Invalid', 'InstantRP', 'HardenedRP', 'ArchivedRP'];
const tierStatuses = ['Invalid', 'Valid', 'Disabled', 'Deleted', 'Rehydrated'];

/** Maps an IaaS VM recovery point; other objects (a workload's points) give undefined. */
export function toRecoveryPoint(json: RecoveryPointJson): RecoveryPoint | undefined {
  const properties = json.properties;
  if (!json.id || !properties || (properties.objectType !== undefined && properties.objectType !== 'IaasVMRecoveryPoint')) return undefined;
  const time = parseServiceTime(properties.recoveryPointTime);
  if (!time) return undefined;
  const { tier, rehydrated, rehydratedUntil } = tierOf(properties.recoveryPointTierDetails ?? []);
  const expiry = parseServiceTime(properties.recoveryPointProperties?.expiryTime);
  const osType = properties.osType?.toLowerCase() === 'windows' ? 'Windows' : properties.osType?.toLowerCase() === 'linux' ? 'Linux' : undefined;
  return {
    id: json.id,
    name: json.name ?? parseArmId(json.id).name,
    time,
    consistency: consistencies[(properties.recoveryPointType ?? '').toLowerCase()] ?? 'unknown',
    tier,
    rehydrated,
    ...(rehydratedUntil ? { rehydratedUntil } : {}),
    ...(expiry ? { expiry } : {}),
    zones: [...(properties.zones ?? [])],
    ...(properties.virtualMachineSize ? { vmSize: properties.virtualMachineSize } : {}),
    ...(osType ? { osType } : {}),
    managed: properties.isManagedVirtualMachine === true,
    encrypted: properties.isSourceVMEncrypted === true,
    premiumDisks: /premium/i.test(properties.sourceVMStorageType ?? ''),
    raw: json,
  };
}

/**
 * Where a point restores from, read from its tier details as Azure's CLI and PowerShell read them
 * (azure-cli backup/custom_common.py fetch_tier_for_rp; Az.RecoveryServices RecoveryPoint
 * conversion): a Valid snapshot (InstantRP) and vault copy (HardenedRP) make 'snapshotAndVault';
 * a snapshot alone 'snapshot' (also when an archived copy exists: the snapshot restores first); a
 * vault copy alone 'vault'; an archived copy (ArchivedRP Valid or Rehydrated) without a snapshot
 * 'archive', rehydrated when Azure says Rehydrated or a vault copy exists beside it.
 */
export function tierOf(details: readonly RecoveryPointTierJson[]): { tier: RecoveryPointTier; rehydrated: boolean; rehydratedUntil?: Date } {
  let snapshot = false;
  let vault = false;
  let archived = false;
  let rehydratedStatus = false;
  let rehydratedUntil: Date | undefined;
  for (const detail of details) {
    const type = enumText(detail.type, tierTypes);
    const status = enumText(detail.status, tierStatuses);
    if (type === 'ArchivedRP' && status === 'Rehydrated') {
      archived = true;
      rehydratedStatus = true;
      rehydratedUntil = parseServiceTime(detail.extendedInfo?.['RehydratedRPExpiryTime']);
    }
    if (status !== 'Valid') continue;
    if (type === 'InstantRP') snapshot = true;
    if (type === 'HardenedRP') vault = true;
    if (type === 'ArchivedRP') archived = true;
  }
  if (archived && !snapshot) return { tier: 'archive', rehydrated: rehydratedStatus || vault, ...(rehydratedUntil ? { rehydratedUntil } : {}) };
  if (snapshot && vault) return { tier: 'snapshotAndVault', rehydrated: false };
  if (snapshot) return { tier: 'snapshot', rehydrated: false };
  return { tier: 'vault', rehydrated: false };
}

/**
 * A time as the Backup service writes it: ISO 8601, or (older fields) 'M/d/yyyy h:mm:ss tt' in
 * UTC. Undefined when there is none or it cannot be read.
 */
export function parseServiceTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)$/i.exec(text.trim());
  if (us) {
    const [, month, day, year, hour, minute, second, half] = us;
    const hours = (Number(hour) % 12) + (half!.toUpperCase() === 'PM' ? 12 : 0);
    return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), hours, Number(minute), Number(second)));
  }
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function enumText(value: string | number | undefined, names: readonly string[]): string | undefined {
  return typeof value === 'number' ? names[value] : value;
}
