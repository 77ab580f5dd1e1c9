import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import type { VaultCreateRequest } from './vaultRules';

/** The service spells the irreversible soft delete state AlwaysON. */
function serviceSoftDeleteState(state: VaultCreateRequest['softDelete']['state']): string {
  return state === 'AlwaysOn' ? 'AlwaysON' : state;
}

/** Security features for hybrid workloads: on, and always on with always-on soft delete (as the portal sets them). */
function enhancedSecurityState(request: VaultCreateRequest): string {
  return request.softDelete.state === 'AlwaysOn' ? 'AlwaysON' : 'Enabled';
}

/**
 * The vault PUT's body (api-version 2024-04-01): region, SKU, and every setting of the request.
 * Immutability goes as Unlocked when Locked is asked: Azure locks only an Unlocked vault.
 */
export function vaultPutBody(request: VaultCreateRequest): Record<string, unknown> {
  const softDeleteOn = request.softDelete.state !== 'Disabled';
  return {
    location: request.location,
    sku: { name: 'RS0', tier: 'Standard' },
    properties: {
      publicNetworkAccess: 'Enabled',
      redundancySettings: {
        standardTierStorageRedundancy: request.redundancy,
        crossRegionRestore: request.crossRegionRestore ? 'Enabled' : 'Disabled',
      },
      securitySettings: {
        softDeleteSettings: {
          softDeleteState: serviceSoftDeleteState(request.softDelete.state),
          ...(softDeleteOn ? { softDeleteRetentionPeriodInDays: request.softDelete.retentionDays } : {}),
          enhancedSecurityState: enhancedSecurityState(request),
        },
        immutabilitySettings: { state: request.immutability === 'Disabled' ? 'Disabled' : 'Unlocked' },
      },
    },
  };
}

/** Bodies of the backup service's configuration PATCHes, for the settings a created vault lacks. */
export interface SettingsLeft {
  /** backupstorageconfig/vaultstorageconfig */
  storage?: { storageModelType: string; storageType: string; crossRegionRestoreFlag: boolean };
  /** backupconfig/vaultconfig */
  softDelete?: { softDeleteFeatureState: string; softDeleteRetentionPeriodInDays?: number; enhancedSecurityState: string };
}

/**
 * What the vault as created still lacks of the request: a service (or api-version) that ignores
 * the PUT's redundancy or security settings leaves them to the configuration resources.
 */
export function settingsLeftToApply(request: VaultCreateRequest, vault: SdkVault): SettingsLeft {
  const left: SettingsLeft = {};
  const redundancy = vault.properties?.redundancySettings;
  const crossRegionRestore = redundancy?.crossRegionRestore === 'Enabled';
  if (redundancy?.standardTierStorageRedundancy !== request.redundancy || crossRegionRestore !== request.crossRegionRestore) {
    left.storage = { storageModelType: request.redundancy, storageType: request.redundancy, crossRegionRestoreFlag: request.crossRegionRestore };
  }
  const softDelete = vault.properties?.securitySettings?.softDeleteSettings;
  const state = softDelete?.softDeleteState?.toLowerCase();
  const wantedState = serviceSoftDeleteState(request.softDelete.state).toLowerCase();
  const on = request.softDelete.state !== 'Disabled';
  if (state !== wantedState || (on && softDelete?.softDeleteRetentionPeriodInDays !== request.softDelete.retentionDays)) {
    left.softDelete = {
      softDeleteFeatureState: serviceSoftDeleteState(request.softDelete.state),
      ...(on ? { softDeleteRetentionPeriodInDays: request.softDelete.retentionDays } : {}),
      enhancedSecurityState: enhancedSecurityState(request),
    };
  }
  return left;
}
