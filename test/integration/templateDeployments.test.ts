// Template deployments (TemplateDeployments) against the emulator through the real SDK client:
// validate, deploy a storage account, a network and a VM, a failure that names the resource, a
// lost answer, and Azure's two quickstart templates that protect VMs, deployed unchanged; then all
// of that traffic checked against the published REST specifications. Progress while a deployment
// runs, and cancel, are in templateDeploymentsRunning.test.ts.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TestEmulator } from '../support/testEmulator';
import { ArmClients } from '../../src/azure/armClients';
import { BackupReader } from '../../src/azure/backupReader';
import type { DeploymentInput, DeploymentProgress } from '../../src/azure/deploymentModel';
import { DeploymentValidationError } from '../../src/azure/deploymentErrors';
import { TemplateDeployments } from '../../src/azure/templateDeployments';
import { failureOf } from '../support/azureFailure';
import { deploymentsOverEmulator, fast, prod, quickstart, secret, targetIn, vmInput, vmTemplate } from './templateDeploymentSteps';
import { tenantId } from './operationSteps';

async function deploymentPutsOf(env: TestEmulator, name: string): Promise<number> {
  return (await env.requests()).filter((exchange) => exchange.method === 'PUT' && new URL(exchange.url).pathname.endsWith(`/providers/Microsoft.Resources/deployments/${name}`)).length;
}

