import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import { derived } from '../../state/derived';
import { keyOf, resourceGroupId } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { isoTime } from '../../operations';

type Json = Record<string, unknown>;

export const diskType = 'Microsoft.Compute/disks';

export function diskId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${diskType}/${name}`;
}

export interface NewDisk {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  zones?: string[];
  osType?: 'Linux' | 'Windows';
  diskSizeGB: number;
  storageAccountType: string;
  /** How the disk was made (DiskCreateOption): 'Restore' for a disk a backup restore made. */
  createOption: string;
  createdAt: number;
  tags?: Record<string, string>;
}

/** A managed disk as Compute stores it (ComputeRP Disk): settled, platform-key encrypted, public access allowed. */
export function newManagedDisk(disk: NewDisk): ResourceRecord {
  const id = diskId(disk.subscriptionId, disk.resourceGroup, disk.name);
  return {
    subscriptionId: disk.subscriptionId,
    resourceGroup: disk.resourceGroup,
    resource: {
      id,
      name: disk.name,
      type: diskType,
      location: disk.location,
      ...(disk.tags ? { tags: disk.tags } : {}),
      ...(disk.zones && disk.zones.length > 0 ? { zones: disk.zones } : {}),
      sku: { name: disk.storageAccountType, tier: disk.storageAccountType.startsWith('Premium') ? 'Premium' : 'Standard' },
      properties: {
        ...(disk.osType ? { osType: disk.osType, hyperVGeneration: 'V1' } : {}),
        creationData: { createOption: disk.createOption },
        diskSizeGB: disk.diskSizeGB,
        diskSizeBytes: disk.diskSizeGB * 1024 ** 3,
        uniqueId: randomUUID(),
        encryption: { type: 'EncryptionAtRestWithPlatformKey' },
        networkAccessPolicy: 'AllowAll',
        publicNetworkAccess: 'Enabled',
        timeCreated: isoTime(disk.createdAt),
      },
    },
  };
}

/** The managed disk ids a VM's storage profile names (OS disk first). */
export function diskIdsOfVm(properties: Json): string[] {
  const storage = (properties.storageProfile ?? {}) as Json;
  const disks = [storage.osDisk, ...((storage.dataDisks ?? []) as unknown[])] as (Json | undefined)[];
  return disks.map((disk) => ((disk?.managedDisk ?? {}) as Json).id).filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** Disk id (lower case) → the VM that has it attached, worked out from the VMs. */
const diskOwners = derived((state) => {
  const owners = new Map<string, string>();
  for (const vm of Object.values(state.virtualMachines)) {
    for (const id of diskIdsOfVm(vm.resource.properties)) if (!owners.has(keyOf(id))) owners.set(keyOf(id), vm.resource.id);
  }
  return owners;
});

export function diskOwner(context: EmulatorContext, id: string): string | undefined {
  return diskOwners(context).get(keyOf(id));
}

/** The disk as Compute answers: managedBy and diskState worked out from the VMs that use it. */
export function diskJson(context: EmulatorContext, record: ResourceRecord): Json {
  const owner = diskOwner(context, record.resource.id);
  return {
    ...record.resource,
    ...(owner ? { managedBy: owner } : {}),
    properties: { ...record.resource.properties, provisioningState: 'Succeeded', diskState: owner ? 'Attached' : 'Unattached' },
  };
}
