/** Time as the watcher sees it; tests pass a fake one. */
export interface WatcherClock {
  now(): number;
  /** Calls back after `ms`; the answer cancels the call. */
  schedule(callback: () => void, ms: number): () => void;
}

export const systemClock: WatcherClock = {
  now: () => Date.now(),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
