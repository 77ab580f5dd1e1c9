// Creating VMs as Microsoft.Compute checks them, through the real SDK clients: a VM from an image
// on a new interface (the interface's virtualMachine, the managed OS disk, the exact image version),
// Compute's refusals with their codes, messages and targets, and secrets never answered; every
// Compute exchange checked against ComputeRP.json 2026-03-01 with oav.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VirtualMachine } from '@azure/arm-compute';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, exchangesTo, expectArmError } from './resourceScenarioHelpers';
import { armJson, fast } from './armRequestSteps';

const dev = demoSubscriptions.development;
const password = 'Qx7!vmSecret-2025';
const customData = Buffer.from('#!/bin/sh\necho secret-bootstrap').toString('base64');
const subnetOf = (subscriptionId: string, rg: string, vnet: string, subnet: string) => `/subscriptions/${subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;

function linuxVm(nicId: string, overrides: Partial<VirtualMachine> = {}): VirtualMachine {
  return {
    location: 'northeurope',
    hardwareProfile: { vmSize: 'Standard_B2s' },
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }, osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'StandardSSD_LRS' } } },
    osProfile: { computerName: 'app-dev-01', adminUsername: 'azureuser', adminPassword: password, customData },
    networkProfile: { networkInterfaces: [{ id: nicId }] },
    ...overrides,
  };
}

describe('creating virtual machines', () => {
  let env: TestEmulator;
  const nics: Record<string, string> = {};
  before(async () => {
    env = await startTestEmulator();
    const network = await env.clients.network(dev);
    for (const name of ['app-dev-01-nic', 'spare-nic', 'win-nic', 'bad-nic']) {
      const nic = await network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', name, { location: 'northeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: subnetOf(dev, 'rg-dev', 'vnet-dev', 'default') } }] }, fast);
      nics[name] = nic.id!;
    }
  });
  after(async () => {
    await env?.close();
  });

  it('creates a Linux VM from an image on a new interface: the interface names it, the OS disk is managed', async () => {
    const compute = await env.clients.compute(dev);
    const vm = await compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'app-dev-01', linuxVm(nics['app-dev-01-nic']!), fast);
    assert.equal(vm.provisioningState, 'Succeeded');
    assert.match(vm.vmId ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(vm.timeCreated instanceof Date);
    const osDisk = vm.storageProfile!.osDisk!;
    assert.match(osDisk.name ?? '', /^app-dev-01_OsDisk_1_[0-9a-f]{32}$/);
    assert.equal(osDisk.managedDisk?.id, `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Compute/disks/${osDisk.name}`);
    assert.deepEqual([osDisk.osType, osDisk.createOption, osDisk.managedDisk?.storageAccountType], ['Linux', 'FromImage', 'StandardSSD_LRS']);
    assert.equal(vm.storageProfile?.imageReference?.exactVersion, '24.04.202505150', "'latest' is the newest version");
    assert.deepEqual([vm.osProfile?.computerName, vm.osProfile?.adminUsername], ['app-dev-01', 'azureuser']);
    const nic = await (await env.clients.network(dev)).networkInterfaces.get('rg-dev', 'app-dev-01-nic');
    assert.equal(nic.virtualMachine?.id, vm.id);
  });

  it('never answers the password, the custom data or the user data (protected settings: see the unit test of withoutSecrets)', async () => {
    const compute = await env.clients.compute(dev);
    await compute.virtualMachines.get('rg-dev', 'app-dev-01');
    await compute.virtualMachines.get('rg-dev', 'app-dev-01', { expand: 'instanceView' });
    await collect(compute.virtualMachines.list('rg-dev'));
    await collect(compute.virtualMachines.listAll());
    const withExtension = await armJson(env, 'PUT', `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Compute/virtualMachines/app-dev-01?api-version=2026-03-01`, {
      location: 'northeurope',
      properties: { osProfile: { computerName: 'app-dev-01', adminUsername: 'azureuser', adminPassword: password }, userData: customData },
    });
    assert.equal(withExtension.status, 200);
    const answers = (await env.requests()).filter((exchange) => exchange.url.includes('/virtualMachines'));
    assert.ok(answers.length >= 6);
    for (const exchange of answers) {
      const text = JSON.stringify(exchange.responseBody ?? {});
      assert.ok(!text.includes(password), `${exchange.method} ${exchange.url} answered the password`);
      assert.ok(!text.includes(customData), `${exchange.method} ${exchange.url} answered the custom data`);
      assert.ok(!/adminPassword|customData|protectedSettings|userData/.test(text), `${exchange.method} ${exchange.url} answered a secret's key`);
    }
  });

  it('creates a Windows VM in an availability zone', async () => {
    const compute = await env.clients.compute(dev);
    const vm = await compute.virtualMachines.beginCreateOrUpdateAndWait(
      'rg-dev',
      'win-dev-01',
      {
        location: 'northeurope',
        zones: ['2'],
        hardwareProfile: { vmSize: 'Standard_D2s_v5' },
        storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' } },
        osProfile: { computerName: 'win-dev-01', adminUsername: 'contosoadmin', adminPassword: password, windowsConfiguration: { provisionVMAgent: true } },
        networkProfile: { networkInterfaces: [{ id: nics['win-nic']!, deleteOption: 'Delete' }] },
      },
      fast,
    );
    assert.deepEqual(vm.zones, ['2']);
    assert.deepEqual([vm.storageProfile?.osDisk?.osType, vm.storageProfile?.osDisk?.diskSizeGB], ['Windows', 127]);
  });

  it('refuses a size the region does not offer with SkuNotAvailable (409) and Azure’s message', async () => {
    const compute = await env.clients.compute(dev);
    // Sweden Central has no v3 sizes (emulator/resources/compute/vmSizes.ts).
    const error = await expectArmError(
      compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'old-size-vm', linuxVm(nics['bad-nic']!, { location: 'swedencentral', hardwareProfile: { vmSize: 'Standard_D2s_v3' } }), fast),
      409,
      'SkuNotAvailable',
    );
    assert.equal(
      error.message,
      "The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: Standard_D2s_v3' is currently not available in location 'swedencentral'. Please try another size or deploy to a different location or different zone. See https://aka.ms/azureskunotavailable for details.",
    );
  });

  it('refuses an image that does not exist with PlatformImageNotFound (404), naming imageReference', async () => {
    const compute = await env.clients.compute(dev);
    const vm = linuxVm(nics['bad-nic']!);
    vm.storageProfile = { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '1.2.3' } };
    const error = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'no-image-vm', vm, fast), 404, 'PlatformImageNotFound');
    assert.equal(error.message, "The platform image 'Canonical:ubuntu-24_04-lts:server:1.2.3' is not available. Verify that all fields in the storage profile are correct. For more details about storage profile information, please refer to https://aka.ms/storageprofile");
    assert.equal(await lastErrorTarget(env), 'imageReference');
    vm.storageProfile = { imageReference: { publisher: 'Contoso', offer: 'nothing', sku: 'none', version: 'latest' } };
    await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'no-image-vm', vm, fast), 404, 'PlatformImageNotFound');
  });

  it('refuses interfaces that are missing, in another region, or another VM’s', async () => {
    const compute = await env.clients.compute(dev);
    const missing = `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Network/networkInterfaces/ghost-nic`;
    const notFound = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'ghost-vm', linuxVm(missing), fast), 404, 'NotFound');
    assert.equal(notFound.message, `Resource ${missing} not found.`);
    const vmId = `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Compute/virtualMachines/far-vm`;
    const far = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'far-vm', linuxVm(nics['bad-nic']!, { location: 'westeurope' }), fast), 400, 'InvalidResourceReference');
    assert.equal(far.message, `Resource ${nics['bad-nic']} referenced by resource ${vmId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
    const used = `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Network/networkInterfaces/legacy-api-nic`;
    const inUse = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'thief-vm', linuxVm(used), fast), 400, 'NicInUse');
    assert.equal(inUse.message, `Network Interface ${used} is used by existing VM /subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Compute/virtualMachines/legacy-api.`);
  });

  it('refuses computer names, administrator names and passwords Azure does not take (InvalidParameter, naming each)', async () => {
    const compute = await env.clients.compute(dev);
    const create = (osProfile: VirtualMachine['osProfile'], image?: VirtualMachine['storageProfile']) =>
      compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'rules-vm', { ...linuxVm(nics['bad-nic']!), osProfile, ...(image ? { storageProfile: image } : {}) }, fast);
    const windows = { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-Datacenter', version: 'latest' } };
    const longName = await expectArmError(create({ computerName: 'windows-name-16c', adminUsername: 'contosoadmin', adminPassword: password }, windows), 400, 'InvalidParameter');
    assert.equal(await lastErrorTarget(env), 'computerName');
    assert.match(longName.message, /^Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the following characters/);
    await expectArmError(create({ computerName: '12345', adminUsername: 'contosoadmin', adminPassword: password }, windows), 400, 'InvalidParameter');
    const linuxName = await expectArmError(create({ computerName: 'bad_name', adminUsername: 'azureuser', adminPassword: password }), 400, 'InvalidParameter');
    assert.equal(await lastErrorTarget(env), 'computerName');
    assert.match(linuxName.message, /^Linux host name cannot exceed 64 characters in length or contain the following characters/);
    for (const refused of ['admin', 'Administrator', 'root', 'user', 'guest']) {
      const error = await expectArmError(create({ computerName: 'rules-vm', adminUsername: refused, adminPassword: password }), 400, 'InvalidParameter');
      assert.deepEqual([error.message, await lastErrorTarget(env)], ['The Admin Username specified is not allowed.', 'adminUsername'], refused);
    }
    const weak = await expectArmError(create({ computerName: 'rules-vm', adminUsername: 'azureuser', adminPassword: 'password' }), 400, 'InvalidParameter');
    assert.equal(await lastErrorTarget(env), 'adminPassword');
    assert.equal(
      weak.message,
      'The supplied password must be between 6-72 characters long and must satisfy at least 3 of password complexity requirements from the following:\r\n1) Contains an uppercase character\r\n2) Contains a lowercase character\r\n3) Contains a numeric digit\r\n4) Contains a special character\r\n5) Control characters are not allowed',
    );
    const shortWindows = await expectArmError(create({ computerName: 'rules-vm', adminUsername: 'contosoadmin', adminPassword: 'Ab1!xyz' }, windows), 400, 'InvalidParameter');
    assert.match(shortWindows.message, /^The supplied password must be between 8-123 characters long/);
    await expectArmError(create({ computerName: 'rules-vm', adminUsername: 'contosoadmin' }, windows), 400, 'InvalidParameter');
    const keyOnly = await compute.virtualMachines.beginCreateOrUpdateAndWait(
      'rg-dev',
      'key-vm',
      { ...linuxVm(nics['spare-nic']!), osProfile: { computerName: 'key-vm', adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true, ssh: { publicKeys: [{ path: '/home/azureuser/.ssh/authorized_keys', keyData: 'ssh-rsa AAAAB3Nza test' }] } } } },
      fast,
    );
    assert.equal(keyOnly.osProfile?.linuxConfiguration?.ssh?.publicKeys?.[0]?.keyData, 'ssh-rsa AAAAB3Nza test', 'public keys are not secrets');
  });

  it('refuses a zone the region does not have', async () => {
    const compute = await env.clients.compute(dev);
    const none = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'zonal-vm', linuxVm(nics['bad-nic']!, { location: 'westus', zones: ['1'] }), fast), 400, 'AvailabilityZoneNotSupported');
    assert.equal(none.message, "The zone(s) '1' for resource 'Microsoft.Compute/virtualMachines/zonal-vm' is not supported. The supported zones for location 'westus' are ''.");
    const four = await expectArmError(compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'zonal-vm', linuxVm(nics['bad-nic']!, { zones: ['4'] }), fast), 400, 'AvailabilityZoneNotSupported');
    assert.match(four.message, /supported zones for location 'northeurope' are '1,2,3'/);
    await expectArmError(compute.virtualMachines.get('rg-dev', 'zonal-vm'), 404, 'ResourceNotFound');
  });

  it('deletes a VM with the interfaces marked deleteOption Delete; the others stay, free for another VM', async () => {
    const compute = await env.clients.compute(dev);
    const network = await env.clients.network(dev);
    await compute.virtualMachines.beginDeleteAndWait('rg-dev', 'win-dev-01', fast);
    await expectArmError(network.networkInterfaces.get('rg-dev', 'win-nic'), 404, 'ResourceNotFound');
    await compute.virtualMachines.beginDeleteAndWait('rg-dev', 'app-dev-01', fast);
    const kept = await network.networkInterfaces.get('rg-dev', 'app-dev-01-nic');
    assert.equal(kept.virtualMachine, undefined);
    const reused = await compute.virtualMachines.beginCreateOrUpdateAndWait('rg-dev', 'app-dev-02', linuxVm(kept.id!, { osProfile: { computerName: 'app-dev-02', adminUsername: 'azureuser', adminPassword: password } }), fast);
    assert.equal((await network.networkInterfaces.get('rg-dev', 'app-dev-01-nic')).virtualMachine?.id, reused.id);
  });

  it('answers the older Compute api-versions templates use', async () => {
    for (const version of ['2020-06-01', '2021-03-01', '2022-03-01', '2023-03-01', '2023-09-01']) {
      const answer = await armJson(env, 'GET', `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.Compute/virtualMachines/app-dev-02?api-version=${version}`);
      assert.equal(answer.status, 200, version);
    }
    const puts = exchangesTo(await env.requests(), 'PUT', '/virtualMachines/app-dev-02');
    assert.equal(puts[0]?.status, 201);
  });
});

/** The `target` Compute named in its last error answer (the SDK's error does not keep the body). */
async function lastErrorTarget(env: TestEmulator): Promise<string | undefined> {
  const refused = (await env.requests()).filter((exchange) => exchange.status >= 400).at(-1);
  return (refused?.responseBody as { error?: { target?: string } } | undefined)?.error?.target;
}

recordedTrafficConforms('the VM creation scenarios', 'the VM creation scenarios');
