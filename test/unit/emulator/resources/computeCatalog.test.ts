import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSizeOffered, sizesIn } from '../../../../emulator/resources/compute/vmSizes';
import { findImageSku, images, resolveVersion } from '../../../../emulator/resources/compute/vmImages';
import { withoutSecrets } from '../../../../emulator/resources/compute/vmCreateValidation';
import { regions, zonesOf } from '../../../../emulator/resources/regions';

describe('the compute catalogue', () => {
  it('offers every size somewhere, and leaves the documented ones out of some regions', () => {
    assert.equal(isSizeOffered('westeurope', 'standard_b2s'), true, 'size names compare case-insensitively');
    assert.equal(isSizeOffered('uksouth', 'Standard_NC6s_v3'), false);
    assert.equal(isSizeOffered('swedencentral', 'Standard_D2s_v3'), false);
    assert.equal(isSizeOffered('swedencentral', 'Standard_A1_v2'), false);
    assert.equal(isSizeOffered('uksouth', 'Standard_F4s_v2'), false);
    assert.equal(isSizeOffered('westeurope', 'Standard_Imaginary'), false);
    for (const region of regions) assert.ok(sizesIn(region.name).length >= 12, region.name);
  });

  it('lists a size that capacity restrictions refuse: Standard_NC6s_v3 in westeurope', () => {
    assert.ok(sizesIn('westeurope').some((size) => size.name === 'Standard_NC6s_v3'), 'listed for the region');
    assert.equal(isSizeOffered('westeurope', 'Standard_NC6s_v3'), false, 'but a VM of that size is refused there');
    assert.equal(isSizeOffered('northeurope', 'Standard_NC6s_v3'), true, 'and not restricted elsewhere');
  });

  it('has sizes whose figures hang together', () => {
    for (const size of sizesIn('westeurope')) {
      assert.ok(size.numberOfCores >= 1 && size.memoryInMB >= 1024 && size.maxDataDiskCount >= 2, size.name);
      assert.equal(size.osDiskSizeInMB, 1047552, size.name);
    }
  });

  it('finds images case-insensitively and resolves latest to the newest version', () => {
    const jammy = findImageSku('canonical', '0001-COM-UBUNTU-SERVER-JAMMY', '22_04-LTS-GEN2')!;
    assert.equal(jammy.osType, 'Linux');
    assert.equal(resolveVersion(jammy, 'latest'), '22.04.202505130');
    assert.equal(resolveVersion(jammy, '22.04.202409100'), '22.04.202409100');
    assert.equal(resolveVersion(jammy, '22.04.1'), undefined);
    assert.equal(findImageSku('Canonical', 'UbuntuServer', '18.04-LTS'), undefined);
    assert.ok(images.every((image) => image.versions.length > 0));
    assert.equal(findImageSku('MicrosoftWindowsServer', 'WindowsServer', '2016-Nano-Server')?.osType, 'Windows');
  });

  it('gives three zones to every region but West US', () => {
    assert.deepEqual(zonesOf('westeurope'), ['1', '2', '3']);
    assert.deepEqual(zonesOf('westus'), []);
    assert.deepEqual(zonesOf('nowhere'), []);
  });
});

describe('withoutSecrets', () => {
  it('drops the password, custom data, user data and extensions’ protected settings wherever they are, and nothing else', () => {
    const vm = {
      properties: {
        osProfile: { computerName: 'vm', adminUsername: 'azureuser', adminPassword: 'S3cret!pw', customData: 'IyEvYmlu', linuxConfiguration: { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAA' }] } } },
        userData: 'dXNlcg==',
      },
      resources: [{ name: 'ext', properties: { settings: { fileUris: ['https://x'] }, protectedSettings: { commandToExecute: 'secret' }, protectedSettingsFromKeyVault: { secretUrl: 'https://kv' } } }],
    };
    assert.deepEqual(withoutSecrets(vm), {
      properties: { osProfile: { computerName: 'vm', adminUsername: 'azureuser', linuxConfiguration: { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAA' }] } } } },
      resources: [{ name: 'ext', properties: { settings: { fileUris: ['https://x'] } } }],
    });
    assert.equal(vm.properties.osProfile.adminPassword, 'S3cret!pw', 'the original is left as it was');
  });
});
