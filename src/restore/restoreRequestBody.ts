// The restore request as Azure takes it: RestoreRequestResource.properties, an IaasVMRestoreRequest
// or IaasVMRestoreWithRehydrationRequest (bms.json 2023-06-01; the TriggerRestore_* examples; the
// bodies of learn.microsoft.com "Restore Azure VMs with REST API"), and the validate-operation
// request around it. Identity-based restore (managed identities) is not offered.
import { needsRehydration, subscriptionOf, type RestoreRequest, type RestoreType } from './restoreRequest';

export type RecoveryType = 'AlternateLocation' | 'RestoreDisks' | 'OriginalLocation';

export const recoveryTypes: Record<RestoreType, RecoveryType> = {
  newVm: 'AlternateLocation',
  restoreDisks: 'RestoreDisks',
  replaceDisks: 'OriginalLocation',
};

/** RestoreRequestResource.properties for an IaaS VM, as sent. */
export interface IaasVmRestoreRequestJson {
  objectType: 'IaasVMRestoreRequest' | 'IaasVMRestoreWithRehydrationRequest';
  recoveryPointId: string;
  recoveryType: RecoveryType;
  sourceResourceId: string;
  targetVirtualMachineId?: string;
  targetResourceGroupId?: string;
  storageAccountId: string;
  virtualNetworkId?: string;
  subnetId?: string;
  region: string;
  createNewCloudService: false;
  originalStorageAccountOption: false;
  encryptionDetails: { encryptionEnabled: false };
  zones?: string[];
  recoveryPointRehydrationInfo?: { rehydrationRetentionDuration: string; rehydrationPriority: string };
}

/**
 * The request's properties. Every type names the point, the backed-up VM, the vault's region and
 * the staging account; a new VM adds its id, resource group, network and subnet; restored disks
 * of a managed VM go to the target resource group (unmanaged ones to the staging account);
 * replacing disks names nothing more (the VM is the source). A zone is sent only when chosen,
 * and the rehydration only for a point that needs it (Azure refuses it on any other:
 * UserErrorRecoveryPointRehydrationNotAllowed).
 */
export function restoreRequestBody(request: RestoreRequest): IaasVmRestoreRequestJson {
  const { source, type } = request;
  const rehydration = needsRehydration(source.point) ? request.rehydration : undefined;
  const groupId = `/subscriptions/${subscriptionOf(source.vaultId)}/resourceGroups/${request.targetResourceGroup}`;
  const newVm = type === 'newVm';
  const toGroup = newVm || (type === 'restoreDisks' && source.point.managed);
  return {
    objectType: rehydration ? 'IaasVMRestoreWithRehydrationRequest' : 'IaasVMRestoreRequest',
    recoveryPointId: source.point.name,
    recoveryType: recoveryTypes[type],
    sourceResourceId: source.virtualMachineId,
    ...(newVm ? { targetVirtualMachineId: `${groupId}/providers/Microsoft.Compute/virtualMachines/${request.vmName}` } : {}),
    ...(toGroup ? { targetResourceGroupId: groupId } : {}),
    storageAccountId: request.stagingStorageAccountId,
    ...(newVm ? { virtualNetworkId: request.virtualNetworkId, subnetId: `${request.virtualNetworkId}/subnets/${request.subnetName}` } : {}),
    region: source.vaultLocation,
    createNewCloudService: false,
    originalStorageAccountOption: false,
    encryptionDetails: { encryptionEnabled: false },
    ...(request.zone !== undefined && type !== 'replaceDisks' ? { zones: [request.zone] } : {}),
    ...(rehydration
      ? { recoveryPointRehydrationInfo: { rehydrationRetentionDuration: `P${rehydration.days}D`, rehydrationPriority: rehydration.priority } }
      : {}),
  };
}

/** POST …/recoveryPoints/{rp}/restore: RestoreRequestResource. */
export function restoreResourceBody(request: RestoreRequest): { properties: IaasVmRestoreRequestJson } {
  return { properties: restoreRequestBody(request) };
}

/**
 * POST …/vaults/{v}/backupValidateOperation at 2023-06-01: ValidateOperationRequestResource, the
 * point's ARM id and a ValidateIaasVMRestoreOperationRequest around the restore request (as
 * @azure/arm-recoveryservicesbackup 12.0.0 sends it; the spec's example still shows the older,
 * unwrapped body).
 */
export function validateRestoreBody(request: RestoreRequest): { id: string; properties: { objectType: 'ValidateIaasVMRestoreOperationRequest'; restoreRequest: IaasVmRestoreRequestJson } } {
  return { id: request.source.point.id, properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequestBody(request) } };
}
