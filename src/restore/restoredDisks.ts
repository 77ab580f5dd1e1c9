// What a finished "Restore disks" job says it wrote, read from its property bag (the job's
// extendedInfo.propertyBag) with the keys as Azure writes them, e.g. (learn.microsoft.com "Restore a
// disk and create a recovered VM in Azure" with the CLI):
//   "Config Blob Container Name": "myVM-daa19311…", "Config Blob Name": "config-myVM-1fc2….json",
//   "Config Blob Uri": "https://mystorageaccount.blob.core.windows.net/myVM-daa19311…/config-….json",
//   "Job Type": "Recover disks", "Target Storage Account Name": "mystorageaccount",
//   "Target resource group": "…", "Template Blob Uri": "https://mystorageaccount.blob.core.windows.net/myVM-daa19311…/azuredeploy1fc2….json"

export interface RestoredDisks {
  /** The template Azure wrote to build a VM from the restored disks. */
  templateBlobUri: string;
  storageAccountName: string;
  containerName: string;
  templateBlobName: string;
  /** Where the restored managed disks are. */
  targetResourceGroup?: string;
  configBlobUri?: string;
  /** The whole bag, as Azure wrote it. */
  propertyBag: Record<string, string>;
}

/** A property of the bag by its name, ignoring case and stray spaces (Azure writes "Recovery point time "). */
export function propertyOf(bag: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const key = Object.keys(bag).find((candidate) => candidate.trim().toLowerCase() === wanted);
  const value = key === undefined ? undefined : bag[key]?.trim();
  return value ? value : undefined;
}

/**
 * The template and where it is, or why the bag does not give it (a restore of another type, or of
 * disks that wrote no template): undefined with the reason.
 */
export function restoredDisksOf(bag: Readonly<Record<string, string>>): { disks?: RestoredDisks; problem?: string } {
  const templateBlobUri = propertyOf(bag, 'Template Blob Uri');
  if (!templateBlobUri) return { problem: 'The restore job names no template (Template Blob Uri): only a finished "Restore disks" of a VM writes one.' };
  let url: URL;
  try {
    url = new URL(templateBlobUri);
  } catch {
    return { problem: `The restore job's template address is not a URL: '${templateBlobUri}'.` };
  }
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const storageAccountName = propertyOf(bag, 'Target Storage Account Name') ?? url.hostname.split('.')[0] ?? '';
  const containerName = propertyOf(bag, 'Config Blob Container Name') ?? segments[0] ?? '';
  const templateBlobName = segments.slice(1).join('/');
  if (!storageAccountName || !containerName || !templateBlobName) return { problem: `The restore job's template address '${templateBlobUri}' names no storage account, container and blob.` };
  const targetResourceGroup = propertyOf(bag, 'Target resource group');
  const configBlobUri = propertyOf(bag, 'Config Blob Uri');
  return {
    disks: {
      templateBlobUri: `${url.origin}${url.pathname}`,
      storageAccountName,
      containerName,
      templateBlobName,
      ...(targetResourceGroup ? { targetResourceGroup } : {}),
      ...(configBlobUri ? { configBlobUri } : {}),
      propertyBag: { ...bag },
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
