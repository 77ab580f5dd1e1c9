// What Azure offers a new VM (VmCatalog) against the emulator through the real SDK clients: sizes,
// zones, images, virtual networks, taken names, vaults with their policies, and the rules context
// the form checks a request with. Then the templates vmDeploymentTemplate generates, deployed by
// the emulator's deployment engine exactly as "Create" sends them. All traffic is checked against
// the published REST specifications at the end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { BackupReader } from '../../src/azure/backupReader';
import { VmCatalog } from '../../src/azure/vmCatalog';
import { newStandardPolicyDraft } from '../../src/policy/policyDraft';
import { protectionPolicyResourceFromDraft } from '../../src/policy/policyMapping';
import { popularImages } from '../../src/vmCreation/vmImages';
import { suggestNetworkResourceNames } from '../../src/vmCreation/suggestedNames';
import { vmRequestProblems } from '../../src/vmCreation/vmRules';
import { vmDeploymentTemplate, type VmDeployment } from '../../src/vmCreation/vmTemplate';
import type { VmCreateRequest } from '../../src/vmCreation/vmCreateRequest';
import { ed25519PublicKey } from '../unit/vmCreation/vmFixtures';
import { tenantId } from './operationSteps';
import { all, containerOf, itemOf } from './backupSteps';
import { deploymentEnd, operationsOf, operationSummary } from './deploymentSteps';

