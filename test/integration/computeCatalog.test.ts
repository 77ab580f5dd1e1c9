// What a region offers a new VM, through the real SDK clients: sizes (VirtualMachineSizes_List),
// marketplace images (VirtualMachineImages_*), and availability zones (Subscriptions_ListLocations
// 2022-12-01 availabilityZoneMappings); every exchange checked against the specs with oav.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, expectArmError } from './resourceScenarioHelpers';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;

describe('the compute catalogue of a region', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('lists the VM sizes of a region with their cores, memory and disks', async () => {
    const compute = await env.clients.compute(prod);
    const sizes = await collect(compute.virtualMachineSizes.list('westeurope'));
    const b2s = sizes.find((size) => size.name === 'Standard_B2s');
    assert.deepEqual(b2s, { name: 'Standard_B2s', numberOfCores: 2, memoryInMB: 4096, maxDataDiskCount: 4, osDiskSizeInMB: 1047552, resourceDiskSizeInMB: 8192 });
    for (const name of ['Standard_B1s', 'Standard_B2ms', 'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E2s_v5', 'Standard_F2s_v2', 'Standard_NC6s_v3']) {
      assert.ok(sizes.some((size) => size.name === name), `${name} in westeurope`);
    }
    assert.equal(sizes.find((size) => size.name === 'Standard_D2s_v5')?.resourceDiskSizeInMB, 0, 'v5 sizes without a d have no temp disk');
  });

  it('leaves some sizes out of some regions, and offers every seeded VM’s size in its region', async () => {
    const compute = await env.clients.compute(prod);
    const names = async (region: string) => (await collect(compute.virtualMachineSizes.list(region))).map((size) => size.name);
    assert.ok(!(await names('uksouth')).includes('Standard_NC6s_v3'), 'no GPU size in UK South');
    assert.ok(!(await names('uksouth')).includes('Standard_F4s_v2'));
    assert.ok(!(await names('swedencentral')).includes('Standard_D2s_v3'), 'no v3 sizes in Sweden Central');
    assert.ok((await names('westus2')).includes('Standard_NC6s_v3'));
    for (const vm of await collect(compute.virtualMachines.listAll())) {
      assert.ok((await names(vm.location)).includes(vm.hardwareProfile!.vmSize!), `${vm.name}: ${vm.hardwareProfile?.vmSize} in ${vm.location}`);
    }
    await expectArmError(collect(compute.virtualMachineSizes.list('atlantis')), 400, 'LocationNotAvailableForResourceType');
  });

  it('lists publishers, offers, skus and versions, and gets an image version', async () => {
    const images = (await env.clients.compute(prod)).virtualMachineImages;
    const publishers = (await images.listPublishers('westeurope')).map((publisher) => publisher.name);
    assert.deepEqual(publishers, ['Canonical', 'Debian', 'RedHat', 'MicrosoftWindowsServer']);
    const offers = await images.listOffers('westeurope', 'Canonical');
    assert.deepEqual(offers.map((offer) => offer.name), ['ubuntu-24_04-lts', '0001-com-ubuntu-server-jammy', '0001-com-ubuntu-server-focal']);
    assert.equal(offers[0]!.id, `/Subscriptions/${prod}/Providers/Microsoft.Compute/Locations/westeurope/Publishers/Canonical/ArtifactTypes/VMImage/Offers/ubuntu-24_04-lts`);
    assert.deepEqual((await images.listSkus('westeurope', 'canonical', '0001-com-ubuntu-server-jammy')).map((sku) => sku.name), ['22_04-lts-gen2', '22_04-lts']);
    const windowsSkus = (await images.listSkus('westeurope', 'MicrosoftWindowsServer', 'WindowsServer')).map((sku) => sku.name);
    for (const sku of ['2022-datacenter-azure-edition', '2019-Datacenter', '2016-Datacenter', '2008-R2-SP1', '2012-Datacenter', '2012-R2-Datacenter', '2016-Nano-Server', '2016-Datacenter-with-Containers']) {
      assert.ok(windowsSkus.includes(sku), sku);
    }
    assert.deepEqual((await images.listSkus('westeurope', 'Debian', 'debian-12')).map((sku) => sku.name), ['12-gen2', '12']);
    assert.ok((await images.listSkus('westeurope', 'RedHat', 'RHEL')).some((sku) => sku.name === '9-lvm-gen2'));
    const versions = await images.list('westeurope', 'Canonical', 'ubuntu-24_04-lts', 'server');
    assert.deepEqual(versions.map((version) => version.name), ['24.04.202409120', '24.04.202501140', '24.04.202505150']);
    const newest = await images.list('westeurope', 'Canonical', 'ubuntu-24_04-lts', 'server', { top: 1, orderby: 'name desc' });
    assert.deepEqual(newest.map((version) => version.name), ['24.04.202505150']);
    const image = await images.get('westeurope', 'Canonical', 'ubuntu-24_04-lts', 'server', '24.04.202501140');
    assert.deepEqual([image.name, image.osDiskImage?.operatingSystem, image.hyperVGeneration, image.architecture], ['24.04.202501140', 'Linux', 'V2', 'x64']);
    const windows = await images.get('westeurope', 'MicrosoftWindowsServer', 'WindowsServer', '2019-Datacenter', '17763.6775.250109');
    assert.deepEqual([windows.osDiskImage?.operatingSystem, windows.hyperVGeneration], ['Windows', 'V1']);
    const missing = await expectArmError(images.get('westeurope', 'Canonical', 'ubuntu-24_04-lts', 'server', '1.0.0'), 404, 'NotFound');
    assert.equal(missing.message, 'Artifact: VMImage was not found.');
  });

  it('reports the availability zones of each region in the subscription’s locations, none where there are none', async () => {
    const subscriptions = await env.clients.subscriptions();
    const locations = await collect(subscriptions.subscriptions.listLocations(prod));
    for (const region of ['westeurope', 'northeurope', 'eastus', 'uksouth', 'westus2']) {
      const location = locations.find((candidate) => candidate.name === region)!;
      assert.deepEqual(location.availabilityZoneMappings, ['1', '2', '3'].map((zone) => ({ logicalZone: zone, physicalZone: `${region}-az${zone}` })), region);
    }
    const westUs = (await collect(subscriptions.subscriptions.listLocations(dev))).find((candidate) => candidate.name === 'westus')!;
    assert.equal(westUs.displayName, 'West US');
    assert.equal(westUs.availabilityZoneMappings, undefined, 'West US has no zones');
  });
});

recordedTrafficConforms('the compute catalogue scenarios', 'the compute catalogue scenarios');
