// Where backups keep their instant restore snapshots: the restore point collection a VM's first
// backup makes, in the resource group its policy names (AzureBackupRG_<region>_<n>, or the policy's
// prefix + n + suffix), 600 collections a group, a changed pattern sending new collections to the
// new group; read through Compute and Resources as any client would. Then that traffic against the
// published REST specifications.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { ComputeManagementClient, RestorePointCollection } from '@azure/arm-compute';
import type { ResourceManagementClient } from '@azure/arm-resources';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { seedFullCollectionGroup } from '../../emulator/backup/restorePointCollections';
import { all, backUpNow, containerOf, createVault, fabric, itemOf, jobEnd, policyIdOf, putItem, vmIdOf, type VaultRef } from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const weu: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'rpc-weu-vault' };
const eus: VaultRef = { sub, rg: 'rg-app-eastus', vault: 'rpc-eus-vault' };

/**
 * The error a call fails with, asserting ARM's status and code. The Compute and Resources SDKs throw
 * RestErrors of their own runtimes (not core-rest-pipeline's), so this reads the fields, not the class.
 */
async function refused(call: Promise<unknown>, status: number, code: string): Promise<Error> {
  try {
    await call;
  } catch (error) {
    const { statusCode, code: actual, message } = error as { statusCode?: number; code?: string; message: string };
    assert.deepEqual([statusCode, actual], [status, code], message);
    return error as Error;
  }
  assert.fail(`expected ${status} ${code}, but the call succeeded`);
}

