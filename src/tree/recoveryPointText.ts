import { env, l10n } from 'vscode';
import type { RecoveryPoint, RecoveryPointConsistency } from '../azure/model';
import { absoluteTime, relativeTime } from '../ui/timeText';

export function consistencyText(consistency: RecoveryPointConsistency): string {
  switch (consistency) {
    case 'application':
      return l10n.t('Application consistent');
    case 'fileSystem':
      return l10n.t('File-system consistent');
    case 'crash':
      return l10n.t('Crash consistent');
    case 'unknown':
      return l10n.t('Consistency unknown');
  }
}

/**
 * What each consistency means for the restored VM, in one line (Azure Backup's "Snapshot
 * consistency", learn.microsoft.com/azure/backup/backup-azure-vms-introduction).
 */
export function consistencyExplanation(consistency: RecoveryPointConsistency): string {
  switch (consistency) {
    case 'application':
      return l10n.t('Taken with the applications quiesced (VSS on Windows, pre- and post-scripts on Linux): the VM and its applications start without data loss.');
    case 'fileSystem':
      return l10n.t('All files captured at the same moment: the VM boots without corruption, but applications must recover their own data.');
    case 'crash':
      return l10n.t('Only what was on the disks (usually the VM was shut down): like a VM that lost power, the OS and applications may need to recover.');
    case 'unknown':
      return l10n.t('Azure did not say how consistent this point is.');
  }
}

/** Where the point lives, short: "Snapshot and vault", "Archive (rehydrated until Jan 9, 2025, 10:00 AM)". */
export function tierText(point: Pick<RecoveryPoint, 'tier' | 'rehydrated' | 'rehydratedUntil'>): string {
  switch (point.tier) {
    case 'snapshot':
      return l10n.t('Snapshot');
    case 'snapshotAndVault':
      return l10n.t('Snapshot and vault');
    case 'vault':
      return l10n.t('Vault');
    case 'archive':
      if (!point.rehydrated) return l10n.t('Archive');
      return point.rehydratedUntil ? l10n.t('Archive (rehydrated until {0})', absoluteTime(point.rehydratedUntil)) : l10n.t('Archive (rehydrated)');
  }
}

/** What the tier means for a restore, in one line. */
export function tierExplanation(point: Pick<RecoveryPoint, 'tier' | 'rehydrated'>): string {
  switch (point.tier) {
    case 'snapshot':
      return l10n.t('Kept as a snapshot next to the VM’s disks (instant restore), not yet or no longer in the vault: the fastest restore.');
    case 'snapshotAndVault':
      return l10n.t('Kept as a snapshot (instant restore) and in the vault: restores from the snapshot, the fastest.');
    case 'vault':
      return l10n.t('Kept in the vault only (its snapshot has gone): a restore copies the data back from the vault.');
    case 'archive':
      return point.rehydrated
        ? l10n.t('Moved to the archive tier and rehydrated: it restores like a vault point until the rehydration ends.')
        : l10n.t('Moved to the archive tier: a restore must rehydrate it first (hours; Standard or High priority, billed).');
  }
}

/** "expires in 29 days", "expired 2 hours ago", or "no expiry" (stopped with data retained). */
export function expiryText(expiry: Date | undefined, now = Date.now()): string {
  if (!expiry) return l10n.t('no expiry');
  return expiry.getTime() < now ? l10n.t('expired {0}', relativeTime(expiry, now)) : l10n.t('expires {0}', relativeTime(expiry, now));
}

/** The same moment in UTC, "Jan 5, 2025, 10:30 PM UTC", next to the local time in tooltips. */
export function utcTime(date: Date): string {
  return `${date.toLocaleString(env.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}
