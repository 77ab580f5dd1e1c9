import type { EmulatorContext } from '../context';
import { keyOf, resourceGroupId, virtualMachineId } from '../state/lookup';
import type { ProtectedItemRecord, RecoveryPointRecord, RecoveryType, ResourceGroupRecord, ResourceRecord, VaultRecord } from '../state/model';
import { zonesOf } from '../resources/regions';
import { networkRecordAt } from '../resources/network/networkRecords';
import { subnetsOf } from '../resources/network/networkReferences';
import { redundancySettings } from './vaultSettings';
import type { PointTiers } from './recoveryPointTiers';
import { restoreProblems, type RestoreProblem } from './restoreErrors';
import { sourceOfPoint } from './recoveryPointSource';

type Json = Record<string, unknown>;

/** Where a restore goes, once its checks have passed. */
export interface RestoreTarget {
  storageAccount: ResourceRecord;
  /** AlternateLocation and RestoreDisks: the group the VM or the disks go to. */
  targetGroup?: ResourceGroupRecord;
  /** AlternateLocation: the new VM. */
  targetVirtualMachineId?: string;
  subnetId?: string;
  /** The zone the restored VM or disks go to: the request's, or the backed-up VM's. */
  zones?: string[];
}

/**
 * Only general-purpose accounts of the standard tier with locally or geo-redundant storage can stage a
 * restore ("The storage account specified for the restore operation isn't supported: Only Basic or
 * Standard storage accounts with locally redundant or geo-redundant replication settings are
 * supported", backup-azure-vms-troubleshoot.md): no premium, no zone-redundant, no blob-only or
 * file-only kinds.
 */
const stagingSkus = new Set(['Standard_LRS', 'Standard_GRS', 'Standard_RAGRS']);
const stagingKinds = new Set(['Storage', 'StorageV2']);

/** VM names: Windows 1–15 characters, Linux 1–64; letters, digits, hyphens (Linux also _ and .); no leading _, no trailing . or -. */
function vmNameProblem(name: string, osType: 'Linux' | 'Windows'): string | undefined {
  const pattern = osType === 'Windows' ? /^[a-zA-Z0-9][-a-zA-Z0-9]{0,14}$/ : /^[a-zA-Z0-9][-a-zA-Z0-9_.]{0,63}$/;
  if (!pattern.test(name) || /[.-]$/.test(name)) {
    return osType === 'Windows'
      ? `'${name}' is not a valid Windows VM name: 1 to 15 letters, digits and hyphens, not ending with a hyphen.`
      : `'${name}' is not a valid Linux VM name: 1 to 64 letters, digits, hyphens, underscores and periods, not starting with an underscore nor ending with a period or hyphen.`;
  }
  return undefined;
}

export function checkRestoreTarget(
  context: EmulatorContext,
  vault: VaultRecord,
  item: ProtectedItemRecord,
  point: RecoveryPointRecord,
  tiers: PointTiers,
  recoveryType: RecoveryType,
  properties: Json,
  problems: RestoreProblem[],
): RestoreTarget | undefined {
  const storageAccount = checkStagingAccount(context, vault, properties, problems);
  const source = sourceOfPoint(context.state, point, item.virtualMachineId);
  const zones = checkZones(vault, point, tiers, recoveryType, properties.zones, problems);
  if (recoveryType === 'OriginalLocation') {
    if (!context.state.virtualMachines[keyOf(item.virtualMachineId)]) problems.push(restoreProblems.originalVmNotFound(item.virtualMachineId));
    return storageAccount ? { storageAccount } : undefined;
  }
  const targetGroup = checkTargetGroup(context, properties.targetResourceGroupId, problems);
  if (recoveryType === 'RestoreDisks') return storageAccount && targetGroup ? { storageAccount, targetGroup, ...(zones ? { zones } : {}) } : undefined;

  const target = typeof properties.targetVirtualMachineId === 'string' ? /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i.exec(properties.targetVirtualMachineId) : null;
  let targetVirtualMachineId: string | undefined;
  if (!target) {
    problems.push(restoreProblems.invalidParameter('targetVirtualMachineId', 'Give the ARM id of the virtual machine to create: …/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}.'));
  } else if (targetGroup && keyOf(target[1]!) !== keyOf(resourceGroupId(targetGroup.subscriptionId, targetGroup.name))) {
    problems.push(restoreProblems.invalidParameter('targetVirtualMachineId', 'The new virtual machine must be in targetResourceGroupId.'));
  } else if (targetGroup) {
    const name = target[2]!;
    const nameProblem = vmNameProblem(name, source.osType);
    const id = virtualMachineId(targetGroup.subscriptionId, targetGroup.name, name);
    if (nameProblem) problems.push(restoreProblems.invalidParameter('targetVirtualMachineId', nameProblem));
    else if (context.state.virtualMachines[keyOf(id)]) problems.push(restoreProblems.vmNameTaken(name, targetGroup.name));
    else targetVirtualMachineId = id;
  }
  const subnetId = checkNetwork(context, vault, properties, problems);
  if (!storageAccount || !targetGroup || !targetVirtualMachineId || !subnetId) return undefined;
  return { storageAccount, targetGroup, targetVirtualMachineId, subnetId, ...(zones ? { zones } : {}) };
}

