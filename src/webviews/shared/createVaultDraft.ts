// The create-vault form's draft: what the user has typed and chosen, kept with the webview's
// setState so it survives hide/show and a window reload. The saved state holds the draft and the
// panel's identity (the preset it was opened with), never fetched data.
import { softDeleteDays, softDeleteStates, storageRedundancies, type ImmutabilityChoice, type SoftDeleteChoice, type StorageRedundancyChoice, type VaultCreateRequest } from '../../azure/vaultRules';
import { isBoolean, isOneOf, isOptional, isShape, isText } from './messageGuards';
import type { CreateVaultPreset } from './createVaultProtocol';
import { emptyPlacement, placementGuards, resourceGroupOf, type PlacementDraft } from './placementDraft';

export interface CreateVaultDraft extends PlacementDraft {
  redundancy: StorageRedundancyChoice;
  crossRegionRestore: boolean;
  softDeleteState: SoftDeleteChoice;
  /** As typed, so a half-typed number survives a reload. */
  softDeleteDays: string;
  /** Disabled or Unlocked; Locked is the separate `lockImmutability` step on top of Unlocked. */
  immutability: Exclude<ImmutabilityChoice, 'Locked'>;
  lockImmutability: boolean;
  /** Fields the user has changed: their messages show as they type, the others' after Review. */
  touched: string[];
}

export interface CreateVaultState {
  identity: CreateVaultPreset;
  draft: CreateVaultDraft;
}

export function emptyDraft(preset: CreateVaultPreset = {}): CreateVaultDraft {
  return {
    ...emptyPlacement(preset),
    redundancy: 'GeoRedundant',
    crossRegionRestore: false,
    softDeleteState: 'Enabled',
    softDeleteDays: String(softDeleteDays.default),
    immutability: 'Disabled',
    lockImmutability: false,
    touched: [],
  };
}

/** The request the draft stands for (validated separately with vaultRequestProblems). */
export function requestOf(draft: CreateVaultDraft): VaultCreateRequest {
  const days = draft.softDeleteDays.trim() === '' ? Number.NaN : Number(draft.softDeleteDays);
  return {
    subscriptionId: draft.subscriptionId,
    resourceGroup: resourceGroupOf(draft),
    name: draft.name.trim(),
    location: draft.location,
    redundancy: draft.redundancy,
    crossRegionRestore: draft.redundancy === 'GeoRedundant' && draft.crossRegionRestore,
    softDelete: { state: draft.softDeleteState, retentionDays: days },
    immutability: draft.immutability === 'Unlocked' && draft.lockImmutability ? 'Locked' : draft.immutability,
  };
}

const text = isText(200);
const isDraft = isShape<CreateVaultDraft>({
  ...placementGuards(text),
  redundancy: isOneOf(storageRedundancies),
  crossRegionRestore: isBoolean,
  softDeleteState: isOneOf(softDeleteStates),
  softDeleteDays: isText(20),
  immutability: isOneOf(['Disabled', 'Unlocked'] as const),
  lockImmutability: isBoolean,
  touched: (value): value is string[] => Array.isArray(value) && value.length <= 50 && value.every((item) => typeof item === 'string' && item.length <= 50),
});

/** A saved state as VS Code hands it back (after a reload it may come from an older version). */
export const isCreateVaultState = isShape<CreateVaultState>({
  identity: isShape<CreateVaultPreset>({ subscriptionId: isOptional(text), location: isOptional(text) }),
  draft: isDraft,
});
