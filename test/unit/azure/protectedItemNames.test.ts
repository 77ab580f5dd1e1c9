import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JobResource } from '@azure/arm-recoveryservicesbackup';
import { fullContainerName, itemRefOf, itemRefOfVm, protectedItemIdOf, sameContainer, vaultRefOf } from '../../../src/azure/protectedItemNames';
import { isJobOf } from '../../../src/azure/itemJobs';
import { blockersMessage } from '../../../src/azure/vaultDeletion';
import type { ProtectedVm } from '../../../src/azure/model';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;
const vmId = `/subscriptions/${subscriptionId}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-01`;

describe('protected item names', () => {
  it('names a VM container and item as the service does', () => {
    const item = itemRefOfVm(vaultRefOf(vaultId), { id: vmId, name: 'web-01', resourceGroup: 'rg-web-prod' });
    assert.deepEqual(item, {
      vault: { id: vaultId, subscriptionId, resourceGroup: 'rg-backup-prod', name: 'prod-weu-vault' },
      containerName: 'IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01',
      itemName: 'VM;iaasvmcontainerv2;rg-web-prod;web-01',
      vmName: 'web-01',
      vmId,
    });
    assert.equal(
      protectedItemIdOf(vaultId, item.containerName, item.itemName),
      `${vaultId}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01/protectedItems/VM;iaasvmcontainerv2;rg-web-prod;web-01`,
    );
  });

  it('accepts names with ; encoded as %3B, as the SDK sends them', () => {
    const item = itemRefOf({ vaultId, containerName: 'IaasVMContainer%3Biaasvmcontainerv2%3Brg-web-prod%3Bweb-01', itemName: 'VM%3Biaasvmcontainerv2%3Brg-web-prod%3Bweb-01', name: 'web-01', virtualMachineId: vmId } as ProtectedVm);
    assert.equal(item.containerName, 'IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01');
    assert.equal(item.itemName, 'VM;iaasvmcontainerv2;rg-web-prod;web-01');
  });

  it('compares containers with or without the IaasVMContainer prefix, in any case', () => {
    assert.ok(sameContainer('iaasvmcontainerv2;rg-web-prod;web-01', 'IaasVMContainer;iaasvmcontainerv2;RG-WEB-PROD;web-01'));
    assert.ok(!sameContainer('iaasvmcontainerv2;rg-other;web-01', 'IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01'));
    assert.equal(fullContainerName('iaasvmcontainerv2;rg;vm'), 'IaasVMContainer;iaasvmcontainerv2;rg;vm');
    assert.equal(fullContainerName('IaasVMContainer;iaasvmcontainerv2;rg;vm'), 'IaasVMContainer;iaasvmcontainerv2;rg;vm');
  });

  it("tells a job's item by its container, so VMs of one name in two resource groups differ; by VM name without one", () => {
    const item = itemRefOfVm(vaultRefOf(vaultId), { id: vmId, name: 'web-01', resourceGroup: 'rg-web-prod' });
    const job = (properties: Record<string, unknown>) => ({ properties: { jobType: 'AzureIaaSVMJob', ...properties } }) as JobResource;
    assert.ok(isJobOf(job({ entityFriendlyName: 'web-01', containerName: 'iaasvmcontainerv2;rg-web-prod;web-01' }), item));
    assert.ok(!isJobOf(job({ entityFriendlyName: 'web-01', containerName: 'iaasvmcontainerv2;rg-other;web-01' }), item));
    assert.ok(isJobOf(job({ entityFriendlyName: 'WEB-01' }), item));
    assert.ok(!isJobOf(job({ entityFriendlyName: 'web-02' }), item));
  });
});

describe('why a vault cannot be deleted', () => {
  it('names the protected and the soft-deleted items on the first line, then the service says its own', () => {
    const message = blockersMessage(
      { protectedItems: ['build-agent-01', 'build-agent-02'], softDeletedItems: [{ name: 'legacy-api', purgeTime: new Date('2030-01-15T10:00:00Z') }] },
      'Vault cannot be deleted as there are existing resources within the vault.',
    );
    const [first, second] = message.split('\n');
    assert.match(first!, /2 backup item\(s\) still protected or with data kept: build-agent-01, build-agent-02/);
    assert.match(first!, /1 soft-deleted item\(s\): legacy-api \(purged 2030-01-15\)/);
    assert.equal(second, 'Vault cannot be deleted as there are existing resources within the vault.');
  });
});