function checkStagingAccount(context: EmulatorContext, vault: VaultRecord, properties: Json, problems: RestoreProblem[]): ResourceRecord | undefined {
  const identityBased = ((properties.identityBasedRestoreDetails ?? {}) as Json).targetStorageAccountId;
  const id = typeof properties.storageAccountId === 'string' && properties.storageAccountId !== '' ? properties.storageAccountId : identityBased;
  if (typeof id !== 'string' || id === '') {
    problems.push(restoreProblems.invalidParameter('storageAccountId', "A staging storage account in the vault's region is needed for the restore's configuration and template."));
    return undefined;
  }
  const account = context.state.storageAccounts[keyOf(id.replace(/\/+$/, ''))];
  if (!account) {
    problems.push(restoreProblems.storageAccountNotFound(id));
    return undefined;
  }
  if (account.resource.location !== vault.resource.location) {
    problems.push(restoreProblems.storageAccountInOtherRegion(account.resource.location, vault.resource.location));
    return undefined;
  }
  const sku = String(((account.resource.sku ?? {}) as Json).name ?? '');
  const kind = String(account.resource.kind ?? '');
  if (!stagingSkus.has(sku) || !stagingKinds.has(kind)) {
    problems.push(restoreProblems.unsupportedStorageAccount(sku, kind));
    return undefined;
  }
  return account;
}

function checkTargetGroup(context: EmulatorContext, value: unknown, problems: RestoreProblem[]): ResourceGroupRecord | undefined {
  const match = typeof value === 'string' ? /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/?$/i.exec(value) : null;
  if (!match) {
    problems.push(restoreProblems.invalidParameter('targetResourceGroupId', 'Give the ARM id of the resource group to restore to: /subscriptions/{id}/resourceGroups/{name}.'));
    return undefined;
  }
  const group = context.state.resourceGroups[keyOf(resourceGroupId(match[1]!, match[2]!))];
  if (!group) problems.push(restoreProblems.targetResourceGroupNotFound(match[2]!));
  return group;
}

/** The new VM's network: a subnet of a virtual network in the restore's region. Returns the subnet's id. */
function checkNetwork(context: EmulatorContext, vault: VaultRecord, properties: Json, problems: RestoreProblem[]): string | undefined {
  const networkId = typeof properties.virtualNetworkId === 'string' ? properties.virtualNetworkId.replace(/\/+$/, '') : '';
  const subnetId = typeof properties.subnetId === 'string' ? properties.subnetId.replace(/\/+$/, '') : '';
  if (networkId === '') {
    problems.push(restoreProblems.invalidParameter('virtualNetworkId', 'A new virtual machine needs the virtual network to join.'));
    return undefined;
  }
  const network = networkRecordAt(context, networkId);
  if (!network || network.resource.type.toLowerCase() !== 'microsoft.network/virtualnetworks') {
    problems.push(restoreProblems.invalidNetwork(`The virtual network '${networkId}' was not found.`));
    return undefined;
  }
  if (network.resource.location !== vault.resource.location) {
    problems.push(restoreProblems.invalidNetwork(`The virtual network '${network.resource.name}' is in '${network.resource.location}'; the restored VM is created in '${vault.resource.location}'.`));
    return undefined;
  }
  if (subnetId === '' || !keyOf(subnetId).startsWith(`${keyOf(network.resource.id)}/subnets/`)) {
    problems.push(restoreProblems.invalidNetwork(`The subnet '${subnetId}' is not a subnet of '${network.resource.name}'.`));
    return undefined;
  }
  const name = subnetId.split('/').pop()!;
  const subnet = subnetsOf(network).find((candidate) => keyOf(String(candidate.name)) === keyOf(name));
  if (!subnet) {
    problems.push(restoreProblems.subnetNotFound(subnetId));
    return undefined;
  }
  return `${network.resource.id}/subnets/${String(subnet.name)}`;
}

/**
 * The zone of the restored VM or disks: the backed-up VM's unless the request names another, which is
 * a cross-zonal restore: only for a zone-pinned VM, from a point in the vault tier only, in a
 * zone-redundant vault (tutorial-restore-disk.md, "Cross-zonal restore"). Replacing disks keeps the
 * VM where it is.
 */
function checkZones(vault: VaultRecord, point: RecoveryPointRecord, tiers: PointTiers, recoveryType: RecoveryType, value: unknown, problems: RestoreProblem[]): string[] | undefined {
  const sourceZones = point.source?.zones;
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return sourceZones;
  if (recoveryType === 'OriginalLocation') {
    problems.push(restoreProblems.invalidParameter('zones', 'Replacing the disks of the original VM keeps it in its zone.'));
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string') {
    problems.push(restoreProblems.invalidParameter('zones', 'Give one availability zone, e.g. ["1"].'));
    return undefined;
  }
  const zone = value[0];
  if (!zonesOf(vault.resource.location).includes(zone)) {
    problems.push(restoreProblems.zoneNotInRegion(zone, vault.resource.location));
    return undefined;
  }
  if (sourceZones?.[0] === zone) return [zone];
  const redundancy = redundancySettings(vault).standardTierStorageRedundancy;
  if (!sourceZones) problems.push(restoreProblems.crossZonalRestore('The backed-up virtual machine was not pinned to an availability zone.'));
  else if (redundancy !== 'ZoneRedundant') problems.push(restoreProblems.crossZonalRestore(`The vault's storage redundancy is ${redundancy}, not ZoneRedundant.`));
  else if (tiers.snapshot) problems.push(restoreProblems.crossZonalRestore('The recovery point still has its snapshot tier; choose a point in the vault tier only.'));
  else return [zone];
  return undefined;
}
