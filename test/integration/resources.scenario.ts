// ARM resources through the real Azure SDK clients: subscriptions, resource groups, virtual
// machines and the ARM protocol rules (authentication, api-version, case-insensitive paths).
// Vaults and their backup settings are in vaults.scenario.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { resourceGroupsApiVersion } from '../../src/azure/armClients';
import { apiVersions } from '../../emulator/apiVersions';
import { assertArmErrorBodies, collect, exchangesTo, expectArmError, rawRequest } from './resourceScenarioHelpers';
import './vaults.scenario';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;
/** The SDK's pollers wait 2 s between polls when Retry-After is 0: poll quickly instead. */
const fast = { updateIntervalInMs: 10 };

describe('subscriptions, resource groups and virtual machines (demo seed)', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  describe('subscriptions', () => {
    it('lists the two demo subscriptions, enabled, in the home tenant', async () => {
      const client = await env.clients.subscriptions();
      const subscriptions = await collect(client.subscriptions.list());
      assert.deepEqual(subscriptions.map((s) => s.subscriptionId).sort(), [prod, dev].sort());
      const production = subscriptions.find((s) => s.subscriptionId === prod)!;
      assert.equal(production.displayName, 'Contoso Production');
      assert.equal(production.state, 'Enabled');
      assert.equal(production.id, `/subscriptions/${prod}`);
      const tenants = await collect(client.tenants.list());
      assert.equal(tenants.length, 1);
      assert.equal(production.tenantId, tenants[0]!.tenantId);
      assert.ok(tenants[0]!.defaultDomain, 'the tenant has a default domain');
    });

    it('gets one subscription, and answers 404 SubscriptionNotFound for an unknown one', async () => {
      const client = await env.clients.subscriptions();
      const subscription = await client.subscriptions.get(dev);
      assert.equal(subscription.displayName, 'Contoso Development');
      await expectArmError(client.subscriptions.get('00000000-0000-0000-0000-000000000000'), 404, 'SubscriptionNotFound');
    });

    it("lists the subscription's locations with their paired regions", async () => {
      const client = await env.clients.subscriptions();
      const locations = await collect(client.subscriptions.listLocations(prod));
      assert.deepEqual(locations.map((l) => l.name).sort(), ['eastus', 'northeurope', 'uksouth', 'westeurope', 'westus2']);
      const westEurope = locations.find((l) => l.name === 'westeurope')!;
      assert.equal(westEurope.displayName, 'West Europe');
      assert.equal(westEurope.metadata?.pairedRegion?.[0]?.name, 'northeurope');
      const devLocations = await collect(client.subscriptions.listLocations(dev));
      assert.ok(devLocations.some((l) => l.name === 'swedencentral'));
      assert.ok(!devLocations.some((l) => l.name === 'westus2'));
    });
  });

  describe('resource groups', () => {
    it('lists and gets the demo groups', async () => {
      const client = await env.clients.resources(prod);
      const groups = await collect(client.resourceGroups.list());
      assert.deepEqual(groups.map((g) => g.name).sort(), ['rg-app-eastus', 'rg-backup-prod', 'rg-data-prod', 'rg-ml', 'rg-web-prod']);
      const group = await client.resourceGroups.get('RG-WEB-PROD');
      assert.equal(group.name, 'rg-web-prod', 'names match case-insensitively and keep their casing');
      assert.equal(group.location, 'westeurope');
      assert.equal(group.properties?.provisioningState, 'Succeeded');
      const devGroups = await collect((await env.clients.resources(dev)).resourceGroups.list());
      assert.deepEqual(devGroups.map((g) => g.name).sort(), ['rg-ci', 'rg-dev']);
    });

    it('creates a group with 201, answers 200 when it already exists', async () => {
      const client = await env.clients.resources(prod);
      const statuses: number[] = [];
      const onResponse = (response: { status: number }) => void statuses.push(response.status);
      const created = await client.resourceGroups.createOrUpdate('rg-new', { location: 'northeurope', tags: { team: 'backup' } }, { onResponse });
      assert.equal(created.name, 'rg-new');
      assert.equal(created.location, 'northeurope');
      assert.deepEqual(created.tags, { team: 'backup' });
      const again = await client.resourceGroups.createOrUpdate('rg-new', { location: 'northeurope' }, { onResponse });
      assert.equal(again.id, `/subscriptions/${prod}/resourceGroups/rg-new`);
      assert.deepEqual(statuses, [201, 200]);
      assert.equal((await client.resourceGroups.get('rg-new')).location, 'northeurope');
      await expectArmError(client.resourceGroups.createOrUpdate('rg-new', { location: 'eastus' }), 409, 'InvalidResourceGroupLocation');
    });

    it('refuses a bad name with InvalidResourceGroupName and a missing group with ResourceGroupNotFound', async () => {
      const client = await env.clients.resources(prod);
      // Names the published pattern (^[-\w._()]+$, 1-90) accepts but the service refuses: the
      // pattern-breaking ones would make the test, not the emulator, fail the conformance check.
      await expectArmError(client.resourceGroups.createOrUpdate('ends-with-dot.', { location: 'westeurope' }), 400, 'InvalidResourceGroupName');
      await expectArmError(client.resourceGroups.createOrUpdate('rg.', { location: 'westeurope' }), 400, 'InvalidResourceGroupName');
      await expectArmError(client.resourceGroups.get('rg-missing'), 404, 'ResourceGroupNotFound');
      assert.ok(!(await collect(client.resourceGroups.list())).some((g) => g.name?.endsWith('.')), 'no refused group was created');
      await expectArmError(client.resourceGroups.get('rg-missing'), 404, 'ResourceGroupNotFound');
      const compute = await env.clients.compute(prod);
      await expectArmError(collect(compute.virtualMachines.list('rg-missing')), 404, 'ResourceGroupNotFound');
    });
  });

  describe('virtual machines', () => {
    it('lists all VMs of a subscription across pages, following the $skiptoken nextLink', async () => {
      const since = (await env.requests()).length;
      const compute = await env.clients.compute(prod);
      const vms = await collect(compute.virtualMachines.listAll());
      assert.equal(vms.length, 9, 'the demo production subscription has 9 VMs');
      assert.equal(new Set(vms.map((vm) => vm.id)).size, 9, 'no VM listed twice across pages');
      assert.ok(vms.some((vm) => vm.name === 'ml-gpu-01' && vm.location === 'westus2'));
      const lists = exchangesTo((await env.requests()).slice(since), 'GET', '/providers/Microsoft.Compute/virtualMachines');
      const followed = lists.filter((exchange) => new URL(exchange.url).searchParams.has('$skiptoken'));
      assert.ok(followed.length >= 1, `the SDK followed no $skiptoken nextLink (${lists.length} list requests)`);
      assert.ok(lists.length >= 2, 'the first page pointed at a second');
      const firstPage = lists.find((exchange) => !new URL(exchange.url).searchParams.has('$skiptoken'))!;
      const body = firstPage.responseBody as { value: unknown[]; nextLink?: string };
      assert.equal(body.value.length, 5, 'pages hold pageSize (5) items');
      assert.match(body.nextLink ?? '', /\$skiptoken=5/);
    });

    it('lists the VMs of one resource group', async () => {
      const compute = await env.clients.compute(prod);
      const vms = await collect(compute.virtualMachines.list('rg-web-prod'));
      assert.deepEqual(vms.map((vm) => vm.name).sort(), ['web-01', 'web-02', 'web-03']);
      assert.ok(vms.every((vm) => vm.hardwareProfile?.vmSize === 'Standard_D2s_v5'));
      assert.ok(vms.every((vm) => vm.provisioningState === 'Succeeded'));
      assert.equal((await collect((await env.clients.compute(dev)).virtualMachines.list('rg-ci'))).length, 2);
    });

    it('gets a VM, with the instance view (power state, agent) when expanded', async () => {
      const compute = await env.clients.compute(prod);
      const vm = await compute.virtualMachines.get('rg-data-prod', 'jumpbox');
      assert.equal(vm.name, 'jumpbox');
      assert.equal(vm.instanceView, undefined, 'no instance view unless asked for');
      const expanded = await compute.virtualMachines.get('rg-data-prod', 'jumpbox', { expand: 'instanceView' });
      const codes = expanded.instanceView?.statuses?.map((s) => s.code) ?? [];
      assert.ok(codes.includes('PowerState/deallocated'), `statuses: ${codes.join(', ')}`);
      assert.ok(codes.includes('ProvisioningState/succeeded'));
      const running = await compute.virtualMachines.get('rg-web-prod', 'web-01', { expand: 'instanceView' });
      assert.ok(running.instanceView?.statuses?.some((s) => s.code === 'PowerState/running'));
      assert.equal(running.instanceView?.vmAgent?.statuses?.[0]?.displayStatus, 'Ready');
      await expectArmError(compute.virtualMachines.get('rg-web-prod', 'web-99'), 404, 'ResourceNotFound');
    });

    it('creates a VM asynchronously (Creating, then Succeeded) and deletes it asynchronously', async () => {
      const since = (await env.requests()).length;
      const compute = await env.clients.compute(dev);
      const created = await compute.virtualMachines.createOrUpdate('rg-dev', 'new-vm', { location: 'northeurope', hardwareProfile: { vmSize: 'Standard_B2s' }, tags: { purpose: 'test' } }, fast);
      assert.equal(created.provisioningState, 'Succeeded');
      assert.equal(created.name, 'new-vm');
      assert.ok(created.vmId, 'the service assigns a vmId');
      const puts = exchangesTo((await env.requests()).slice(since), 'PUT', '/virtualMachines/new-vm');
      assert.equal(puts.length, 1);
      assert.equal(puts[0]!.status, 201);
      assert.equal((puts[0]!.responseBody as { properties: { provisioningState: string } }).properties.provisioningState, 'Creating');
      assert.ok(puts[0]!.responseHeaders['azure-asyncoperation'] ?? puts[0]!.responseHeaders['Azure-AsyncOperation'], 'the PUT answers an Azure-AsyncOperation header');
      assert.equal((await compute.virtualMachines.get('rg-dev', 'new-vm')).provisioningState, 'Succeeded');
      assert.equal((await collect(compute.virtualMachines.list('rg-dev'))).length, 3);

      await compute.virtualMachines.delete('rg-dev', 'new-vm', fast);
      const deletes = exchangesTo((await env.requests()).slice(since), 'DELETE', '/virtualMachines/new-vm');
      assert.equal(deletes[0]?.status, 202);
      await expectArmError(compute.virtualMachines.get('rg-dev', 'new-vm'), 404, 'ResourceNotFound');
      assert.equal((await collect(compute.virtualMachines.list('rg-dev'))).length, 2);
    });

    it('refuses a VM without location or with an invalid name', async () => {
      const compute = await env.clients.compute(dev);
      await expectArmError(compute.virtualMachines.createOrUpdate('rg-dev', '-bad-', { location: 'northeurope' }), 400, 'InvalidParameter');
      await expectArmError(compute.virtualMachines.createOrUpdate('rg-missing', 'vm-1', { location: 'northeurope' }), 404, 'ResourceGroupNotFound');
    });
  });

  describe('ARM protocol', () => {
    const groupPath = `/subscriptions/${prod}/resourcegroups/rg-web-prod`;
    const auth = { Authorization: 'Bearer emulator-token' };

    it('answers a request without Authorization with 401 AuthenticationFailed and a WWW-Authenticate challenge', async () => {
      const answer = await rawRequest(env, 'GET', `${groupPath}?api-version=${resourceGroupsApiVersion}`);
      assert.equal(answer.status, 401);
      assert.equal((answer.body as { error: { code: string } }).error.code, 'AuthenticationFailed');
      const tenantId = (await collect((await env.clients.subscriptions()).tenants.list()))[0]!.tenantId!;
      // The subscription is known: the challenge names its tenant, which tools read to pick the tenant to sign in to.
      assert.match(String(answer.headers['www-authenticate']), new RegExp(`^Bearer authorization_uri="https://login\\.windows\\.net/${tenantId}", error="invalid_token"`));
      const anonymous = await rawRequest(env, 'GET', `/subscriptions?api-version=2022-12-01`);
      assert.equal(anonymous.status, 401);
      assert.match(String(anonymous.headers['www-authenticate']), /^Bearer authorization_uri="https:\/\/login\.windows\.net\/"/);
      const malformed = await rawRequest(env, 'GET', `${groupPath}?api-version=${resourceGroupsApiVersion}`, { Authorization: 'Basic abc' });
      assert.equal(malformed.status, 401);
      assert.equal((malformed.body as { error: { code: string } }).error.code, 'AuthenticationFailedInvalidHeader');
    });

    it('answers a request without api-version with 400 MissingApiVersionParameter', async () => {
      const answer = await rawRequest(env, 'GET', groupPath, auth);
      assert.equal(answer.status, 400);
      assert.equal((answer.body as { error: { code: string } }).error.code, 'MissingApiVersionParameter');
    });

    it('answers an unknown api-version with NoRegisteredProviderFound on vaults and InvalidApiVersionParameter on ARM types', async () => {
      const vaults = await rawRequest(env, 'GET', `/subscriptions/${prod}/providers/Microsoft.RecoveryServices/vaults?api-version=1999-01-01`, auth);
      assert.equal(vaults.status, 400);
      const error = (vaults.body as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'NoRegisteredProviderFound');
      assert.match(error.message, /API version '1999-01-01' for type 'vaults'/);
      assert.ok(error.message.includes(apiVersions.vaults[0]), 'the message lists the supported api-versions');
      const group = await rawRequest(env, 'GET', `${groupPath}?api-version=1999-01-01`, auth);
      assert.equal(group.status, 400);
      assert.equal((group.body as { error: { code: string } }).error.code, 'InvalidApiVersionParameter');
    });

    it('matches path segments case-insensitively', async () => {
      const upper = await rawRequest(env, 'GET', `/SUBSCRIPTIONS/${prod}/RESOURCEGROUPS/RG-WEB-PROD?api-version=${resourceGroupsApiVersion}`, auth);
      assert.equal(upper.status, 200);
      assert.equal((upper.body as { name: string }).name, 'rg-web-prod');
      const vm = await rawRequest(
        env,
        'GET',
        `/Subscriptions/${prod}/resourceGroups/rg-web-prod/PROVIDERS/microsoft.compute/VIRTUALMACHINES/Web-01?api-version=${apiVersions.compute[0]}`,
        auth,
      );
      assert.equal(vm.status, 200);
      assert.equal((vm.body as { name: string }).name, 'web-01');
    });

    it('sends every error in the shape {"error":{"code","message"}}', async () => {
      const unknownPath = await rawRequest(env, 'GET', `/subscriptions/${prod}/nothing-here?api-version=2021-04-01`, auth);
      assert.equal(unknownPath.status, 404);
      const count = assertArmErrorBodies(await env.requests());
      assert.ok(count >= 10, `only ${count} error answers were checked`);
    });
  });
});

describe('an empty emulator', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator({ seed: { kind: 'empty' } });
  });
  after(async () => {
    await env?.close();
  });

  it('has one subscription, no resource groups, no VMs', async () => {
    const subscriptions = await collect((await env.clients.subscriptions()).subscriptions.list());
    assert.equal(subscriptions.length, 1);
    const subscriptionId = subscriptions[0]!.subscriptionId!;
    assert.deepEqual(await collect((await env.clients.resources(subscriptionId)).resourceGroups.list()), []);
    assert.deepEqual(await collect((await env.clients.compute(subscriptionId)).virtualMachines.listAll()), []);
    assert.deepEqual(await collect((await env.clients.vaults(subscriptionId)).vaults.listBySubscriptionId()), []);
  });
});
