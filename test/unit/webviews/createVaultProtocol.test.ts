import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyDraft, isCreateVaultState, requestOf } from '../../../src/webviews/shared/createVaultDraft';
import { isCreateVaultMessage, isHostToCreateVault } from '../../../src/webviews/shared/createVaultProtocol';

const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';

describe('create vault protocol', () => {
  it('accepts each of the host’s messages', () => {
    for (const message of [
      { type: 'init', subscriptions: [{ subscriptionId, name: 'Prod' }], preset: {} },
      { type: 'init', subscriptions: [], preset: { subscriptionId, location: 'westeurope' } },
      { type: 'resourceGroups', subscriptionId, resourceGroups: [{ name: 'rg', location: 'westeurope' }] },
      { type: 'locations', subscriptionId, locations: [], error: 'throttled' },
      { type: 'nameCheck', subscriptionId, name: 'v', available: false, message: 'taken' },
      { type: 'createProgress', step: 'lock', message: 'Locking…' },
      { type: 'createResult', ok: true, vaultId: '/subscriptions/x/vaults/v', vaultName: 'v' },
      { type: 'createResult', ok: false, message: 'failed', vaultId: '/subscriptions/x/vaults/v' },
    ]) {
      assert.equal(isHostToCreateVault(message), true, JSON.stringify(message));
    }
  });

  it('rejects host messages of unknown steps, mixed results and extra fields', () => {
    for (const message of [
      { type: 'createProgress', step: 'format-disk', message: '' },
      { type: 'createResult', ok: true, message: 'both' },
      { type: 'createResult', ok: false, vaultId: '/x' },
      { type: 'nameCheck', subscriptionId, name: 'v', available: true, html: '<b>' },
      { type: 'init', subscriptions: [{ subscriptionId }], preset: {} },
      { type: '__proto__' },
    ]) {
      assert.equal(isHostToCreateVault(message), false, JSON.stringify(message));
    }
  });

  it('accepts the request a valid draft makes, and refuses one with a field of the wrong type', () => {
    const request = requestOf({ ...emptyDraft({ subscriptionId, location: 'westeurope' }), existingResourceGroup: 'rg', name: 'new-vault', softDeleteDays: '30' });
    assert.equal(isCreateVaultMessage({ type: 'create', request }), true);
    assert.equal(isCreateVaultMessage({ type: 'create', request: { ...request, crossRegionRestore: 'yes' } }), false);
    assert.equal(isCreateVaultMessage({ type: 'create', request: { ...request, softDelete: { state: 'Enabled', retentionDays: '30' } } }), false);
    assert.equal(isCreateVaultMessage({ type: 'create', request: { ...request, immutability: 'Frozen' } }), false);
  });

  it('turns the draft into the request: Locked only when Unlocked and the lock step are both chosen; no CRR without GRS', () => {
    const draft = { ...emptyDraft({ subscriptionId }), immutability: 'Unlocked' as const, lockImmutability: true, redundancy: 'LocallyRedundant' as const, crossRegionRestore: true };
    assert.equal(requestOf(draft).immutability, 'Locked');
    assert.equal(requestOf({ ...draft, immutability: 'Disabled' }).immutability, 'Disabled');
    assert.equal(requestOf(draft).crossRegionRestore, false);
    assert.ok(Number.isNaN(requestOf({ ...draft, softDeleteDays: '' }).softDelete.retentionDays));
  });

  it('restores only a saved state of the current shape', () => {
    assert.equal(isCreateVaultState({ identity: { subscriptionId }, draft: emptyDraft() }), true);
    assert.equal(isCreateVaultState({ identity: {}, draft: { ...emptyDraft(), name: 42 } }), false);
    assert.equal(isCreateVaultState({ draft: emptyDraft() }), false);
    assert.equal(isCreateVaultState(undefined), false);
  });
});
