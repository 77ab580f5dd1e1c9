import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/emulator';
import { defaultOptions, type EmulatorOptions } from '../../emulator/context';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { ArmClients } from '../../src/azure/armClients';
import { staticTokenCredential, type ArmConnection } from '../../src/azure/armConnection';
import { trafficRecorder } from './trafficRecorder';

export interface TestEmulator {
  emulator: RunningEmulator;
  connection: ArmConnection;
  clients: ArmClients;
  /** Every exchange the emulator saw since it started (or since `since`). */
  requests(since?: number): Promise<LoggedExchange[]>;
  /** Switch faults on or off while running, e.g. '429=0.2,reset=0.1' or 'none'. */
  setFaults(spec: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts an in-process emulator for a test, fast by default (time scale 1000, Retry-After 0,
 * small pages), and SDK clients that reach it over HTTPS trusting its CA. Its traffic is handed
 * to the conformance recorder when it closes.
 */
export async function startTestEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const folder = mkdtempSync(join(tmpdir(), 'avb-emulator-'));
  const emulator = await startEmulator({
    ...defaultOptions,
    timeScale: 1000,
    retryAfterSeconds: 0,
    pageSize: 5,
    caFile: join(folder, 'ca.pem'),
    ...overrides,
  });
  const connection: ArmConnection = {
    endpoint: emulator.url,
    credential: staticTokenCredential(),
    ca: emulator.caCertificate,
    retry: { retryDelayInMs: 5, maxRetryDelayInMs: 50, maxRetries: 6 },
  };
  const control = async (method: string, path: string, body?: string) => {
    const client = await new ArmClients(connection).backup('control');
    const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
    return client.sendRequest(createPipelineRequest({ url: `${emulator.url}${path}`, method: method as 'GET', ...(body !== undefined ? { body } : {}) }));
  };
  const requests = async (since = 0) => {
    const response = await control('GET', `/_emulator/requests?since=${since}`);
    return (JSON.parse(response.bodyAsText ?? '{}') as { requests: LoggedExchange[] }).requests;
  };
  return {
    emulator,
    connection,
    clients: new ArmClients(connection),
    requests,
    setFaults: async (spec) => {
      const response = await control('PUT', '/_emulator/faults', spec);
      if (response.status !== 200) throw new Error(`could not set faults: ${response.bodyAsText}`);
    },
    close: async () => {
      trafficRecorder.add(await requests());
      await emulator.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` returns a value, polling every few milliseconds; fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
