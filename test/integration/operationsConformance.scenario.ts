// The traffic of the write side's scenarios, checked against Microsoft's published OpenAPI
// specifications: every request AzureBackupOperations sent, and every answer it relied on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConformanceChecker, formatReport, specsAvailable, specsFolder } from '../support/conformance';
import { trafficRecorder } from '../support/trafficRecorder';

describe('conformance of the write side with the published Azure REST specifications', () => {
  it('every request and response of the operations scenarios validates', async (t) => {
    if (!specsAvailable()) {
      t.skip(`no specifications at ${specsFolder} (a clone outside CI): conformance not checked`);
      return;
    }
    const traffic = trafficRecorder.all();
    assert.ok(traffic.length > 0, 'the scenarios before this one recorded no traffic');
    const report = await (await createConformanceChecker()).check([...traffic]);
    t.diagnostic(formatReport(report).split('\n').slice(0, 3).join(' | '));
    assert.deepEqual(report.violations, [], formatReport(report));
  });
});
