import type { EmulatorState, ProtectedItemRecord, RecoveryPointRecord, VaultRecord } from '../state/model';
import { itemId } from './protectedItemState';
import { pointsExpire, tiersOf } from './recoveryPointTiers';
import { sourceOfPoint } from './recoveryPointSource';

type Json = Record<string, unknown>;

/**
 * A point as RecoveryPoints_List and _Get answer it (IaasVMRecoveryPoint, bms.json 2023-06-01,
 * shaped like its RecoveryPoints_List/Get examples): the tiers it lives in with their status (a
 * snapshot that has gone stays listed as Deleted; an archived point's vault copy as Deleted, and its
 * ArchivedRP 'Rehydrated' with RehydratedRPExpiryTime while a restore keeps it readable), its
 * expiry and rule, and what was backed up: size, OS, zone, disks (the OS disk at lun -1).
 */
export function recoveryPointJson(state: EmulatorState, vault: VaultRecord, item: ProtectedItemRecord, point: RecoveryPointRecord, now: number): Json {
  const expires = pointsExpire(item);
  const tiers = tiersOf(point, now, !expires);
  const source = sourceOfPoint(state, point, item.virtualMachineId);
  const tierDetails: Json[] = [];
  if (point.snapshotUntil !== undefined) tierDetails.push({ type: 'InstantRP', status: tiers.snapshot ? 'Valid' : 'Deleted' });
  tierDetails.push({ type: 'HardenedRP', status: tiers.vault ? 'Valid' : 'Deleted' });
  if (tiers.archive) {
    tierDetails.push(
      tiers.rehydrated
        ? { type: 'ArchivedRP', status: 'Rehydrated', extendedInfo: { RehydratedRPExpiryTime: point.rehydratedUntil! } }
        : { type: 'ArchivedRP', status: 'Valid' },
    );
  }
  const disks = [{ lun: -1, name: source.osDisk.name }, ...source.dataDisks.map((disk) => ({ lun: disk.lun, name: disk.name }))];
  return {
    id: `${itemId(vault, item)}/recoveryPoints/${point.name}`,
    name: point.name,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints',
    properties: {
      objectType: 'IaasVMRecoveryPoint',
      recoveryPointType: point.type,
      recoveryPointTime: point.time,
      recoveryPointAdditionalInfo: '',
      sourceVMStorageType: 'NormalStorage',
      isSourceVMEncrypted: false,
      isInstantIlrSessionActive: false,
      recoveryPointTierDetails: tierDetails,
      ...(tiers.archive ? { recoveryPointMoveReadinessInfo: { ArchivedRP: { isReadyForMove: false, additionalInfo: 'Recovery point cannot be moved to archive tier since it has already been moved.' } } } : {}),
      isManagedVirtualMachine: true,
      virtualMachineSize: source.vmSize,
      originalStorageAccountOption: false,
      osType: source.osType,
      recoveryPointDiskConfiguration: { numberOfDisksIncludedInBackup: disks.length, numberOfDisksAttachedToVm: disks.length, includedDiskList: disks, excludedDiskList: [] },
      ...(source.zones ? { zones: source.zones } : {}),
      securityType: 'None',
      recoveryPointProperties: {
        ...(expires && point.expiresAt ? { expiryTime: point.expiresAt } : {}),
        ...(point.ruleName ? { ruleName: point.ruleName } : {}),
        isSoftDeleted: false,
      },
      isPrivateAccessEnabledOnAnyDisk: false,
    },
  };
}
