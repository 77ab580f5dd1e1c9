// Every check a restore gets before it is sent, as the user fills the form (webview) and again
// before sending (host), with the same facts (RestoreRulesContext). Each message names the field
// and the fix. Sources: learn.microsoft.com "How to restore Azure VM data in Azure portal" (restore
// options, storage accounts, cross-zonal restore), "Use Archive tier support" (rehydration) and
// AZURE-BACKUP-FACTS.md "Restore (IaaS VM)".
import { resourceGroupNameProblem } from '../azure/vaultRules';
import { inRange, rangeMessage } from '../policy/policyProblem';
import { isNameTaken, vmNameProblem } from '../vmCreation/nameRules';
import { parseTypedResourceId, sameName, virtualNetworkResourceType } from '../vmCreation/resourceIds';
import {
  needsRehydration,
  rehydrationDays,
  rehydrationPriorities,
  restoreTypes,
  subscriptionOf,
  type RestorePointFacts,
  type RestoreRequest,
} from './restoreRequest';
import type { RestoreRulesContext } from './restoreRulesContext';
import { sameRegion, stagingAccountProblem } from './stagingAccountRules';

export type RestoreField =
  | 'type' | 'targetResourceGroup' | 'vmName' | 'virtualNetwork' | 'subnet' | 'stagingStorageAccount'
  | 'zone' | 'rehydrationPriority' | 'rehydrationDays' | 'confirmVmName';

export type RestoreProblems = Partial<Record<RestoreField, string>>;

type Add = (field: RestoreField, problem: string | undefined) => void;

const storageAccountResourceType = 'Microsoft.Storage/storageAccounts';

const tierLabels: Record<RestorePointFacts['tier'], string> = {
  snapshot: 'the snapshot tier only',
  snapshotAndVault: 'the snapshot and vault tiers',
  vault: 'the vault tier',
  archive: 'the archive tier',
};

/** Whether the request sends a target resource group: a new VM, and restored disks of a managed VM. */
export function usesTargetResourceGroup(request: Pick<RestoreRequest, 'type' | 'source'>): boolean {
  return request.type === 'newVm' || (request.type === 'restoreDisks' && request.source.point.managed);
}

/** Every problem of a request, by field; empty when Azure would take it (as far as the context knows). */
export function restoreRequestProblems(request: RestoreRequest, context: RestoreRulesContext = {}): RestoreProblems {
  const problems: RestoreProblems = {};
  const add: Add = (field, problem) => {
    if (problem !== undefined && problems[field] === undefined) problems[field] = problem;
  };
  if (!restoreTypes.includes(request.type)) {
    add('type', `Restore type must be Create a new VM, Restore disks or Replace existing disks (not '${String(request.type)}').`);
    return problems;
  }
  if (request.type === 'replaceDisks') {
    add('type', replaceEligibilityProblem(request, context));
    add('confirmVmName', replaceConfirmationProblem(request.source.vmName, request.confirmVmName));
  }
  if (usesTargetResourceGroup(request)) add('targetResourceGroup', targetResourceGroupProblem(request, context));
  if (request.type === 'newVm') {
    newVmNameProblems(request, context, add);
    networkProblems(request, context, add);
  }
  add('stagingStorageAccount', stagingProblem(request, context));
  add('zone', zoneProblem(request, context));
  rehydrationProblems(request, add);
  return problems;
}

/**
 * The typed confirmation of a replace: the VM's name exactly, case-sensitive, as the portal and
 * "stop backup and delete data" ask it.
 */
export function replaceConfirmationProblem(vmName: string, typed: string): string | undefined {
  if (typed === vmName) return undefined;
  if (typed === '') return `Type the VM's name "${vmName}" to confirm that its disks will be replaced.`;
  return `Type the VM's name "${vmName}" exactly (case-sensitive) to replace its disks: "${typed}" does not match.`;
}

