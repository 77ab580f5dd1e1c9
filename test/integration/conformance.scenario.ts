import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConformanceChecker, formatReport, specsAvailable, specsFolder } from '../support/conformance';
import { trafficRecorder } from '../support/trafficRecorder';

const minimumDistinctPairs = 40;

describe('conformance with the published Azure REST specifications', () => {
  it('every request and response of the suite validates, over at least 40 operation/status pairs', async (t) => {
    if (!specsAvailable()) {
      t.skip(`no specifications at ${specsFolder} (a clone outside CI): conformance not checked`);
      return;
    }
    const traffic = trafficRecorder.all();
    assert.ok(traffic.length > 0, 'the scenarios before this one recorded no traffic');
    const checker = await createConformanceChecker();
    const report = await checker.check([...traffic]);
    t.diagnostic(formatReport(report).split('\n').slice(0, 3).join(' | '));
    process.stdout.write(`\n${formatReport(report)}\n`);
    assert.deepEqual(report.violations, [], formatReport(report));
    assert.ok(report.covered.length >= minimumDistinctPairs, `only ${report.covered.length} distinct operation/status pairs were covered:\n${report.covered.join('\n')}`);
  });
});
