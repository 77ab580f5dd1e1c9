/**
 * Bounds how many requests run at once: in all, and per subscription (ARM throttles each
 * subscription on its own: 250 reads, refilled 25 a second). Waiters start in arrival order.
 */
export class RequestLimiter {
  private running = 0;
  private readonly runningByKey = new Map<string, number>();
  private readonly waiting: { key: string; start: () => void }[] = [];

  constructor(
    readonly maxConcurrent = 64,
    readonly maxPerKey = 16,
  ) {}

  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(key, signal);
    try {
      return await task();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.canStart(key)) {
      this.started(key);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        key,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.started(key);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private canStart(key: string): boolean {
    return this.running < this.maxConcurrent && (this.runningByKey.get(key) ?? 0) < this.maxPerKey;
  }

  private started(key: string): void {
    this.running++;
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
  }

  private release(key: string): void {
    this.running--;
    const left = (this.runningByKey.get(key) ?? 1) - 1;
    if (left === 0) this.runningByKey.delete(key);
    else this.runningByKey.set(key, left);
    for (let index = 0; index < this.waiting.length && this.running < this.maxConcurrent; ) {
      const waiter = this.waiting[index]!;
      if (this.canStart(waiter.key)) {
        this.waiting.splice(index, 1);
        waiter.start();
      } else {
        index++;
      }
    }
  }
}

/** Every item of a paged SDK listing, following each nextLink; stops between pages when aborted. */
export async function collectPages<T>(pages: AsyncIterable<T>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) {
    signal?.throwIfAborted();
    items.push(item);
  }
  signal?.throwIfAborted();
  return items;
}