describe('restore point collections of backed-up VMs', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let compute: ComputeManagementClient;
  let resources: ResourceManagementClient;
  const collectionsIn = (group: string) => all(compute.restorePointCollections.list(group));
  const sourceOf = (collection: RestorePointCollection) => collection.source?.id?.toLowerCase();
  const protect = async (v: VaultRef, rg: string, vm: string, policy: string) => {
    await jobEnd(backup, v, await putItem(backup, v, rg, vm, { policyId: policyIdOf(sub, v.rg, v.vault, policy), sourceResourceId: vmIdOf(sub, rg, vm) }));
  };
  const backUp = async (v: VaultRef, rg: string, vm: string) => {
    const job = await jobEnd(backup, v, (await backUpNow(backup, v, rg, vm)).jobId);
    assert.equal(job.properties?.status, 'Completed');
  };
  const dataIdOf = async (v: VaultRef, rg: string, vm: string) =>
    ((await backup.protectedItems.get(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm))).properties as Json).protectedItemDataId as string;
  /** Puts a copy of the vault's DefaultPolicy with its own restore point collection group pattern. */
  const putPolicyWithGroup = async (v: VaultRef, name: string, prefix: string, suffix: string) => {
    const standard = (await backup.protectionPolicies.get(v.vault, v.rg, 'DefaultPolicy')).properties as Json;
    const properties: Json = { ...standard, instantRPDetails: { azureBackupRGNamePrefix: prefix, azureBackupRGNameSuffix: suffix } };
    delete properties.protectedItemsCount;
    await backup.protectionPolicies.createOrUpdate(v.vault, v.rg, name, { properties: properties as never });
  };

  before(async () => {
    env = await startTestEmulator();
    backup = await env.clients.backup(sub);
    compute = await env.clients.compute(sub);
    resources = await env.clients.resources(sub);
    await createVault(env, weu, 'westeurope');
    await putPolicyWithGroup(weu, 'Custom-RG', 'rpc-snapshots-', '-weu');
  });
  after(async () => {
    await env.close();
  });

  it("makes the VM's collection AzureBackup_<vm>_<item data id> on its first backup, in AzureBackupRG_<region>_1, made in the VM's region", async () => {
    await refused(resources.resourceGroups.get('AzureBackupRG_westeurope_1'), 404, 'ResourceGroupNotFound');
    await protect(weu, 'rg-web-prod', 'web-03', 'DefaultPolicy');
    assert.deepEqual(await all(compute.restorePointCollections.listAll()), [], 'protecting alone makes no collection');
    await backUp(weu, 'rg-web-prod', 'web-03');

    const collections = await collectionsIn('AzureBackupRG_westeurope_1');
    assert.equal(collections.length, 1);
    const [collection] = collections as [RestorePointCollection];
    assert.equal(collection.name, `AzureBackup_web-03_${await dataIdOf(weu, 'rg-web-prod', 'web-03')}`);
    assert.equal(collection.type, 'Microsoft.Compute/restorePointCollections');
    assert.equal(collection.location, 'westeurope');
    assert.equal(sourceOf(collection), vmIdOf(sub, 'rg-web-prod', 'web-03').toLowerCase());
    assert.equal(collection.source?.location, 'westeurope');
    assert.equal(collection.provisioningState, 'Succeeded');
    assert.match(collection.id!, new RegExp(`^/subscriptions/${sub}/resourceGroups/AzureBackupRG_westeurope_1/providers/Microsoft.Compute/restorePointCollections/AzureBackup_web-03_\\d+$`));
    const read = await compute.restorePointCollections.get('azurebackuprg_westeurope_1', collection.name!);
    assert.deepEqual(read, collection);

    const group = await resources.resourceGroups.get('AzureBackupRG_westeurope_1');
    assert.deepEqual([group.name, group.location, group.tags], ['AzureBackupRG_westeurope_1', 'westeurope', undefined]);
    const groups = await all(resources.resourceGroups.list());
    assert.ok(groups.some((listed) => listed.name === 'AzureBackupRG_westeurope_1'), 'the resource group listing shows the group');
  });

  it('reuses the collection on later backups of the same VM', async () => {
    await backUp(weu, 'rg-web-prod', 'web-03');
    const collections = await all(compute.restorePointCollections.listAll());
    assert.deepEqual(collections.map((collection) => collection.id!.split('/')[4]), ['AzureBackupRG_westeurope_1']);
  });

  it("puts the first collection of a VM whose policy names a prefix and suffix in <prefix>1<suffix>", async () => {
    await protect(weu, 'rg-data-prod', 'jumpbox', 'Custom-RG');
    await backUp(weu, 'rg-data-prod', 'jumpbox');
    const collections = await collectionsIn('rpc-snapshots-1-weu');
    assert.deepEqual(collections.map(sourceOf), [vmIdOf(sub, 'rg-data-prod', 'jumpbox').toLowerCase()]);
    assert.equal((await resources.resourceGroups.get('rpc-snapshots-1-weu')).location, 'westeurope');
    assert.deepEqual((await collectionsIn('AzureBackupRG_westeurope_1')).map(sourceOf), [vmIdOf(sub, 'rg-web-prod', 'web-03').toLowerCase()]);
  });

  it("sends the next new collection to the new group when the policy's pattern changes, leaving the old one where it is", async () => {
    await putPolicyWithGroup(weu, 'Custom-RG', 'rpc-moved-', '');
    await backUp(weu, 'rg-data-prod', 'jumpbox');
    assert.deepEqual((await collectionsIn('rpc-moved-1')).map(sourceOf), [vmIdOf(sub, 'rg-data-prod', 'jumpbox').toLowerCase()]);
    assert.deepEqual((await collectionsIn('rpc-snapshots-1-weu')).map(sourceOf), [vmIdOf(sub, 'rg-data-prod', 'jumpbox').toLowerCase()], 'the old collection stays');
    await backUp(weu, 'rg-data-prod', 'jumpbox');
    assert.equal((await collectionsIn('rpc-moved-1')).length, 1, 'and is reused while the pattern stays');
  });

  it("sends the next new collection to the new policy's group when the item moves to a policy with another pattern", async () => {
    await protect(weu, 'rg-web-prod', 'web-03', 'Custom-RG');
    await backUp(weu, 'rg-web-prod', 'web-03');
    assert.deepEqual((await collectionsIn('rpc-moved-1')).map(sourceOf).sort(), [vmIdOf(sub, 'rg-data-prod', 'jumpbox'), vmIdOf(sub, 'rg-web-prod', 'web-03')].map((id) => id.toLowerCase()).sort());
    assert.equal((await collectionsIn('AzureBackupRG_westeurope_1')).length, 1, 'the old collection stays');
  });

  it('uses AzureBackupRG_<region>_2 once group 1 holds 600 collections, and makes it', async () => {
    seedFullCollectionGroup(env.emulator.context.state, sub, 'AzureBackupRG_eastus_1', 'eastus');
    env.emulator.context.changed();
    await createVault(env, eus, 'eastus');
    await protect(eus, 'rg-app-eastus', 'app-eus-03', 'DefaultPolicy');
    await backUp(eus, 'rg-app-eastus', 'app-eus-03');
    const collections = await collectionsIn('AzureBackupRG_eastus_2');
    assert.deepEqual(collections.map((collection) => collection.name), [`AzureBackup_app-eus-03_${await dataIdOf(eus, 'rg-app-eastus', 'app-eus-03')}`]);
    assert.equal((await resources.resourceGroups.get('AzureBackupRG_eastus_2')).location, 'eastus');
    const full = await compute.restorePointCollections.get('AzureBackupRG_eastus_1', 'AzureBackup_retired-vm-600_100000000000599');
    assert.equal(full.location, 'eastus');
  });

  it('answers 404 ResourceNotFound for a collection that does not exist, and ResourceGroupNotFound for a missing group', async () => {
    const missing = await refused(compute.restorePointCollections.get('AzureBackupRG_westeurope_1', 'AzureBackup_nothing_1'), 404, 'ResourceNotFound');
    assert.match(missing.message, /Microsoft\.Compute\/restorePointCollections\/AzureBackup_nothing_1' under resource group 'AzureBackupRG_westeurope_1' was not found/);
    await refused(collectionsIn('AzureBackupRG_westeurope_9'), 404, 'ResourceGroupNotFound');
  });
});

recordedTrafficConforms('restore point collections', 'the restore point collection scenarios');
