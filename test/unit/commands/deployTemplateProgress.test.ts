import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AzureError } from '../../../src/azure/azureError';
import type { DeploymentInput, DeploymentTarget } from '../../../src/azure/deploymentModel';
import { DeploymentValidationError } from '../../../src/azure/deploymentErrors';
import { TemplateDeployments } from '../../../src/azure/templateDeployments';
import { progressText, refusalText, runDeployment } from '../../../src/commands/deploymentProgress';
import type { FlowServices } from '../../../src/commands/services';
import { CancelledByUser } from '../../../src/ui/userPrompts';
import { scriptedPrompts, type ScriptedPrompts, type ScriptStep } from '../../support/scriptedPrompts';
import { FakeArm, subscriptionId, type SimResource } from '../azure/templateDeploymentsFakeArm';

const secret = 'Sup3r-Secret-Pa55!';
const target: DeploymentTarget = { subscriptionId, resourceGroup: 'rg-web', deploymentName: 'web-20250101000000' };
const input: DeploymentInput = {
  template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [] },
  parameters: { vmName: { value: 'vm-web-01' }, adminPassword: { value: secret } },
  secureParameterNames: ['adminPassword'],
};
const three: SimResource[] = [
  { type: 'Microsoft.Storage/storageAccounts', name: 'diagstore01' },
  { type: 'Microsoft.Network/virtualNetworks', name: 'vnet-web' },
  { type: 'Microsoft.Compute/virtualMachines', name: 'vm-web-01' },
];

interface Run {
  arm: FakeArm;
  prompts: ScriptedPrompts;
  services: FlowServices;
  deployments: TemplateDeployments;
  logged: string[];
}

function setup(resources: SimResource[], script: ScriptStep[]): Run {
  const arm = new FakeArm(resources);
  arm.validation = { ids: resources.map((resource) => `/x/${resource.name}`) };
  const prompts = scriptedPrompts(script);
  const logged: string[] = [];
  const services = {
    prompts,
    log: {
      info: (line: string) => logged.push(`info: ${line}`),
      warn: (line: string) => logged.push(`warn: ${line}`),
      error: (line: string) => logged.push(`error: ${String(line)}`),
      show: () => logged.push('(log shown)'),
    },
    azure: () => assert.fail('runDeployment was given its deployments client'),
  } as unknown as FlowServices;
  return { arm, prompts, services, logged, deployments: new TemplateDeployments(arm.reader(), { pollDelayMs: 1, minPollDelayMs: 0, maxPollDelayMs: 5 }) };
}

/** Makes the progress notification's Cancel happen when a report matches. */
function cancelWhen(prompts: ScriptedPrompts, reported: RegExp): void {
  prompts.progress = async (title, task) => {
    prompts.progressLog.push(title);
    const controller = new AbortController();
    return task((message) => {
      prompts.progressLog.push(`  ${message}`);
      if (reported.test(message)) controller.abort(new CancelledByUser());
    }, controller.signal);
  };
}

function assertNoSecret(run: Run): void {
  for (const line of [...run.logged, ...run.prompts.asked, ...run.prompts.progressLog]) assert.ok(!line.includes(secret), `a secure value in: ${line}`);
}

