import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { policyProblems } from '../../../emulator/backup/policyValidation';
import { newVaultPolicies } from '../../../emulator/backup/defaultPolicies';

type Json = Record<string, unknown>;
const now = Date.UTC(2026, 10, 22);
const defaults = newVaultPolicies('/v', now);
const standard = () => structuredClone(defaults.defaultpolicy!.properties) as Json;
const enhanced = () => structuredClone(defaults.enhancedpolicy!.properties) as Json;
const daily = (policy: Json) => ((policy.retentionPolicy as Json).dailySchedule as Json).retentionDuration as Json;

describe("the service's policy rules (emulator side)", () => {
  it("accepts a new vault's DefaultPolicy and EnhancedPolicy", () => {
    assert.deepEqual(policyProblems(standard(), undefined), []);
    assert.deepEqual(policyProblems(enhanced(), undefined), []);
  });

  it('daily retention is 7 to 9999 days', () => {
    for (const [count, ok] of [[6, false], [7, true], [9999, true], [10000, false]] as const) {
      const policy = standard();
      daily(policy).count = count;
      assert.equal(policyProblems(policy, undefined).length === 0, ok, `count ${count}`);
    }
  });

  it('instant restore is 1-5 days for Standard and 1-30 for Enhanced', () => {
    const s = standard();
    s.instantRpRetentionRangeInDays = 6;
    assert.match(policyProblems(s, undefined).join(), /1 to 5 days/);
    const e = enhanced();
    e.instantRpRetentionRangeInDays = 30;
    assert.deepEqual(policyProblems(e, undefined), []);
    e.instantRpRetentionRangeInDays = 31;
    assert.match(policyProblems(e, undefined).join(), /1 to 30 days/);
  });

  it('an hourly window must be a multiple of the interval', () => {
    const e = enhanced();
    ((e.schedulePolicy as Json).hourlySchedule as Json).scheduleWindowDuration = 10;
    assert.match(policyProblems(e, undefined).join(), /multiple of the interval/);
  });

  it('an Enhanced policy cannot go back to Standard', () => {
    assert.match(policyProblems(standard(), enhanced()).join(), /cannot be changed back to Standard/);
  });

  it('schedule times are on the hour or half hour', () => {
    const s = standard();
    (s.schedulePolicy as Json).scheduleRunTimes = ['2026-11-22T10:15:00Z'];
    assert.match(policyProblems(s, undefined).join(), /on the hour or the half hour/);
  });
});
