import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import { irreversibleChoices, resourceGroupNameProblem, softDeleteDaysProblem, vaultNameProblem, vaultRequestProblems, type VaultCreateRequest } from '../../../src/azure/vaultRules';
import { settingsLeftToApply, vaultPutBody } from '../../../src/azure/vaultSettingsBody';

const request: VaultCreateRequest = {
  subscriptionId: 's',
  resourceGroup: { name: 'rg', isNew: false },
  name: 'new-vault',
  location: 'westeurope',
  redundancy: 'GeoRedundant',
  crossRegionRestore: false,
  softDelete: { state: 'Enabled', retentionDays: 14 },
  immutability: 'Disabled',
};

describe('vault rules', () => {
  it('vault names: 2–50 letters, digits and hyphens, starting with a letter', () => {
    for (const name of ['ab', 'a-', 'A1', `a${'b'.repeat(49)}`, 'prod-weu-vault']) assert.equal(vaultNameProblem(name), undefined, name);
    assert.match(vaultNameProblem('')!, /Vault name is required: 2–50/);
    assert.match(vaultNameProblem('a')!, /2–50 characters long \(it has 1\)/);
    assert.match(vaultNameProblem(`a${'b'.repeat(50)}`)!, /2–50 characters long \(it has 51\)/);
    assert.match(vaultNameProblem('1ab')!, /must start with a letter a–z or A–Z \(it starts with '1'\)/);
    assert.match(vaultNameProblem('-ab')!, /must start with a letter/);
    assert.match(vaultNameProblem('a.b')!, /only letters, digits and hyphens \(not '\.'\)/);
    assert.match(vaultNameProblem('äbc')!, /must start with a letter/);
  });

  it('resource group names: 1–90 of letters, digits, _ ( ) - . and not ending in a period', () => {
    for (const name of ['a', 'rg_1(2)-x.y', 'x'.repeat(90), 'Grüße']) assert.equal(resourceGroupNameProblem(name), undefined, name);
    assert.match(resourceGroupNameProblem('')!, /required: 1–90/);
    assert.match(resourceGroupNameProblem('x'.repeat(91))!, /at most 90 characters long \(it has 91\)/);
    assert.match(resourceGroupNameProblem('rg.')!, /cannot end in a period/);
    assert.match(resourceGroupNameProblem('rg/1')!, /\(not '\/'\)/);
  });

  it('soft delete retention: whole days from 14 to 180', () => {
    for (const days of [14, 15, 179, 180]) assert.equal(softDeleteDaysProblem(days), undefined, String(days));
    for (const days of [13, 181, 14.5, 0, -14]) assert.match(softDeleteDaysProblem(days)!, new RegExp(`from 14 to 180 \\(not ${days}\\)`));
    assert.match(softDeleteDaysProblem(Number.NaN)!, /from 14 to 180\.$/);
  });

  it('a request: CRR needs GRS, days matter only with soft delete on, each problem by field', () => {
    assert.deepEqual(vaultRequestProblems(request), {});
    assert.deepEqual(Object.keys(vaultRequestProblems({ ...request, redundancy: 'ZoneRedundant', crossRegionRestore: true })), ['crossRegionRestore']);
    assert.deepEqual(vaultRequestProblems({ ...request, softDelete: { state: 'Disabled', retentionDays: Number.NaN } }), {});
    assert.deepEqual(Object.keys(vaultRequestProblems({ ...request, subscriptionId: '', location: '', softDelete: { state: 'AlwaysOn', retentionDays: 200 } })), ['subscription', 'location', 'softDeleteDays']);
  });

  it('names the irreversible choices', () => {
    assert.deepEqual(irreversibleChoices(request), []);
    const all = irreversibleChoices({ ...request, crossRegionRestore: true, softDelete: { state: 'AlwaysOn', retentionDays: 14 }, immutability: 'Locked' });
    assert.equal(all.length, 3);
  });

  it('puts every setting in the vault PUT, immutability Unlocked for a lock, AlwaysON as the service spells it', () => {
    const body = vaultPutBody({ ...request, softDelete: { state: 'AlwaysOn', retentionDays: 30 }, immutability: 'Locked', crossRegionRestore: true }) as { properties: Record<string, unknown> };
    assert.deepEqual(body.properties.redundancySettings, { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Enabled' });
    assert.deepEqual(body.properties.securitySettings, {
      softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30, enhancedSecurityState: 'AlwaysON' },
      immutabilitySettings: { state: 'Unlocked' },
    });
  });

  it('leaves to the configuration resources only what the created vault lacks', () => {
    const vault = (redundancy: string, crr: string, state: string, days: number): SdkVault =>
      ({ location: 'westeurope', properties: { redundancySettings: { standardTierStorageRedundancy: redundancy, crossRegionRestore: crr }, securitySettings: { softDeleteSettings: { softDeleteState: state, softDeleteRetentionPeriodInDays: days } } } }) as SdkVault;
    assert.deepEqual(settingsLeftToApply(request, vault('GeoRedundant', 'Disabled', 'Enabled', 14)), {});
    assert.deepEqual(settingsLeftToApply({ ...request, redundancy: 'LocallyRedundant' }, vault('GeoRedundant', 'Disabled', 'Enabled', 14)), {
      storage: { storageModelType: 'LocallyRedundant', storageType: 'LocallyRedundant', crossRegionRestoreFlag: false },
    });
    assert.deepEqual(settingsLeftToApply({ ...request, softDelete: { state: 'AlwaysOn', retentionDays: 30 } }, vault('GeoRedundant', 'Disabled', 'AlwaysON', 14)), {
      softDelete: { softDeleteFeatureState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30, enhancedSecurityState: 'AlwaysON' },
    });
    assert.deepEqual(settingsLeftToApply({ ...request, softDelete: { state: 'Disabled', retentionDays: 14 } }, vault('GeoRedundant', 'Disabled', 'Disabled', 14)), {});
  });
});