describe('TemplateDeployments against the emulator', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let deployments: TemplateDeployments;

  deploymentsOverEmulator((under) => ({ env, reader, deployments } = under));

  it('validates a template: the resources it would deploy, nothing deployed', async () => {
    const target = targetIn('rg-web-prod');
    const validated = await deployments.validate(target, vmInput('vm-validate-01'));
    assert.deepEqual(validated.validatedResourceIds.map((id) => id.split('/providers/')[1]!.replace(/\/[^/]+$/, '')).sort(), [
      'Microsoft.Compute/virtualMachines',
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Storage/storageAccounts',
    ]);
    assert.equal(await deployments.state(target), undefined, 'validation leaves no deployment');
  });

  it('refuses an invalid template with Azure\'s code and the problem, before deploying anything', async () => {
    const template = { ...vmTemplate(), outputs: { broken: { type: 'string', value: "[noSuchFunction('x')]" } } };
    const target = targetIn('rg-web-prod');
    const error = await failureOf(() => deployments.validate(target, { ...vmInput('vm-invalid-01'), template }));
    assert.ok(error instanceof DeploymentValidationError, `${error.code}: ${error.message}`);
    assert.match(error.code, /^InvalidTemplate/);
    assert.match(error.message, /noSuchFunction/);
    assert.ok(!error.message.includes(secret));
    assert.equal(await deployments.state(target), undefined);
  });

  it('deploys a storage account, a network and a VM to the end, with outputs from reference()', async () => {
    const target = targetIn('rg-web-prod');
    const reports: DeploymentProgress[] = [];
    const result = await deployments.follow(await deployments.start(target, vmInput('vm-tpl-01')), (progress) => reports.push(progress), { expectedResourceCount: 4 });
    assert.equal(result.provisioningState, 'Succeeded', JSON.stringify(result.error));
    assert.deepEqual(result.resources.map((resource) => [resource.resourceType, resource.provisioningState]).sort(), [
      ['Microsoft.Compute/virtualMachines', 'Succeeded'],
      ['Microsoft.Network/networkInterfaces', 'Succeeded'],
      ['Microsoft.Network/virtualNetworks', 'Succeeded'],
      ['Microsoft.Storage/storageAccounts', 'Succeeded'],
    ]);
    assert.match(String(result.outputs['blobEndpoint']?.value), /^https:\/\/diag[a-z0-9]+\.blob\.core\.windows\.net\/$/);
    assert.equal(String(result.outputs['vmId']?.value).toLowerCase(), `/subscriptions/${prod}/resourcegroups/rg-web-prod/providers/microsoft.compute/virtualmachines/vm-tpl-01`);
    assert.ok(result.outputResourceIds.some((id) => /virtualMachines\/vm-tpl-01$/i.test(id)));
    assert.equal(reports.at(-1)?.provisioningState, 'Succeeded');
    assert.ok((await reader.listVirtualMachines(prod)).some((vm) => vm.name === 'vm-tpl-01'), 'the VM exists');
  });

  it('fails a VM size the region does not offer, naming the VM with Azure\'s code (the quickstart\'s own default, Standard_A2)', async () => {
    const target = targetIn('rg-qs-failed', { createResourceGroup: true, location: 'westeurope' });
    await deployments.ensureResourceGroup(target);
    const input: DeploymentInput = {
      template: quickstart('recovery-services-create-vm-and-configure-backup'),
      parameters: { projectName: { value: 'qsfail' }, adminUsername: { value: 'azureops' }, adminPassword: { value: secret }, dnsLabelPrefix: { value: 'qsfail-dns' } },
      secureParameterNames: ['adminPassword'],
    };
    const result = await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Failed');
    const vm = result.resources.find((resource) => resource.resourceType === 'Microsoft.Compute/virtualMachines');
    assert.equal(vm?.resourceName, 'qsfail-vm');
    assert.equal(vm?.provisioningState, 'Failed');
    assert.equal(vm?.error?.code, 'SkuNotAvailable');
    assert.match(vm?.error?.message ?? '', /Standard_A2.*westeurope/);
    assert.equal(result.error?.code, 'DeploymentFailed');
    assert.deepEqual(result.error?.details.map((detail) => [detail.code, detail.target?.split('/').at(-1)]), [['SkuNotAvailable', 'qsfail-vm']]);
    // What needed the VM never started; the rest did.
    assert.equal(result.resources.find((resource) => resource.resourceType.endsWith('/protectedItems'))?.provisioningState, undefined);
    assert.ok(!JSON.stringify(result).includes(secret));
  });

  it('after a lost answer to the PUT, follows the deployment it started: one PUT, one deployment', async () => {
    const clients = new ArmClients(env.connection);
    let armed = true;
    const loseOneAnswer: PipelinePolicy = {
      name: 'loseOneAnswer',
      sendRequest: async (request, next) => {
        if (!armed || request.method !== 'PUT' || !/\/providers\/Microsoft\.Resources\/deployments\/[^/?]+\?/.test(request.url)) return next(request);
        armed = false;
        await env.setFaults('reset=1');
        try {
          return await next(request);
        } finally {
          await env.setFaults('none');
        }
      },
    };
    (await clients.resources(prod)).pipeline.addPolicy(loseOneAnswer, { afterPhase: 'Retry' });
    const lossy = new BackupReader(() => clients);
    await lossy.listSubscriptions(tenantId);
    const withLoss = new TemplateDeployments(lossy, fast);
    const target = targetIn('rg-web-prod');
    const started = await withLoss.start(target, vmInput('vm-lost-01'));
    assert.equal(armed, false, 'the answer was lost');
    assert.equal(started.attached, true);
    const result = await withLoss.follow(started, () => undefined);
    assert.equal(result.provisioningState, 'Succeeded');
    assert.equal(await deploymentPutsOf(env, target.deploymentName), 1, 'the PUT reached the emulator once');
    const resets = (await env.requests()).filter((exchange) => exchange.fault === 'reset' && exchange.url.includes(target.deploymentName));
    assert.equal(resets.length, 1);
  });

  it("deploys Azure's quickstart 'create a VM and configure backup' unchanged: the VM shows protected, initial backup pending", async () => {
    const target = targetIn('rg-qs-vm', { createResourceGroup: true, location: 'westeurope' });
    assert.deepEqual(await deployments.ensureResourceGroup(target), { created: true, location: 'westeurope' });
    const input: DeploymentInput = {
      template: quickstart('recovery-services-create-vm-and-configure-backup'),
      parameters: {
        projectName: { value: 'qsvm' },
        adminUsername: { value: 'azureops' },
        adminPassword: { value: secret },
        dnsLabelPrefix: { value: 'qsvm-dns-4711' },
        vmSize: { value: 'Standard_D2s_v5' },
      },
      secureParameterNames: ['adminPassword'],
    };
    await deployments.validate(target, input);
    const result = await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Succeeded', JSON.stringify(result.error));
    assert.equal(result.resources.length, 8);
    const vault = (await reader.listVaults(prod)).find((candidate) => candidate.name === 'qsvm-vault');
    assert.ok(vault, 'the template created the vault');
    const items = await reader.listProtectedVms(vault);
    assert.deepEqual(items.map((item) => [item.name, item.health, item.resourceGroup]), [['qsvm-vm', 'initialBackupPending', 'rg-qs-vm']]);
    for (const exchange of await env.requests()) assert.ok(!JSON.stringify(exchange.responseBody ?? '').includes(secret), `the secure value was answered by ${exchange.method} ${exchange.url}`);
  });

  it("deploys Azure's quickstart 'backup VMs' (a copy loop) unchanged: several existing VMs protected in an existing vault", async () => {
    // web-03 has no backup yet; a second VM without backup joins it in the same resource group.
    const second = await deployments.follow(await deployments.start(targetIn('rg-web-prod'), vmInput('web-04')), () => undefined);
    assert.equal(second.provisioningState, 'Succeeded');
    const target = targetIn('rg-backup-prod');
    const input: DeploymentInput = {
      template: quickstart('recovery-services-backup-vms'),
      parameters: { existingVirtualMachinesResourceGroup: { value: 'rg-web-prod' }, existingVirtualMachines: { value: ['web-03', 'web-04'] }, vaultName: { value: 'prod-weu-vault' } },
    };
    const validated = await deployments.validate(target, input);
    assert.equal(validated.validatedResourceIds.length, 2, 'the copy loop makes two items; the vault and policy conditions are false');
    const result = await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Succeeded', JSON.stringify(result.error));
    assert.equal(result.resources.length, 2);
    const vault = (await reader.listVaults(prod)).find((candidate) => candidate.name === 'prod-weu-vault')!;
    const items = (await reader.listProtectedVms(vault)).filter((item) => item.name === 'web-03' || item.name === 'web-04');
    assert.deepEqual(items.map((item) => [item.name, item.health]).sort(), [['web-03', 'initialBackupPending'], ['web-04', 'initialBackupPending']]);
  });
});

recordedTrafficConforms('template deployments', 'the template deployment scenarios');
