import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EmulatorContext, defaultOptions } from '../../../emulator/context';
import { demoSeed, demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { keyOf, vaultId, virtualMachineId } from '../../../emulator/state/lookup';
import { collectionForBackup, groupNameOf, groupPatternOf, seedFullCollectionGroup } from '../../../emulator/backup/restorePointCollections';

const sub = demoSubscriptions.production;
const fresh = () => {
  const context = new EmulatorContext({ ...defaultOptions, caFile: '/dev/null' }, demoSeed(Date.UTC(2026, 10, 22)));
  const vault = context.state.vaults[keyOf(vaultId(sub, 'rg-backup-prod', 'prod-weu-vault'))]!;
  const itemOf = (rg: string, vm: string) => vault.protectedItems[`vm;iaasvmcontainerv2;${rg};${vm}`]!;
  return { context, vault, itemOf };
};

describe('the resource groups of restore point collections', () => {
  it("is AzureBackupRG_<the VM's region>_<n> without instantRPDetails or with an empty prefix", () => {
    assert.equal(groupNameOf(groupPatternOf(undefined, 'westeurope'), 1), 'AzureBackupRG_westeurope_1');
    assert.equal(groupNameOf(groupPatternOf({ instantRPDetails: { azureBackupRGNamePrefix: '' } }, 'eastus'), 3), 'AzureBackupRG_eastus_3');
  });

  it('is <prefix><n><suffix> from the policy, the suffix optional', () => {
    assert.equal(groupNameOf(groupPatternOf({ instantRPDetails: { azureBackupRGNamePrefix: 'snaps-', azureBackupRGNameSuffix: '-weu' } }, 'westeurope'), 2), 'snaps-2-weu');
    assert.equal(groupNameOf(groupPatternOf({ instantRPDetails: { azureBackupRGNamePrefix: 'snaps' } }, 'westeurope'), 1), 'snaps1');
  });

  it("makes a VM's collection once, in the resource group of its subscription, and reuses it", () => {
    const { context, vault, itemOf } = fresh();
    const item = itemOf('rg-web-prod', 'web-01');
    const first = collectionForBackup(context, vault, item)!;
    assert.equal(first.resource.id, `/subscriptions/${sub}/resourceGroups/AzureBackupRG_westeurope_1/providers/Microsoft.Compute/restorePointCollections/AzureBackup_web-01_${item.protectedItemDataId}`);
    assert.deepEqual(context.state.resourceGroups[keyOf(`/subscriptions/${sub}/resourceGroups/AzureBackupRG_westeurope_1`)], { subscriptionId: sub, name: 'AzureBackupRG_westeurope_1', location: 'westeurope' });
    assert.equal(collectionForBackup(context, vault, item), first);
    assert.equal(Object.keys(context.state.restorePointCollections).length, 1);
  });

  it('counts a group spelled in another case as the same group', () => {
    const { context, vault, itemOf } = fresh();
    seedFullCollectionGroup(context.state, sub, 'azurebackuprg_westeurope_1', 'westeurope', 600);
    const collection = collectionForBackup(context, vault, itemOf('rg-web-prod', 'web-02'))!;
    assert.equal(collection.resourceGroup, 'AzureBackupRG_westeurope_2');
    // The seeded group keeps the spelling it was made with.
    assert.equal(context.state.resourceGroups[keyOf(`/subscriptions/${sub}/resourceGroups/AzureBackupRG_westeurope_1`)]!.name, 'azurebackuprg_westeurope_1');
  });

  it('fills group n+1 only up to 600 too', () => {
    const { context, vault, itemOf } = fresh();
    seedFullCollectionGroup(context.state, sub, 'AzureBackupRG_westeurope_1', 'westeurope', 600);
    seedFullCollectionGroup(context.state, sub, 'AzureBackupRG_westeurope_2', 'westeurope', 599);
    assert.equal(collectionForBackup(context, vault, itemOf('rg-web-prod', 'web-01'))!.resourceGroup, 'AzureBackupRG_westeurope_2');
    assert.equal(collectionForBackup(context, vault, itemOf('rg-web-prod', 'web-02'))!.resourceGroup, 'AzureBackupRG_westeurope_3');
  });

  it('makes no collection for a VM that no longer exists', () => {
    const { context, vault, itemOf } = fresh();
    const item = itemOf('rg-web-prod', 'web-01');
    delete context.state.virtualMachines[keyOf(virtualMachineId(sub, 'rg-web-prod', 'web-01'))];
    assert.equal(collectionForBackup(context, vault, item), undefined);
    assert.deepEqual(context.state.restorePointCollections, {});
  });
});
