import type { EmulatorContext } from '../context';
import { operationStatus } from '../operations';
import { advanceJobs } from './jobEngine';
import { completeDiscovery } from './discovery';
import { isForgotten, nextDeadline } from './deadlines';
import { completeGroupDeletion } from '../resources/resourceGroupDeletion';
import { dropExpiredPoints } from './recoveryPointExpiry';

/**
 * Brings everything that changes with time up to `now`: jobs end, discoveries land, soft-deleted
 * items are purged, recovery points past their expiry disappear, and old operations are forgotten. Called before every request; until the next
 * deadline nothing is due, so the state is not walked.
 */
export function advanceTime(context: EmulatorContext, now: number): void {
  if (now < nextDeadline(context)) return;
  for (const operation of Object.values(context.state.operations)) {
    if (operation.effectApplied || operationStatus(operation, now) === 'InProgress') continue;
    if (operation.kind === 'refreshContainers') {
      const vault = context.state.vaults[operation.resourceKey];
      if (vault) completeDiscovery(context, vault, operation);
    }
    if (operation.kind === 'resourceGroupDelete') completeGroupDeletion(context, operation);
    operation.effectApplied = true;
    context.changed();
  }
  for (const [id, operation] of Object.entries(context.state.operations)) {
    if (isForgotten(operation, now)) {
      delete context.state.operations[id];
      context.changed();
    }
  }
  for (const vault of Object.values(context.state.vaults)) {
    advanceJobs(context, vault, now);
    for (const [key, item] of Object.entries(vault.protectedItems)) {
      if (item.purgeAt !== undefined && now >= item.purgeAt) {
        delete vault.protectedItems[key];
        context.changed();
        continue;
      }
      if (dropExpiredPoints(item, now)) context.changed();
    }
  }
}
