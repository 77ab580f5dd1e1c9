// Template deployments in the emulator, through the real @azure/arm-resources client: the
// deployment's life (Accepted → Running → Succeeded/Failed/Canceled), its operations, validation,
// failures naming the resource, secrets never returned, nested deployments and conditions; each
// resource goes through the same handlers as a direct request (a protected item starts its
// ConfigureBackup job). Imported by deployments.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { type RestError } from '@azure/core-rest-pipeline';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { all, containerOf, itemOf, policyIdOf, vaultIdOf, vmIdOf } from './backupSteps';
import { deploymentEnd, operationSummary, operationsOf, resourcesClient, startDeployment, template, values } from './deploymentSteps';

const sub = demoSubscriptions.production;
const vaultRg = 'rg-backup-prod';
const secret = 'Sup3r-Secret-Value!';

const dailyPolicy = {
  backupManagementType: 'AzureIaasVM',
  instantRpRetentionRangeInDays: 2,
  schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-01-01T22:00:00Z'] },
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: ['2024-01-01T22:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } },
  },
  timeZone: 'UTC',
};

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

  before(async () => {
    env = await startTestEmulator();
    resources = await resourcesClient(env, sub);
    backup = await env.clients.backup(sub);
  });
  after(async () => {
    await env?.close();
  });

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

  it('fails naming the failed resource with its provider’s code; resources that wait for it never start; the others go on', async () => {
    const failing = template({
      resources: [
        {
          type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
          apiVersion: '2021-03-01',
          name: 'prod-weu-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-web-prod;no-such-vm/vm;iaasvmcontainerv2;rg-web-prod;no-such-vm',
          properties: {
            protectedItemType: 'Microsoft.Compute/virtualMachines',
            policyId: policyIdOf(sub, vaultRg, 'prod-weu-vault', 'DefaultPolicy'),
            sourceResourceId: vmIdOf(sub, 'rg-web-prod', 'no-such-vm'),
          },
        },
        {
          type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
          apiVersion: '2021-03-01',
          name: 'prod-weu-vault/AfterTheFailure',
          dependsOn: ['[resourceId(\'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems\', \'prod-weu-vault\', \'Azure\', \'iaasvmcontainer;iaasvmcontainerv2;rg-web-prod;no-such-vm\', \'vm;iaasvmcontainerv2;rg-web-prod;no-such-vm\')]'],
          properties: dailyPolicy,
        },
        { type: 'Microsoft.RecoveryServices/vaults/backupPolicies', apiVersion: '2021-03-01', name: 'prod-weu-vault/Independent', properties: dailyPolicy },
      ],
    });
    await startDeployment(resources, vaultRg, 'fails-on-missing-vm', failing);
    const ended = await deploymentEnd(resources, vaultRg, 'fails-on-missing-vm');
    assert.equal(ended.properties?.provisioningState, 'Failed');
    const error = ended.properties?.error;
    assert.equal(error?.code, 'DeploymentFailed');
    assert.match(error?.message ?? '', /At least one resource deployment operation failed/);
    assert.equal(error?.details?.length, 1);
    assert.match(error?.details?.[0]?.target ?? '', /protectedItems\/vm;iaasvmcontainerv2;rg-web-prod;no-such-vm$/);
    assert.ok(error?.details?.[0]?.code, 'the failed resource’s own code');
    const operations = await operationsOf(resources, vaultRg, 'fails-on-missing-vm');
    assert.deepEqual(operationSummary(operations).sort(), [
      'Failed Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/prod-weu-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-web-prod;no-such-vm/vm;iaasvmcontainerv2;rg-web-prod;no-such-vm',
      'Succeeded Microsoft.RecoveryServices/vaults/backupPolicies/prod-weu-vault/Independent',
    ]);
    const failed = operations.find((operation) => operation.properties?.provisioningState === 'Failed');
    assert.equal(failed?.properties?.statusMessage?.error?.code, error?.details?.[0]?.code);
    const policies = await all(backup.backupPolicies.list('prod-weu-vault', vaultRg));
    assert.ok(!policies.some((policy) => policy.name === 'AfterTheFailure'), 'the dependant was never deployed');
  });

  it('fails a VM whose network interface does not exist with Compute’s own error, as a direct request would', async () => {
    const vmWithoutNic = template({
      resources: [{
        type: 'Microsoft.Compute/virtualMachines',
        apiVersion: '2024-07-01',
        name: 'no-nic-vm',
        location: 'westeurope',
        properties: {
          hardwareProfile: { vmSize: 'Standard_B2s' },
          storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }, osDisk: { createOption: 'FromImage' } },
          osProfile: { computerName: 'no-nic-vm', adminUsername: 'azureuser', adminPassword: secret },
          networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', 'missing-nic')]" }] },
        },
      }],
    });
    await startDeployment(resources, 'rg-web-prod', 'vm-without-nic', vmWithoutNic);
    const ended = await deploymentEnd(resources, 'rg-web-prod', 'vm-without-nic');
    assert.equal(ended.properties?.provisioningState, 'Failed');
    const detail = ended.properties?.error?.details?.[0];
    assert.match(detail?.target ?? '', /virtualMachines\/no-nic-vm$/);
    assert.match(`${detail?.code}: ${detail?.message}`, /missing-nic/);
    await assert.rejects((await env.clients.compute(sub)).virtualMachines.get('rg-web-prod', 'no-nic-vm'), (error: RestError) => error.statusCode === 404);
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

  it('in complete mode, deletes what the resource group holds and the template does not declare; a vault that still protects a VM refuses (DeploymentFailedCleanUp)', async () => {
    await resources.resourceGroups.createOrUpdate('rg-complete', { location: 'westeurope' });
    const vaultResource = (name: string) => ({ type: 'Microsoft.RecoveryServices/vaults', apiVersion: '2024-04-01', name, location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: {} });
    await startDeployment(resources, 'rg-complete', 'two-vaults', template({ resources: [vaultResource('keep-vault'), vaultResource('drop-vault')] }));
    assert.equal((await deploymentEnd(resources, 'rg-complete', 'two-vaults')).properties?.provisioningState, 'Succeeded');

    await startDeployment(resources, 'rg-complete', 'only-one', template({ resources: [vaultResource('keep-vault')] }), {}, { mode: 'Complete' });
    const complete = await deploymentEnd(resources, 'rg-complete', 'only-one');
    assert.equal(complete.properties?.provisioningState, 'Succeeded', JSON.stringify(complete.properties?.error));
    const operations = await operationsOf(resources, 'rg-complete', 'only-one');
    assert.deepEqual(operations.map((operation) => `${operation.properties?.provisioningOperation} ${operation.properties?.targetResource?.resourceName}`), ['Create keep-vault', 'Delete drop-vault']);
    const vaults = await env.clients.vaults(sub);
    const left = [];
    for await (const vault of vaults.vaults.listByResourceGroup('rg-complete')) left.push(vault.name);
    assert.deepEqual(left, ['keep-vault']);

    // keep-vault now protects a VM: complete mode cannot delete it.
    await startDeployment(resources, 'rg-complete', 'protect-jumpbox', template({
      resources: [{
        type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
        apiVersion: '2023-06-01',
        name: 'keep-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-data-prod;jumpbox/vm;iaasvmcontainerv2;rg-data-prod;jumpbox',
        properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: policyIdOf(sub, 'rg-complete', 'keep-vault', 'DefaultPolicy'), sourceResourceId: vmIdOf(sub, 'rg-data-prod', 'jumpbox') },
      }],
    }));
    assert.equal((await deploymentEnd(resources, 'rg-complete', 'protect-jumpbox')).properties?.provisioningState, 'Succeeded');
    await startDeployment(resources, 'rg-complete', 'empty-complete-2', template({ resources: [] }), {}, { mode: 'Complete' });
    const refused = await deploymentEnd(resources, 'rg-complete', 'empty-complete-2');
    assert.equal(refused.properties?.error?.code, 'DeploymentFailedCleanUp');
    assert.match(refused.properties?.error?.details?.[0]?.target ?? '', /vaults\/keep-vault$/);
    assert.match(refused.properties?.error?.details?.[0]?.code ?? '', /ServiceResourceNotEmpty/);
  });

  it('refuses deployment names Azure refuses, and a deployment into a resource group that does not exist', async () => {
    const empty = template({ resources: [] });
    for (const [name, code] of [['has space', 'DeploymentNameInvalidCharacters'], ['x'.repeat(65), 'DeploymentNameLengthLimitExceeded']] as const) {
      await assert.rejects(startDeployment(resources, vaultRg, name, empty, {}, { deliberatelyInvalid: true }), (error: RestError) => error.statusCode === 400 && error.code === code, name);
    }
    await assert.rejects(startDeployment(resources, 'rg-nowhere', 'anything', empty), (error: RestError) => error.statusCode === 404 && error.code === 'ResourceGroupNotFound');
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
