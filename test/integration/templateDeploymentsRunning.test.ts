// TemplateDeployments while a deployment runs, with the emulator's time faster than Azure's but
// slow enough to watch: progress per resource in dependency order, and cancel while Running;
// then that traffic checked against the published REST specifications.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestEmulator } from '../support/testEmulator';
import type { AzureError } from '../../src/azure/azureError';
import type { DeploymentProgress } from '../../src/azure/deploymentModel';
import type { TemplateDeployments } from '../../src/azure/templateDeployments';
import { deploymentsOverEmulator, targetIn, vmInput } from './templateDeploymentSteps';

describe('TemplateDeployments while a deployment runs (time 100 times faster than Azure)', () => {
  let deployments: TemplateDeployments;

  deploymentsOverEmulator((under) => ({ deployments } = under), { timeScale: 100 });

  it('reports each resource as it runs and as it ends, in dependency order', async () => {
    const reports: DeploymentProgress[] = [];
    const result = await deployments.follow(await deployments.start(targetIn('rg-web-prod'), vmInput('vm-progress-01')), (progress) => reports.push(progress), { expectedResourceCount: 4 });
    assert.equal(result.provisioningState, 'Succeeded');
    const seenRunning = (type: string) => reports.some((progress) => progress.resources.some((resource) => resource.resourceType === type && resource.provisioningState === 'Running'));
    for (const type of ['Microsoft.Storage/storageAccounts', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/virtualMachines']) assert.ok(seenRunning(type), `${type} was reported running`);
    const firstReport = (type: string) => reports.findIndex((progress) => progress.resources.some((resource) => resource.resourceType === type));
    assert.ok(firstReport('Microsoft.Network/virtualNetworks') < firstReport('Microsoft.Network/networkInterfaces'), 'the NIC waits for its network');
    assert.ok(firstReport('Microsoft.Network/networkInterfaces') < firstReport('Microsoft.Compute/virtualMachines'), 'the VM waits for its NIC');
    const succeeded = reports.map((progress) => progress.resources.filter((resource) => resource.provisioningState === 'Succeeded').length);
    assert.deepEqual(succeeded, [...succeeded].sort((a, b) => a - b), 'the count of finished resources only grows');
    assert.equal(succeeded.at(-1), 4);
  });
});

describe('TemplateDeployments cancelling a deployment (time 5 times faster than Azure)', () => {
  let env: TestEmulator;
  let deployments: TemplateDeployments;

  // Slow enough that the VM cannot start before the cancel lands, however loaded the machine is:
  // its network interface alone takes about a second here.
  deploymentsOverEmulator((under) => ({ env, deployments } = under), { timeScale: 5 });

  it('cancels a Running deployment: it ends Canceled, and what had not started is never created', async () => {
    const target = targetIn('rg-web-prod');
    const started = await deployments.start(target, vmInput('vm-cancel-01'));
    const controller = new AbortController();
    const following = deployments.follow(started, (progress) => {
      if (progress.resources.some((resource) => resource.resourceType === 'Microsoft.Network/networkInterfaces')) controller.abort();
    }, { signal: controller.signal });
    await assert.rejects(following, (error: AzureError) => error.reason === 'cancelled');
    assert.equal(await deployments.state(target), 'Running', 'stopping to follow does not cancel it');
    const cancel = await deployments.cancel(target);
    assert.deepEqual(cancel, { cancelled: true, provisioningState: 'Running' });
    const result = await deployments.follow({ ...started, provisioningState: 'Running' }, () => undefined);
    assert.equal(result.provisioningState, 'Canceled');
    assert.equal(result.resources.find((resource) => resource.resourceType === 'Microsoft.Compute/virtualMachines'), undefined, 'the VM never started');
    assert.deepEqual(await deployments.cancel(target), { cancelled: false, provisioningState: 'Canceled' }, 'no second cancel');
    const cancels = (await env.requests()).filter((exchange) => exchange.method === 'POST' && exchange.url.includes(`${target.deploymentName}/cancel`));
    assert.deepEqual(cancels.map((exchange) => exchange.status), [204]);
  });
});

recordedTrafficConforms('running template deployments', 'the progress and cancel scenarios');
