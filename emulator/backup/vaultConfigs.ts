import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok } from '../http/armHttp';
import { apiVersions } from '../apiVersions';
import type { VaultRecord } from '../state/model';
import { applyVaultSettings, invalidParameter, redundancySettings, securitySettings } from './vaultSettings';
import type { VaultSettingsChange } from './vaultSettings';
import { vaultOf, vaultPath } from './vaultRequest';

type Json = Record<string, unknown>;

/** backupconfig/vaultconfig (soft delete) and backupstorageconfig/vaultstorageconfig (redundancy). */
export function vaultConfigRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  const vaultConfig = `${vaultPath}/backupconfig/vaultconfig`;
  const storageConfig = `${vaultPath}/backupstorageconfig/vaultstorageconfig`;
  const updateVaultConfig = (request: ArmRequest): ArmResponse => {
    const vault = vaultOf(context, request);
    const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
    const change: VaultSettingsChange = {};
    if (properties.softDeleteFeatureState !== undefined) change.softDeleteState = String(properties.softDeleteFeatureState);
    if (properties.softDeleteRetentionPeriodInDays !== undefined) change.softDeleteRetentionPeriodInDays = properties.softDeleteRetentionPeriodInDays as number;
    if (properties.enhancedSecurityState !== undefined) change.enhancedSecurityState = String(properties.enhancedSecurityState);
    applyVaultSettings(vault, change);
    context.changed();
    return ok(vaultConfigJson(vault));
  };
  const updateStorageConfig = (request: ArmRequest, status: 200 | 204): ArmResponse => {
    const vault = vaultOf(context, request);
    const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
    const change: VaultSettingsChange = {};
    const storage = properties.storageModelType ?? properties.storageType;
    if (storage !== undefined) change.redundancy = String(storage);
    if (properties.crossRegionRestoreFlag !== undefined) {
      if (typeof properties.crossRegionRestoreFlag !== 'boolean') throw invalidParameter('crossRegionRestoreFlag');
      change.crossRegionRestore = properties.crossRegionRestoreFlag ? 'Enabled' : 'Disabled';
    }
    applyVaultSettings(vault, change);
    context.changed();
    return status === 204 ? { status: 204 } : ok(storageConfigJson(vault));
  };
  return [
    { method: 'GET', template: vaultConfig, apiVersions: versions, handler: (request) => ok(vaultConfigJson(vaultOf(context, request))) },
    { method: 'PATCH', template: vaultConfig, apiVersions: versions, handler: updateVaultConfig },
    { method: 'PUT', template: vaultConfig, apiVersions: versions, handler: updateVaultConfig },
    { method: 'GET', template: storageConfig, apiVersions: versions, handler: (request) => ok(storageConfigJson(vaultOf(context, request))) },
    { method: 'PUT', template: storageConfig, apiVersions: versions, handler: (request) => updateStorageConfig(request, 200) },
    { method: 'PATCH', template: storageConfig, apiVersions: versions, handler: (request) => updateStorageConfig(request, 204) },
  ];
}

function vaultConfigJson(vault: VaultRecord): Json {
  const { softDelete } = securitySettings(vault);
  const redundancy = redundancySettings(vault);
  return {
    id: `${vault.resource.id}/backupconfig/vaultconfig`,
    name: 'vaultconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupconfig',
    properties: {
      storageModelType: redundancy.standardTierStorageRedundancy,
      storageType: redundancy.standardTierStorageRedundancy,
      storageTypeState: vault.storageLocked ? 'Locked' : 'Unlocked',
      enhancedSecurityState: softDelete.enhancedSecurityState ?? 'Enabled',
      softDeleteFeatureState: softDelete.softDeleteState ?? 'Enabled',
      softDeleteRetentionPeriodInDays: softDelete.softDeleteRetentionPeriodInDays ?? 14,
      isSoftDeleteFeatureStateEditable: softDelete.softDeleteState !== 'AlwaysON',
    },
  };
}

function storageConfigJson(vault: VaultRecord): Json {
  const redundancy = redundancySettings(vault);
  return {
    id: `${vault.resource.id}/backupstorageconfig/vaultstorageconfig`,
    name: 'vaultstorageconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: redundancy.standardTierStorageRedundancy,
      storageType: redundancy.standardTierStorageRedundancy,
      storageTypeState: vault.storageLocked ? 'Locked' : 'Unlocked',
      crossRegionRestoreFlag: redundancy.crossRegionRestore === 'Enabled',
      dedupState: 'Disabled',
      xcoolState: 'Disabled',
    },
  };
}
