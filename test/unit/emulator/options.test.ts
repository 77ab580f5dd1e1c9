import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions, parseSeed } from '../../../emulator/options';

describe('emulator options', () => {
  it('reads every option', () => {
    const options = parseOptions(['--port', '0', '--seed', 'scale:20,5,200', '--time-scale', '500', '--retry-after', '0', '--latency-ms', '50', '--faults', '429=0.1', '--page-size', '7', '--no-throttling']);
    assert.deepEqual(options.seed, { kind: 'scale', subscriptions: 20, vaultsPerSubscription: 5, vmsPerVault: 200 });
    assert.equal(options.timeScale, 500);
    assert.equal(options.retryAfterSeconds, 0);
    assert.equal(options.latencyMs, 50);
    assert.equal(options.faults.throttle, 0.1);
    assert.equal(options.pageSize, 7);
    assert.equal(options.throttling, false);
  });

  it('names the bad option in its message', () => {
    assert.throws(() => parseOptions(['--port', 'eighty']), /--port must be a number/);
    assert.throws(() => parseOptions(['--frobnicate']), /Unknown option --frobnicate/);
    assert.throws(() => parseSeed('lots'), /--seed must be demo, empty or scale/);
    assert.throws(() => parseOptions(['--state']), /--state needs a value/);
  });
});
