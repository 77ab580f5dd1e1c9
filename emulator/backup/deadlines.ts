import type { OperationRecord } from '../state/model';
import { derived } from '../state/derived';
import { jobDueAt } from './jobEngine';
import { nextPointExpiry } from './recoveryPointExpiry';

/** How long an ended operation can still be asked about. */
export const operationMemoryMs = 24 * 3600 * 1000;

/** Whether an operation has been kept long enough to be forgotten. */
export function isForgotten(operation: OperationRecord, now: number): boolean {
  return now - operation.endTime > operationMemoryMs;
}

/**
 * The earliest time anything that advanceTime brings up to date can next change: an operation
 * ends (or is forgotten), a job ends, a soft-deleted item is purged, a recovery point expires (its
 * tiers need no deadline: they are worked out from their times when read). Before it, advancing finds
 * nothing to do. Worked out again after every change to the state; it may come early (then a walk
 * finds nothing), never late.
 */
export const nextDeadline = derived((state, context) => {
  let deadline = Number.POSITIVE_INFINITY;
  for (const operation of Object.values(state.operations)) {
    if (!operation.effectApplied) deadline = Math.min(deadline, operation.endTime);
    // A millisecond early, so that rounding in isForgotten can never make it late.
    deadline = Math.min(deadline, operation.endTime + operationMemoryMs - 1);
  }
  for (const vault of Object.values(state.vaults)) {
    for (const job of Object.values(vault.jobs)) {
      if (job.endTime === undefined) deadline = Math.min(deadline, jobDueAt(context, job));
    }
    for (const item of Object.values(vault.protectedItems)) {
      if (item.purgeAt !== undefined) deadline = Math.min(deadline, item.purgeAt);
      deadline = Math.min(deadline, nextPointExpiry(item));
    }
  }
  return deadline;
});
