import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentInput, DeploymentProgress, DeploymentTarget } from '../../../src/azure/deploymentModel';
import { DeploymentValidationError } from '../../../src/azure/deploymentErrors';
import { TemplateDeployments, deploymentNameFor } from '../../../src/azure/templateDeployments';
import { failureOf } from '../../support/azureFailure';
import { FakeArm, subscriptionId, type SimResource } from './templateDeploymentsFakeArm';

const resources: SimResource[] = [
  { type: 'Microsoft.Storage/storageAccounts', name: 'diagstore01' },
  { type: 'Microsoft.Network/virtualNetworks', name: 'vnet-web' },
  { type: 'Microsoft.Compute/virtualMachines', name: 'vm-web-01' },
];
const target: DeploymentTarget = { subscriptionId, resourceGroup: 'rg-web', deploymentName: 'web-20250101000000' };
const secret = 'Sup3r-Secret-Pa55!';
const input: DeploymentInput = {
  template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] },
  parameters: { vmName: { value: 'vm-web-01' }, adminPassword: { value: secret } },
  secureParameterNames: ['adminPassword'],
};
const deploymentPath = /\/providers\/Microsoft\.Resources\/deployments\/web-20250101000000$/;
const fast = { pollDelayMs: 1, minPollDelayMs: 0, maxPollDelayMs: 5 };

function setup(sim: SimResource[] = resources): { arm: FakeArm; deployments: TemplateDeployments } {
  const arm = new FakeArm(sim);
  return { arm, deployments: new TemplateDeployments(arm.reader(), fast) };
}

