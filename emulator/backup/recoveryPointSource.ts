import type { EmulatorState, RecoveryPointRecord, RecoveryPointSource, VirtualMachineRecord } from '../state/model';
import { keyOf } from '../state/lookup';

type Json = Record<string, unknown>;

/**
 * What a backup keeps of the VM: size, OS, zone and disks (the point's virtualMachineSize, osType,
 * zones and recoveryPointDiskConfiguration), and where its primary interface was, for the restore
 * template's default network.
 */
export function sourceOf(state: EmulatorState, vm: VirtualMachineRecord): RecoveryPointSource {
  const properties = vm.resource.properties;
  const storage = (properties.storageProfile ?? {}) as Json;
  const osDisk = (storage.osDisk ?? {}) as Json;
  const osType = osTypeOfVm(vm);
  const accountType = (disk: Json) => String(((disk.managedDisk ?? {}) as Json).storageAccountType ?? 'Premium_LRS');
  return {
    vmSize: String(((properties.hardwareProfile ?? {}) as Json).vmSize ?? 'Standard_B2s'),
    osType,
    ...(Array.isArray(vm.resource.zones) && vm.resource.zones.length > 0 ? { zones: (vm.resource.zones as unknown[]).map(String) } : {}),
    osDisk: {
      name: String(osDisk.name ?? `${vm.resource.name}_OsDisk_1`),
      diskSizeGB: Number(osDisk.diskSizeGB ?? (osType === 'Windows' ? 127 : 30)),
      storageAccountType: accountType(osDisk),
    },
    dataDisks: ((storage.dataDisks ?? []) as Json[]).map((disk, index) => ({
      lun: Number(disk.lun ?? index),
      name: String(disk.name ?? `${vm.resource.name}_DataDisk_${index}`),
      diskSizeGB: Number(disk.diskSizeGB ?? 32),
      storageAccountType: accountType(disk),
    })),
    ...subnetOf(state, vm),
  };
}

export function osTypeOfVm(vm: VirtualMachineRecord): 'Linux' | 'Windows' {
  const properties = vm.resource.properties;
  const osType = (((properties.storageProfile ?? {}) as Json).osDisk as Json | undefined)?.osType;
  if (osType === 'Windows' || osType === 'Linux') return osType;
  return ((properties.osProfile ?? {}) as Json).windowsConfiguration ? 'Windows' : 'Linux';
}

/**
 * The consistency a backup of the VM gets ("Snapshot consistency",
 * learn.microsoft.com/azure/backup/backup-azure-vms-introduction): application-consistent on
 * Windows (VSS); file-system consistent on Linux, whose application consistency needs pre- and
 * post-scripts that no VM here has; crash-consistent when the VM was not running.
 */
export function consistencyOf(vm: VirtualMachineRecord | undefined): RecoveryPointRecord['type'] {
  if (!vm || vm.powerState !== 'running') return 'CrashConsistent';
  return osTypeOfVm(vm) === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent';
}

function subnetOf(state: EmulatorState, vm: VirtualMachineRecord): { subnetId?: string } {
  const interfaces = (((vm.resource.properties.networkProfile ?? {}) as Json).networkInterfaces ?? []) as Json[];
  const nicId = interfaces.map((reference) => reference.id).find((id): id is string => typeof id === 'string');
  const nic = nicId ? state.networkResources[keyOf(nicId)] : undefined;
  const configurations = ((nic?.resource.properties.ipConfigurations ?? []) as Json[]).map((configuration) => (configuration.properties ?? {}) as Json);
  const subnetId = configurations.map((properties) => (properties.subnet as Json | undefined)?.id).find((id): id is string => typeof id === 'string');
  return subnetId ? { subnetId } : {};
}

/** A point made before sources were kept: its VM as it is now, or a plain Linux VM when it is gone. */
export function sourceOfPoint(state: EmulatorState, point: RecoveryPointRecord, virtualMachineId: string): RecoveryPointSource {
  if (point.source) return point.source;
  const vm = state.virtualMachines[keyOf(virtualMachineId)];
  if (vm) return sourceOf(state, vm);
  const name = virtualMachineId.split('/').pop() ?? 'vm';
  return { vmSize: 'Standard_B2s', osType: 'Linux', osDisk: { name: `${name}_OsDisk_1`, diskSizeGB: 30, storageAccountType: 'Premium_LRS' }, dataDisks: [] };
}
