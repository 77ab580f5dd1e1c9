// Deleting resource groups through the real SDK client (@azure/arm-resources 6.1, 2025-03-01):
// 202 with a Location polled to 200, everything in the group gone with it, 'Deleting' meanwhile,
// and the refusal when a vault in it still holds backup items; checked against the specs with oav.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, exchangesTo, expectArmError } from './resourceScenarioHelpers';
import { armJson, fast } from './armRequestSteps';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;

describe('deleting resource groups', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('deletes a group and everything in it: 202, a Location answering 202 then 200, then ResourceGroupNotFound', async () => {
    const resources = await env.clients.resources(prod);
    await resources.resourceGroups.createOrUpdate('rg-temp', { location: 'westeurope' });
    const network = await env.clients.network(prod);
    const vnet = await network.virtualNetworks.beginCreateOrUpdateAndWait('rg-temp', 'vnet-temp', { location: 'westeurope', addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, subnets: [{ name: 'default', addressPrefix: '10.1.0.0/24' }] }, fast);
    const nic = await network.networkInterfaces.beginCreateOrUpdateAndWait('rg-temp', 'vm-temp-nic', { location: 'westeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: vnet.subnets![0]!.id } }] }, fast);
    await (await env.clients.compute(prod)).virtualMachines.beginCreateOrUpdateAndWait('rg-temp', 'vm-temp', { location: 'westeurope', hardwareProfile: { vmSize: 'Standard_B1s' }, networkProfile: { networkInterfaces: [{ id: nic.id }] } }, fast);
    await (await env.clients.storage(prod)).storageAccounts.beginCreateAndWait('rg-temp', 'contosotemp', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, fast);
    await (await env.clients.vaults(prod)).vaults.beginCreateOrUpdateAndWait('rg-temp', 'temp-vault', { location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} }, fast);

    const since = (await env.requests()).length;
    await resources.resourceGroups.beginDeleteAndWait('rg-temp', fast);
    const log = (await env.requests()).slice(since);
    const deletion = exchangesTo(log, 'DELETE', '/resourcegroups/rg-temp')[0]!;
    assert.equal(deletion.status, 202);
    const location = String(deletion.responseHeaders.Location);
    assert.match(location, new RegExp(`/subscriptions/${prod}/operationresults/[0-9a-f-]{36}\\?api-version=2025-03-01$`));
    const polls = log.filter((exchange) => exchange.url === location).map((exchange) => exchange.status);
    assert.equal(polls.at(-1), 200);
    assert.ok(polls.slice(0, -1).every((status) => status === 202));

    await expectArmError(resources.resourceGroups.get('rg-temp'), 404, 'ResourceGroupNotFound');
    assert.ok(!(await collect((await env.clients.compute(prod)).virtualMachines.listAll())).some((vm) => vm.name === 'vm-temp'));
    assert.ok(!(await collect(network.virtualNetworks.listAll())).some((listed) => listed.name === 'vnet-temp'));
    assert.ok(!(await collect(network.networkInterfaces.listAll())).some((listed) => listed.name === 'vm-temp-nic'));
    assert.ok(!(await collect((await env.clients.storage(prod)).storageAccounts.list())).some((account) => account.name === 'contosotemp'));
    assert.ok(!(await collect((await env.clients.vaults(prod)).vaults.listBySubscriptionId())).some((vault) => vault.name === 'temp-vault'));
    const name = await (await env.clients.storage(prod)).storageAccounts.checkNameAvailability({ name: 'contosotemp', type: 'Microsoft.Storage/storageAccounts' });
    assert.equal(name.nameAvailable, true, 'the storage account name is free again');
  });

  it('refuses when a vault still protects items: ResourceGroupDeletionBlocked, the vault’s own error in the details; the rest is deleted', async () => {
    const resources = await env.clients.resources(dev);
    const error = await expectArmError(resources.resourceGroups.beginDeleteAndWait('rg-dev', fast), 409, 'ResourceGroupDeletionBlocked');
    assert.match(error.message, /^Deletion of resource group 'rg-dev' failed as resources with identifiers 'Microsoft\.RecoveryServices\/vaults\/dev-neu-vault' could not be deleted\. The provisioning state of the resource group will be rolled back\. The tracking Id is '[0-9a-f-]{36}'\. Please check audit logs for more details\.$/);
    const refused = (await env.requests()).filter((exchange) => exchange.status === 409).at(-1)!;
    const details = (refused.responseBody as { error: { details: { code: string; target: string; message: string }[] } }).error.details;
    assert.deepEqual(details.map((detail) => [detail.code, detail.target]), [['ServiceResourceNotEmptyWithContainerDetails', `/subscriptions/${dev}/resourceGroups/rg-dev/providers/Microsoft.RecoveryServices/vaults/dev-neu-vault`]]);
    assert.match(details[0]!.message, /^Vault cannot be deleted as there are existing resources within the vault/);
    const group = await resources.resourceGroups.get('rg-dev');
    assert.equal(group.properties?.provisioningState, 'Succeeded', 'the group stays');
    assert.ok((await collect((await env.clients.vaults(dev)).vaults.listByResourceGroup('rg-dev'))).some((vault) => vault.name === 'dev-neu-vault'), 'the vault stays');
    assert.deepEqual(await collect((await env.clients.compute(dev)).virtualMachines.list('rg-dev')), [], 'the VMs went');
    assert.deepEqual(await collect((await env.clients.network(dev)).virtualNetworks.list('rg-dev')), [], 'the network went');
  });

  it('answers 404 ResourceGroupNotFound for a group that is not there, and takes 2021-04-01 too', async () => {
    const resources = await env.clients.resources(prod);
    await expectArmError(resources.resourceGroups.beginDeleteAndWait('rg-never', fast), 404, 'ResourceGroupNotFound');
    await resources.resourceGroups.createOrUpdate('rg-old-client', { location: 'eastus' });
    const answer = await armJson(env, 'DELETE', `/subscriptions/${prod}/resourcegroups/rg-old-client?api-version=2021-04-01`);
    assert.equal(answer.status, 202);
    assert.match(String(answer.headers.location), /api-version=2021-04-01$/);
    const poll = new URL(String(answer.headers.location));
    const done = await eventually(async () => {
      const status = (await armJson(env, 'GET', poll.pathname + poll.search)).status;
      return status === 202 ? undefined : status;
    }, 'the group to go');
    assert.equal(done, 200);
  });
});