describe('runDeployment', () => {
  it('validates, starts, and reports "N of M resources · Creating name (type)" per resource, returning the result silently', async () => {
    const run = setup(three, []);
    const result = await runDeployment(run.services, target, input, { title: 'Deploying web.json', deployments: run.deployments });
    run.prompts.assertDone();
    assert.equal(result.provisioningState, 'Succeeded');
    assert.deepEqual(run.prompts.progressLog, [
      'Deploying web.json',
      '  Validating with Azure…',
      '  Starting the deployment…',
      '  0 of 3 resources',
      '  0 of 3 resources · Creating diagstore01 (Microsoft.Storage/storageAccounts)',
      '  1 of 3 resources · Creating vnet-web (Microsoft.Network/virtualNetworks)',
      '  2 of 3 resources · Creating vm-web-01 (Microsoft.Compute/virtualMachines)',
      '  3 of 3 resources',
    ]);
    assert.equal(run.arm.count('POST', /\/validate$/), 1);
    assert.ok(run.logged.some((line) => line === `info: Deployment web-20250101000000 to rg-web (subscription ${subscriptionId}): parameters vmName="vm-web-01", adminPassword=***`));
    assertNoSecret(run);
  });

  it('names the failed resource with Azure\'s code and message, offers the details, and returns the Failed result', async () => {
    const sku = { code: 'SkuNotAvailable', message: "The requested VM size 'Standard_M416ms_v2' is not available in location 'westeurope'." };
    const run = setup([{ type: 'Microsoft.Network/networkInterfaces', name: 'nic-web' }, { type: 'Microsoft.Compute/virtualMachines', name: 'vm-web-01', fails: sku }], [
      {
        error: "The deployment web-20250101000000 failed. vm-web-01 (Microsoft.Compute/virtualMachines): SkuNotAvailable: The requested VM size 'Standard_M416ms_v2' is not available in location 'westeurope'.",
        answer: 'Show Details',
      },
    ]);
    const result = await runDeployment(run.services, target, input, { title: 'Deploying web.json', deployments: run.deployments });
    run.prompts.assertDone();
    assert.equal(result.provisioningState, 'Failed');
    assert.ok(run.logged.includes('error: Deployment web-20250101000000 failed: DeploymentFailed: At least one resource deployment operation failed.'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(run.logged.at(-1), '(log shown)', 'Show Details opens the log');
    assert.ok(run.logged.some((line) => /^error: {3}\/subscriptions\/.*\/virtualMachines\/vm-web-01 SkuNotAvailable: The requested VM size/.test(line)));
  });

  it('on Cancel, cancels the deployment in Azure, follows it to Canceled and says what stays', async () => {
    const run = setup(three, [{ info: 'Cancelled the deployment web-20250101000000 in Azure. What it created before the cancel stays in rg-web: diagstore01.' }]);
    run.arm.advanceOnRead = false;
    cancelWhen(run.prompts, /Creating vnet-web/);
    const result = await runDeployment(run.services, target, input, { title: 'Deploying web.json', deployments: run.deployments });
    run.prompts.assertDone();
    assert.equal(result.provisioningState, 'Canceled');
    assert.equal(run.arm.count('POST', /\/cancel$/), 1);
    assert.ok(run.prompts.progressLog.includes('Cancelling web-20250101000000…'));
    assert.equal(run.arm.exchanges.filter((exchange) => exchange.method === 'PUT').length, 1);
  });

  it('a Cancel before anything was sent throws a silent cancel and deploys nothing', async () => {
    const run = setup(three, []);
    cancelWhen(run.prompts, /Validating/);
    await assert.rejects(runDeployment(run.services, target, input, { title: 'Deploying web.json', deployments: run.deployments }), (error: AzureError) => error.reason === 'cancelled');
    assert.equal(run.arm.count('PUT', /./), 0);
    assert.equal(run.arm.count('POST', /\/cancel$/), 0);
  });

  it('throws Azure\'s validation refusal before anything is deployed; refusalText says it in words', async () => {
    const run = setup(three, []);
    run.arm.validation = { error: { error: { code: 'InvalidTemplate', message: 'Deployment template validation failed.', details: [{ code: 'InvalidTemplate', target: 'resources[2]', message: `The value '${secret}' is not valid.` }] } } };
    const error = await runDeployment(run.services, target, input, { title: 'Deploying web.json', deployments: run.deployments }).then(
      () => assert.fail('deployed'),
      (refused: unknown) => refused,
    );
    assert.ok(error instanceof DeploymentValidationError);
    assert.equal(refusalText(error), "Azure refused the template (InvalidTemplate): resources[2]: The value '***' is not valid. (InvalidTemplate)");
    assert.equal(run.arm.count('PUT', /deployments/), 0);
    assertNoSecret(run);
  });

  it('creates a new resource group before validating in it', async () => {
    const run = setup(three.slice(0, 1), []);
    await runDeployment(run.services, { ...target, createResourceGroup: true, location: 'westeurope' }, input, { title: 'Deploying web.json', deployments: run.deployments });
    const writes = run.arm.exchanges.filter((exchange) => exchange.method !== 'GET').map((exchange) => `${exchange.method} ${exchange.path.replace(/^.*\/resourcegroups\//i, '')}`);
    assert.deepEqual(writes.slice(0, 3), ['PUT rg-web', 'POST rg-web/providers/Microsoft.Resources/deployments/web-20250101000000/validate', 'PUT rg-web/providers/Microsoft.Resources/deployments/web-20250101000000']);
    assert.equal(run.prompts.progressLog[1], '  Creating the resource group rg-web…');
  });
});

describe('progressText', () => {
  it('counts finished resources against the larger of the expected and the seen, and names what runs', () => {
    const resource = (resourceName: string, provisioningState: string) => ({ resourceName, resourceType: 'Microsoft.Network/networkInterfaces', provisioningState });
    assert.equal(progressText({ provisioningState: 'Accepted', resources: [] }), 'Waiting for Azure to start the deployment…');
    assert.equal(progressText({ provisioningState: 'Running', resources: [resource('a', 'Succeeded'), resource('b', 'Running'), resource('c', 'Running')], expectedResourceCount: 2 }), '1 of 3 resources · Creating b (Microsoft.Network/networkInterfaces) and 1 more');
    assert.equal(progressText({ provisioningState: 'Running', resources: [resource('a', 'Succeeded')], expectedResourceCount: 7 }), '1 of 7 resources');
  });
});
