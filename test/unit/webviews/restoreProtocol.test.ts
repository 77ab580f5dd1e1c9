// The Restore webview's protocol both ways, its saved state, and the choices a draft makes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choicesOf, emptyDraft, isRestoreState, newStagingAccount } from '../../../src/webviews/shared/restoreDraft';
import { isHostToRestore, isRestoreMessage, type RestoreChoices } from '../../../src/webviews/shared/restoreProtocol';
import { stagingAccountNameProblem, suggestedStagingAccountName } from '../../../src/webviews/shared/stagingAccountName';
import { accounts, details, identity, network, source, targets } from './restoreFixtures';

const choices: RestoreChoices = {
  type: 'newVm',
  targetResourceGroup: 'rg-web-prod',
  vmName: 'web-01-restored',
  virtualNetworkId: network.id,
  subnetName: 'app',
  stagingStorageAccountId: accounts.accepted.id,
  confirmVmName: '',
};

describe('restore protocol', () => {
  it('accepts each of the host’s messages', () => {
    for (const message of [
      { type: 'init', identity, source: source(), details },
      { type: 'init', identity, source: source({ tier: 'archive', zones: ['2'], osType: undefined }), details: { ...details, expiry: undefined, vaultRedundancy: undefined } },
      { type: 'loadFailed', identity, message: 'The recovery point could not be read.' },
      { type: 'targets', targets: targets() },
      { type: 'targets', targets: targets({ sourceVm: null }), error: 'throttled' },
      { type: 'vmNames', resourceGroup: 'rg-web-prod', names: ['web-01'] },
      { type: 'storageAccountCreated', ok: true, account: accounts.accepted, message: 'Created.' },
      { type: 'storageAccountCreated', ok: false, message: 'Taken.' },
      { type: 'validation', ok: true, valid: true, results: [], text: 'Azure validated the restore: no problem found.' },
      { type: 'validation', ok: true, valid: false, results: [{ code: 'UserErrorX', message: 'No.', recommendations: ['Fix it.'] }], text: 'Azure found a problem…' },
      { type: 'validation', ok: false, message: 'Not sent to Azure: …' },
      { type: 'restoreProgress', message: 'Sending…' },
      { type: 'restoreResult', ok: true, jobId: 'b2c4', attached: false, message: 'Restore started.' },
      { type: 'restoreResult', ok: false, message: 'Azure did not start the restore.' },
    ]) {
      assert.equal(isHostToRestore(JSON.parse(JSON.stringify(message))), true, JSON.stringify(message));
    }
  });

  it('rejects host messages with unknown tiers, mixed results and extra fields', () => {
    for (const message of [
      { type: 'init', identity, source: source({ tier: 'cold' as 'vault' }), details },
      { type: 'init', identity: { ...identity, formId: 'x' }, source: source(), details },
      { type: 'restoreResult', ok: true, message: 'no job' },
      { type: 'restoreResult', ok: false, jobId: 'b2c4', attached: false, message: 'both' },
      { type: 'validation', ok: true, valid: 'yes', results: [], text: '' },
      { type: 'targets', targets: { ...targets(), zones: ['4'] } },
      { type: 'vmNames', resourceGroup: 'rg', names: [], html: '<b>' },
      { type: 'toString' },
    ]) {
      assert.equal(isHostToRestore(message), false, JSON.stringify(message));
    }
  });

  it('accepts the choices a draft makes, and refuses a source, an unknown type or a day count as text', () => {
    assert.equal(isRestoreMessage({ type: 'validate', choices }), true);
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, type: 'replaceDisks', confirmVmName: 'web-01' } }), true);
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, rehydration: { priority: 'High', days: 20 } } }), true);
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, source: source() } }), false, 'the page never names what is restored');
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, type: 'crossRegion' } }), false);
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, rehydration: { priority: 'High', days: '20' } } }), false);
    assert.equal(isRestoreMessage({ type: 'restore', choices: { ...choices, zone: '4' } }), false);
    for (const message of [{ type: 'ready' }, { type: 'reloadTargets' }, { type: 'listVmNames', resourceGroup: 'rg' }, { type: 'createStorageAccount', name: 'a', resourceGroup: 'rg' }, { type: 'cancel' }]) {
      assert.equal(isRestoreMessage(message), true, JSON.stringify(message));
    }
    assert.equal(isRestoreMessage({ type: 'cancel', now: true }), false);
  });

  it('makes the choices of a draft: rehydration only for an archive point, no zone for a replace, no confirmation but for a replace', () => {
    const draft = { ...emptyDraft(source()), vmName: ' web-01-restored ', virtualNetworkId: network.id, subnetName: 'app', stagingStorageAccountId: accounts.accepted.id, zone: '2' as const };
    assert.deepEqual(choicesOf(draft, source(), 'typed'), { ...choices, zone: '2' });
    assert.equal(choicesOf({ ...draft, type: 'replaceDisks' }, source(), 'web-01').zone, undefined);
    assert.equal(choicesOf({ ...draft, type: 'replaceDisks' }, source(), 'web-01').confirmVmName, 'web-01');
    assert.deepEqual(choicesOf({ ...draft, rehydrationPriority: 'High', rehydrationDays: '20' }, source({ tier: 'archive' }), '').rehydration, { priority: 'High', days: 20 });
    assert.ok(Number.isNaN(choicesOf({ ...draft, rehydrationDays: '' }, source({ tier: 'archive' }), '').rehydration?.days));
    assert.equal(choicesOf(draft, source({ tier: 'archive', rehydrated: true }), '').rehydration, undefined, 'a rehydrated point restores as a vault point');
    assert.equal(choicesOf({ ...draft, stagingStorageAccountId: newStagingAccount }, source(), '').stagingStorageAccountId, '', 'an account still to create is none yet');
    assert.equal(emptyDraft(source()).targetResourceGroup, 'rg-web-prod', 'the backed-up VM’s group by default');
  });

  it('restores only a saved state of the current shape, with its identity', () => {
    assert.equal(isRestoreState({ identity, draft: emptyDraft(source()) }), true);
    assert.equal(isRestoreState({ identity, draft: { ...emptyDraft(), zone: '4' } }), false);
    assert.equal(isRestoreState({ identity: { vaultId: identity.vaultId }, draft: emptyDraft() }), false);
    assert.equal(isRestoreState({ identity, draft: { ...emptyDraft(), confirmVmName: 'web-01' } }), false, 'the typed confirmation is never saved');
    assert.equal(isRestoreState(undefined), false);
  });

  it('names a new staging account as Azure allows, and suggests one from the VM', () => {
    assert.equal(stagingAccountNameProblem('web01restore1a2b'), undefined);
    assert.match(stagingAccountNameProblem('') ?? '', /is required/);
    assert.match(stagingAccountNameProblem('Web01') ?? '', /only lower-case letters and digits: use 'web01'/);
    assert.match(stagingAccountNameProblem('web-01_x') ?? '', /not '-', '_'/);
    assert.match(stagingAccountNameProblem('ab') ?? '', /3–24 characters long \(it has 2\)/);
    assert.match(stagingAccountNameProblem('a'.repeat(25)) ?? '', /\(it has 25\)/);
    const suggested = suggestedStagingAccountName('Web-01.Contoso_Production', () => 0);
    assert.equal(suggested, 'web01contosoprestoreaaaa');
    assert.equal(stagingAccountNameProblem(suggested), undefined);
  });
});