describe('TemplateDeployments: start and follow', () => {
  it('sends one PUT of the template in Incremental mode and follows it per resource to Succeeded, with outputs', async () => {
    const { arm, deployments } = setup();
    const started = await deployments.start(target, input);
    assert.equal(started.provisioningState, 'Accepted');
    assert.equal(started.attached, false);
    assert.match(started.statusUrl ?? '', /operationStatuses\/op1/);
    const reports: DeploymentProgress[] = [];
    const result = await deployments.follow(started, (progress) => reports.push(progress), { expectedResourceCount: 3 });

    assert.equal(result.provisioningState, 'Succeeded');
    assert.deepEqual(result.outputs, { vmId: { type: 'String', value: 'the-vm' } });
    assert.equal(result.outputResourceIds.length, 3);
    assert.deepEqual(result.resources.map((resource) => [resource.resourceName, resource.provisioningState]), [['diagstore01', 'Succeeded'], ['vnet-web', 'Succeeded'], ['vm-web-01', 'Succeeded']]);
    // Each poll reports which resource runs: the storage account, the network, then the VM.
    const running = reports.map((progress) => progress.resources.find((resource) => resource.provisioningState === 'Running')?.resourceName).filter(Boolean);
    assert.deepEqual(running, ['diagstore01', 'vnet-web', 'vm-web-01']);
    assert.ok(reports.every((progress) => progress.expectedResourceCount === 3));
    assert.equal(reports.at(-1)!.provisioningState, 'Succeeded');

    const puts = arm.exchanges.filter((exchange) => exchange.method === 'PUT');
    assert.equal(puts.length, 1);
    const body = JSON.parse(puts[0]!.body!) as { properties: { mode: string; template: unknown; parameters: unknown } };
    assert.equal(body.properties.mode, 'Incremental');
    assert.deepEqual(body.properties.template, input.template);
    assert.deepEqual(body.properties.parameters, input.parameters);
    assert.ok(arm.count('GET', /\/operationStatuses\//) >= 3, 'followed through the Azure-AsyncOperation URL');
    assert.ok(arm.count('GET', /\/deployments\/web-20250101000000\/operations$/) >= 3, 'listed the operations for progress');
  });

  it('names the failed resource with its provider\'s code and message (innermost error, not the wrapper)', async () => {
    const { deployments } = setup([
      { type: 'Microsoft.Network/networkInterfaces', name: 'nic-web' },
      { type: 'Microsoft.Compute/virtualMachines', name: 'vm-web-01', fails: { code: 'SkuNotAvailable', message: "The requested VM size 'Standard_M416ms_v2' is not available in location 'westeurope'." } },
    ]);
    const result = await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Failed');
    const vm = result.resources.find((resource) => resource.resourceName === 'vm-web-01')!;
    assert.equal(vm.provisioningState, 'Failed');
    assert.deepEqual(vm.error, { code: 'SkuNotAvailable', message: "The requested VM size 'Standard_M416ms_v2' is not available in location 'westeurope'." });
    assert.equal(result.error?.code, 'DeploymentFailed');
    assert.deepEqual(result.error?.details, [
      { code: 'SkuNotAvailable', message: "The requested VM size 'Standard_M416ms_v2' is not available in location 'westeurope'.", target: `/subscriptions/${subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01` },
    ]);
  });

  it('after a PUT whose answer was lost, finds the deployment by name and follows it: one PUT, never a second deployment', async () => {
    const { arm, deployments } = setup();
    arm.faults.push({ match: /^PUT /, fault: 'resetAfter' });
    const started = await deployments.start(target, input);
    assert.equal(started.attached, true);
    const result = await deployments.follow(started, () => undefined);
    assert.equal(result.provisioningState, 'Succeeded');
    assert.equal(arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1, 'the PUT was not sent again');
    assert.equal(arm.deployments.get(target.deploymentName)!.correlationId, 'correlation-1', 'one deployment');
  });

  it('sends the PUT again when the lost request never reached ARM (nothing under the name)', async () => {
    const { arm, deployments } = setup();
    arm.faults.push({ match: /^PUT /, fault: 'resetBefore' });
    const started = await deployments.start(target, input);
    assert.equal(started.attached, false);
    assert.deepEqual(arm.exchanges.filter((exchange) => exchange.method === 'PUT').map((exchange) => exchange.status), ['reset', 201]);
    assert.equal(arm.count('GET', deploymentPath), 2, 'looked before the PUT and after the lost one');
  });

  it('after a 503 on the PUT, follows the deployment the PUT started instead of sending another', async () => {
    const { arm, deployments } = setup();
    // ARM did the work, then the gateway answered 503: the name says it landed.
    arm.faults.push({ match: /^PUT /, fault: { statusAfter: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } } });
    const started = await deployments.start(target, input);
    assert.equal(started.attached, true);
    assert.deepEqual(arm.exchanges.filter((exchange) => exchange.method === 'PUT').map((exchange) => exchange.status), [503]);
    assert.equal((await deployments.follow(started, () => undefined)).provisioningState, 'Succeeded');
  });

  it('after a DeploymentActive answer to its PUT (an earlier copy of it landed), follows that deployment', async () => {
    const { arm, deployments } = setup();
    arm.faults.push({ match: /^PUT /, fault: { statusAfter: 409, body: { error: { code: 'DeploymentActive', message: 'previous deployment is still active' } } } });
    const started = await deployments.start(target, input);
    assert.equal(started.attached, true);
    assert.equal(arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1);
  });

  it('when the look after a lost PUT fails too, fails with a network error and sends no second PUT', async () => {
    const { arm, deployments } = setup();
    arm.faults.push({ match: /^PUT /, fault: 'resetAfter' });
    // The look before the PUT goes through; every try of the look after it is reset (the pipeline retries it 3 times).
    for (let attempt = 0; attempt < 4; attempt++) arm.faults.push({ match: /^GET .*web-20250101000000$/, fault: 'resetBefore', skip: attempt === 0 ? 1 : 0 });
    const error = await failureOf(() => deployments.start(target, input));
    assert.equal(error.reason, 'network');
    assert.match(error.message, /The deployment 'web-20250101000000' may have started in rg-web: look at its deployments before deploying again\.$/);
    assert.equal(arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1);
    const again = await failureOf(() => deployments.start(target, input));
    assert.equal(again.code, 'DeploymentActive', 'the next click finds it running and sends nothing');
    assert.equal(arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1);
  });

  it('waits out a 429 on the PUT (ARM did nothing) and sends it again', async () => {
    const { arm, deployments } = setup();
    arm.faults.push({ match: /^PUT /, fault: { status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } }, headers: { 'Retry-After': '0' } } });
    const started = await deployments.start(target, input);
    assert.equal(started.attached, false);
    assert.deepEqual(arm.exchanges.filter((exchange) => exchange.method === 'PUT').map((exchange) => exchange.status), [429, 201]);
  });

  it('refuses to start over a deployment of the same name that still runs (DeploymentActive), sending no PUT', async () => {
    const { arm, deployments } = setup();
    await deployments.start(target, input);
    const error = await failureOf(() => deployments.start(target, input));
    assert.equal(error.code, 'DeploymentActive');
    assert.equal(error.reason, 'itemBusy');
    assert.equal(error.message, "The deployment 'web-20250101000000' in rg-web is still Running: wait for it to end, or cancel it.");
    assert.equal(arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1);
  });

  it('honours Retry-After between polls', async () => {
    const { arm, deployments } = setup([{ type: 'Microsoft.Storage/storageAccounts', name: 'diagstore01' }]);
    arm.retryAfter = '1';
    const slow = new TemplateDeployments(arm.reader(), { pollDelayMs: 1, minPollDelayMs: 0, maxPollDelayMs: 5_000 });
    const began = Date.now();
    await slow.follow(await slow.start(target, input), () => undefined);
    // Two waits (after the PUT, after the first poll), each of the 1 s the service asked for.
    assert.ok(Date.now() - began >= 1_900, `took ${Date.now() - began} ms`);
    void deployments;
  });
});