const prod = demoSubscriptions.production;
const vnetIdOf = (rg: string, name: string) => `/subscriptions/${prod}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;

describe('VmCatalog against the emulator', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let catalog: VmCatalog;

  before(async () => {
    env = await startTestEmulator();
    reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(tenantId);
    catalog = new VmCatalog(reader);
    // Two networks of the subscription: one in the region the form asks about, one elsewhere.
    const network = await env.clients.network(prod);
    await network.virtualNetworks.beginCreateOrUpdateAndWait('rg-data-prod', 'hub-vnet', {
      location: 'westeurope',
      addressSpace: { addressPrefixes: ['10.10.0.0/16'] },
      subnets: [{ name: 'workloads', addressPrefix: '10.10.1.0/24' }, { name: 'dmz', addressPrefix: '10.10.2.0/24' }],
    }, { updateIntervalInMs: 5 });
    await network.virtualNetworks.beginCreateOrUpdateAndWait('rg-app-eastus', 'eus-vnet', {
      location: 'eastus',
      addressSpace: { addressPrefixes: ['10.20.0.0/16'] },
      subnets: [{ name: 'default', addressPrefix: '10.20.0.0/24' }],
    }, { updateIntervalInMs: 5 });
  });
  after(async () => {
    await env?.close();
  });

  it('lists the sizes of a region, with Premium SSD support, and only those it offers', async () => {
    const westeurope = await catalog.listSizes(prod, 'westeurope');
    const b2s = westeurope.find((size) => size.name === 'Standard_B2s');
    assert.deepEqual(b2s, { name: 'Standard_B2s', vCpus: 2, memoryMb: 4096, premiumDisks: true });
    assert.equal(westeurope.find((size) => size.name === 'Standard_A1_v2')?.premiumDisks, false);
    assert.ok(westeurope.some((size) => size.name === 'Standard_NC6s_v3'), 'the GPU size is offered in westeurope');
    const uksouth = await catalog.listSizes(prod, 'uksouth');
    assert.equal(uksouth.some((size) => size.name === 'Standard_NC6s_v3'), false, 'but not in uksouth');
  });

  it('lists the zones of a region from the subscription’s locations', async () => {
    assert.deepEqual(await catalog.listZones(prod, 'westeurope'), ['1', '2', '3']);
    assert.deepEqual(await catalog.listZones(prod, 'WestEurope'), ['1', '2', '3']);
    assert.deepEqual(await catalog.listZones(prod, 'antarctica'), [], 'a region the subscription lacks has none');
  });

  it('finds every popular image with its OS type and generation, resolving latest; unknown images are null', async () => {
    for (const popular of popularImages) {
      assert.deepEqual(await catalog.findImage(prod, 'westeurope', popular.image), { osType: popular.osType, generation: popular.generation }, popular.id);
    }
    assert.deepEqual(await catalog.findImage(prod, 'westeurope', { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server-gen1', version: '24.04.202501140' }), { osType: 'Linux', generation: 'V1' });
    assert.equal(await catalog.findImage(prod, 'westeurope', { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '1.2.3' }), null);
    assert.equal(await catalog.findImage(prod, 'westeurope', { publisher: 'Contoso', offer: 'nothing', sku: 'none', version: 'latest' }), null);
  });

  it('lists the virtual networks of a region, from any resource group, with their subnets', async () => {
    const westeurope = await catalog.listVirtualNetworks(prod, 'westeurope');
    assert.deepEqual(westeurope.find((vnet) => vnet.name === 'hub-vnet'), {
      id: vnetIdOf('rg-data-prod', 'hub-vnet'),
      name: 'hub-vnet',
      resourceGroup: 'rg-data-prod',
      location: 'westeurope',
      addressPrefixes: ['10.10.0.0/16'],
      subnets: [
        { id: `${vnetIdOf('rg-data-prod', 'hub-vnet')}/subnets/workloads`, name: 'workloads', addressPrefix: '10.10.1.0/24' },
        { id: `${vnetIdOf('rg-data-prod', 'hub-vnet')}/subnets/dmz`, name: 'dmz', addressPrefix: '10.10.2.0/24' },
      ],
    });
    assert.deepEqual(westeurope.filter((vnet) => vnet.location !== 'westeurope'), [], 'only the region’s networks');
    assert.equal(westeurope.some((vnet) => vnet.name === 'eus-vnet'), false);
    assert.ok((await catalog.listVirtualNetworks(prod, 'eastus')).some((vnet) => vnet.id === vnetIdOf('rg-app-eastus', 'eus-vnet')));
  });

  it('names what is taken in a resource group, and nothing in a group that does not exist', async () => {
    assert.deepEqual(await catalog.takenVmNames(prod, 'rg-web-prod'), ['web-01', 'web-02', 'web-03']);
    assert.deepEqual(await catalog.takenVmNames(prod, 'rg-not-there'), []);
    const taken = await catalog.takenNetworkNames(prod, 'rg-data-prod');
    assert.ok(taken.virtualNetworks.includes('hub-vnet'), taken.virtualNetworks.join());
    assert.deepEqual(await catalog.takenNetworkNames(prod, 'rg-not-there'), { virtualNetworks: [], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] });
    assert.deepEqual(await catalog.listResourceGroups(prod), ['rg-app-eastus', 'rg-backup-prod', 'rg-data-prod', 'rg-ml', 'rg-web-prod']);
  });

  it('lists the vaults of a region with their policies and restore point group patterns, and every vault name', async () => {
    const backup = await env.clients.backup(prod);
    const draft = newStandardPolicyDraft('Daily-RpGroup');
    draft.instantRpResourceGroup = { prefix: 'rp-weu-', suffix: '-snaps' };
    await backup.protectionPolicies.createOrUpdate('prod-weu-vault', 'rg-backup-prod', 'Daily-RpGroup', protectionPolicyResourceFromDraft(draft));

    const { vaults, takenVaultNames } = await catalog.listVaults(prod, 'westeurope');
    assert.deepEqual(vaults.map((vault) => [vault.name, vault.resourceGroup, vault.location]), [['prod-weu-vault', 'rg-backup-prod', 'westeurope']]);
    const policies = vaults[0].policies!;
    assert.deepEqual(policies.find((policy) => policy.name === 'Daily-RpGroup'), { name: 'Daily-RpGroup', kind: 'Standard', instantRpResourceGroup: { prefix: 'rp-weu-', suffix: '-snaps' } });
    assert.deepEqual(policies.find((policy) => policy.name === 'Hourly-Enhanced'), { name: 'Hourly-Enhanced', kind: 'Enhanced' });
    assert.ok(policies.some((policy) => policy.name === 'DefaultPolicy'));
    assert.ok(takenVaultNames.includes('prod-eus-vault'), 'names of vaults in other regions too');
  });

  it('gathers the rules context: the host and the form check a request with the same facts', async () => {
    const image = popularImages[0].image;
    const context = await catalog.rulesContext({ subscriptionId: prod, location: 'westeurope', resourceGroup: 'rg-web-prod', image });
    assert.deepEqual(context.zones, ['1', '2', '3']);
    assert.deepEqual(context.takenVmNames, ['web-01', 'web-02', 'web-03']);
    assert.deepEqual(context.image, { osType: 'Linux', generation: 'V2' });
    const request = linuxRequest({ networkResourceNames: suggestNetworkResourceNames('web-04', context.takenNetworkNames) });
    assert.deepEqual(vmRequestProblems(request, context), {});
    const names = suggestNetworkResourceNames('web-01', context.takenNetworkNames);
    assert.deepEqual(vmRequestProblems({ ...request, name: 'web-01', size: 'Standard_M416ms_v2', networkResourceNames: names }, context), {
      name: "A VM named 'web-01' already exists in resource group rg-web-prod: choose another name.",
      size: `Size Standard_M416ms_v2 is not offered in westeurope: choose one of the region's ${context.sizes!.length} sizes.`,
    });
  });
});

