/**
 * Why the backup service refuses a restore, as a problem the trigger answers with (400 or 404) and
 * the validate-operation API lists (ErrorDetail: code, message, recommendations).
 *
 * Where the codes and words come from:
 * - The messages for the staging account's region and type, a missing subnet and a wrong network are
 *   the service's own, from the "Restore" section of "Troubleshoot backup failures on Azure virtual
 *   machines" (MicrosoftDocs/azure-docs articles/backup/backup-azure-vms-troubleshoot.md); that page
 *   gives no codes for them: the codes are this emulator's, in the service's naming (marked guess).
 * - UserErrorStorageAccountNotFound: the service's code and words for a storage account that is gone
 *   (articles/backup/troubleshoot-azure-files.md).
 * - UserErrorUnsupportedStorageAccountType: the service's code for a storage account type it does
 *   not take (articles/backup/backup-azure-troubleshoot-blob-backup.md).
 * - UserErrorVmNotFoundV2: the service's code for a protected VM that no longer exists
 *   (SelfHelpContent_v2, azurebackup-crc-usererrorvmnotfoundv2.md).
 * - The archive tier's codes and words (UserErrorRecoveryPointNotRehydrated, …RehydrationNotAllowed,
 *   …AlreadyRehydrated, …RehydrationAlreadyInProgress): articles/backup/archive-tier-troubleshoot.md.
 * - Cross-zonal restore needs a vault-tier point of a zone-redundant vault (tutorial-restore-disk.md,
 *   "Cross-zonal restore").
 */
export interface RestoreProblem {
  status: number;
  code: string;
  message: string;
  recommendations: string[];
}

const problem = (code: string, message: string, recommendations: string[] = [], status = 400): RestoreProblem => ({ status, code, message, recommendations });

export const restoreProblems = {
  invalidParameter: (parameter: string, why: string) =>
    problem('UserErrorInvalidRequestParameter', `Parameter ${parameter} in request is invalid. ${why}`, [`Correct ${parameter} and retry the operation.`]),
  // guess (code)
  recoveryPointNotFound: (name: string) =>
    problem('BMSUserErrorRecoveryPointNotFound', `Recovery point '${name}' was not found for this backup item. It may have expired.`, ['List the recovery points of the item and choose one that exists.'], 404),
  storageAccountNotFound: (id: string) =>
    problem('UserErrorStorageAccountNotFound', `Operation failed as the specified storage account does not exist anymore. ('${id}')`, ['Ensure that the storage account still exists and isn\'t deleted.']),
  // guess (code); message from the troubleshooting guide
  storageAccountInOtherRegion: (accountLocation: string, vaultLocation: string) =>
    problem(
      'UserErrorStorageAccountLocationMismatch',
      `The Recovery Services vault and target storage account are in two different regions (storage account: '${accountLocation}', vault: '${vaultLocation}').`,
      ['Make sure the storage account specified in the restore operation is in the same Azure region as your Recovery Services vault.'],
    ),
  unsupportedStorageAccount: (sku: string, kind: string) =>
    problem(
      'UserErrorUnsupportedStorageAccountType',
      `The storage account specified for the restore operation isn't supported (${kind}, ${sku}).`,
      ['Only Basic or Standard storage accounts with locally redundant or geo-redundant replication settings are supported. Select a supported storage account.'],
    ),
  // guess (code)
  targetResourceGroupNotFound: (name: string) =>
    problem('UserErrorTargetResourceGroupNotFound', `The target resource group '${name}' does not exist.`, ['Create the resource group, or choose an existing one, then retry the restore.']),
  // guess (code); message from the troubleshooting guide
  subnetNotFound: (subnetId: string) => problem('UserErrorSubnetNotFound', `The selected subnet doesn't exist. ('${subnetId}')`, ['Select a subnet that exists.']),
  // guess (code); message from the troubleshooting guide
  invalidNetwork: (why: string) =>
    problem('UserErrorInvalidNetworkConfiguration', `The specified virtual network configuration isn't correct. ${why}`, ['Specify a different virtual network configuration and try again.']),
  // guess (code)
  vmNameTaken: (name: string, resourceGroup: string) =>
    problem('UserErrorVmNameAlreadyExists', `A virtual machine named '${name}' already exists in resource group '${resourceGroup}'.`, ['Choose another name for the restored virtual machine, or another resource group.']),
  originalVmNotFound: (id: string) =>
    problem('UserErrorVmNotFoundV2', `The virtual machine '${id}' does not exist, so its disks cannot be replaced.`, ['Restore to a new virtual machine, or restore the disks, instead of replacing the disks of the original one.']),
  rehydrationRequired: () =>
    problem('UserErrorRecoveryPointNotRehydrated', 'Archive Recovery Point is not rehydrated. Retry Restore after rehydration completed on Archive RP.', [
      'Restore with an IaasVMRestoreWithRehydrationRequest giving recoveryPointRehydrationInfo: rehydrationPriority Standard or High, rehydrationRetentionDuration P10D to P30D.',
    ]),
  rehydrationNotAllowed: () =>
    problem('UserErrorRecoveryPointRehydrationNotAllowed', 'Rehydration is only supported for Archive Recovery Points', ['Send an IaasVMRestoreRequest without recoveryPointRehydrationInfo for a point in the snapshot or vault tier.']),
  alreadyRehydrated: () =>
    problem('UserErrorRecoveryPointAlreadyRehydrated', 'Recovery Point is already rehydrated. Rehydration is not allowed on this RP.', ['Restore the rehydrated point with an IaasVMRestoreRequest, without rehydration.']),
  rehydrationInProgress: () =>
    problem('UserErrorRecoveryPointRehydrationAlreadyInProgress', 'Rehydration is already In-Progress for Archive Recovery Point.', ['Wait for the restore that rehydrates this point to end.']),
  // guess (code)
  crossZonalRestore: (why: string) =>
    problem('UserErrorCrossZonalRestoreNotSupported', `Restoring to another availability zone is not supported here. ${why}`, [
      'Cross-zonal restore needs a zone-redundant vault and a recovery point in the vault tier only; restore to the point\'s own zone or without a zone.',
    ]),
  // guess (code)
  zoneNotInRegion: (zone: string, region: string) => problem('UserErrorInvalidZone', `The availability zone '${zone}' is not offered in region '${region}'.`, ['Choose a zone the region offers, or none.']),
};
