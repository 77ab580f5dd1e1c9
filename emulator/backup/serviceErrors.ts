import { ArmError, badRequest } from '../http/armError';
import type { JobError } from '../state/model';

/**
 * The backup service's answers, in its own codes and words where they are known
 * (docs/azure-error-research.md gives the evidence). Codes marked "guess" were not found in
 * any recorded response; they follow the service's naming.
 */
export const serviceErrors = {
  itemNotFound: () =>
    new ArmError(404, 'BMSUserErrorDataSourceObjectNotFound', 'Item not found.\r\nSelected item might have been deleted. Please check if item is registered to the vault.'),
  // guess
  policyNotFound: (name: string) => new ArmError(404, 'BMSUserErrorPolicyNotFound', `Policy '${name}' not found in the vault. Please check the policy name.`),
  // guess
  jobNotFound: (id: string) => new ArmError(404, 'BMSUserErrorJobNotFound', `Job '${id}' not found in the vault. Please check the job id.`),
  containerNotDiscovered: () =>
    badRequest(
      'BMSUserErrorInvalidConfigureProtectionRequest',
      'Input for configure protection is not in proper format\r\nPlease ensure that container exists and other parameters are in valid format',
    ),
  // guess (code); text from the service's protection-intent failure
  alreadyProtected: (vaultName: string) =>
    badRequest(
      'BMSUserErrorVmAlreadyProtected',
      `VM is already Protected with same or other Vault. Virtual machine is already registered with recovery services vault '${vaultName}'. Please select a different virtual machine for registration.`,
    ),
  // Code: the service's answer to a sourceResourceId it cannot resolve (seen for a file share in
  // Azure/azure-sdk-for-go#21808: "SourceResourceId must be a fully qualified ARM Id of source storage
  // account."); the words for a VM are a guess.
  vmNotFound: (sourceResourceId: string) =>
    badRequest(
      'BMSUserErrorInvalidSourceResourceId',
      `SourceResourceId must be a fully qualified ARM Id of an existing virtual machine. The specified Azure virtual machine '${sourceResourceId}' was not found.`,
    ),
  // Same code as above (a guess for this case): the container name has no subscription, so the
  // service resolves the VM in the vault's own subscription.
  vmInOtherSubscription: (sourceResourceId: string, vaultSubscriptionId: string) =>
    badRequest(
      'BMSUserErrorInvalidSourceResourceId',
      `SourceResourceId '${sourceResourceId}' names a virtual machine outside the vault's subscription '${vaultSubscriptionId}'. A vault protects virtual machines of its own subscription only.`,
    ),
  // Code and first sentence from the service's own troubleshooter (SelfHelpContent_v2,
  // azurebackup-crc-usererrorvmvaultlocationmismatch.md); the rest is its recommendation.
  vmInOtherRegion: (vmLocation: string, vaultLocation: string) =>
    badRequest(
      'UserErrorVmVaultLocationMismatch',
      `Virtual machine and vault are in different region (virtual machine: '${vmLocation}', vault: '${vaultLocation}'). Select a vault which is in the same region as the virtual machine and retry the operation.`,
    ),
  // Code and first sentence from the backup troubleshooting guide ("UserErrorVmNotInDesirableState -
  // VM is not in a state that allows backups"); answered while the VM is still being created.
  vmNotReady: () =>
    badRequest('UserErrorVmNotInDesirableState', 'VM is not in a state that allows backups. Wait until the virtual machine has finished provisioning, then retry the operation.'),
  // code second-hand, text a guess
  policyInUse: () => badRequest('BMSUserErrorPolicyObjectInUse', 'Cannot delete the backup policy as one or more backup items are associated with this policy.'),
  invalidPolicyForProvider: () =>
    badRequest('BMSUserErrorInvalidPolicyForGivenProvider', 'Policy is not valid for given provider type. Please choose valid policy for given provider.'),
  objectLocked: () => badRequest('BMSUserErrorObjectLocked', 'Another operation is in progress on the selected item.'),
  backupInProgress: () => badRequest('UserErrorBackupOperationInProgress', 'Unable to initiate backup as another backup operation is currently in progress'),
  onDemandLimit: () => badRequest('CloudDosAbsoluteLimitReached', 'Operation is blocked as you have reached the limit on number of operations permitted in 24 hours.'),
  policyEditLimit: () =>
    badRequest('CloudDosAbsoluteLimitReachedWithRetry', 'Operation is blocked as the vault has reached its maximum limit for such operations permitted in a span of 24 hours.'),
  protectionStopped: () => badRequest('UserErrorBcmDatasourceNotPresent', 'Protection is stopped for this item. Resume protection to take backups.'),
  // guess
  itemSoftDeleted: () => badRequest('BMSUserErrorObjectSoftDeleted', 'The item is in soft deleted state. Undelete the item before performing this operation.'),
  immutableVault: () =>
    badRequest(
      'UserErrorOperationDeniedOnImmutableItem',
      'The Vault and Bakcup Item is in Immutable state where destructive operations are not supported. The Vault and Backup Item is immutable, hence operation is denied. Refer to the documentation to learn more: https://aka.ms/AB-ImmutableVaults-States ',
    ),
  invalidParameter: (parameter: string) => badRequest('UserErrorInvalidRequestParameter', `Parameter ${parameter} in request is invalid.`),
  // guess
  jobNotCancellable: () => badRequest('BMSUserErrorJobNotCancellable', 'The job cannot be cancelled in its current state. Only a backup that is still taking its snapshot can be cancelled.'),
  limitReached: (what: string) => badRequest('BMSUserErrorLimitReached', `${what} limit reached.`),
};

/** Why a backup job fails, with the numeric code the job's errorDetails carry. */
export const jobErrors: Record<string, JobError> = {
  BCMV2VMNotFound: {
    numericCode: 320001,
    code: 'BCMV2VMNotFound',
    message: 'Virtual machine doesn\'t exist. Please make sure that virtual machine exists or select a different virtual machine.',
    recommendations: ['Stop protection of the virtual machine, retaining or deleting its backup data.'],
  },
  UserErrorGuestAgentStatusUnavailable: {
    numericCode: 400043,
    code: 'UserErrorGuestAgentStatusUnavailable',
    message: 'VM Agent unable to communicate with Azure Backup',
    recommendations: ['Ensure the VM is running and its VM agent is installed, up to date and Ready, then retry the operation.'],
  },
  UserErrorVmProvisioningStateFailed: {
    numericCode: 400013,
    code: 'UserErrorVmProvisioningStateFailed',
    message: 'The VM is in failed provisioning state',
    recommendations: ['Restart the VM or fix its provisioning state, then retry the operation.'],
  },
  UserErrorRpCollectionLimitReached: {
    numericCode: 400186,
    code: 'UserErrorRpCollectionLimitReached',
    message: 'The Restore Point collection max limit has reached.',
    recommendations: ['Remove the lock on the restore point collection resource group, or reduce the instant restore retention, then retry.'],
  },
};

/** A job error for a code the VM asks for (emulator tag), falling back to a generic one. */
export function jobErrorFor(code: string): JobError {
  return jobErrors[code] ?? { numericCode: 400000, code, message: `The backup failed with ${code}.`, recommendations: [] };
}
