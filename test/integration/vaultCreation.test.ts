// Creating a vault (VaultCreation) against the emulator through the real SDK clients: the form's
// lists, the name check, every setting of a new vault, refusals before sending, and faults; then
// all of that traffic checked against the published REST specifications.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { BackupReader } from '../../src/azure/backupReader';
import { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import { VaultCreation, type VaultCreationStep } from '../../src/azure/vaultCreation';
import type { VaultCreateRequest } from '../../src/azure/vaultRules';
import { lastSequence, rejectsWith, requestsTo, tenantId } from './operationSteps';

const prod = demoSubscriptions.production;
const armOnly = <T extends { url: string }>(log: T[]) => log.filter((entry) => !new URL(entry.url).pathname.startsWith('/_emulator/'));

function request(overrides: Partial<VaultCreateRequest> = {}): VaultCreateRequest {
  return {
    subscriptionId: prod,
    resourceGroup: { name: 'rg-backup-prod', isNew: false },
    name: 'new-weu-vault',
    location: 'westeurope',
    redundancy: 'GeoRedundant',
    crossRegionRestore: false,
    softDelete: { state: 'Enabled', retentionDays: 14 },
    immutability: 'Disabled',
    ...overrides,
  };
}

describe('VaultCreation against the emulator', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let creation: VaultCreation;

  before(async () => {
    env = await startTestEmulator();
    reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(tenantId);
    creation = new VaultCreation(reader, { pollDelayMs: 5, maxPollDelayMs: 50 });
  });
  after(async () => {
    await env?.close();
  });

  it('lists the subscription’s resource groups and regions for the form', async () => {
    const groups = await creation.listResourceGroups(prod);
    assert.deepEqual(groups.map((group) => group.name), ['rg-app-eastus', 'rg-backup-prod', 'rg-data-prod', 'rg-ml', 'rg-web-prod']);
    assert.equal(groups.find((group) => group.name === 'rg-ml')?.location, 'westus2');
    const locations = await creation.listLocations(prod);
    assert.deepEqual(locations.map((location) => location.name), ['eastus', 'northeurope', 'uksouth', 'westeurope', 'westus2']);
    assert.equal(locations.find((location) => location.name === 'westeurope')?.displayName, 'West Europe');
  });

  it('checks a name: refused by our rules without a request, taken in the subscription, free', async () => {
    const since = await lastSequence(env);
    const invalid = await creation.checkName(prod, '1-vault');
    assert.equal(invalid.available, false);
    assert.equal(invalid.reason, 'Invalid');
    assert.match(invalid.message!, /Vault name must start with a letter/);
    assert.deepEqual(armOnly(await env.requests(since)), [], 'an invalid name is not sent');

    const taken = await creation.checkName(prod, 'PROD-weu-vault', { resourceGroup: 'rg-web-prod', location: 'westeurope' });
    assert.deepEqual([taken.available, taken.reason], [false, 'AlreadyExists']);
    assert.match(taken.message!, /prod-weu-vault in rg-backup-prod/);

    const before = await lastSequence(env);
    assert.deepEqual(await creation.checkName(prod, 'fresh-vault', { resourceGroup: 'rg-web-prod', location: 'westeurope' }), { available: true });
    assert.equal(requestsTo(await env.requests(before), 'POST', /\/locations\/westeurope\/checkNameAvailability$/).length, 1, 'asked the service too');
    assert.deepEqual(await creation.checkName(prod, 'fresh-vault', { resourceGroup: 'rg-not-yet', location: 'westeurope' }), { available: true });
  });

  it('creates a vault in an existing group with the defaults, following the vault operation to its end', async () => {
    const steps: VaultCreationStep[] = [];
    const since = await lastSequence(env);
    const vault = await creation.create(request(), (step) => steps.push(step));
    assert.deepEqual([vault.name, vault.resourceGroup, vault.location, vault.redundancy, vault.crossRegionRestore, vault.provisioningState], ['new-weu-vault', 'rg-backup-prod', 'westeurope', 'GeoRedundant', false, 'Succeeded']);
    assert.deepEqual(steps, ['validate', 'vault', 'done']);
    const log = await env.requests(since);
    assert.equal(requestsTo(log, 'PUT', /\/vaults\/new-weu-vault$/).length, 1);
    assert.ok(requestsTo(log, 'GET', /\/vaults\/new-weu-vault\/operationStatus\//).length >= 1, 'followed the Azure-AsyncOperation');
    assert.equal(requestsTo(log, 'PATCH', /backupstorageconfig|backupconfig/).length, 0, 'the PUT took every setting');
    assert.ok((await reader.listVaults(prod)).some((listed) => listed.name === 'new-weu-vault'));
    const taken = await creation.checkName(prod, 'new-weu-vault');
    assert.equal(taken.reason, 'AlreadyExists');
  });

  it('creates a new resource group, then a vault with LRS, always-on soft delete for 30 days and locked immutability', async () => {
    const steps: VaultCreationStep[] = [];
    const since = await lastSequence(env);
    const vault = await creation.create(
      request({ resourceGroup: { name: 'rg-vaults.new(1)', isNew: true }, name: 'locked-vault', location: 'northeurope', redundancy: 'LocallyRedundant', softDelete: { state: 'AlwaysOn', retentionDays: 30 }, immutability: 'Locked' }),
      (step) => steps.push(step),
    );
    assert.deepEqual(steps, ['validate', 'resourceGroup', 'vault', 'lock', 'done']);
    assert.deepEqual([vault.resourceGroup, vault.location, vault.redundancy, vault.immutabilityState], ['rg-vaults.new(1)', 'northeurope', 'LocallyRedundant', 'Locked']);
    assert.ok((await creation.listResourceGroups(prod)).some((group) => group.name === 'rg-vaults.new(1)' && group.location === 'northeurope'));
    const security = await new AzureBackupOperations(reader).vaultSecurity(vault);
    assert.deepEqual(security, { softDeleteState: 'AlwaysOn', softDeleteRetentionDays: 30, immutability: 'Locked' });
    const log = await env.requests(since);
    const put = requestsTo(log, 'PUT', /\/vaults\/locked-vault$/)[0]!;
    assert.equal((put.requestBody as { properties: { securitySettings: { immutabilitySettings: { state: string } } } }).properties.securitySettings.immutabilitySettings.state, 'Unlocked', 'Azure locks only an unlocked vault');
    assert.equal(requestsTo(log, 'PATCH', /\/vaults\/locked-vault$/).length, 1, 'locked in a second request');
  });

  it('turns on cross region restore with GRS', async () => {
    const vault = await creation.create(request({ name: 'crr-vault', crossRegionRestore: true, softDelete: { state: 'Disabled', retentionDays: 14 } }));
    assert.deepEqual([vault.redundancy, vault.crossRegionRestore, vault.softDeleteState], ['GeoRedundant', true, 'Disabled']);
  });

  it('refuses invalid settings before sending anything, naming each field and its range', async () => {
    const since = await lastSequence(env);
    const error = await rejectsWith(
      creation.create(request({ name: 'x', resourceGroup: { name: 'bad.', isNew: true }, crossRegionRestore: true, redundancy: 'ZoneRedundant', softDelete: { state: 'Enabled', retentionDays: 200 } })),
      'invalidInput',
      'InvalidVaultSettings',
    );
    assert.match(error.message, /Vault name must be 2–50 characters/);
    assert.match(error.message, /Resource group name cannot end in a period/);
    assert.match(error.message, /Cross region restore needs GeoRedundant/);
    assert.match(error.message, /Soft delete retention must be a whole number of days from 14 to 180 \(not 200\)/);
    assert.deepEqual(armOnly(await env.requests(since)), []);
  });

  it('fails with the service’s refusal when the name is taken in another resource group', async () => {
    const error = await rejectsWith(creation.create(request({ name: 'prod-weu-vault', resourceGroup: { name: 'rg-web-prod', isNew: false } })), 'unknown', 'VaultAlreadyExists');
    assert.match(error.message, /already exists/);
  });

  it('fails when the existing resource group does not exist', async () => {
    await rejectsWith(creation.create(request({ name: 'orphan-vault', resourceGroup: { name: 'rg-missing', isNew: false } })), 'notFound');
  });

  it('creates a vault through throttling, unavailability and reset connections', async () => {
    await env.setFaults('429=0.2,503=0.1,reset=0.1');
    try {
      const vault = await creation.create(request({ name: 'faulty-net-vault', resourceGroup: { name: 'rg-faults', isNew: true }, redundancy: 'ZoneRedundant' }));
      assert.deepEqual([vault.name, vault.redundancy], ['faulty-net-vault', 'ZoneRedundant']);
    } finally {
      await env.setFaults('none');
    }
    assert.equal((await reader.listVaults(prod)).filter((vault) => vault.name === 'faulty-net-vault').length, 1);
  });

  it('stops when cancelled, as a cancellation', async () => {
    const controller = new AbortController();
    const creating = creation.create(request({ name: 'cancelled-vault' }), (step) => {
      if (step === 'vault') setTimeout(() => controller.abort(), 1);
    }, controller.signal);
    await rejectsWith(creating, 'cancelled');
  });
});

recordedTrafficConforms('vault creation', 'the vault creation scenarios');
