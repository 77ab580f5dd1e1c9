import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { keyOf, resourceGroupId } from '../state/lookup';
import type { JobError, JobRecord, ProtectedItemRecord, RecoveryPointSource, ResourceGroupRecord, ResourceRecord, RestoreJobRecord, VaultRecord, VirtualMachineRecord } from '../state/model';
import { isoTime } from '../operations';
import { diskId, newManagedDisk } from '../resources/compute/managedDisks';
import { blobUrl, putBlob } from '../resources/storage/blobStore';
import { networkRecordAt } from '../resources/network/networkRecords';
import { subnetsOf } from '../resources/network/networkReferences';
import { restoreProblems, type RestoreProblem } from './restoreErrors';
import { newRestoredInterface } from './restoreNetwork';
import { restoredVmConfig, restoredVmTemplate } from './restoreTemplate';

type Json = Record<string, unknown>;
const day = 24 * 3600 * 1000;

/** A restore's end failed: the job fails with this error. */
class RestoreFailure extends Error {
  constructor(readonly problem: RestoreProblem) {
    super(problem.message);
  }
}

/**
 * What a Restore job makes when it ends, as Azure leaves it ("Restore options",
 * learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms):
 * - RestoreDisks: managed disks in the target resource group, and in the staging account the VM's
 *   configuration and a template that creates a VM from those disks;
 * - AlternateLocation: those disks, a new network interface in the given subnet and a new VM of the
 *   backed-up size and OS using them;
 * - OriginalLocation: the original VM's disks swapped for restored ones; the replaced disks stay in
 *   the VM's resource group, detached.
 * A rehydrated archive point stays readable for the days the request asked. Returns the job's error
 * when what the restore needs has gone since it started (the target group, the staging account, the
 * network, the original VM) or the new VM's name was taken meanwhile.
 */
export function applyRestore(context: EmulatorContext, _vault: VaultRecord, item: ProtectedItemRecord | undefined, job: JobRecord, at: number): JobError | undefined {
  const restore = job.restore;
  if (!restore) return undefined;
  const point = item?.recoveryPoints.find((candidate) => candidate.name === restore.pointName);
  if (point && restore.rehydration) point.rehydratedUntil = isoTime(at + context.scaled(restore.rehydration.retentionDays * day));
  try {
    if (restore.recoveryType === 'RestoreDisks') restoreDisks(context, job, restore, at);
    else if (restore.recoveryType === 'AlternateLocation') restoreToNewVm(context, restore, at);
    else replaceDisks(context, job.virtualMachineId ?? '', restore, at);
    context.changed();
    return undefined;
  } catch (error) {
    if (!(error instanceof RestoreFailure)) throw error;
    context.changed();
    return { numericCode: 400000, code: error.problem.code, message: error.problem.message, recommendations: error.problem.recommendations };
  }
}

function restoreDisks(context: EmulatorContext, job: JobRecord, restore: RestoreJobRecord, at: number): void {
  const group = requireGroup(context, restore.targetResourceGroupId!);
  const account = context.state.storageAccounts[keyOf(restore.storageAccountId)];
  if (!account) throw new RestoreFailure(restoreProblems.storageAccountNotFound(restore.storageAccountId));
  const vmName = job.entityFriendlyName;
  const disks = makeDisks(context, group, vmName, restore, at);
  const container = restore.configContainer!;
  const configName = `config-${vmName}-${job.id}.json`;
  const templateName = `azuredeploy${job.id}.json`;
  const write = (name: string, content: Json) => putBlob(context, { account: account.resource.name, container, name, contentType: 'application/json', content: JSON.stringify(content, null, 2), createdAt: at });
  write(configName, restoredVmConfig(vmName, restore.region, restore.source, disks));
  write(templateName, restoredVmTemplate(vmName, restore.region, restore.source, disks, restore.zones));
  restore.made = {
    diskIds: disks.map((disk) => disk.resource.id),
    configBlob: blobUrl(account.resource.name, container, configName),
    templateBlob: blobUrl(account.resource.name, container, templateName),
  };
}

function restoreToNewVm(context: EmulatorContext, restore: RestoreJobRecord, at: number): void {
  const group = requireGroup(context, restore.targetResourceGroupId!);
  const vmId = restore.targetVirtualMachineId!;
  const name = vmId.split('/').pop()!;
  if (context.state.virtualMachines[keyOf(vmId)]) throw new RestoreFailure(restoreProblems.vmNameTaken(name, group.name));
  const subnetId = restore.subnetId!;
  const network = networkRecordAt(context, subnetId.slice(0, keyOf(subnetId).lastIndexOf('/subnets/')));
  if (!network || !subnetsOf(network).some((subnet) => keyOf(String(subnet.name)) === keyOf(subnetId.split('/').pop()!))) throw new RestoreFailure(restoreProblems.subnetNotFound(subnetId));
  const disks = makeDisks(context, group, name, restore, at);
  const nic = newRestoredInterface(context, group.subscriptionId, group.name, name, restore.region, subnetId);
  const source = restore.source;
  const [osDisk, ...dataDisks] = disks;
  const vm: VirtualMachineRecord = {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    resource: {
      id: vmId,
      name,
      type: 'Microsoft.Compute/virtualMachines',
      location: restore.region,
      ...(restore.zones ? { zones: restore.zones } : {}),
      properties: {
        vmId: randomUUID(),
        hardwareProfile: { vmSize: source.vmSize },
        storageProfile: {
          osDisk: attached(osDisk!, source.osDisk.storageAccountType, 'ReadWrite', { osType: source.osType }),
          dataDisks: source.dataDisks.map((disk, index) => attached(dataDisks[index]!, disk.storageAccountType, 'None', { lun: disk.lun })),
        },
        networkProfile: { networkInterfaces: [{ id: nic.resource.id, properties: { primary: true } }] },
        timeCreated: isoTime(at),
      },
    },
    powerState: 'running',
  };
  context.state.virtualMachines[keyOf(vmId)] = vm;
  restore.made = { diskIds: disks.map((disk) => disk.resource.id), virtualMachineId: vmId, networkInterfaceId: nic.resource.id };
}

