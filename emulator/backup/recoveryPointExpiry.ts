import type { ProtectedItemRecord } from '../state/model';
import { pointGoneAt, pointsExpire } from './recoveryPointTiers';

/** When the item's next point disappears; never for an item whose points are retained. */
export function nextPointExpiry(item: ProtectedItemRecord): number {
  if (!pointsExpire(item)) return Number.POSITIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  for (const point of item.recoveryPoints) next = Math.min(next, pointGoneAt(point) ?? Number.POSITIVE_INFINITY);
  return next;
}

/** Removes the points whose last tier has ended; true when any went. */
export function dropExpiredPoints(item: ProtectedItemRecord, now: number): boolean {
  if (!pointsExpire(item)) return false;
  const kept = item.recoveryPoints.filter((point) => {
    const gone = pointGoneAt(point);
    return gone === undefined || now < gone;
  });
  if (kept.length === item.recoveryPoints.length) return false;
  item.recoveryPoints = kept;
  return true;
}