/** Things worth saying before the restore is sent that do not block it. */
export function restoreRequestWarnings(request: RestoreRequest, context: RestoreRulesContext = {}): string[] {
  const warnings: string[] = [];
  const { source } = request;
  if (request.type === 'replaceDisks') {
    warnings.push(
      `Replace existing disks changes the VM ${source.vmName} itself: Azure Backup snapshots its current disks, then swaps its OS and data disks for those of the point. ` +
        `The current disks stay in the VM's resource group (delete them yourself when they are no longer needed); anything written to the VM since the point is only on them.`,
    );
  }
  if (needsRehydration(source.point)) {
    warnings.push('Azure first rehydrates the point from the archive tier, which takes hours and costs extra; the restore runs after it.');
  }
  const group = usesTargetResourceGroup(request) ? context.resourceGroups?.find((candidate) => sameName(candidate.name, request.targetResourceGroup)) : undefined;
  if (group && sameRegion(group.location, source.vaultLocation) === false) {
    const what = request.type === 'newVm' ? 'new VM' : 'restored disks';
    warnings.push(`Target resource group ${group.name} is in ${group.location}; the ${what} will be in ${source.vaultLocation}, the vault's region, like every restore.`);
  }
  const account = context.storageAccounts?.find((candidate) => sameName(candidate.id, request.stagingStorageAccountId));
  if (request.type === 'restoreDisks' && account?.allowSharedKeyAccess === false) {
    warnings.push(
      `Staging storage account ${account.name} does not allow shared key access: "Create VM from restored disks" reads the template Azure writes there through a SAS and will not reach it. Allow shared key access, or deploy the template yourself.`,
    );
  }
  return warnings;
}

/** Replace existing disks needs the VM itself, with managed disks, unencrypted, in the vault's region. */
function replaceEligibilityProblem(request: RestoreRequest, context: RestoreRulesContext): string | undefined {
  const { source } = request;
  const instead = 'Create a new VM or restore the disks instead.';
  const vm = context.sourceVm;
  if (vm === null) return `VM ${source.vmName} no longer exists: Replace existing disks needs the VM. ${instead}`;
  if (!source.point.managed || vm?.managed === false) return `VM ${source.vmName} has unmanaged disks: Replace existing disks supports only VMs with managed disks. ${instead}`;
  if (source.point.encrypted || vm?.encrypted === true) {
    return `VM ${source.vmName} is encrypted (Azure Disk Encryption): Replace existing disks supports only unencrypted VMs. ${instead}`;
  }
  if (vm && sameRegion(vm.location, source.vaultLocation) === false) {
    return `VM ${source.vmName} is in ${vm.location} and the vault in ${source.vaultLocation}: Replace existing disks works only on a VM of the vault's region. ${instead}`;
  }
  return undefined;
}

function targetResourceGroupProblem(request: RestoreRequest, context: RestoreRulesContext): string | undefined {
  const name = request.targetResourceGroup;
  const what = request.type === 'newVm' ? 'the new VM goes' : 'the restored disks go';
  if (name === '') return `Target resource group is required: choose the resource group ${what} to.`;
  const problem = resourceGroupNameProblem(name);
  if (problem) return problem.replace(/^Resource group/, 'Target resource group');
  if (context.resourceGroups && !context.resourceGroups.some((group) => sameName(group.name, name))) {
    return `Target resource group '${name}' does not exist in this subscription: choose an existing group, or create it first.`;
  }
  return undefined;
}

function newVmNameProblems(request: RestoreRequest, context: RestoreRulesContext, add: Add): void {
  const osType = request.source.point.osType ?? context.sourceVm?.osType ?? 'Linux';
  add('vmName', vmNameProblem(request.vmName, osType));
  if (isNameTaken(request.vmName, context.takenVmNames)) {
    add('vmName', `A VM named '${request.vmName}' already exists in resource group ${request.targetResourceGroup}: choose another name.`);
  }
}

function networkProblems(request: RestoreRequest, context: RestoreRulesContext, add: Add): void {
  const { vaultLocation, vaultId } = request.source;
  const id = parseTypedResourceId(request.virtualNetworkId, virtualNetworkResourceType);
  if (!id) {
    add('virtualNetwork', `Virtual network is required: choose a virtual network of the vault's region (${vaultLocation}) for the new VM.`);
    return;
  }
  if (!sameName(id.subscriptionId, subscriptionOf(vaultId))) {
    add('virtualNetwork', `Virtual network ${id.name} is in another subscription: choose a network of the vault's subscription.`);
    return;
  }
  if (request.subnetName === '') add('subnet', `Subnet is required: choose a subnet of ${id.name}.`);
  if (context.virtualNetworks === undefined) return;
  const found = context.virtualNetworks.find((candidate) => sameName(candidate.id, request.virtualNetworkId));
  if (!found) {
    add('virtualNetwork', `Virtual network ${id.name} (resource group ${id.resourceGroup}) was not found: choose one of the networks of ${vaultLocation}.`);
    return;
  }
  if (sameRegion(found.location, vaultLocation) === false) {
    add('virtualNetwork', `Virtual network ${found.name} is in ${found.location}: the new VM is created in the vault's region (${vaultLocation}), so choose a network there.`);
    return;
  }
  if (request.subnetName !== '' && !found.subnets.some((subnet) => sameName(subnet.name, request.subnetName))) {
    const names = found.subnets.map((subnet) => subnet.name);
    add('subnet', names.length === 0 ? `Virtual network ${found.name} has no subnet: add one, or choose another network.` : `Virtual network ${found.name} has no subnet named '${request.subnetName}': choose ${names.join(', ')}.`);
  }
}

