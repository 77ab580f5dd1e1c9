import type { EmulatorState } from './state/model';
import type { StateFile } from './state/store';
import type { FaultRates } from './http/faults';

export type SeedSpec = { kind: 'demo' } | { kind: 'empty' } | { kind: 'scale'; subscriptions: number; vaultsPerSubscription: number; vmsPerVault: number };

export interface EmulatorOptions {
  port: number;
  seed: SeedSpec;
  /** Where to keep the state between runs; without it the state lives in memory. */
  stateFile?: string;
  /** Where to write the CA certificate clients must trust. */
  caFile: string;
  /** How many times faster than Azure jobs and operations progress. */
  timeScale: number;
  /** The Retry-After the emulator sends on asynchronous operations (Azure sends 60). */
  retryAfterSeconds: number;
  latencyMs: number;
  faults: FaultRates;
  faultSeed?: number;
  /** Items per page on every list. */
  pageSize: number;
  /** ARM's per-subscription request budgets. */
  throttling: boolean;
}

export const defaultOptions: Omit<EmulatorOptions, 'caFile'> = {
  port: 0,
  seed: { kind: 'demo' },
  timeScale: 60,
  retryAfterSeconds: 60,
  latencyMs: 0,
  faults: { throttle: 0, unavailable: 0, reset: 0 },
  pageSize: 100,
  throttling: true,
};

/** What every handler works with: the state, the options, and the clock's scale. */
export class EmulatorContext {
  private dirty = false;
  private changes = 0;

  constructor(
    readonly options: EmulatorOptions,
    public state: EmulatorState,
    private readonly stateFile?: StateFile,
  ) {}

  /** The real time a step that takes `azureMs` in Azure takes here. */
  scaled(azureMs: number): number {
    return Math.max(0, Math.round(azureMs / this.options.timeScale));
  }

  retryAfterHeader(): Record<string, string> {
    return { 'Retry-After': String(this.options.retryAfterSeconds) };
  }

  /**
   * Marks the state changed; it is written before the answer goes out. Every change to the state
   * must come with a call, as what is worked out from the state (indexes, the next deadline) is
   * kept until the next one.
   */
  changed(): void {
    this.dirty = true;
    this.changes++;
  }

  /** Counts the changes so far: what is worked out from the state holds while it stays the same. */
  get revision(): number {
    return this.changes;
  }

  persist(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.stateFile?.save(this.state);
  }
}
