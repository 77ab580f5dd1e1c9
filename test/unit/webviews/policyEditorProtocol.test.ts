import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newEnhancedPolicyDraft, newStandardPolicyDraft, type PolicyDraft } from '../../../src/policy/policyDraft';
import { isHostToPolicyEditor, isPolicyEditorMessage, isPolicyEditorState, revivedState, sameIdentity } from '../../../src/webviews/shared/policyEditorProtocol';

const vaultId = '/subscriptions/3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';

/** A draft using every optional part: all four tiers, both formats, a resource group, tiering. */
function fullDraft(): PolicyDraft {
  const draft = newEnhancedPolicyDraft('Full');
  draft.instantRpResourceGroup = { prefix: 'rg-rp-', suffix: '' };
  draft.retention = {
    daily: { days: 30 },
    weekly: { weeks: 12, weekdays: ['Sunday', 'Wednesday'] },
    monthly: { months: 24, format: { type: 'absolute', days: [1, 15, 'Last'] } },
    yearly: { years: 10, months: ['January'], format: { type: 'relative', weeks: ['First', 'Last'], weekdays: ['Sunday'] } },
  };
  draft.tiering = { mode: 'TierAfter', afterMonths: 6 };
  return draft;
}

describe('policy editor protocol', () => {
  it('accepts each of the host’s messages', () => {
    for (const message of [
      { type: 'init', identity: { vaultId }, vault: { name: 'v', location: 'westeurope' }, mode: 'create', draft: newStandardPolicyDraft(), existingNames: [], immutableVault: false },
      { type: 'init', identity: { vaultId, policyName: 'Full' }, vault: { name: 'v', location: 'westeurope' }, mode: 'edit', draft: fullDraft(), original: fullDraft(), existingNames: ['Full'], usage: { count: 1, vmNames: ['web-01'] }, immutableVault: true },
      { type: 'loadFailed', identity: { vaultId }, message: 'gone' },
      { type: 'saveProgress', message: 'Saving…' },
      { type: 'saveResult', ok: true, policyName: 'Full', message: 'Saved.' },
      { type: 'saveResult', ok: false, message: 'Not saved.', problems: [{ field: 'name', message: 'taken', severity: 'error' }] },
    ]) {
      assert.equal(isHostToPolicyEditor(message), true, JSON.stringify(message));
    }
  });

  it('rejects host messages with mixed results, unknown modes and severities, or extra fields', () => {
    for (const message of [
      { type: 'saveResult', ok: true, message: 'Saved.' },
      { type: 'saveResult', ok: false, message: 'x', problems: [{ field: 'name', message: 'taken', severity: 'fatal' }] },
      { type: 'init', identity: { vaultId }, vault: { name: 'v', location: 'l' }, mode: 'view', draft: newStandardPolicyDraft(), existingNames: [], immutableVault: false },
      { type: 'saveProgress', message: 'Saving…', html: '<b>' },
    ]) {
      assert.equal(isHostToPolicyEditor(message), false, JSON.stringify(message));
    }
  });

  it('accepts a save of any well-formed draft, whatever the rules say of its values', () => {
    const tooShort = newStandardPolicyDraft('x');
    tooShort.retention.daily = { days: 5 };
    for (const draft of [fullDraft(), tooShort]) assert.equal(isPolicyEditorMessage({ type: 'save', draft }), true);
    assert.equal(isPolicyEditorMessage({ type: 'save', draft: { ...fullDraft(), tiering: { mode: 'Glacier', afterMonths: 3 } } }), false);
    assert.equal(isPolicyEditorMessage({ type: 'save', draft: { ...fullDraft(), schedule: { ...fullDraft().schedule, hourly: { intervalHours: 5, windowStartTime: '08:00', windowDurationHours: 10 } } } }), false);
  });

  it('keeps a state whose numbers are being typed across JSON, and revives them as NaN', () => {
    const draft = newStandardPolicyDraft('Typing');
    draft.retention.daily = { days: Number.NaN };
    const state = JSON.parse(JSON.stringify({ identity: { vaultId }, draft, touched: ['retention.daily.days'] })) as unknown;
    assert.equal(isPolicyEditorState(state), true);
    assert.ok(isPolicyEditorState(state));
    assert.ok(Number.isNaN(revivedState(state).draft.retention.daily?.days));
    assert.equal(isPolicyEditorState({ identity: { vaultId }, draft: { name: 'x' }, touched: [] }), false);
    assert.equal(isPolicyEditorState({ draft, touched: [] }), false);
  });

  it('compares identities without case, a new policy differing from a named one', () => {
    assert.equal(sameIdentity({ vaultId, policyName: 'Daily' }, { vaultId: vaultId.toUpperCase(), policyName: 'DAILY' }), true);
    assert.equal(sameIdentity({ vaultId }, { vaultId, policyName: 'Daily' }), false);
  });
});