describe('TemplateDeployments: validate, cancel, resource group', () => {
  it('answers the resources Azure validated', async () => {
    const { arm, deployments } = setup();
    arm.validation = { ids: ['/subscriptions/x/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/diagstore01'] };
    const validated = await deployments.validate(target, input);
    assert.deepEqual(validated.validatedResourceIds, ['/subscriptions/x/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/diagstore01']);
    assert.equal(arm.count('POST', /\/validate$/), 1);
    assert.equal(arm.count('PUT', /./), 0, 'validation deploys nothing');
  });

  it('turns a 400 InvalidTemplateDeployment into a DeploymentValidationError naming each problem down to its cause', async () => {
    const { arm, deployments } = setup();
    arm.validation = {
      error: {
        error: {
          code: 'InvalidTemplateDeployment',
          message: "The template deployment 'web' is not valid according to the validation procedure.",
          details: [{ code: 'PreflightValidationCheckFailed', message: 'Preflight validation failed.', details: [{ code: 'AccountNameInvalid', target: 'Diag_Store', message: 'Diag_Store is not a valid storage account name.' }] }],
        },
      },
    };
    const error = await failureOf(() => deployments.validate(target, input));
    assert.ok(error instanceof DeploymentValidationError);
    assert.equal(error.code, 'InvalidTemplateDeployment');
    assert.equal(error.statusCode, 400);
    assert.deepEqual(error.details, [{ code: 'AccountNameInvalid', message: 'Diag_Store is not a valid storage account name.', target: 'Diag_Store' }]);
    assert.match(error.message, /Diag_Store: AccountNameInvalid: Diag_Store is not a valid storage account name\./);
  });

  it('never lets a secure value into an error message, and drops the request from the error', async () => {
    const { arm, deployments } = setup();
    arm.validation = { error: { error: { code: 'InvalidTemplate', message: `Template validation failed: the value '${secret}' of adminPassword is too weak.` } } };
    const error = await failureOf(() => deployments.validate(target, input));
    assert.ok(!error.message.includes(secret), error.message);
    assert.match(error.message, /the value '\*\*\*' of adminPassword/);
    assert.equal(error.cause, undefined);
    arm.faults.push({ match: /^PUT /, fault: { status: 400, body: { error: { code: 'InvalidRequestContent', message: `Bad value ${secret}` } } } });
    const refused = await failureOf(() => deployments.start(target, input));
    assert.equal(refused.message, 'Bad value ***');
  });

  it('cancels a running deployment (POST …/cancel) and follows it to Canceled', async () => {
    const { arm, deployments } = setup();
    const started = await deployments.start(target, input);
    await deployments.progress(target);
    const cancel = await deployments.cancel(target);
    assert.deepEqual(cancel, { cancelled: true, provisioningState: 'Running' });
    assert.equal(arm.count('POST', /\/cancel$/), 1);
    const result = await deployments.follow(started, () => undefined);
    assert.equal(result.provisioningState, 'Canceled');
    assert.equal(result.error?.code, 'DeploymentCanceled');
  });

  it('sends no cancel for a deployment that already ended', async () => {
    const { arm, deployments } = setup([{ type: 'Microsoft.Storage/storageAccounts', name: 'diagstore01' }]);
    await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.deepEqual(await deployments.cancel(target), { cancelled: false, provisioningState: 'Succeeded' });
    assert.equal(arm.count('POST', /\/cancel$/), 0);
  });

  it('creates a missing resource group in the location asked, and refuses one that is missing when not asked to create it', async () => {
    const { arm, deployments } = setup();
    assert.deepEqual(await deployments.ensureResourceGroup({ ...target, createResourceGroup: true, location: 'westeurope' }), { created: true, location: 'westeurope' });
    const put = arm.exchanges.find((exchange) => exchange.method === 'PUT' && /resourcegroups\/rg-web$/i.test(exchange.path));
    assert.deepEqual(JSON.parse(put!.body!), { location: 'westeurope' });
    const error = await failureOf(() => deployments.ensureResourceGroup(target));
    assert.equal(error.code, 'ResourceGroupNotFound');
  });
});

describe('deploymentNameFor', () => {
  it('keeps what ARM allows, cuts to 64 characters and ends with the UTC time to the second', () => {
    const now = new Date('2025-03-04T05:06:07.890Z');
    assert.equal(deploymentNameFor('azuredeploy', now), 'azuredeploy-20250304050607');
    assert.equal(deploymentNameFor('my template+v2!', now), 'my-template-v2-20250304050607');
    const long = deploymentNameFor('x'.repeat(100), now);
    assert.equal(long.length, 64);
    assert.match(deploymentNameFor('---', now), /^deployment-20250304050607$/);
  });
});
