import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FaultDice, parseFaults } from '../../../emulator/http/faults';

describe('faults on demand', () => {
  it('parses rates per fault', () => {
    assert.deepEqual(parseFaults('429=0.1,503=0.05,reset=0.02'), { throttle: 0.1, unavailable: 0.05, reset: 0.02 });
    assert.deepEqual(parseFaults('none'), { throttle: 0, unavailable: 0, reset: 0 });
  });

  it('refuses a rate outside 0..1 or an unknown fault, saying how to write it', () => {
    assert.throws(() => parseFaults('429=2'), /between 0 and 1/);
    assert.throws(() => parseFaults('500=0.1'), /unknown fault "500"/);
  });

  it('injects at about the asked rate, repeatably for one seed', () => {
    const roll = (seed: number) => {
      const dice = new FaultDice({ throttle: 0.2, unavailable: 0.1, reset: 0 }, seed);
      return Array.from({ length: 5000 }, () => dice.before());
    };
    const first = roll(42);
    assert.deepEqual(first, roll(42));
    const throttled = first.filter((fault) => fault === 'throttle').length / first.length;
    const unavailable = first.filter((fault) => fault === 'unavailable').length / first.length;
    assert.ok(Math.abs(throttled - 0.2) < 0.03, `throttled ${throttled}`);
    assert.ok(Math.abs(unavailable - 0.1) < 0.03, `unavailable ${unavailable}`);
  });
});
