// From the draft and what the host sent to what the form knows: the facts the rules need
// (RestoreRulesContext), each field's problem (restoreRequestProblems, then what only the lists
// and the host's answers know), and the request the draft stands for.
import type { RestoreRequest, RestoreSource } from '../../../restore/restoreRequest';
import { restoreRequestProblems, usesTargetResourceGroup, type RestoreField, type RestoreProblems } from '../../../restore/restoreRules';
import type { RestoreRulesContext, StagingAccountInfo } from '../../../restore/restoreRulesContext';
import { acceptedStagingAccounts } from '../../../restore/stagingAccountRules';
import { resourceGroupNameProblem } from '../../../azure/vaultRules';
import { choicesOf, newStagingAccount, type RestoreDraft } from '../../shared/restoreDraft';
import type { RestoreDetails, RestoreIdentity, RestoreTargetsInfo } from '../../shared/restoreProtocol';
import { stagingAccountNameProblem } from '../../shared/stagingAccountName';

/** What the host sent: the source and its details, the targets, and the VM names taken per resource group (lower case). */
export interface RestoreData {
  identity?: RestoreIdentity;
  source?: RestoreSource;
  details?: RestoreDetails;
  loadFailed?: string;
  targets?: RestoreTargetsInfo;
  targetsError?: string;
  vmNames: Map<string, { names: string[]; error?: string }>;
}

export function emptyData(): RestoreData {
  return { vmNames: new Map() };
}

export const groupKey = (resourceGroup: string): string => resourceGroup.trim().toLowerCase();

/** The request the draft stands for, with the form's source. */
export function requestOf(draft: RestoreDraft, source: RestoreSource, confirmVmName: string): RestoreRequest {
  return { ...choicesOf(draft, source, confirmVmName), source };
}

/** What the rules need beyond the request: the host's lists (when they came), the names taken in the target group. */
export function rulesContextOf(draft: RestoreDraft, data: RestoreData): RestoreRulesContext {
  const context: RestoreRulesContext = {};
  if (data.details?.vaultRedundancy) context.vaultRedundancy = data.details.vaultRedundancy;
  if (data.targets && !data.targetsError) {
    const { sourceVm, resourceGroups, virtualNetworks, storageAccounts, zones } = data.targets;
    Object.assign(context, { sourceVm, resourceGroups, virtualNetworks, storageAccounts, zones });
  }
  const taken = data.vmNames.get(groupKey(draft.targetResourceGroup));
  if (taken && !taken.error) context.takenVmNames = taken.names;
  return context;
}

/** The staging accounts the form offers: those Azure takes for this point, by name. */
export function offeredStagingAccounts(data: RestoreData): StagingAccountInfo[] {
  if (!data.source || !data.targets) return [];
  return acceptedStagingAccounts(data.targets.storageAccounts, { vaultLocation: data.source.vaultLocation, point: data.source.point });
}

/** Whether a problem only waits for an answer from the host (said as progress, not as an error). */
export function isPending(problem: string | undefined): boolean {
  return problem !== undefined && /^(Checking|Loading|Creating)\b/.test(problem);
}

/**
 * Every problem of the draft by field, except the replace's typed name (asked on the review):
 * Azure's rules with what the form knows, then the lists still loading or that failed, the name
 * check of the target group, and a staging account still to be created.
 */
export function formProblems(draft: RestoreDraft, data: RestoreData, creatingAccount: boolean): RestoreProblems {
  const source = data.source;
  if (!source) return {};
  const request = requestOf(draft, source, '');
  const problems = restoreRequestProblems(request, rulesContextOf(draft, data));
  delete problems.confirmVmName;
  const listFailed = data.targetsError ? `Azure did not list where the restore can go: ${data.targetsError}` : undefined;
  const loading = !data.targets && !data.targetsError;
  if (draft.stagingStorageAccountId === newStagingAccount) {
    problems.stagingStorageAccount = creatingAccount
      ? 'Creating the storage account…'
      : 'Create the new storage account with "Create storage account", or choose an existing one.';
  } else if (!problems.stagingStorageAccount && (loading || listFailed)) {
    problems.stagingStorageAccount = listFailed ?? 'Loading the storage accounts of the vault’s region…';
  }
  if (usesTargetResourceGroup(request) && !problems.targetResourceGroup && (loading || listFailed)) {
    problems.targetResourceGroup = listFailed ?? 'Loading the resource groups…';
  }
  if (draft.type === 'newVm' && !problems.vmName && request.targetResourceGroup && !resourceGroupNameProblem(request.targetResourceGroup)) {
    const taken = data.vmNames.get(groupKey(request.targetResourceGroup));
    if (!taken) problems.vmName = `Checking that the name is free in ${request.targetResourceGroup}…`;
    else if (taken.error) problems.vmName = `Could not check whether the name is free in ${request.targetResourceGroup}: ${taken.error}`;
  }
  return problems;
}

/** The problem of the new staging account's name and group, before it is created. */
export function newAccountProblem(draft: RestoreDraft): string | undefined {
  return stagingAccountNameProblem(draft.newAccountName.trim()) ?? (draft.newAccountResourceGroup ? undefined : 'Choose the resource group of the new storage account.');
}

/** The draft fields each form field is made of: touching one shows the field's message. */
export const fieldSources: Record<RestoreField, readonly (keyof RestoreDraft | 'confirmVmName')[]> = {
  type: ['type'],
  targetResourceGroup: ['targetResourceGroup'],
  vmName: ['vmName'],
  virtualNetwork: ['virtualNetworkId'],
  subnet: ['subnetName'],
  stagingStorageAccount: ['stagingStorageAccountId', 'newAccountName'],
  zone: ['zone'],
  rehydrationPriority: ['rehydrationPriority'],
  rehydrationDays: ['rehydrationDays'],
  confirmVmName: ['confirmVmName'],
};

/** Each field's name, as the blockers list them. */
export const fieldLabels: Record<RestoreField, string> = {
  type: 'Restore type',
  targetResourceGroup: 'Target resource group',
  vmName: 'Virtual machine name',
  virtualNetwork: 'Virtual network',
  subnet: 'Subnet',
  stagingStorageAccount: 'Staging storage account',
  zone: 'Availability zone',
  rehydrationPriority: 'Rehydration priority',
  rehydrationDays: 'Keep rehydrated for',
  confirmVmName: 'Confirm the VM name',
};

/** The key a validation answers for: the choices that go to Azure (the typed confirmation does not). */
export function validationKey(draft: RestoreDraft, source: RestoreSource): string {
  return JSON.stringify({ ...choicesOf(draft, source, ''), confirmVmName: undefined });
}
