// The words the Restore form uses for a point and for what each restore does. The tree says the
// same in recoveryPointText.ts, which needs vscode's l10n; the webview has its own copy here.
import type { RecoveryPointConsistency } from '../../../azure/model';
import type { RestorePointFacts } from '../../../restore/restoreRequest';

export function consistencyText(consistency: RecoveryPointConsistency): string {
  return { application: 'Application consistent', fileSystem: 'File-system consistent', crash: 'Crash consistent', unknown: 'Consistency unknown' }[consistency];
}

/** Where the point lives, and what that means for the restore. */
export function tierText(point: Pick<RestorePointFacts, 'tier' | 'rehydrated'>): string {
  switch (point.tier) {
    case 'snapshot':
      return 'Snapshot — restores from the snapshot next to the VM’s disks (the fastest).';
    case 'snapshotAndVault':
      return 'Snapshot and vault — restores from the snapshot (the fastest).';
    case 'vault':
      return 'Vault — the data is copied back from the vault.';
    case 'archive':
      return point.rehydrated
        ? 'Archive, rehydrated — restores like a vault point until the rehydration ends.'
        : 'Archive — Azure must rehydrate it to the vault tier first (hours, billed), then restore.';
  }
}

/** A time in the page's locale, e.g. "Jan 5, 2025, 10:30 PM". */
export function localTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * What Replace existing disks does to the VM, from learn.microsoft.com "How to restore Azure VM
 * data in Azure portal" (Restore options, Replace existing; Storage accounts, Replace disk): Azure
 * Backup snapshots the VM's current disks (kept in the staging account and copied to the vault),
 * then swaps the VM's OS and data disks for the point's; the old disks stay in the VM's resource
 * group. The VM is powered off while its disks are swapped, then started again.
 */
export function replaceExplanation(vmName: string, pointTime: string): string[] {
  return [
    `Azure Backup first takes a snapshot of the current disks of ${vmName} (kept in the staging storage account and copied to the vault as a recovery point).`,
    `Then ${vmName} is stopped, its OS and data disks are swapped for those of the point of ${pointTime}, and it is started again: it is unavailable meanwhile, and whatever it wrote since that point is not on its new disks.`,
    `Its current disks are not deleted: they stay in its resource group, detached. Delete them yourself once you no longer need them.`,
  ];
}
