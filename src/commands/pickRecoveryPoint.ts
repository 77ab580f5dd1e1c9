import { l10n } from 'vscode';
import type { ProtectedVm, RecoveryPoint } from '../azure/model';
import { recentRecoveryPointDays, type RecoveryPointRange } from '../azure/recoveryPoints';
import { consistencyText, expiryText, tierText } from '../tree/recoveryPointText';
import { absoluteTime } from '../ui/timeText';
import type { PickItem } from '../ui/userPrompts';
import { askDateRange } from './showOlderRecoveryPoints';
import type { FlowServices } from './services';

const otherDates = 'otherDates' as const;

/**
 * One of the VM's recovery points, newest first: those of the last 30 days (as the tree lists
 * them), and "Other dates…", which asks a date range and lists that one. Undefined when cancelled.
 */
export async function pickRecoveryPoint(services: FlowServices, item: ProtectedVm, title: string): Promise<RecoveryPoint | undefined> {
  let range: RecoveryPointRange | undefined;
  for (;;) {
    const points = await services.azure().cache.recoveryPoints(item, range);
    const items: PickItem<RecoveryPoint | typeof otherDates>[] = [
      ...points.map((point) => ({ label: absoluteTime(point.time), description: [consistencyText(point.consistency), tierText(point), expiryText(point.expiry)].join(' · '), value: point })),
      { label: `$(calendar) ${l10n.t('Other dates…')}`, description: l10n.t('List the points of the days you choose'), value: otherDates },
    ];
    const placeholder = points.length > 0
      ? l10n.t('Select the recovery point to restore')
      : range
        ? l10n.t('No recovery points of {0} on those days: choose other dates', item.name)
        : l10n.t('No recovery points of {0} in the last {1} days: choose other dates', item.name, recentRecoveryPointDays);
    const picked = await services.prompts.pickOne(items, { title, placeholder });
    if (picked !== otherDates) return picked;
    range = await askDateRange(services.prompts, item.name, range, new Date());
    if (!range) return undefined;
  }
}
