// One suite, declared last in a test file: the traffic its scenarios recorded, checked against
// Microsoft's published OpenAPI specifications.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConformanceChecker, formatReport, specsAvailable, specsFolder } from './conformance';
import { trafficRecorder } from './trafficRecorder';

/** Declares the check for the scenarios of this file, named by `what` (e.g. 'the policy scenarios'). */
export function recordedTrafficConforms(suite: string, what: string): void {
  describe(`conformance of ${suite} with the published Azure REST specifications`, () => {
    it(`every request and response of ${what} validates`, async (t) => {
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
}
