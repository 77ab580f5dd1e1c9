import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectPages, RequestLimiter } from '../../../src/azure/requestLimiter';

/** A task the test finishes by hand, recording when it started. */
interface HeldTask {
  started: boolean;
  finish(value?: string): void;
  fail(error: Error): void;
  task: () => Promise<string>;
}

function heldTask(onStart: () => void = () => undefined, onEnd: () => void = () => undefined): HeldTask {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const held: HeldTask = {
    started: false,
    finish: (value = 'done') => finish(value),
    fail: (error) => fail(error),
    task: () => {
      held.started = true;
      onStart();
      return new Promise<string>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }).finally(onEnd);
    },
  };
  return held;
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts tasks in flight, in all and per key, and keeps the highest counts seen. */
function inFlightCounter() {
  const now = new Map<string, number>();
  const peak = new Map<string, number>();
  const bump = (key: string, by: number) => {
    now.set(key, (now.get(key) ?? 0) + by);
    peak.set(key, Math.max(peak.get(key) ?? 0, now.get(key)!));
  };
  return {
    start: (key: string) => {
      bump(key, 1);
      bump('*', 1);
    },
    end: (key: string) => {
      bump(key, -1);
      bump('*', -1);
    },
    peak: (key: string) => peak.get(key) ?? 0,
  };
}

describe('RequestLimiter', () => {
  it('never runs more than the global bound at once, and runs everything in the end', async () => {
    const limiter = new RequestLimiter(3, 10);
    const counter = inFlightCounter();
    const keys = ['a', 'b', 'c', 'd'];
    const tasks = Array.from({ length: 12 }, (_, index) => {
      const key = keys[index % keys.length]!;
      return { key, held: heldTask(() => counter.start(key), () => counter.end(key)) };
    });
    const runs = tasks.map(({ key, held }) => limiter.run(key, held.task));
    await settle();
    assert.equal(tasks.filter(({ held }) => held.started).length, 3);
    // Waiters start in arrival order, so each task has started by the time its turn to finish comes.
    for (const { held } of tasks) {
      assert.equal(held.started, true);
      held.finish();
      await settle();
    }
    assert.equal((await Promise.all(runs)).length, 12);
    assert.equal(counter.peak('*'), 3);
  });

  it('never runs more than the per-key bound for one key, while other keys go ahead', async () => {
    const limiter = new RequestLimiter(10, 2);
    const counter = inFlightCounter();
    const sameKey = Array.from({ length: 6 }, () => heldTask(() => counter.start('sub-1'), () => counter.end('sub-1')));
    const runs = sameKey.map((held) => limiter.run('sub-1', held.task));
    const other = heldTask(() => counter.start('sub-2'), () => counter.end('sub-2'));
    const otherRun = limiter.run('sub-2', other.task);
    await settle();
    assert.deepEqual(
      sameKey.map((held) => held.started),
      [true, true, false, false, false, false],
    );
    assert.equal(other.started, true, 'a waiting key must not hold up another key');
    other.finish();
    assert.equal(await otherRun, 'done');
    while (sameKey.some((held) => !held.started)) {
      for (const held of sameKey.filter((candidate) => candidate.started)) held.finish();
      await settle();
    }
    for (const held of sameKey) held.finish();
    await Promise.all(runs);
    assert.equal(counter.peak('sub-1'), 2);
  });

  it('starts waiters in the order they arrived', async () => {
    const limiter = new RequestLimiter(1, 1);
    const order: number[] = [];
    const tasks = Array.from({ length: 5 }, (_, index) => heldTask(() => order.push(index)));
    const runs = tasks.map((held) => limiter.run('sub', held.task));
    for (const held of tasks) {
      await settle();
      held.finish();
    }
    await Promise.all(runs);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it('starts waiters of different keys in arrival order when the global bound frees', async () => {
    const limiter = new RequestLimiter(2, 5);
    const order: string[] = [];
    const first = heldTask(() => order.push('a1'));
    const second = heldTask(() => order.push('b1'));
    const waiting = [heldTask(() => order.push('c1')), heldTask(() => order.push('a2')), heldTask(() => order.push('b2'))];
    const runs = [limiter.run('a', first.task), limiter.run('b', second.task), limiter.run('c', waiting[0]!.task), limiter.run('a', waiting[1]!.task), limiter.run('b', waiting[2]!.task)];
    await settle();
    for (const held of [first, second, ...waiting]) {
      held.finish();
      await settle();
    }
    await Promise.all(runs);
    assert.deepEqual(order, ['a1', 'b1', 'c1', 'a2', 'b2']);
  });

  it('rejects a waiter when its signal aborts, without running it or freeing a slot', async () => {
    const limiter = new RequestLimiter(1, 1);
    const running = heldTask();
    const runningRun = limiter.run('sub', running.task);
    const controller = new AbortController();
    const cancelled = heldTask();
    const cancelledRun = limiter.run('sub', cancelled.task, controller.signal);
    const next = heldTask();
    const nextRun = limiter.run('sub', next.task);
    await settle();

    const reason = new Error('Refreshed');
    controller.abort(reason);
    await assert.rejects(cancelledRun, (error) => error === reason);
    await settle();
    assert.equal(cancelled.started, false, 'the aborted task ran');
    assert.equal(next.started, false, 'aborting a waiter freed a slot that was still taken');

    running.finish();
    await runningRun;
    await settle();
    assert.equal(next.started, true);
    assert.equal(cancelled.started, false);
    next.finish('next');
    assert.equal(await nextRun, 'next');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = new RequestLimiter(1, 1);
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const held = heldTask();
    await assert.rejects(limiter.run('sub', held.task, controller.signal), /gone/);
    assert.equal(held.started, false);
    // ...and took no slot: the next task starts straight away.
    const next = heldTask();
    const nextRun = limiter.run('sub', next.task);
    await settle();
    assert.equal(next.started, true);
    next.finish();
    await nextRun;
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new RequestLimiter(1, 1);
    const failing = heldTask();
    const failingRun = limiter.run('sub', failing.task);
    const next = heldTask();
    const nextRun = limiter.run('sub', next.task);
    await settle();
    assert.equal(next.started, false);
    failing.fail(new Error('503'));
    await assert.rejects(failingRun, /503/);
    await settle();
    assert.equal(next.started, true);
    next.finish('after failure');
    assert.equal(await nextRun, 'after failure');
  });

  it('releases the slot when a task throws synchronously', async () => {
    const limiter = new RequestLimiter(1, 1);
    await assert.rejects(
      limiter.run('sub', () => {
        throw new Error('bad');
      }),
      /bad/,
    );
    assert.equal(await limiter.run('sub', () => Promise.resolve(42)), 42);
  });
});

describe('collectPages', () => {
  async function* pages(log: string[]): AsyncGenerator<number> {
    for (let page = 0; page < 3; page++) {
      log.push(`page ${page}`);
      yield page * 2;
      yield page * 2 + 1;
    }
  }

  it('collects every item of every page', async () => {
    const log: string[] = [];
    assert.deepEqual(await collectPages(pages(log)), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(log, ['page 0', 'page 1', 'page 2']);
  });

  it('stops asking for pages once the signal aborts', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    async function* abortingAfterFirstPage(): AsyncGenerator<number> {
      for await (const item of pages(log)) {
        // Aborts while the last item of the first page is handed over.
        if (item === 1) controller.abort(new Error('stop'));
        yield item;
      }
    }
    await assert.rejects(collectPages(abortingAfterFirstPage(), controller.signal), /stop/);
    assert.deepEqual(log, ['page 0']);
  });
});
