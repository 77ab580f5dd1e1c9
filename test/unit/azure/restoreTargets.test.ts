import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VirtualMachine } from '@azure/arm-compute';
import { sourceVmOf } from '../../../src/azure/restoreTargets';

const id = '/subscriptions/s/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01';

describe('the backed-up VM as the restore rules read it', () => {
  it('a managed Linux VM without encryption', () => {
    const vm: VirtualMachine = { id, name: 'web-01', location: 'westeurope', storageProfile: { osDisk: { osType: 'Linux', createOption: 'FromImage', managedDisk: { id: `${id}-disk` } } } };
    assert.deepEqual(sourceVmOf(vm, id), { id, name: 'web-01', location: 'westeurope', managed: true, encrypted: false, osType: 'Linux' });
  });

  it('unmanaged disks (a VHD in a storage account)', () => {
    const vm: VirtualMachine = { location: 'westeurope', storageProfile: { osDisk: { createOption: 'Attach', vhd: { uri: 'https://x.blob.core.windows.net/vhds/os.vhd' } } } };
    assert.deepEqual(sourceVmOf(vm, id), { id, name: 'web-01', location: 'westeurope', managed: false, encrypted: false });
  });

  it('Azure Disk Encryption: encryption settings on the OS disk, or the ADE extension', () => {
    const settings: VirtualMachine = { location: 'westeurope', storageProfile: { osDisk: { createOption: 'FromImage', managedDisk: {}, encryptionSettings: { enabled: true } } } };
    assert.equal(sourceVmOf(settings, id).encrypted, true);
    for (const type of ['AzureDiskEncryption', 'AzureDiskEncryptionForLinux']) {
      const extension: VirtualMachine = { location: 'westeurope', storageProfile: { osDisk: { createOption: 'FromImage', managedDisk: {} } }, resources: [{ location: 'westeurope', typePropertiesType: type }] };
      assert.equal(sourceVmOf(extension, id).encrypted, true, type);
    }
    const other: VirtualMachine = { location: 'westeurope', storageProfile: { osDisk: { createOption: 'FromImage', managedDisk: {} } }, resources: [{ location: 'westeurope', typePropertiesType: 'VMSnapshotLinux' }] };
    assert.equal(sourceVmOf(other, id).encrypted, false);
  });
});
