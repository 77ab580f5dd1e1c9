/** One request and its answer, as the emulator saw them; GET /_emulator/requests returns these. */
export interface LoggedExchange {
  sequence: number;
  time: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  /** The fault injected, if any: throttle, unavailable or reset. */
  fault?: string;
}

/** The most recent exchanges, bounded so a long soak cannot exhaust memory. */
export class RequestLog {
  private readonly entries: LoggedExchange[] = [];
  private sequence = 0;

  constructor(private readonly capacity = 20_000) {}

  add(entry: Omit<LoggedExchange, 'sequence'>): void {
    this.entries.push({ sequence: ++this.sequence, ...entry });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  since(sequence: number): LoggedExchange[] {
    return this.entries.filter((entry) => entry.sequence > sequence);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
