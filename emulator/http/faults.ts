/**
 * Faults on demand: `429=0.1,503=0.05,reset=0.02` gives each request that chance of being
 * throttled, refused as unavailable, or having its connection reset. Throttling and 503 answer
 * before the request is processed, as ARM does; a reset happens after it was processed and
 * before the answer leaves, the case where a client's retry must not do the work twice.
 */
export interface FaultRates {
  throttle: number;
  unavailable: number;
  reset: number;
}

export type Fault = 'throttle' | 'unavailable' | 'reset' | undefined;

export const noFaults: FaultRates = { throttle: 0, unavailable: 0, reset: 0 };

export function parseFaults(text: string): FaultRates {
  const rates = { ...noFaults };
  if (text.trim() === '' || text === 'none') return rates;
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((piece) => piece.trim());
    const rate = Number(value);
    if (!name || value === undefined || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new Error(`--faults: "${part}" is not NAME=RATE with RATE between 0 and 1 (e.g. 429=0.1,503=0.05,reset=0.02)`);
    }
    if (name === '429') rates.throttle = rate;
    else if (name === '503') rates.unavailable = rate;
    else if (name === 'reset') rates.reset = rate;
    else throw new Error(`--faults: unknown fault "${name}"; use 429, 503 or reset`);
  }
  return rates;
}

/** A small seeded generator, so a run with --fault-seed fails the same requests each time. */
export class FaultDice {
  private seed: number;

  constructor(
    public rates: FaultRates,
    seed = Date.now(),
  ) {
    this.seed = seed >>> 0 || 1;
  }

  /** The fault to inject before processing, if any. */
  before(): Fault {
    const roll = this.next();
    if (roll < this.rates.throttle) return 'throttle';
    if (roll < this.rates.throttle + this.rates.unavailable) return 'unavailable';
    return undefined;
  }

  /** Whether to reset the connection once the request has been processed. */
  resetAfter(): boolean {
    return this.next() < this.rates.reset;
  }

  private next(): number {
    // xorshift32
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 0x100000000;
  }
}
