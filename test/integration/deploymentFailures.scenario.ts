// Template deployments that fail, refuse or delete, in the emulator through the real
// @azure/arm-resources client: a failure names the failed resource with its provider's code (and
// what waits for it never starts), a VM whose network interface is missing fails with Compute's
// own error, complete mode deletes what the template does not declare (or fails with
// DeploymentFailedCleanUp), and names and resource groups Azure refuses. Imported by
// deployments.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { type RestError } from '@azure/core-rest-pipeline';
import type { TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { all, policyIdOf, vmIdOf } from './backupSteps';
import { dailyPolicy, deploymentEnd, operationSummary, operationsOf, emulatorForDeployments, startDeployment, template } from './deploymentSteps';

const sub = demoSubscriptions.production;
const vaultRg = 'rg-backup-prod';
const adminPassword = 'Sup3r-Secret-Value!';

describe('template deployments that fail, refuse or delete', () => {
  let env: TestEmulator;
  let resources: ResourceManagementClient;
  let backup: RecoveryServicesBackupClient;

  emulatorForDeployments(sub, (clients) => ({ env, resources, backup } = clients));

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
          osProfile: { computerName: 'no-nic-vm', adminUsername: 'azureuser', adminPassword },
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
