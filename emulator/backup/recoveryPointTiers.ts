import type { ProtectedItemRecord, RecoveryPointRecord } from '../state/model';

/**
 * Where a recovery point lives at a moment, worked out from its times alone, so tiers drop by
 * themselves as the clock moves (nothing is stored when a snapshot goes or a point is archived).
 *
 * Azure's tiers (bms.json RecoveryPointTierInformationV2, and "Instant restore capability",
 * learn.microsoft.com/azure/backup/backup-instant-restore-capability): InstantRP is the snapshot
 * kept for the policy's instantRpRetentionRangeInDays; HardenedRP is the copy in the vault, kept
 * per the retention rules; ArchivedRP is the vault copy moved to the archive tier (monthly and
 * yearly points of an Enhanced policy with tiering). A point whose snapshot has gone still lists
 * it as Deleted, and an archived one lists HardenedRP as Deleted (the RecoveryPoints_List example
 * of 2023-06-01 shows both).
 */
export interface PointTiers {
  snapshot: boolean;
  vault: boolean;
  archive: boolean;
  /** The archived copy has been rehydrated by a restore and can be read until rehydratedUntil. */
  rehydrated: boolean;
}

const at = (time: string | undefined) => (time === undefined ? undefined : Date.parse(time));

export function tiersOf(point: RecoveryPointRecord, now: number, keepsExpired = false): PointTiers {
  const expires = keepsExpired ? undefined : at(point.expiresAt);
  const live = expires === undefined || now < expires;
  const snapshotUntil = at(point.snapshotUntil);
  const archivedAt = at(point.archivedAt);
  const archived = archivedAt !== undefined && now >= archivedAt;
  const rehydratedUntil = at(point.rehydratedUntil);
  return {
    snapshot: snapshotUntil !== undefined && now < snapshotUntil,
    vault: live && !archived,
    archive: live && archived,
    rehydrated: live && archived && rehydratedUntil !== undefined && now < rehydratedUntil,
  };
}

/** Whether anything of the point is left. */
export function isAvailable(tiers: PointTiers): boolean {
  return tiers.snapshot || tiers.vault || tiers.archive;
}

/** A point that can only be restored after rehydration: archived, not rehydrated, no snapshot. */
export function needsRehydration(tiers: PointTiers): boolean {
  return tiers.archive && !tiers.rehydrated && !tiers.snapshot;
}

/**
 * Whether the item's points expire now. A VM whose protection was stopped with its data retained
 * keeps every point until its data is deleted ("Stop protection and retain backup data": the
 * recovery points are retained indefinitely, learn.microsoft.com/azure/backup/backup-azure-manage-vms).
 */
export function pointsExpire(item: ProtectedItemRecord): boolean {
  return item.protectionState !== 'ProtectionStopped' || item.softDeletedAt !== undefined;
}

/** When the point disappears (its last tier ends), or undefined when it never does by itself. */
export function pointGoneAt(point: RecoveryPointRecord): number | undefined {
  const expires = at(point.expiresAt);
  if (expires === undefined) return undefined;
  return Math.max(expires, at(point.snapshotUntil) ?? expires);
}

/** The item's points that are still there at `now`, oldest first (as stored). */
export function availablePoints(item: ProtectedItemRecord, now: number): RecoveryPointRecord[] {
  const keep = !pointsExpire(item);
  return item.recoveryPoints.filter((point) => isAvailable(tiersOf(point, now, keep)));
}
