import { env, l10n } from 'vscode';
import { recentRecoveryPointDays, type RecoveryPointRange } from '../azure/recoveryPoints';

/**
 * The date range each protected VM shows its recovery points for, when the user chose one ("Show
 * older…"); the others show the last 30 days. Held by the tree provider, so a range survives
 * refreshes and the VM nodes rebuilt by them (nodes are recreated each time a vault loads).
 */
export class ShownPointRanges {
  private readonly ranges = new Map<string, RecoveryPointRange>();

  /** The chosen range of the protected item, or undefined for the last 30 days. */
  rangeOf(itemId: string): RecoveryPointRange | undefined {
    return this.ranges.get(itemId.toLowerCase());
  }

  /** Shows this range for the item from now on; undefined goes back to the last 30 days. */
  show(itemId: string, range: RecoveryPointRange | undefined): void {
    if (range) this.ranges.set(itemId.toLowerCase(), { from: new Date(range.from), to: new Date(range.to) });
    else this.ranges.delete(itemId.toLowerCase());
  }
}

/** "Jan 1, 2025 – Mar 31, 2025" (local days, VS Code's display language); one date for a single day. */
export function rangeText(range: RecoveryPointRange): string {
  const day = (date: Date) => date.toLocaleDateString(env.language, { dateStyle: 'medium' });
  const from = day(range.from);
  const to = day(range.to);
  return from === to ? from : `${from} – ${to}`;
}

/** "the last 30 days" or "Jan 1, 2025 – Mar 31, 2025": what a VM's points list covers. */
export function shownRangeText(range: RecoveryPointRange | undefined): string {
  return range ? rangeText(range) : l10n.t('the last {0} days', recentRecoveryPointDays);
}
