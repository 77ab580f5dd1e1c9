// Recovery Services vaults through the real Azure SDK clients: create, read, update, delete,
// names, and the backup settings the service guards (soft delete, storage redundancy, cross
// region restore). Imported by resources.scenario.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Vault } from '@azure/arm-recoveryservices';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, exchangesTo, expectArmError } from './resourceScenarioHelpers';

/** The SDK's pollers wait 2 s between polls when Retry-After is 0: poll quickly instead. */
const fast = { updateIntervalInMs: 10 };

const newVault = (location: string, tags?: Record<string, string>): Vault => ({
  location,
  sku: { name: 'RS0', tier: 'Standard' },
  properties: { publicNetworkAccess: 'Enabled' },
  ...(tags ? { tags } : {}),
});

describe('Recovery Services vaults: lifecycle and settings (empty seed)', () => {
  let env: TestEmulator;
  let subscriptionId: string;
  const rg = 'rg-vaults';
  before(async () => {
    env = await startTestEmulator({ seed: { kind: 'empty' } });
    subscriptionId = (await collect((await env.clients.subscriptions()).subscriptions.list()))[0]!.subscriptionId!;
    const resources = await env.clients.resources(subscriptionId);
    await resources.resourceGroups.createOrUpdate(rg, { location: 'westeurope' });
    await resources.resourceGroups.createOrUpdate('rg-other', { location: 'westeurope' });
  });
  after(async () => {
    await env?.close();
  });

  it('creates a vault: 201 Provisioning, then Succeeded, with the default settings and policies', async () => {
    const since = (await env.requests()).length;
    const client = await env.clients.vaults(subscriptionId);
    const vault = await client.vaults.beginCreateOrUpdateAndWait(rg, 'vault-one', newVault('westeurope', { owner: 'tests' }), fast);
    assert.equal(vault.properties?.provisioningState, 'Succeeded');
    assert.equal(vault.name, 'vault-one');
    assert.equal(vault.location, 'westeurope');
    assert.equal(vault.sku?.name, 'RS0');
    const put = exchangesTo((await env.requests()).slice(since), 'PUT', '/vaults/vault-one');
    assert.equal(put.length, 1);
    assert.equal(put[0]!.status, 201);
    assert.equal((put[0]!.responseBody as { properties: { provisioningState: string } }).properties.provisioningState, 'Provisioning');
    assert.match(put[0]!.responseHeaders['Azure-AsyncOperation'] ?? '', /\/vaults\/vault-one\/operationStatus\//);

    const fetched = await client.vaults.get(rg, 'vault-one');
    const softDelete = fetched.properties?.securitySettings?.softDeleteSettings;
    assert.equal(softDelete?.softDeleteState, 'Enabled');
    assert.equal(softDelete?.softDeleteRetentionPeriodInDays, 14);
    assert.equal(fetched.properties?.redundancySettings?.standardTierStorageRedundancy, 'GeoRedundant');
    assert.equal(fetched.properties?.redundancySettings?.crossRegionRestore, 'Disabled');
    assert.deepEqual(fetched.tags, { owner: 'tests' });

    const backup = await env.clients.backup(subscriptionId);
    const policies = await collect(backup.backupPolicies.list('vault-one', rg));
    const names = policies.map((p) => p.name);
    assert.ok(names.includes('DefaultPolicy'), `policies: ${names.join(', ')}`);
    assert.ok(names.includes('EnhancedPolicy'), `policies: ${names.join(', ')}`);
  });

  it('lists vaults by subscription and by resource group', async () => {
    const client = await env.clients.vaults(subscriptionId);
    await client.vaults.beginCreateOrUpdateAndWait('rg-other', 'vault-two', newVault('westeurope'), fast);
    const all = await collect(client.vaults.listBySubscriptionId());
    assert.deepEqual(all.map((v) => v.name).sort(), ['vault-one', 'vault-two']);
    const inGroup = await collect(client.vaults.listByResourceGroup(rg));
    assert.deepEqual(inGroup.map((v) => v.name), ['vault-one']);
    await expectArmError(client.vaults.get(rg, 'vault-two'), 404, 'ResourceNotFound');
  });

  it('updates tags and soft delete retention with PATCH', async () => {
    const client = await env.clients.vaults(subscriptionId);
    const updated = await client.vaults.beginUpdateAndWait(rg, 'vault-one', {
      tags: { owner: 'tests', env: 'ci' },
      properties: { securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 30 } } },
    }, fast);
    assert.deepEqual(updated.tags, { owner: 'tests', env: 'ci' });
    const fetched = await client.vaults.get(rg, 'vault-one');
    assert.equal(fetched.properties?.securitySettings?.softDeleteSettings?.softDeleteRetentionPeriodInDays, 30);
    assert.deepEqual(fetched.tags, { owner: 'tests', env: 'ci' });
  });

  it('refuses an invalid name and a name already used in the subscription', async () => {
    const client = await env.clients.vaults(subscriptionId);
    for (const bad of ['1vault', 'v', 'vault_underscore', 'x'.repeat(51)]) {
      await expectArmError(client.vaults.beginCreateOrUpdateAndWait(rg, bad, newVault('westeurope')), 400, 'InvalidRestApiParameter');
    }
    const refused = await expectArmError(client.vaults.beginCreateOrUpdateAndWait('rg-other', 'VAULT-ONE', newVault('westeurope')), 409, 'VaultAlreadyExists');
    assert.match(refused.message, /already exists/);
    assert.equal((await collect(client.vaults.listByResourceGroup('rg-other'))).length, 1, 'nothing was created');
  });

  it('checks name availability', async () => {
    const client = await env.clients.vaults(subscriptionId);
    const input = (name: string) => ({ type: 'Microsoft.RecoveryServices/Vaults', name });
    const free = await client.recoveryServices.checkNameAvailability(rg, 'westeurope', input('vault-free'));
    assert.equal(free.nameAvailable, true);
    const taken = await client.recoveryServices.checkNameAvailability('rg-other', 'westeurope', input('vault-one'));
    assert.equal(taken.nameAvailable, false);
    assert.equal(taken.reason, 'AlreadyExists');
    const invalid = await client.recoveryServices.checkNameAvailability(rg, 'westeurope', input('9lives'));
    assert.equal(invalid.nameAvailable, false);
    assert.equal(invalid.reason, 'Invalid');
  });

  it('reads and changes soft delete through the backup vault config', async () => {
    const backup = await env.clients.backup(subscriptionId);
    const config = await backup.backupResourceVaultConfigs.get('vault-one', rg);
    assert.equal(config.properties?.softDeleteFeatureState, 'Enabled');
    assert.equal(config.properties?.softDeleteRetentionPeriodInDays, 30);
    assert.equal(config.properties?.isSoftDeleteFeatureStateEditable, true);
    const updated = await backup.backupResourceVaultConfigs.update('vault-one', rg, { properties: { softDeleteFeatureState: 'Enabled', softDeleteRetentionPeriodInDays: 20 } });
    assert.equal(updated.properties?.softDeleteRetentionPeriodInDays, 20);
    const vault = await (await env.clients.vaults(subscriptionId)).vaults.get(rg, 'vault-one');
    assert.equal(vault.properties?.securitySettings?.softDeleteSettings?.softDeleteRetentionPeriodInDays, 20, 'the vault shows the change');
    await expectArmError(backup.backupResourceVaultConfigs.update('vault-one', rg, { properties: { softDeleteRetentionPeriodInDays: 200 } }), 400, 'InvalidRestApiParameter');
    await expectArmError(backup.backupResourceVaultConfigs.update('vault-one', rg, { properties: { softDeleteRetentionPeriodInDays: 13 } }), 400, 'InvalidRestApiParameter');
    assert.equal((await backup.backupResourceVaultConfigs.get('vault-one', rg)).properties?.softDeleteRetentionPeriodInDays, 20, 'a refused change changes nothing');
  });

  it('makes soft delete AlwaysON, which cannot be turned off', async () => {
    const backup = await env.clients.backup(subscriptionId);
    const always = await backup.backupResourceVaultConfigs.put('vault-two', 'rg-other', { properties: { softDeleteFeatureState: 'AlwaysON' } });
    assert.equal(always.properties?.softDeleteFeatureState, 'AlwaysON');
    assert.equal(always.properties?.isSoftDeleteFeatureStateEditable, false);
    await expectArmError(backup.backupResourceVaultConfigs.update('vault-two', 'rg-other', { properties: { softDeleteFeatureState: 'Disabled' } }), 400, 'BMSUserErrorSoftDeleteStateAlwaysOn');
    const client = await env.clients.vaults(subscriptionId);
    await expectArmError(
      client.vaults.beginUpdateAndWait('rg-other', 'vault-two', { properties: { securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled' } } } }, fast),
      400,
      'BMSUserErrorSoftDeleteStateAlwaysOn',
    );
    assert.equal((await client.vaults.get('rg-other', 'vault-two')).properties?.securitySettings?.softDeleteSettings?.softDeleteState, 'AlwaysON');
  });

  it('changes storage redundancy before protection; cross region restore needs GRS and stays on', async () => {
    const backup = await env.clients.backup(subscriptionId);
    const storage = await backup.backupResourceStorageConfigsNonCRR.get('vault-one', rg);
    assert.equal(storage.properties?.storageModelType, 'GeoRedundant');
    assert.equal(storage.properties?.storageTypeState, 'Unlocked');
    assert.equal(storage.properties?.crossRegionRestoreFlag, false);
    await backup.backupResourceStorageConfigsNonCRR.patch('vault-one', rg, { properties: { storageModelType: 'LocallyRedundant', storageType: 'LocallyRedundant' } });
    assert.equal((await backup.backupResourceStorageConfigsNonCRR.get('vault-one', rg)).properties?.storageModelType, 'LocallyRedundant');
    const vaults = await env.clients.vaults(subscriptionId);
    assert.equal((await vaults.vaults.get(rg, 'vault-one')).properties?.redundancySettings?.standardTierStorageRedundancy, 'LocallyRedundant');

    await expectArmError(backup.backupResourceStorageConfigsNonCRR.patch('vault-one', rg, { properties: { crossRegionRestoreFlag: true } }), 400, 'BMSUserErrorCrossRegionRestoreNotSupported');
    const geo = await backup.backupResourceStorageConfigsNonCRR.update('vault-one', rg, { properties: { storageModelType: 'GeoRedundant', crossRegionRestoreFlag: true } });
    assert.equal(geo.properties?.storageModelType, 'GeoRedundant');
    assert.equal(geo.properties?.crossRegionRestoreFlag, true);
    assert.equal((await vaults.vaults.get(rg, 'vault-one')).properties?.redundancySettings?.crossRegionRestore, 'Enabled');
    await expectArmError(backup.backupResourceStorageConfigsNonCRR.patch('vault-one', rg, { properties: { crossRegionRestoreFlag: false } }), 400, 'BMSUserErrorCrossRegionRestoreCannotBeDisabled');
    await expectArmError(backup.backupResourceStorageConfigsNonCRR.patch('vault-one', rg, { properties: { storageModelType: 'LocallyRedundant' } }), 400, 'BMSUserErrorCrossRegionRestoreNotSupported');
  });

  it('deletes an empty vault asynchronously; it is then gone', async () => {
    const since = (await env.requests()).length;
    const client = await env.clients.vaults(subscriptionId);
    await client.vaults.beginDeleteAndWait('rg-other', 'vault-two', fast);
    const deletes = exchangesTo((await env.requests()).slice(since), 'DELETE', '/vaults/vault-two');
    assert.equal(deletes[0]?.status, 202);
    await expectArmError(client.vaults.get('rg-other', 'vault-two'), 404, 'ResourceNotFound');
    assert.deepEqual((await collect(client.vaults.listBySubscriptionId())).map((v) => v.name), ['vault-one']);
    const again = await client.recoveryServices.checkNameAvailability('rg-other', 'westeurope', { type: 'Microsoft.RecoveryServices/Vaults', name: 'vault-two' });
    assert.equal(again.nameAvailable, true, 'the name is free again');
  });
});

describe('Recovery Services vaults holding backup items (demo seed)', () => {
  let env: TestEmulator;
  const prod = demoSubscriptions.production;
  const dev = demoSubscriptions.development;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('lists the demo vaults with their redundancy', async () => {
    const client = await env.clients.vaults(prod);
    const vaults = await collect(client.vaults.listBySubscriptionId());
    assert.deepEqual(vaults.map((v) => v.name).sort(), ['prod-eus-vault', 'prod-weu-vault']);
    const eus = vaults.find((v) => v.name === 'prod-eus-vault')!;
    assert.equal(eus.properties?.redundancySettings?.standardTierStorageRedundancy, 'LocallyRedundant');
    assert.deepEqual((await collect(client.vaults.listByResourceGroup('rg-backup-prod'))).map((v) => v.name), ['prod-weu-vault']);
  });

  it('locks storage redundancy once an item is protected (StorageModelModifyError)', async () => {
    const backup = await env.clients.backup(prod);
    const storage = await backup.backupResourceStorageConfigsNonCRR.get('prod-weu-vault', 'rg-backup-prod');
    assert.equal(storage.properties?.storageTypeState, 'Locked');
    await expectArmError(
      backup.backupResourceStorageConfigsNonCRR.patch('prod-weu-vault', 'rg-backup-prod', { properties: { storageModelType: 'LocallyRedundant' } }),
      400,
      'StorageModelModifyError',
    );
    const vault = await (await env.clients.vaults(prod)).vaults.get('rg-backup-prod', 'prod-weu-vault');
    assert.equal(vault.properties?.redundancySettings?.standardTierStorageRedundancy, 'GeoRedundant', 'nothing changed');
  });

  it('refuses to delete a vault with protected items (ServiceResourceNotEmptyWithContainerDetails)', async () => {
    const client = await env.clients.vaults(prod);
    const refused = await expectArmError(client.vaults.beginDeleteAndWait('rg-backup-prod', 'prod-weu-vault', fast), 400, 'ServiceResourceNotEmptyWithContainerDetails');
    assert.match(refused.message, /web-01/);
    assert.equal((await client.vaults.get('rg-backup-prod', 'prod-weu-vault')).name, 'prod-weu-vault', 'the vault is still there');
  });

  it('refuses to delete a vault whose only items are soft-deleted (ServiceResourceNotEmptyWithBackendMessage)', async () => {
    const client = await env.clients.vaults(dev);
    const backup = await env.clients.backup(dev);
    await expectArmError(client.vaults.beginDeleteAndWait('rg-dev', 'dev-neu-vault', fast), 400, 'ServiceResourceNotEmptyWithContainerDetails');
    const items = await collect(backup.backupProtectedItems.list('dev-neu-vault', 'rg-dev'));
    const active = items.filter((item) => item.properties?.isScheduledForDeferredDelete !== true);
    assert.ok(items.some((item) => item.name?.endsWith(';legacy-api') && item.properties?.isScheduledForDeferredDelete === true), 'legacy-api is soft-deleted in the seed');
    assert.ok(active.length >= 1);
    for (const item of active) {
      const parts = item.id!.split('/');
      await backup.protectedItems.delete('dev-neu-vault', 'rg-dev', 'Azure', parts[parts.indexOf('protectionContainers') + 1]!, item.name!);
    }
    const afterDelete = await collect(backup.backupProtectedItems.list('dev-neu-vault', 'rg-dev'));
    assert.equal(afterDelete.length, items.length, 'deleted items stay, soft-deleted');
    assert.ok(afterDelete.every((item) => item.properties?.isScheduledForDeferredDelete === true));
    const refused = await expectArmError(client.vaults.beginDeleteAndWait('rg-dev', 'dev-neu-vault', fast), 400, 'ServiceResourceNotEmptyWithBackendMessage');
    assert.match(refused.message, /soft delete state/);
  });
});
