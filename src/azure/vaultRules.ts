// Azure's rules for a new Recovery Services vault (AZURE-BACKUP-FACTS.md, "Resources and names"),
// pure so the create-vault webview checks them as the user types and the host checks them again
// before anything is sent. Each message names the field and what it allows.

export type StorageRedundancyChoice = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';
export type SoftDeleteChoice = 'Enabled' | 'Disabled' | 'AlwaysOn';
export type ImmutabilityChoice = 'Disabled' | 'Unlocked' | 'Locked';

export const storageRedundancies: readonly StorageRedundancyChoice[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];
export const softDeleteStates: readonly SoftDeleteChoice[] = ['Enabled', 'Disabled', 'AlwaysOn'];
export const immutabilityStates: readonly ImmutabilityChoice[] = ['Disabled', 'Unlocked', 'Locked'];

export const softDeleteDays = { min: 14, max: 180, default: 14 } as const;
export const vaultNameLength = { min: 2, max: 50 } as const;
export const resourceGroupNameLength = { min: 1, max: 90 } as const;

/** Everything needed to create a vault, as the form sends it and the data layer takes it. */
export interface VaultCreateRequest {
  subscriptionId: string;
  /** An existing resource group, or a new one created in the vault's region. */
  resourceGroup: { name: string; isNew: boolean };
  name: string;
  /** The region's name, e.g. westeurope. */
  location: string;
  redundancy: StorageRedundancyChoice;
  /** Only with GeoRedundant; cannot be turned off once on. */
  crossRegionRestore: boolean;
  softDelete: { state: SoftDeleteChoice; retentionDays: number };
  immutability: ImmutabilityChoice;
}

export type VaultField = 'subscription' | 'resourceGroup' | 'name' | 'location' | 'redundancy' | 'crossRegionRestore' | 'softDeleteState' | 'softDeleteDays' | 'immutability';

export type VaultProblems = Partial<Record<VaultField, string>>;

const vaultNamePattern = /^[a-zA-Z][-a-zA-Z0-9]{1,49}$/;
const resourceGroupCharacters = /^[-\w.()\p{L}\p{N}]+$/u;

/** Why a vault name is not acceptable, or undefined when it is (uniqueness is the service's to say). */
export function vaultNameProblem(name: string): string | undefined {
  if (name.length === 0) return `Vault name is required: ${vaultNameLength.min}–${vaultNameLength.max} letters, digits or hyphens, starting with a letter.`;
  if (name.length < vaultNameLength.min || name.length > vaultNameLength.max) {
    return `Vault name must be ${vaultNameLength.min}–${vaultNameLength.max} characters long (it has ${name.length}).`;
  }
  if (!/^[a-zA-Z]/.test(name)) return `Vault name must start with a letter a–z or A–Z (it starts with '${name[0]}').`;
  const bad = [...name].find((character) => !/[-a-zA-Z0-9]/.test(character));
  if (bad !== undefined) return `Vault name can contain only letters, digits and hyphens (not '${bad}').`;
  return vaultNamePattern.test(name) ? undefined : `Vault name must match ${vaultNamePattern.source}.`;
}

/** Why a resource group name is not acceptable, or undefined when it is. */
export function resourceGroupNameProblem(name: string): string | undefined {
  const allowed = 'letters, digits, underscores, parentheses, hyphens and periods';
  if (name.length === 0) return `Resource group name is required: ${resourceGroupNameLength.min}–${resourceGroupNameLength.max} ${allowed}.`;
  if (name.length > resourceGroupNameLength.max) return `Resource group name can be at most ${resourceGroupNameLength.max} characters long (it has ${name.length}).`;
  if (!resourceGroupCharacters.test(name)) {
    const bad = [...name].find((character) => !resourceGroupCharacters.test(character));
    return `Resource group name can contain only ${allowed} (not '${bad}').`;
  }
  if (name.endsWith('.')) return 'Resource group name cannot end in a period.';
  return undefined;
}

/** Why a soft delete retention is not acceptable (whole days, 14–180), or undefined when it is. */
export function softDeleteDaysProblem(days: number): string | undefined {
  if (!Number.isInteger(days) || days < softDeleteDays.min || days > softDeleteDays.max) {
    return `Soft delete retention must be a whole number of days from ${softDeleteDays.min} to ${softDeleteDays.max}${Number.isFinite(days) ? ` (not ${days})` : ''}.`;
  }
  return undefined;
}

/** Every problem of a request, by field; empty when Azure would accept it. */
export function vaultRequestProblems(request: VaultCreateRequest): VaultProblems {
  const problems: VaultProblems = {};
  if (!request.subscriptionId) problems.subscription = 'Subscription is required: choose the subscription the vault belongs to.';
  const groupProblem = resourceGroupNameProblem(request.resourceGroup.name);
  if (groupProblem) problems.resourceGroup = groupProblem;
  const nameProblem = vaultNameProblem(request.name);
  if (nameProblem) problems.name = nameProblem;
  if (!request.location) problems.location = "Region is required: choose one of the subscription's regions (the vault backs up VMs of its own region only).";
  if (!storageRedundancies.includes(request.redundancy)) problems.redundancy = `Storage redundancy must be one of ${storageRedundancies.join(', ')}.`;
  if (request.crossRegionRestore && request.redundancy !== 'GeoRedundant') {
    problems.crossRegionRestore = 'Cross region restore needs GeoRedundant storage redundancy.';
  }
  if (!softDeleteStates.includes(request.softDelete.state)) problems.softDeleteState = `Soft delete must be one of ${softDeleteStates.join(', ')}.`;
  const daysProblem = request.softDelete.state === 'Disabled' ? undefined : softDeleteDaysProblem(request.softDelete.retentionDays);
  if (daysProblem) problems.softDeleteDays = daysProblem;
  if (!immutabilityStates.includes(request.immutability)) problems.immutability = `Immutability must be one of ${immutabilityStates.join(', ')}.`;
  return problems;
}

/** Settings that can never be undone once the vault has them: say so before creating. */
export function irreversibleChoices(request: VaultCreateRequest): string[] {
  const warnings: string[] = [];
  if (request.crossRegionRestore) warnings.push('Cross region restore cannot be turned off once it is enabled.');
  if (request.softDelete.state === 'AlwaysOn') warnings.push('Soft delete set to Always on can never be disabled again.');
  if (request.immutability === 'Locked') warnings.push('Locked immutability can never be unlocked or disabled: recovery points cannot be deleted before they expire, and retention cannot be cut.');
  return warnings;
}
