// Template deployments in the emulator, through the real @azure/arm-resources client: a deployment
// to its end with its operations and outputs, validation, secrets never returned, nested
// deployments and conditions; each resource goes through the same handlers as a direct request (a
// protected item starts its ConfigureBackup job). Failures, refusals and complete mode are in
// deploymentFailures.scenario.ts. Imported by deployments.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { type RestError } from '@azure/core-rest-pipeline';
import type { TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { all, containerOf, itemOf, policyIdOf, vaultIdOf } from './backupSteps';
import { dailyPolicy, deploymentEnd, operationSummary, operationsOf, emulatorForDeployments, startDeployment, template, values } from './deploymentSteps';

const sub = demoSubscriptions.production;
const vaultRg = 'rg-backup-prod';
const secret = 'Sup3r-Secret-Value!';

/** Protects VMs (objects {rg, name}) in a vault and policy the same template creates. */
const protectTemplate = template({
  parameters: {
    vaultName: { type: 'string' },
    policyName: { type: 'string', defaultValue: 'TemplatePolicy' },
    vms: { type: 'array', minLength: 1 },
    note: { type: 'securestring' },
    location: { type: 'string', defaultValue: '[resourceGroup().location]' },
  },
  resources: [
    { type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2021-03-01', name: "[parameters('vaultName')]", location: "[parameters('location')]", sku: { name: 'RS0', tier: 'Standard' }, properties: {} },
    {
      type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
      apiVersion: '2021-03-01',
      name: "[format('{0}/{1}', parameters('vaultName'), parameters('policyName'))]",
      dependsOn: ["[resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName'))]"],
      properties: dailyPolicy,
    },
    {
      copy: { name: 'protectedItems', count: "[length(parameters('vms'))]" },
      type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
      apiVersion: '2021-03-01',
      name: "[format('{0}/Azure/iaasvmcontainer;iaasvmcontainerv2;{1};{2}/vm;iaasvmcontainerv2;{1};{2}', parameters('vaultName'), parameters('vms')[copyIndex()].rg, parameters('vms')[copyIndex()].name)]",
      dependsOn: ["[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]"],
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        policyId: "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]",
        sourceResourceId: "[resourceId('Microsoft.Compute/virtualMachines', parameters('vms')[copyIndex()].name)]",
      },
    },
  ],
  outputs: {
    vaultId: { type: 'string', value: "[resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName'))]" },
    vaultState: { type: 'string', value: "[reference(resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName')), '2021-03-01').provisioningState]" },
    echoedNote: { type: 'securestring', value: "[parameters('note')]" },
  },
});

describe('template deployments', () => {
  let env: TestEmulator;
  let resources: ResourceManagementClient;
  let backup: RecoveryServicesBackupClient;

  emulatorForDeployments(sub, (clients) => ({ env, resources, backup } = clients));

  it('creates a vault and a policy and protects a VM, in dependency order, each protected item starting its ConfigureBackup job', async () => {
    const since = (await env.requests()).length;
    const started = await startDeployment(resources, vaultRg, 'protect-web-03', withVmResourceGroups(protectTemplate), {
      vaultName: 'tpl-weu-vault',
      vms: [{ rg: 'rg-web-prod', name: 'web-03' }],
      note: secret,
    });
    assert.equal(started.name, 'protect-web-03');
    const put = (await env.requests(since)).find((exchange) => exchange.method === 'PUT' && exchange.url.includes('/deployments/protect-web-03'));
    assert.equal(put?.status, 201);
    assert.equal((put?.responseBody as { properties: { provisioningState: string } }).properties.provisioningState, 'Accepted');
    assert.match(put?.responseHeaders['Azure-AsyncOperation'] ?? '', /\/deployments\/protect-web-03\/operationStatuses\/\d+\?api-version=/);

    const ended = await deploymentEnd(resources, vaultRg, 'protect-web-03');
    assert.equal(ended.properties?.provisioningState, 'Succeeded', JSON.stringify(ended.properties?.error));
    const operations = await operationsOf(resources, vaultRg, 'protect-web-03');
    assert.deepEqual(operationSummary(operations), [
      'Succeeded Microsoft.RecoveryServices/vaults/tpl-weu-vault',
      'Succeeded Microsoft.RecoveryServices/vaults/backupPolicies/tpl-weu-vault/TemplatePolicy',
      'Succeeded Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/tpl-weu-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-web-prod;web-03/vm;iaasvmcontainerv2;rg-web-prod;web-03',
    ]);
    const vaultId = vaultIdOf(sub, vaultRg, 'tpl-weu-vault');
    const outputs = ended.properties?.outputs as Record<string, { value: unknown }> | undefined;
    assert.equal(outputs?.vaultId?.value, vaultId);
    assert.equal(outputs?.vaultState?.value, 'Succeeded');
    assert.equal(outputs?.echoedNote, undefined, 'a securestring output is never returned');
    assert.deepEqual(ended.properties?.outputResources?.map((resource) => resource.id), operations.map((operation) => operation.properties?.targetResource?.id));

    const item = await backup.protectedItems.get('tpl-weu-vault', vaultRg, 'Azure', containerOf('rg-web-prod', 'web-03'), itemOf('rg-web-prod', 'web-03'));
    assert.equal((item.properties as { protectionState?: string }).protectionState, 'IRPending');
    assert.equal((item.properties as { policyId?: string }).policyId?.toLowerCase(), policyIdOf(sub, vaultRg, 'tpl-weu-vault', 'TemplatePolicy').toLowerCase());
    const jobs = await all(backup.backupJobs.list('tpl-weu-vault', vaultRg));
    assert.deepEqual(jobs.map((job) => `${job.properties?.operation} ${job.properties?.entityFriendlyName}`), ['ConfigureBackup web-03']);
  });

  it('never returns a securestring value: not in the deployment, its list, its operations or any answer', async () => {
    const deployment = await resources.deployments.get(vaultRg, 'protect-web-03');
    assert.deepEqual(deployment.properties?.parameters?.note, { type: 'SecureString' });
    assert.deepEqual(deployment.properties?.parameters?.vaultName, { type: 'String', value: 'tpl-weu-vault' });
    assert.deepEqual(deployment.properties?.parameters?.location, { type: 'String', value: 'westeurope' });
    const answers = (await env.requests()).map((exchange) => JSON.stringify(exchange.responseBody ?? '') + JSON.stringify(exchange.responseHeaders));
    assert.ok(answers.every((answer) => !answer.includes(secret)), 'the secret appears in an answer');
  });

  it('validates: 200 with the resources it would deploy; a template error is a 400 naming what is wrong', async () => {
    const ok = await (await resources.deployments.beginValidate(vaultRg, 'check-only', { properties: { mode: 'Incremental', template: withVmResourceGroups(protectTemplate), parameters: values({ vaultName: 'never-made', vms: [{ rg: 'rg-web-prod', name: 'web-01' }], note: secret }) } }, { updateIntervalInMs: 5 })).pollUntilDone();
    assert.equal(ok.properties?.provisioningState, 'Succeeded');
    assert.equal(ok.properties?.validatedResources?.length, 3);
    assert.deepEqual(ok.properties?.parameters?.note, { type: 'SecureString' });
    await assert.rejects(resources.deployments.get(vaultRg, 'check-only'), (error: RestError) => error.statusCode === 404 && error.code === 'DeploymentNotFound');

    const unknownFunction = template({ resources: [{ type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2021-03-01', name: "[fooBar('x')]", location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} }] });
    const refused = await validationError(resources, vaultRg, unknownFunction, {});
    assert.equal(refused.code, 'InvalidTemplate');
    assert.match(refused.message, /fooBar/);

    const missing = await validationError(resources, vaultRg, protectTemplate, { vms: [] });
    assert.equal(missing.code, 'InvalidTemplate');
    assert.match(missing.message, /vaultName/);
    const afterChecks = (await env.requests()).filter((exchange) => exchange.method === 'PUT' && exchange.url.includes('never-made'));
    assert.equal(afterChecks.length, 0, 'validation deploys nothing');
  });

  it('skips a resource whose condition is false: not deployed, not in the operations, and what depends on it still runs', async () => {
    const conditional = template({
      parameters: { makeVault: { type: 'bool', defaultValue: false } },
      resources: [
        { condition: "[parameters('makeVault')]", type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2021-03-01', name: 'prod-weu-vault', location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} },
        { type: 'Microsoft.RecoveryServices/vaults/backupPolicies', apiVersion: '2021-03-01', name: 'prod-weu-vault/WhenNoNewVault', dependsOn: ["[resourceId('Microsoft.RecoveryServices/vaults', 'prod-weu-vault')]"], properties: dailyPolicy },
      ],
    });
    await startDeployment(resources, vaultRg, 'conditional', conditional);
    const ended = await deploymentEnd(resources, vaultRg, 'conditional');
    assert.equal(ended.properties?.provisioningState, 'Succeeded', JSON.stringify(ended.properties?.error));
    assert.deepEqual(operationSummary(await operationsOf(resources, vaultRg, 'conditional')), ['Succeeded Microsoft.RecoveryServices/vaults/backupPolicies/prod-weu-vault/WhenNoNewVault']);
  });

  it('runs a nested deployment into another resource group with its own (inner) parameters', async () => {
    const nested = template({
      parameters: { vaultName: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'vault-in-data-rg',
          resourceGroup: 'rg-data-prod',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { name: { value: "[parameters('vaultName')]" } },
            template: template({
              parameters: { name: { type: 'string' } },
              resources: [{ type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2024-04-01', name: "[parameters('name')]", location: '[resourceGroup().location]', sku: { name: 'RS0', tier: 'Standard' }, properties: { publicNetworkAccess: 'Enabled' } }],
              outputs: { group: { type: 'string', value: '[resourceGroup().name]' } },
            }),
          },
        },
      ],
    });
    await startDeployment(resources, vaultRg, 'outer', nested, { vaultName: 'nested-data-vault' });
    const ended = await deploymentEnd(resources, vaultRg, 'outer');
    assert.equal(ended.properties?.provisioningState, 'Succeeded', JSON.stringify(ended.properties?.error));
    assert.deepEqual(operationSummary(await operationsOf(resources, vaultRg, 'outer')), ['Succeeded Microsoft.Resources/deployments/vault-in-data-rg']);
    const child = await resources.deployments.get('rg-data-prod', 'vault-in-data-rg');
    assert.equal(child.properties?.provisioningState, 'Succeeded');
    assert.equal((child.properties?.outputs as Record<string, { value: unknown }>).group?.value, 'rg-data-prod');
    const vaults = await env.clients.vaults(sub);
    assert.equal((await vaults.vaults.get('rg-data-prod', 'nested-data-vault')).location, 'westeurope');
  });

});

/** The protect template deploys VMs of one resource group: point sourceResourceId at each VM's own group. */
function withVmResourceGroups(body: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(body) as { resources: { properties: { sourceResourceId?: string } }[] };
  copy.resources[2]!.properties.sourceResourceId = "[resourceId(parameters('vms')[copyIndex()].rg, 'Microsoft.Compute/virtualMachines', parameters('vms')[copyIndex()].name)]";
  return copy as unknown as Record<string, unknown>;
}

async function validationError(client: ResourceManagementClient, rg: string, body: Record<string, unknown>, parameters: Record<string, unknown>): Promise<{ code: string; message: string }> {
  try {
    await (await client.deployments.beginValidate(rg, 'check-only', { properties: { mode: 'Incremental', template: body, parameters: values(parameters) } }, { updateIntervalInMs: 5 })).pollUntilDone();
  } catch (error) {
    // The poller's RestError comes from the SDK's own copy of core-rest-pipeline: check its shape.
    const failure = error as { name?: string; statusCode?: number; code?: string; message: string };
    assert.equal(failure.name, 'RestError', String(error));
    assert.equal(failure.statusCode, 400);
    return { code: failure.code ?? '', message: failure.message };
  }
  assert.fail('the validation passed');
}
