import type { JobRecord, RestoreJobRecord } from '../state/model';

/**
 * A Restore job's extendedInfo.propertyBag. For RestoreDisks, Azure's keys and values as `az backup
 * job show` prints them (tutorial-restore-disk.md, "Fetch the Job details"): 'Job Type' 'Recover
 * disks', 'Recovery point time ' (with its trailing space, M/d/yyyy h:mm:ss tt), 'Target Storage
 * Account Name', 'Target resource group', and once the job has written them 'Config Blob Container
 * Name', 'Config Blob Name', 'Config Blob Uri' and 'Template Blob Uri'. The other types' 'Job Type'
 * and their 'Target VM Name' are this emulator's words (no recorded job showed them).
 */
const jobTypes: Record<RestoreJobRecord['recoveryType'], string> = {
  RestoreDisks: 'Recover disks',
  AlternateLocation: 'Restore VM',
  OriginalLocation: 'Replace existing disks',
};

export function restorePropertyBag(job: JobRecord, restore: RestoreJobRecord): Record<string, string> {
  const groupName = restore.targetResourceGroupId?.split('/').pop();
  const made = restore.made;
  return {
    'Job Type': jobTypes[restore.recoveryType],
    'Recovery point time ': usTime(Date.parse(restore.pointTime)),
    'Target Storage Account Name': restore.storageAccountId.split('/').pop() ?? '',
    ...(groupName ? { 'Target resource group': groupName } : {}),
    ...(restore.targetVirtualMachineId ? { 'Target VM Name': restore.targetVirtualMachineId.split('/').pop()! } : {}),
    ...(restore.recoveryType === 'OriginalLocation' ? { 'Target VM Name': job.entityFriendlyName } : {}),
    ...(made?.configBlob && restore.configContainer
      ? {
          'Config Blob Container Name': restore.configContainer,
          'Config Blob Name': decodeURIComponent(made.configBlob.split('/').pop()!),
          'Config Blob Uri': made.configBlob,
        }
      : {}),
    ...(made?.templateBlob ? { 'Template Blob Uri': made.templateBlob } : {}),
  };
}

/** 12/25/2019 10:07:11 PM, in UTC, as the service writes times in property bags. */
function usTime(time: number): string {
  const date = new Date(time);
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
