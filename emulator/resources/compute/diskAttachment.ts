import type { EmulatorContext } from '../../context';
import { keyOf } from '../../state/lookup';
import { ComputeError, computeResourceNotFound } from './computeErrors';
import { diskOwner } from './managedDisks';
import type { VmWrite } from './vmCreateValidation';

type Json = Record<string, unknown>;

/**
 * A VM that attaches existing managed disks (createOption 'Attach', as a restore's template does):
 * each disk must exist (Compute's NotFound), be in the VM's region, and not be another VM's. The
 * region and in-use answers are worded after Compute's ('Disk … is attached to VM …'); their codes
 * are this emulator's choice. Only disks the emulator holds (those restores made) can be attached.
 */
export function checkAttachedDisks(context: EmulatorContext, vm: VmWrite): void {
  const storage = (vm.sent.storageProfile ?? {}) as Json;
  const disks = [['osDisk', storage.osDisk], ...((storage.dataDisks ?? []) as unknown[]).map((disk, index) => [`dataDisks[${index}]`, disk])] as [string, Json | undefined][];
  for (const [target, disk] of disks) {
    if (String(disk?.createOption ?? '').toLowerCase() !== 'attach') continue;
    const id = ((disk?.managedDisk ?? {}) as Json).id;
    if (typeof id !== 'string') continue;
    const record = context.state.disks[keyOf(id)];
    if (!record) throw computeResourceNotFound(id);
    if (record.resource.location !== vm.location) {
      throw new ComputeError(400, 'InvalidParameter', `Disk ${record.resource.name} is in location '${record.resource.location}'; the virtual machine is in '${vm.location}'. A VM can attach only disks of its own region.`, `${target}.managedDisk.id`);
    }
    const owner = diskOwner(context, id);
    if (owner && keyOf(owner) !== keyOf(vm.id)) throw new ComputeError(409, 'OperationNotAllowed', `Disk ${record.resource.name} is attached to VM ${owner}.`, `${target}.managedDisk.id`);
  }
}