describe('a group being deleted', () => {
  let env: TestEmulator;
  before(async () => {
    // A slower clock (the delete takes about two seconds) to look at the group meanwhile.
    env = await startTestEmulator({ timeScale: 20 });
  });
  after(async () => {
    await env?.close();
  });

  it('shows Deleting and refuses writes into it with ResourceGroupBeingDeleted', async () => {
    const resources = await env.clients.resources(prod);
    const poller = await resources.resourceGroups.beginDelete('rg-ml', fast);
    assert.equal((await resources.resourceGroups.get('rg-ml')).properties?.provisioningState, 'Deleting');
    assert.equal((await collect(resources.resourceGroups.list())).find((group) => group.name === 'rg-ml')?.properties?.provisioningState, 'Deleting');
    const error = await expectArmError(resources.resourceGroups.createOrUpdate('rg-ml', { location: 'westus2' }), 409, 'ResourceGroupBeingDeleted');
    assert.equal(error.message, "The resource group 'rg-ml' is in deprovisioning state and cannot perform this operation.");
    await expectArmError((await env.clients.network(prod)).virtualNetworks.beginCreateOrUpdateAndWait('rg-ml', 'vnet-late', { location: 'westus2' }, fast), 409, 'ResourceGroupBeingDeleted');
    await poller.pollUntilDone();
    await expectArmError(resources.resourceGroups.get('rg-ml'), 404, 'ResourceGroupNotFound');
  });
});

recordedTrafficConforms('the resource group deletion scenarios', 'the resource group deletion scenarios');
