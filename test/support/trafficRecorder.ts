import type { LoggedExchange } from '../../emulator/http/requestLog';

/** Collects the traffic of every emulator the integration suite ran, for the conformance check. */
class TrafficRecorder {
  private readonly exchanges: LoggedExchange[] = [];

  add(exchanges: LoggedExchange[]): void {
    // A reset connection never reached the client: nothing to check against the spec.
    this.exchanges.push(...exchanges.filter((exchange) => exchange.fault !== 'reset'));
  }

  all(): readonly LoggedExchange[] {
    return this.exchanges;
  }
}

export const trafficRecorder = new TrafficRecorder();
