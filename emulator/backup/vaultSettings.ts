import type { ArmError } from '../http/armError';
import { badRequest } from '../http/armError';
import type { VaultRecord } from '../state/model';

type Json = Record<string, unknown>;

export type SoftDeleteState = 'Enabled' | 'Disabled' | 'AlwaysON';
export type Redundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export interface VaultSettingsChange {
  softDeleteState?: string;
  softDeleteRetentionPeriodInDays?: number;
  enhancedSecurityState?: string;
  immutabilityState?: string;
  redundancy?: string;
  crossRegionRestore?: string;
}

/** The settings of a vault that the backup service guards, with the service's own rules. */
export function securitySettings(vault: VaultRecord): { softDelete: Json; immutability: Json } {
  const security = (vault.resource.properties.securitySettings ?? {}) as Json;
  return { softDelete: (security.softDeleteSettings ?? {}) as Json, immutability: (security.immutabilitySettings ?? {}) as Json };
}

export function redundancySettings(vault: VaultRecord): { standardTierStorageRedundancy: Redundancy; crossRegionRestore: 'Enabled' | 'Disabled' } {
  const redundancy = (vault.resource.properties.redundancySettings ?? {}) as Json;
  return {
    standardTierStorageRedundancy: (redundancy.standardTierStorageRedundancy as Redundancy | undefined) ?? 'GeoRedundant',
    crossRegionRestore: (redundancy.crossRegionRestore as 'Enabled' | 'Disabled' | undefined) ?? 'Disabled',
  };
}

/** Initial settings of a new vault: GRS, soft delete on for 14 days, immutability off. */
export function defaultVaultProperties(): Json {
  return {
    securitySettings: {
      immutabilitySettings: { state: 'Disabled' },
      softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 14, enhancedSecurityState: 'Enabled' },
      multiUserAuthorization: 'Disabled',
    },
    redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
  };
}

/**
 * Applies a change to a vault's guarded settings, refusing what the service refuses: leaving
 * AlwaysON soft delete, unlocking Locked immutability, retention outside 14-180 days, changing
 * redundancy once an item is protected, cross region restore without GRS or turning it off.
 */
export function applyVaultSettings(vault: VaultRecord, change: VaultSettingsChange): void {
  const { softDelete, immutability } = securitySettings(vault);
  const redundancy = redundancySettings(vault);

  // The service spells it AlwaysON; clients also send AlwaysOn.
  const softDeleteState = normalizeAlwaysOn(change.softDeleteState ?? (softDelete.softDeleteState as string | undefined) ?? 'Enabled');
  if (!['Enabled', 'Disabled', 'AlwaysON'].includes(softDeleteState)) {
    throw invalidParameter('softDeleteState');
  }
  if (softDelete.softDeleteState === 'AlwaysON' && softDeleteState !== 'AlwaysON') {
    throw badRequest('BMSUserErrorSoftDeleteStateAlwaysOn', 'Soft delete state cannot be changed as it is set to AlwaysON for this vault.');
  }
  const days = change.softDeleteRetentionPeriodInDays ?? (softDelete.softDeleteRetentionPeriodInDays as number | undefined) ?? 14;
  if (!Number.isInteger(days) || days < 14 || days > 180) {
    throw invalidParameter('softDeleteRetentionPeriodInDays');
  }

  const immutabilityState = change.immutabilityState ?? (immutability.state as string | undefined) ?? 'Disabled';
  if (!['Disabled', 'Unlocked', 'Locked'].includes(immutabilityState)) {
    throw invalidParameter('immutabilitySettings');
  }
  if (immutability.state === 'Locked' && immutabilityState !== 'Locked') {
    throw badRequest(
      'UserErrorOperationDeniedOnImmutableItem',
      'The Vault and Bakcup Item is in Immutable state where destructive operations are not supported. The Vault and Backup Item is immutable, hence operation is denied. Refer to the documentation to learn more: https://aka.ms/AB-ImmutableVaults-States ',
    );
  }
  if (immutabilityState === 'Locked' && (immutability.state ?? 'Disabled') === 'Disabled') {
    throw badRequest('UserErrorImmutabilityNotUnlocked', 'Immutability can only be locked when it is Unlocked(Enabled). Enable immutability first, then lock it.');
  }

  const storage = change.redundancy ?? redundancy.standardTierStorageRedundancy;
  if (!['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'].includes(storage)) {
    throw invalidParameter('redundancySettings');
  }
  if (storage !== redundancy.standardTierStorageRedundancy && vault.storageLocked) {
    throw badRequest('StorageModelModifyError', 'Storage Redundancy option is locked when the first machine is registered with the vault, and cannot be modified thereafter.');
  }
  const crossRegionRestore = change.crossRegionRestore ?? redundancy.crossRegionRestore;
  if (!['Enabled', 'Disabled'].includes(crossRegionRestore)) {
    throw invalidParameter('redundancySettings');
  }
  if (redundancy.crossRegionRestore === 'Enabled' && crossRegionRestore === 'Disabled') {
    throw badRequest('BMSUserErrorCrossRegionRestoreCannotBeDisabled', 'Cross region restore cannot be disabled once it is enabled on a vault.');
  }
  if (crossRegionRestore === 'Enabled' && storage !== 'GeoRedundant') {
    throw badRequest('BMSUserErrorCrossRegionRestoreNotSupported', 'Cross region restore can be enabled only on a vault with GeoRedundant storage.');
  }

  const enhancedSecurityState = normalizeAlwaysOn(change.enhancedSecurityState ?? (softDelete.enhancedSecurityState as string | undefined) ?? 'Enabled');
  vault.resource.properties.securitySettings = {
    ...((vault.resource.properties.securitySettings ?? {}) as Json),
    immutabilitySettings: { state: immutabilityState },
    softDeleteSettings: { softDeleteState, softDeleteRetentionPeriodInDays: days, enhancedSecurityState },
  };
  vault.resource.properties.redundancySettings = { standardTierStorageRedundancy: storage, crossRegionRestore };
}

/** The service's answer to a setting it cannot accept: `{param} parameter is invalid`. */
export function invalidParameter(parameter: string): ArmError {
  return badRequest('InvalidRestApiParameter', `${parameter} parameter is invalid.\r\nPlease provide a valid ${parameter}`);
}

function normalizeAlwaysOn(state: string): string {
  return state.toLowerCase() === 'alwayson' ? 'AlwaysON' : state;
}

/** Reads the guarded settings out of a vault PUT or PATCH body. */
export function settingsFromVaultBody(properties: Json | undefined): VaultSettingsChange {
  const security = (properties?.securitySettings ?? {}) as Json;
  const softDelete = (security.softDeleteSettings ?? {}) as Json;
  const immutability = (security.immutabilitySettings ?? {}) as Json;
  const redundancy = (properties?.redundancySettings ?? {}) as Json;
  return dropUndefined({
    softDeleteState: softDelete.softDeleteState as string | undefined,
    softDeleteRetentionPeriodInDays: softDelete.softDeleteRetentionPeriodInDays as number | undefined,
    enhancedSecurityState: softDelete.enhancedSecurityState as string | undefined,
    immutabilityState: immutability.state as string | undefined,
    redundancy: redundancy.standardTierStorageRedundancy as string | undefined,
    crossRegionRestore: redundancy.crossRegionRestore as string | undefined,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
