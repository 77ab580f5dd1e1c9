// A deployment that takes its time (a slower clock): Accepted, then Running with its resource's
// operation listed; a second PUT of the same name while it runs is refused (DeploymentActive, so
// a retried request never starts a second deployment); cancel; delete from the history.
// Imported by deployments.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceManagementClient } from '@azure/arm-resources';
import { type RestError } from '@azure/core-rest-pipeline';
import { eventually, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { deploymentEnd, operationSummary, operationsOf, emulatorForDeployments, startDeployment, template, values } from './deploymentSteps';

const sub = demoSubscriptions.production;
const rg = 'rg-backup-prod';
const slowVault = template({
  resources: [{ type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2024-04-01', name: 'slow-vault', location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} }],
});

describe('a deployment while it runs', () => {
  let env: TestEmulator;
  let resources: ResourceManagementClient;

  // A vault takes 20 s in Azure: 2 s here.
  emulatorForDeployments(sub, (clients) => ({ env, resources } = clients), { timeScale: 10 });

  it('is Accepted, then Running with the resource it is creating listed as Running', async () => {
    const started = await startDeployment(resources, rg, 'slow', slowVault);
    assert.equal(started.properties?.provisioningState, 'Accepted');
    await eventually(async () => ((await resources.deployments.get(rg, 'slow')).properties?.provisioningState === 'Running' ? true : undefined), 'the deployment to run');
    await eventually(async () => (operationSummary(await operationsOf(resources, rg, 'slow')).join() === 'Running Microsoft.RecoveryServices/vaults/slow-vault' ? true : undefined), 'the vault operation to be listed');
  });

  it('refuses a second PUT of the same name while it runs (DeploymentActive): one deployment, one vault request', async () => {
    await assert.rejects(
      resources.deployments.beginCreateOrUpdate(rg, 'slow', { properties: { mode: 'Incremental', template: slowVault, parameters: values({}) } }),
      (error: RestError) => error.statusCode === 409 && error.code === 'DeploymentActive' && /still active/.test(error.message),
    );
    const deployments = (await collect(resources.deployments.listByResourceGroup(rg))).filter((deployment) => deployment.name === 'slow');
    assert.equal(deployments.length, 1);
  });

  it('cancels while running; cancelling again is refused; the history entry can then be replaced and deleted', async () => {
    await resources.deployments.cancel(rg, 'slow');
    const canceled = await deploymentEnd(resources, rg, 'slow');
    assert.equal(canceled.properties?.provisioningState, 'Canceled');
    await assert.rejects(resources.deployments.cancel(rg, 'slow'), (error: RestError) => error.statusCode === 409 && error.code === 'DeploymentCannotBeCancelled');

    const since = (await env.requests()).length;
    await startDeployment(resources, rg, 'slow', template({ resources: [] }));
    const replaced = (await env.requests(since)).find((exchange) => exchange.method === 'PUT' && exchange.url.includes('/deployments/slow'));
    assert.equal(replaced?.status, 200, 'a finished deployment of that name is replaced');
    assert.equal((await deploymentEnd(resources, rg, 'slow')).properties?.provisioningState, 'Succeeded');

    await (await resources.deployments.beginDelete(rg, 'slow', { updateIntervalInMs: 5 })).pollUntilDone();
    await assert.rejects(resources.deployments.get(rg, 'slow'), (error: RestError) => error.statusCode === 404 && error.code === 'DeploymentNotFound');
  });
});

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}