function linuxRequest(overrides: Partial<VmCreateRequest> = {}): VmCreateRequest {
  return {
    subscriptionId: prod,
    resourceGroup: { name: 'rg-web-prod', isNew: false },
    name: 'web-04',
    location: 'westeurope',
    zone: '1',
    osType: 'Linux',
    image: popularImages[0].image,
    size: 'Standard_B2s',
    adminUsername: 'azureuser',
    authentication: { kind: 'sshPublicKey', publicKey: ed25519PublicKey() },
    inboundPorts: ['SSH', 'HTTPS'],
    osDiskType: 'Premium_LRS',
    network: { kind: 'new', virtualNetworkName: 'web-04-vnet', addressPrefix: '10.0.0.0/16', subnetName: 'default', subnetPrefix: '10.0.0.0/24' },
    publicIp: true,
    backup: { enabled: true, vault: { kind: 'new', name: 'vault-weu-tpl1', resourceGroup: { name: 'rg-backup-westeurope', isNew: true } }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    ...overrides,
  };
}

describe('the generated template, deployed by the emulator', () => {
  let env: TestEmulator;

  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  /** What "Create" does: resource groups first, then one deployment to the VM's group, followed to its end. */
  async function create(deployment: VmDeployment) {
    const resources = await env.clients.resources(prod);
    for (const group of deployment.resourceGroupsToCreate) await resources.resourceGroups.createOrUpdate(group.name, { location: group.location });
    await resources.deployments.beginCreateOrUpdate(deployment.resourceGroup, deployment.deploymentName, {
      properties: { mode: 'Incremental', template: deployment.template, parameters: deployment.parameters },
    }, { updateIntervalInMs: 5 });
    const ended = await deploymentEnd(resources, deployment.resourceGroup, deployment.deploymentName, 30_000);
    return { ended, operations: await operationsOf(resources, deployment.resourceGroup, deployment.deploymentName), resources };
  }

  it('Linux, SSH key, new network, a new vault and a new policy in a new group: everything exists, the VM is protected', async () => {
    const draft = newStandardPolicyDraft('Daily-Web');
    draft.instantRpResourceGroup = { prefix: 'rp-web-', suffix: '' };
    const request = linuxRequest({
      resourceGroup: { name: 'rg-new-app', isNew: true },
      backup: { enabled: true, vault: { kind: 'new', name: 'vault-weu-tpl1', resourceGroup: { name: 'rg-backup-westeurope', isNew: true } }, policy: { kind: 'new', draft } },
    });
    const deployment = vmDeploymentTemplate(request);
    const { ended, operations, resources } = await create(deployment);
    assert.equal(ended.properties?.provisioningState, 'Succeeded', JSON.stringify(ended.properties?.error));
    assert.equal(operations.length, deployment.resourceCount);
    assert.deepEqual(operationSummary(operations).sort(), [
      'Succeeded Microsoft.Compute/virtualMachines/web-04',
      'Succeeded Microsoft.Network/networkInterfaces/web-04-nic',
      'Succeeded Microsoft.Network/networkSecurityGroups/web-04-nsg',
      'Succeeded Microsoft.Network/publicIPAddresses/web-04-ip',
      'Succeeded Microsoft.Network/virtualNetworks/web-04-vnet',
      'Succeeded Microsoft.Resources/deployments/CreateVm-web-04-backup',
      'Succeeded Microsoft.Resources/deployments/CreateVm-web-04-vault',
    ]);
    const vaultOps = operationSummary(await operationsOf(resources, 'rg-backup-westeurope', 'CreateVm-web-04-vault'));
    assert.deepEqual(vaultOps, ['Succeeded Microsoft.RecoveryServices/vaults/vault-weu-tpl1', 'Succeeded Microsoft.RecoveryServices/vaults/backupPolicies/vault-weu-tpl1/Daily-Web']);

    const compute = await env.clients.compute(prod);
    const vm = await compute.virtualMachines.get('rg-new-app', 'web-04');
    assert.deepEqual(vm.zones, ['1']);
    const backup = await env.clients.backup(prod);
    const item = await backup.protectedItems.get('vault-weu-tpl1', 'rg-backup-westeurope', 'Azure', containerOf('rg-new-app', 'web-04'), itemOf('rg-new-app', 'web-04'));
    const properties = item.properties as { protectionState?: string; policyId?: string; sourceResourceId?: string };
    assert.equal(properties.protectionState, 'IRPending');
    assert.match(properties.policyId ?? '', /\/vaults\/vault-weu-tpl1\/backupPolicies\/Daily-Web$/i);
    assert.equal(properties.sourceResourceId?.toLowerCase(), vm.id?.toLowerCase());
    const policy = await backup.protectionPolicies.get('vault-weu-tpl1', 'rg-backup-westeurope', 'Daily-Web');
    assert.deepEqual((policy.properties as { instantRPDetails?: unknown }).instantRPDetails, { azureBackupRGNamePrefix: 'rp-web-' });
    const jobs = await all(backup.backupJobs.list('vault-weu-tpl1', 'rg-backup-westeurope'));
    assert.deepEqual(jobs.map((job) => `${job.properties?.operation} ${job.properties?.entityFriendlyName}`), ['ConfigureBackup web-04']);
  });

  it('Windows, password, existing network and vault in other groups, DefaultPolicy: protected in the existing vault', async () => {
    const network = await env.clients.network(prod);
    await network.virtualNetworks.beginCreateOrUpdateAndWait('rg-data-prod', 'hub-vnet', {
      location: 'westeurope', addressSpace: { addressPrefixes: ['10.10.0.0/16'] }, subnets: [{ name: 'workloads', addressPrefix: '10.10.1.0/24' }],
    }, { updateIntervalInMs: 5 });
    const vaultId = `/subscriptions/${prod}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;
    const request = linuxRequest({
      resourceGroup: { name: 'rg-web-prod', isNew: false },
      name: 'win-05',
      zone: undefined,
      osType: 'Windows',
      image: popularImages[4].image,
      size: 'Standard_D2s_v5',
      authentication: { kind: 'password', password: 'Correct-Horse-42' },
      inboundPorts: ['RDP'],
      network: { kind: 'existing', virtualNetworkId: vnetIdOf('rg-data-prod', 'hub-vnet'), subnetName: 'workloads' },
      publicIp: false,
      backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    });
    const deployment = vmDeploymentTemplate(request);
    const { ended, operations, resources } = await create(deployment);
    assert.equal(ended.properties?.provisioningState, 'Succeeded', JSON.stringify(ended.properties?.error));
    assert.equal(operations.length, deployment.resourceCount);
    const stored = await resources.deployments.get('rg-web-prod', deployment.deploymentName);
    assert.deepEqual(stored.properties?.parameters?.adminPassword, { type: 'SecureString' }, 'the password is never returned');
    const nic = await network.networkInterfaces.get('rg-web-prod', 'win-05-nic');
    assert.equal(nic.ipConfigurations?.[0].subnet?.id?.toLowerCase(), `${vnetIdOf('rg-data-prod', 'hub-vnet')}/subnets/workloads`.toLowerCase());
    const backup = await env.clients.backup(prod);
    const item = await backup.protectedItems.get('prod-weu-vault', 'rg-backup-prod', 'Azure', containerOf('rg-web-prod', 'win-05'), itemOf('rg-web-prod', 'win-05'));
    assert.match((item.properties as { policyId?: string }).policyId ?? '', /\/backupPolicies\/DefaultPolicy$/i);
  });

  it('a size the region does not offer fails the deployment naming the VM', async () => {
    const deployment = vmDeploymentTemplate(linuxRequest({ name: 'gpu-01', size: 'Standard_NC6s_v3', location: 'uksouth', zone: undefined, backup: { enabled: false } }));
    const { ended } = await create(deployment);
    assert.equal(ended.properties?.provisioningState, 'Failed');
    const details = JSON.stringify(ended.properties?.error);
    assert.match(details, /gpu-01/);
  });
});

recordedTrafficConforms('the VM catalog and the generated VM templates', 'the catalog and template scenarios');