function stagingProblem(request: RestoreRequest, context: RestoreRulesContext): string | undefined {
  const { vaultLocation, vaultId, point } = request.source;
  const id = parseTypedResourceId(request.stagingStorageAccountId, storageAccountResourceType);
  if (!id) return `Staging storage account is required: choose a general-purpose account in the vault's region (${vaultLocation}), or create one.`;
  if (!sameName(id.subscriptionId, subscriptionOf(vaultId))) return `Staging storage account ${id.name} is in another subscription: choose an account of the vault's subscription.`;
  if (context.storageAccounts === undefined) return undefined;
  const account = context.storageAccounts.find((candidate) => sameName(candidate.id, request.stagingStorageAccountId));
  if (!account) return `Staging storage account ${id.name} (resource group ${id.resourceGroup}) was not found: choose another, or create one.`;
  return stagingAccountProblem(account, { vaultLocation, point });
}

/**
 * A zone is for a new VM or restored disks. The point's own zone always restores; another zone
 * (or one for a VM that was not zone-pinned) is Cross Zonal Restore: only from a point in the vault
 * tier alone (not from snapshots), of a managed, unencrypted VM, with a zone-redundant vault.
 */
function zoneProblem(request: RestoreRequest, context: RestoreRulesContext): string | undefined {
  const { zone, source } = request;
  if (zone === undefined) return undefined;
  if (request.type === 'replaceDisks') return 'Availability zone does not apply to Replace existing disks: the VM keeps its own zone. Clear the zone.';
  if (!['1', '2', '3'].includes(zone)) return `Availability zone must be 1, 2 or 3, or none (not '${String(zone)}').`;
  if (context.zones?.length === 0) return `Region ${source.vaultLocation} has no availability zones: choose no zone.`;
  if (context.zones && !context.zones.includes(zone)) return `Availability zone ${zone} is not offered in ${source.vaultLocation}: choose ${context.zones.join(', ')} or none.`;
  const { point } = source;
  if (point.zones.includes(zone)) return undefined;
  const own = point.zones.length > 0 ? `zone ${point.zones.join(', ')}` : 'no zone';
  const keep = point.zones.length > 0 ? `choose zone ${point.zones[0]}, or none` : 'choose no zone';
  if (point.tier !== 'vault') {
    return `Availability zone ${zone} differs from the point's (${own}): restoring to another zone needs a point in the vault tier only, and this one is in ${tierLabels[point.tier]}. Choose an older point in the vault tier, or ${keep}.`;
  }
  if (!point.managed) return `Availability zone ${zone} differs from the point's (${own}): restoring to another zone needs a VM with managed disks. ${capitalized(keep)}.`;
  if (point.encrypted) return `Availability zone ${zone} differs from the point's (${own}): restoring an encrypted VM to another zone is not supported. ${capitalized(keep)}.`;
  if (context.vaultRedundancy && context.vaultRedundancy !== 'ZoneRedundant') {
    return `Availability zone ${zone} differs from the point's (${own}): restoring to another zone needs a vault with zone-redundant storage, and this one is ${context.vaultRedundancy}. ${capitalized(keep)}.`;
  }
  return undefined;
}

function rehydrationProblems(request: RestoreRequest, add: Add): void {
  if (!needsRehydration(request.source.point)) return;
  const { rehydration } = request;
  if (!rehydration) {
    add(
      'rehydrationPriority',
      `This recovery point is only in the archive tier: Azure must rehydrate it before it restores. Choose a rehydration priority (Standard, or High: faster and dearer) and how long to keep it rehydrated (${rehydrationDays.min}–${rehydrationDays.max} days).`,
    );
    return;
  }
  if (!rehydrationPriorities.includes(rehydration.priority)) add('rehydrationPriority', `Rehydration priority must be Standard or High (not '${String(rehydration.priority)}').`);
  if (!inRange(rehydration.days, rehydrationDays)) add('rehydrationDays', rangeMessage('Rehydration duration', rehydrationDays, 'days', rehydration.days));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
