import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestError, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { AzureError, toAzureError } from '../../../src/azure/azureError';
import type { BackupJob } from '../../../src/azure/model';
import { JobWatcher, type JobEnded, type JobWatcherOptions } from '../../../src/jobs/jobWatcher';
import type { WatcherClock } from '../../../src/jobs/watcherClock';

const t0 = Date.parse('2024-05-01T10:00:00Z');
const vaultA = '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault-a';
const vaultB = '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault-b';
const vaultC = '/subscriptions/sub-2/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault-c';

/** Timers that fire only when the test moves time on. */
class FakeClock implements WatcherClock {
  private current = t0;
  private timers: { at: number; callback: () => void }[] = [];

  now(): number {
    return this.current;
  }

  schedule(callback: () => void, ms: number): () => void {
    const timer = { at: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((candidate) => candidate !== timer));
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time on by `ms`, firing due timers in order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > target) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.current = next.at;
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function job(vaultId: string, jobName: string, status: string, fields: Partial<BackupJob> = {}): BackupJob {
  return {
    id: `${vaultId}/backupJobs/${jobName}`,
    jobName,
    vaultId,
    operation: 'Backup',
    status,
    entityFriendlyName: `vm-${jobName}`,
    startTime: new Date(t0 - 60_000),
    subtasks: [
      { name: 'Take Snapshot', status: status === 'InProgress' ? 'InProgress' : 'Completed' },
      { name: 'Transfer data to vault', status: status === 'InProgress' ? 'NotStarted' : status },
    ],
    errors: [],
    cancellable: status === 'InProgress',
    ...fields,
  };
}

/** A jobs service: each vault's current jobs, every list request recorded, failures on demand. */
function fakeService() {
  const jobs = new Map<string, BackupJob[]>();
  const calls: { vaultId: string; since: Date; at: number }[] = [];
  const failures: unknown[] = [];
  const set = (...values: BackupJob[]) => {
    for (const value of values) {
      const list = (jobs.get(value.vaultId) ?? []).filter((candidate) => candidate.jobName !== value.jobName);
      jobs.set(value.vaultId, [...list, value]);
    }
  };
  return { jobs, calls, failures, set };
}

function setup(options: Partial<JobWatcherOptions> = {}) {
  const clock = new FakeClock();
  const service = fakeService();
  const logged: string[] = [];
  const watcher = new JobWatcher({
    clock,
    log: { info: (message) => logged.push(`info: ${message}`), warn: (message) => logged.push(`warn: ${message}`) },
    listJobs: async (vaultId, since) => {
      service.calls.push({ vaultId, since, at: clock.now() });
      const failure = service.failures.shift();
      if (failure) throw failure;
      return (service.jobs.get(vaultId) ?? []).filter((candidate) => (candidate.startTime?.getTime() ?? 0) >= since.getTime()).map((candidate) => structuredClone(candidate));
    },
    ...options,
  });
  // Tests that do not await a follow() still must not leave its rejection (on dispose) unhandled.
  const follow = watcher.follow.bind(watcher);
  watcher.follow = (...args) => {
    const followed = follow(...args);
    followed.catch(() => undefined);
    return followed;
  };
  const ended: JobEnded[] = [];
  const runningCounts: number[] = [];
  const updated: string[] = [];
  watcher.onDidEndJob((event) => ended.push(event));
  watcher.onDidChangeRunning((running) => runningCounts.push(running.length));
  watcher.onDidUpdateJob((value) => updated.push(`${value.jobName}:${value.status}`));
  return { clock, service, watcher, logged, ended, runningCounts, updated };
}

/** When each list request of a vault was made, relative to the first one, in seconds. */
function gaps(calls: { vaultId: string; at: number }[], vaultId: string): number[] {
  const times = calls.filter((call) => call.vaultId === vaultId).map((call) => call.at);
  return times.slice(1).map((at, index) => (at - times[index]!) / 1000);
}

describe('JobWatcher', () => {
  it('makes one list request per vault per poll, however many jobs each vault runs', async () => {
    const { clock, service, watcher } = setup();
    const names = ['a1', 'a2', 'a3', 'a4'];
    service.set(...names.map((name) => job(vaultA, name, 'InProgress')), job(vaultB, 'b1', 'InProgress'), job(vaultB, 'b2', 'InProgress'));
    for (const name of names) void watcher.follow({ vaultId: vaultA, jobName: name, label: name });
    void watcher.follow({ vaultId: vaultB, jobName: 'b1', label: 'b1' });
    void watcher.follow({ vaultId: vaultB, jobName: 'b2', label: 'b2' });
    assert.equal(service.calls.length, 0, 'no request before the first interval');
    await clock.advance(5_000);
    assert.deepEqual(service.calls.map((call) => call.vaultId).sort(), [vaultA, vaultB]);
    await clock.advance(10_000);
    assert.equal(service.calls.filter((call) => call.vaultId === vaultA).length, 2);
    assert.equal(service.calls.filter((call) => call.vaultId === vaultB).length, 2);
    watcher.dispose();
  });

  it('lists from the oldest watched job\'s start minus a margin, without a status filter', async () => {
    const { clock, service, watcher } = setup({ marginMs: 60_000, recentStartMs: 600_000 });
    service.set(job(vaultA, 'old', 'InProgress', { startTime: new Date(t0 - 20 * 60_000) }), job(vaultA, 'new', 'InProgress', { startTime: new Date(t0 - 2 * 60_000) }));
    void watcher.follow({ vaultId: vaultA, jobName: 'new', label: 'new' });
    await clock.advance(5_000);
    // the start of a followed job is unknown until a listing shows it: assume a recent one
    assert.equal(service.calls[0]!.since.getTime(), t0 - 600_000 - 60_000);
    await clock.advance(10_000);
    assert.equal(service.calls[1]!.since.getTime(), t0 - 2 * 60_000 - 60_000);
    watcher.watch([job(vaultA, 'old', 'InProgress', { startTime: new Date(t0 - 20 * 60_000) })]);
    await clock.advance(60_000);
    assert.equal(service.calls.at(-1)!.since.getTime(), t0 - 20 * 60_000 - 60_000);
    watcher.dispose();
  });

  it('looks further back for a followed job that started long before it was followed', async () => {
    const { clock, service, watcher } = setup({ marginMs: 60_000, recentStartMs: 600_000, lookbackMs: 3 * 3_600_000 });
    service.set(job(vaultA, 'attached', 'InProgress', { startTime: new Date(t0 - 2 * 3_600_000) }));
    const followed = watcher.follow({ vaultId: vaultA, jobName: 'attached', label: 'attached' });
    await clock.advance(5_000 + 10_000);
    assert.deepEqual(
      service.calls.map((call) => (t0 - call.since.getTime()) / 60_000),
      [11, 3 * 60 + 1],
      'a short window first, then the whole lookback',
    );
    assert.equal(watcher.running()[0]!.job?.status, 'InProgress');
    service.set(job(vaultA, 'attached', 'Completed', { startTime: new Date(t0 - 2 * 3_600_000) }));
    await clock.advance(20_000);
    assert.equal((t0 - service.calls[2]!.since.getTime()) / 60_000, 2 * 60 + 1, 'then from its start');
    assert.equal((await followed).status, 'Completed');
  });

  it('backs off while nothing changes, 5 s doubling to 60 s, and starts again at 5 s after a change', async () => {
    const { clock, service, watcher, updated } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    void watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    await clock.advance(5_000 + 10_000 + 20_000 + 40_000 + 60_000 + 60_000);
    assert.deepEqual(gaps(service.calls, vaultA), [10, 20, 40, 60, 60]);
    assert.deepEqual(updated, ['a1:InProgress'], 'the first sight is an update; the same state again is not');
    service.set(job(vaultA, 'a1', 'InProgress', { subtasks: [{ name: 'Take Snapshot', status: 'Completed' }, { name: 'Transfer data to vault', status: 'InProgress' }], cancellable: false }));
    await clock.advance(60_000 + 5_000 + 10_000);
    assert.deepEqual(gaps(service.calls, vaultA).slice(5), [60, 5, 10]);
    assert.deepEqual(updated, ['a1:InProgress', 'a1:InProgress']);
    watcher.dispose();
  });

  it('does not count a running job\'s growing duration as a change', async () => {
    const { clock, service, watcher, updated } = setup();
    service.set(job(vaultA, 'a1', 'InProgress', { durationMs: 1_000 }));
    void watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    await clock.advance(5_000);
    service.set(job(vaultA, 'a1', 'InProgress', { durationMs: 6_000 }));
    await clock.advance(10_000 + 20_000);
    assert.deepEqual(gaps(service.calls, vaultA), [10, 20]);
    assert.equal(updated.length, 1);
    watcher.dispose();
  });

  it('honours Retry-After of a 429 for every vault of the subscription', async () => {
    const { clock, service, watcher, logged } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'), job(vaultB, 'b1', 'InProgress'), job(vaultC, 'c1', 'InProgress'));
    void watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    await clock.advance(1_000);
    void watcher.follow({ vaultId: vaultB, jobName: 'b1', label: 'b1' });
    void watcher.follow({ vaultId: vaultC, jobName: 'c1', label: 'c1' });
    service.failures.push(new AzureError('throttled', 'SubscriptionRequestsThrottled', 'Too many requests.', 429, { retryAfterMs: 45_000 }));
    await clock.advance(4_000);
    const inSub1 = () => service.calls.filter((call) => call.vaultId !== vaultC);
    assert.deepEqual(inSub1().map((call) => call.vaultId), [vaultA], 'vault A was throttled');
    await clock.advance(44_999);
    assert.deepEqual(inSub1().map((call) => call.vaultId), [vaultA], 'vault B (same subscription) waits too');
    assert.ok(service.calls.some((call) => call.vaultId === vaultC), 'vault C (another subscription) does not wait');
    await clock.advance(1);
    assert.deepEqual(inSub1().slice(1).map((call) => call.vaultId).sort(), [vaultA, vaultB]);
    assert.ok(inSub1().slice(1).every((call) => call.at === t0 + 50_000), 'not one request before the time Retry-After asked for');
    assert.match(logged.join('\n'), /warn: .*vault-a failed \(SubscriptionRequestsThrottled, HTTP 429\).*45 s/);
    watcher.dispose();
  });

  it('reads Retry-After from the response of a throttled SDK request', () => {
    const request = createPipelineRequest({ url: 'https://management.azure.com/x' });
    const response = { request, status: 429, headers: createHttpHeaders({ 'retry-after': '17' }) };
    const error = new RestError('Too many requests', { statusCode: 429, code: 'TooManyRequests', request, response });
    const azureError = toAzureError(error);
    assert.equal(azureError.reason, 'throttled');
    assert.equal(azureError.retryAfterMs, 17_000);
    assert.equal(toAzureError(new RestError('Bad', { statusCode: 400 })).retryAfterMs, undefined);
  });

  it('logs a failed poll and retries it with backoff instead of throwing', async () => {
    const { clock, service, watcher, logged } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    const final = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    service.failures.push(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), new Error('boom'));
    await clock.advance(5_000 + 10_000 + 20_000);
    assert.deepEqual(gaps(service.calls, vaultA), [10, 20]);
    assert.equal(logged.filter((line) => line.startsWith('warn:')).length, 2);
    service.set(job(vaultA, 'a1', 'Completed', { endTime: new Date(t0 + 30_000) }));
    await clock.advance(40_000);
    assert.deepEqual(gaps(service.calls, vaultA), [10, 20, 40]);
    assert.equal((await final).status, 'Completed');
  });

  it('resolves follow() with the final job and says whether to notify', async () => {
    const { clock, service, watcher, ended } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'), job(vaultA, 'a2', 'InProgress'), job(vaultA, 'a3', 'InProgress'));
    const first = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'Back up vm-a1' });
    const quiet = watcher.follow({ vaultId: vaultA, jobName: 'A2', label: 'Back up vm-a2' }, { notify: false });
    watcher.watch([job(vaultA, 'a3', 'InProgress')]);
    await clock.advance(5_000);
    service.set(
      job(vaultA, 'a1', 'Completed', { endTime: new Date(t0 + 5_000) }),
      job(vaultA, 'a2', 'Failed', { errors: [{ code: 'UserErrorGuestAgentStatusUnavailable', message: 'VM Agent unable to communicate', recommendations: ['Check the agent'] }] }),
      job(vaultA, 'a3', 'Cancelled'),
    );
    await clock.advance(10_000);
    const finalFirst = await first;
    assert.equal(finalFirst.status, 'Completed');
    assert.equal(finalFirst.endTime?.getTime(), t0 + 5_000);
    assert.equal((await quiet).errors[0]!.code, 'UserErrorGuestAgentStatusUnavailable');
    assert.deepEqual(
      ended.map((event) => [event.job.jobName, event.job.status, event.notify, event.followed?.label]),
      [
        ['a1', 'Completed', true, 'Back up vm-a1'],
        ['a2', 'Failed', false, 'Back up vm-a2'],
        ['a3', 'Cancelled', false, undefined],
      ],
    );
  });

  it('notifies when one of several followers of a job asks for it', async () => {
    const { clock, service, watcher, ended } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    watcher.watch([job(vaultA, 'a1', 'InProgress')]);
    const quiet = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' }, { notify: false });
    const loud = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    service.set(job(vaultA, 'a1', 'Completed'));
    await clock.advance(5_000);
    assert.equal((await quiet).status, 'Completed');
    assert.equal((await loud).status, 'Completed');
    assert.deepEqual(ended.map((event) => event.notify), [true]);
  });

  it('stops polling when nothing runs, and starts again for a new job', async () => {
    const { clock, service, watcher, runningCounts } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'), job(vaultA, 'a2', 'InProgress'));
    const followed = [watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' }), watcher.follow({ vaultId: vaultA, jobName: 'a2', label: 'a2' })];
    assert.equal(watcher.running().length, 2);
    await clock.advance(5_000);
    service.set(job(vaultA, 'a1', 'Completed'));
    await clock.advance(10_000);
    assert.equal(watcher.running().length, 1);
    service.set(job(vaultA, 'a2', 'CompletedWithWarnings'));
    await clock.advance(5_000);
    await Promise.all(followed);
    assert.equal(watcher.running().length, 0);
    assert.deepEqual(runningCounts, [1, 2, 1, 0]);
    assert.equal(clock.pending, 0, 'no timer left');
    const requests = service.calls.length;
    await clock.advance(3_600_000);
    assert.equal(service.calls.length, requests, 'no request while nothing runs');
    service.set(job(vaultA, 'a4', 'InProgress'));
    void watcher.follow({ vaultId: vaultA, jobName: 'a4', label: 'a4' });
    await clock.advance(5_000);
    assert.equal(service.calls.length, requests + 1);
    watcher.dispose();
  });

  it('watches running jobs a jobs folder listed, ignoring ended and very old ones and those just seen ending', async () => {
    const { clock, service, watcher, ended } = setup({ lookbackMs: 3_600_000 });
    service.set(job(vaultA, 'a1', 'InProgress'));
    watcher.watch([job(vaultA, 'a1', 'InProgress'), job(vaultA, 'done', 'Completed'), job(vaultA, 'stuck', 'InProgress', { startTime: new Date(t0 - 2 * 3_600_000) })]);
    assert.deepEqual(watcher.running().map((running) => running.jobName), ['a1']);
    assert.equal(watcher.running()[0]!.job?.entityFriendlyName, 'vm-a1');
    service.set(job(vaultA, 'a1', 'Completed'));
    await clock.advance(5_000);
    assert.deepEqual(ended.map((event) => [event.job.jobName, event.notify]), [['a1', false]]);
    // a stale listing (the folder's cache) still shows it running: it must not come back
    watcher.watch([job(vaultA, 'a1', 'InProgress')]);
    assert.equal(watcher.running().length, 0);
    assert.equal(watcher.latest(vaultA, 'a1')?.status, 'Completed');
    watcher.dispose();
  });

  it('comes back to a backed-off vault soon when a job is followed there', async () => {
    const { clock, service, watcher } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'), job(vaultA, 'a2', 'InProgress'));
    void watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    await clock.advance(5_000 + 10_000 + 20_000); // next poll 40 s later
    await clock.advance(1_000);
    void watcher.follow({ vaultId: vaultA, jobName: 'a2', label: 'a2' });
    await clock.advance(5_000);
    assert.deepEqual(gaps(service.calls, vaultA), [10, 20, 6]);
    watcher.dispose();
  });

  it('rejects follow() when its signal aborts, and keeps watching the job', async () => {
    const { clock, service, watcher } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    const controller = new AbortController();
    const followed = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' }, { signal: controller.signal });
    controller.abort();
    await assert.rejects(followed, (error: AzureError) => error.reason === 'cancelled');
    await clock.advance(5_000);
    assert.equal(watcher.running().length, 1);
    watcher.dispose();
  });

  it('gives up a job the list never shows, after a while, with notFound', async () => {
    const { clock, service, watcher, logged } = setup({ missingAfterMs: 120_000 });
    const followed = watcher.follow({ vaultId: vaultA, jobName: 'ghost', label: 'ghost' });
    const outcome = assert.rejects(followed, (error: AzureError) => error.reason === 'notFound');
    await clock.advance(5_000 + 10_000 + 20_000 + 40_000 + 60_000);
    await outcome;
    assert.equal(watcher.running().length, 0);
    assert.equal(clock.pending, 0);
    assert.ok(service.calls.length >= 3);
    assert.match(logged.join('\n'), /ghost.*no longer shows/);
  });

  it('gives up, after a while, a vault that keeps failing for a reason that will not pass', async () => {
    const { clock, service, watcher } = setup({ missingAfterMs: 120_000 });
    service.set(job(vaultA, 'a1', 'InProgress'));
    const followed = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    const outcome = assert.rejects(followed, (error: AzureError) => error.reason === 'forbidden');
    for (let i = 0; i < 10; i++) service.failures.push(new AzureError('forbidden', 'AuthorizationFailed', 'No access.', 403));
    await clock.advance(5_000 + 10_000 + 20_000 + 40_000);
    assert.equal(watcher.running().length, 1, 'still waiting: access may come back');
    await clock.advance(60_000);
    await outcome;
    assert.equal(watcher.running().length, 0);
    assert.equal(clock.pending, 0);
  });

  it('answers follow() at once for a job it just saw end', async () => {
    const { clock, service, watcher, ended } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    watcher.watch([job(vaultA, 'a1', 'InProgress')]);
    service.set(job(vaultA, 'a1', 'Completed'));
    await clock.advance(5_000);
    const requests = service.calls.length;
    assert.equal((await watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' })).status, 'Completed');
    assert.equal(service.calls.length, requests);
    assert.deepEqual(ended.map((event) => event.notify), [false, true]);
  });

  it('rejects what it follows when disposed, and polls no more', async () => {
    const { clock, service, watcher } = setup();
    service.set(job(vaultA, 'a1', 'InProgress'));
    const followed = watcher.follow({ vaultId: vaultA, jobName: 'a1', label: 'a1' });
    watcher.dispose();
    await assert.rejects(followed, (error: AzureError) => error.reason === 'cancelled');
    await clock.advance(60_000);
    assert.equal(service.calls.length, 0);
  });
});