function replaceDisks(context: EmulatorContext, vmId: string, restore: RestoreJobRecord, at: number): void {
  const vm = context.state.virtualMachines[keyOf(vmId)];
  if (!vm) throw new RestoreFailure(restoreProblems.originalVmNotFound(vmId));
  const group = context.state.resourceGroups[keyOf(resourceGroupId(vm.subscriptionId, vm.resourceGroup))]!;
  const storage = (vm.resource.properties.storageProfile ?? {}) as Json;
  const replaced = [storage.osDisk as Json | undefined, ...((storage.dataDisks ?? []) as Json[])].filter((disk): disk is Json => disk !== undefined).map((disk) => keepReplacedDisk(context, vm, disk, at));
  const disks = makeDisks(context, group, vm.resource.name, restore, at);
  const [osDisk, ...dataDisks] = disks;
  const source = restore.source;
  storage.osDisk = { ...((storage.osDisk ?? {}) as Json), ...attached(osDisk!, source.osDisk.storageAccountType, 'ReadWrite', { osType: source.osType }) };
  storage.dataDisks = source.dataDisks.map((disk, index) => attached(dataDisks[index]!, disk.storageAccountType, 'None', { lun: disk.lun }));
  vm.resource.properties.storageProfile = storage;
  restore.made = { diskIds: disks.map((disk) => disk.resource.id), virtualMachineId: vm.resource.id, replacedDiskIds: replaced };
}

/** A replaced disk stays in the VM's group, detached: recorded as a managed disk if it was not one here yet. */
function keepReplacedDisk(context: EmulatorContext, vm: VirtualMachineRecord, disk: Json, at: number): string {
  const managed = (disk.managedDisk ?? {}) as Json;
  const name = String(disk.name ?? `${vm.resource.name}_OsDisk_1`);
  const id = typeof managed.id === 'string' ? managed.id : diskId(vm.subscriptionId, vm.resourceGroup, name);
  if (!context.state.disks[keyOf(id)]) {
    const record = newManagedDisk({
      subscriptionId: vm.subscriptionId,
      resourceGroup: vm.resourceGroup,
      name: id.split('/').pop()!,
      location: vm.resource.location,
      ...(Array.isArray(vm.resource.zones) ? { zones: vm.resource.zones as string[] } : {}),
      ...(disk.osType === 'Linux' || disk.osType === 'Windows' ? { osType: disk.osType } : {}),
      diskSizeGB: Number(disk.diskSizeGB ?? 30),
      storageAccountType: String(managed.storageAccountType ?? 'Premium_LRS'),
      createOption: String(disk.createOption ?? 'FromImage'),
      createdAt: Date.parse(String(vm.resource.properties.timeCreated ?? '')) || at,
    });
    context.state.disks[keyOf(id)] = record;
  }
  return id;
}

/** The restored disks: '<vm>-osdisk-<stamp>' and '<vm>-datadisk-<lun>-<stamp>', in the restore's region and zone. */
function makeDisks(context: EmulatorContext, group: ResourceGroupRecord, vmName: string, restore: RestoreJobRecord, at: number): ResourceRecord[] {
  const source: RecoveryPointSource = restore.source;
  const make = (name: string, size: number, accountType: string, osType?: 'Linux' | 'Windows') => {
    const record = newManagedDisk({
      subscriptionId: group.subscriptionId,
      resourceGroup: group.name,
      name: uniqueDiskName(context, group, name),
      location: restore.region,
      ...(restore.zones ? { zones: restore.zones } : {}),
      ...(osType ? { osType } : {}),
      diskSizeGB: size,
      storageAccountType: accountType,
      createOption: 'Restore',
      createdAt: at,
    });
    context.state.disks[keyOf(record.resource.id)] = record;
    return record;
  };
  return [
    make(`${vmName}-osdisk-${restore.stamp}`, source.osDisk.diskSizeGB, source.osDisk.storageAccountType, source.osType),
    ...source.dataDisks.map((disk) => make(`${vmName}-datadisk-${String(disk.lun).padStart(3, '0')}-${restore.stamp}`, disk.diskSizeGB, disk.storageAccountType)),
  ];
}

function uniqueDiskName(context: EmulatorContext, group: ResourceGroupRecord, name: string): string {
  let candidate = name;
  for (let n = 1; context.state.disks[keyOf(diskId(group.subscriptionId, group.name, candidate))]; n++) candidate = `${name}-${n}`;
  return candidate;
}

function attached(disk: ResourceRecord, storageAccountType: string, caching: string, extra: Json): Json {
  return { ...extra, name: disk.resource.name, createOption: 'Attach', caching, deleteOption: 'Detach', diskSizeGB: disk.resource.properties.diskSizeGB, managedDisk: { storageAccountType, id: disk.resource.id } };
}

function requireGroup(context: EmulatorContext, id: string): ResourceGroupRecord {
  const group = context.state.resourceGroups[keyOf(id)];
  if (!group) throw new RestoreFailure(restoreProblems.targetResourceGroupNotFound(id.split('/').pop()!));
  return group;
}
