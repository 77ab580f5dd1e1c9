// The resource group Azure Backup puts a VM's restore point collection (its instant snapshots) in,
// as the Create VM form shows it. From "Enable backup during Azure VM creation" and the policy's
// instantRPDetails (AZURE-BACKUP-FACTS.md): `AzureBackupRG_<region>_<n>` by default, else
// `<prefix><n><suffix>`; n starts at 1 and grows when a group holds 600 collections.
import type { InstantRpResourceGroupDraft } from '../policy/policyDraft';

/** Restore point collections one resource group holds before Azure Backup moves on to n + 1. */
export const restorePointCollectionsPerGroup = 600;

/** A policy's pattern as the draft (or a vault policy read from Azure) holds it; empty prefix and suffix mean Azure's default. */
export type RestorePointGroupPattern = InstantRpResourceGroupDraft | undefined;

function customPattern(pattern: RestorePointGroupPattern): InstantRpResourceGroupDraft | undefined {
  return pattern && (pattern.prefix !== '' || pattern.suffix !== '') ? pattern : undefined;
}

/** The name of the n-th group (n = 1 for a VM's first backup in a fresh subscription). */
export function restorePointGroupName(location: string, pattern?: RestorePointGroupPattern, n = 1): string {
  const custom = customPattern(pattern);
  return custom ? `${custom.prefix}${n}${custom.suffix}` : `AzureBackupRG_${location.toLowerCase()}_${n}`;
}

/** The pattern with n spelt out, e.g. `AzureBackupRG_westeurope_<n>`. */
export function restorePointGroupPatternText(location: string, pattern?: RestorePointGroupPattern): string {
  const custom = customPattern(pattern);
  return custom ? `${custom.prefix}<n>${custom.suffix}` : `AzureBackupRG_${location.toLowerCase()}_<n>`;
}

/** What the form says under the name: where snapshots go, and why n may grow. */
export function restorePointGroupExplanation(location: string, pattern?: RestorePointGroupPattern): string {
  const first = restorePointGroupName(location, pattern, 1);
  const origin = customPattern(pattern) ? "from the policy's resource group prefix and suffix" : "Azure's default, as the policy sets no prefix";
  return (
    `Instant restore snapshots of this VM go to a restore point collection in the resource group ${first} (${origin}). ` +
    `Azure Backup creates the group at the first backup. It holds up to ${restorePointCollectionsPerGroup} collections; ` +
    `when it is full, n grows (${restorePointGroupName(location, pattern, 2)}, …). Do not put a lock on this group: it makes backups fail.`
  );
}
