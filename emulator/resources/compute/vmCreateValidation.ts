import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import { keyOf, resourceGroupId } from '../../state/lookup';
import { zonesOf } from '../regions';
import { isOfType, parseResourceId } from '../network/networkIds';
import { networkRecordAt } from '../network/networkRecords';
import { networkUses, referenceId } from '../network/networkReferences';
import { computeResourceNotFound, nicInOtherRegion, nicUsedByVm, platformImageNotFound, skuNotAvailable, zoneNotSupported } from './computeErrors';
import { osProfileProblem } from './osProfileRules';
import { checkAttachedDisks } from './diskAttachment';
import { findImageSku, resolveVersion, type ImageSku } from './vmImages';
import { isSizeOffered } from './vmSizes';

type Json = Record<string, unknown>;

/** What a VM PUT asks for, with the VM's identity. */
export interface VmWrite {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  zones?: string[];
  /** The properties as they will be stored (the request's over the existing VM's). */
  properties: Json;
  /** The properties the request itself sent. */
  sent: Json;
  creating: boolean;
}

/**
 * Checks a VM write as Microsoft.Compute does, refusing with its codes: zones the region does
 * not have, a size the region does not offer (SkuNotAvailable), an image that does not exist
 * (PlatformImageNotFound), network interfaces that are missing, in another region or another
 * VM's (NotFound, InvalidResourceReference, NicInUse), and on create the OS profile (computer
 * name, administrator name, password). What the request does not send is not checked, so a bare
 * VM (as older emulator tests create) is still accepted.
 */
export function checkVirtualMachine(context: EmulatorContext, vm: VmWrite): ImageSku | undefined {
  if (vm.zones && vm.zones.length > 0) {
    const offered = zonesOf(vm.location);
    if (vm.zones.some((zone) => !offered.includes(zone))) throw zoneNotSupported(vm.zones, vm.name, vm.location, offered);
  }
  const size = ((vm.properties.hardwareProfile ?? {}) as Json).vmSize;
  if (typeof size === 'string' && !isSizeOffered(vm.location, size)) throw skuNotAvailable(size, vm.location);
  const image = imageOf(vm.sent);
  for (const reference of ((((vm.sent.networkProfile ?? {}) as Json).networkInterfaces ?? []) as Json[])) {
    const nicId = referenceId(reference);
    if (nicId) checkInterface(context, vm, nicId);
  }
  checkAttachedDisks(context, vm);
  const osProfile = vm.sent.osProfile as Json | undefined;
  if (vm.creating && osProfile) {
    const problem = osProfileProblem(osProfile, osTypeOf(vm.sent, image));
    if (problem) throw problem;
  }
  return image;
}

function imageOf(sent: Json): ImageSku | undefined {
  const reference = (((sent.storageProfile ?? {}) as Json).imageReference ?? undefined) as Json | undefined;
  if (!reference || typeof reference.publisher !== 'string') return undefined;
  const version = String(reference.version ?? 'latest');
  const image = findImageSku(reference.publisher, String(reference.offer ?? ''), String(reference.sku ?? ''));
  if (!image || !resolveVersion(image, version)) throw platformImageNotFound(`${reference.publisher}:${String(reference.offer)}:${String(reference.sku)}:${version}`);
  return image;
}

function checkInterface(context: EmulatorContext, vm: VmWrite, nicId: string): void {
  const parsed = parseResourceId(nicId);
  const record = parsed && isOfType(parsed, 'Microsoft.Network', 'networkInterfaces') ? networkRecordAt(context, nicId) : undefined;
  if (!record) throw computeResourceNotFound(nicId);
  if (record.resource.location !== vm.location) throw nicInOtherRegion(nicId, vm.id);
  const owner = networkUses(context).interfaceOwners.get(keyOf(nicId));
  if (owner && keyOf(owner) !== keyOf(vm.id)) throw nicUsedByVm(record.resource.id, owner);
}

/** The VM's OS: the image's, else the OS disk's, else Windows when a Windows configuration is sent. */
export function osTypeOf(sent: Json, image: ImageSku | undefined): 'Linux' | 'Windows' {
  if (image) return image.osType;
  const osType = (((sent.storageProfile ?? {}) as Json).osDisk as Json | undefined)?.osType;
  if (osType === 'Windows' || osType === 'Linux') return osType;
  return ((sent.osProfile ?? {}) as Json).windowsConfiguration ? 'Windows' : 'Linux';
}

/**
 * What Azure fills in on a VM made from an image: the exact image version, a managed OS disk
 * named '<vm>_OsDisk_1_<32 hex>' with its id, the OS type, and the OS profile's defaults.
 */
export function completeVirtualMachine(vm: VmWrite, image: ImageSku | undefined): void {
  const storage = (vm.properties.storageProfile ?? undefined) as Json | undefined;
  if (image && storage && vm.creating) {
    const reference = storage.imageReference as Json;
    const exactVersion = resolveVersion(image, String(reference.version ?? 'latest'));
    const sentDisk = (storage.osDisk ?? {}) as Json;
    const diskName = typeof sentDisk.name === 'string' ? sentDisk.name : `${vm.name}_OsDisk_1_${randomUUID().replace(/-/g, '')}`;
    const managedDisk = (sentDisk.managedDisk ?? {}) as Json;
    vm.properties.storageProfile = {
      ...storage,
      imageReference: { ...reference, exactVersion },
      osDisk: {
        osType: image.osType,
        createOption: 'FromImage',
        caching: 'ReadWrite',
        deleteOption: 'Detach',
        diskSizeGB: image.osType === 'Windows' ? 127 : 30,
        ...sentDisk,
        name: diskName,
        managedDisk: {
          storageAccountType: 'Premium_LRS',
          ...managedDisk,
          id: `${resourceGroupId(vm.subscriptionId, vm.resourceGroup)}/providers/Microsoft.Compute/disks/${diskName}`,
        },
      },
      dataDisks: storage.dataDisks ?? [],
    };
  }
  const osProfile = vm.properties.osProfile as Json | undefined;
  if (osProfile && vm.creating) {
    vm.properties.osProfile = { secrets: [], allowExtensionOperations: true, requireGuestProvisionSignal: true, ...osProfile };
  }
}

const secretKeys = new Set(['adminpassword', 'customdata', 'protectedsettings', 'protectedsettingsfromkeyvault', 'userdata']);

/**
 * A copy without what Azure never returns: osProfile.adminPassword and customData, extensions'
 * protected settings, userData. Applied before a VM is stored, so no answer can carry them.
 */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item) as unknown) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Json = {};
  for (const [key, item] of Object.entries(value as Json)) {
    if (!secretKeys.has(key.toLowerCase())) copy[key] = withoutSecrets(item);
  }
  return copy as T;
}
