import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/emulator';
import { defaultOptions, type EmulatorOptions } from '../../../emulator/context';
import type { LoggedExchange } from '../../../emulator/http/requestLog';

export interface E2eEmulator {
  url: string;
  /** PEM of the CA the extension must trust (the azureVmBackup.emulator.caFile setting). */
  caFile: string;
  running: RunningEmulator;
  /** Exchanges the emulator saw, through its GET /_emulator/requests control endpoint. */
  requests(since?: number): Promise<LoggedExchange[]>;
  clearRequests(): Promise<void>;
  /** The sequence number of the last exchange so far: `requests(mark)` then returns only what came after. */
  lastSequence(): Promise<number>;
  /** e.g. '429=0.2,reset=0.1' or 'none'. */
  setFaults(spec: string): Promise<void>;
  /** The user settings that point the extension at this emulator. */
  settings(): Record<string, string>;
  close(): Promise<void>;
}

/**
 * An in-process emulator with the demo data for a VS Code session: time runs faster than Azure
 * (jobs finish in seconds) and Retry-After is short, yet slow enough for the UI to show progress.
 */
export async function startE2eEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<E2eEmulator> {
  const folder = mkdtempSync(join(tmpdir(), 'avb-e2e-emulator-'));
  const running = await startEmulator({
    ...defaultOptions,
    seed: { kind: 'demo' },
    timeScale: 120,
    retryAfterSeconds: 1,
    caFile: join(folder, 'ca.pem'),
    ...overrides,
  });
  const control = (method: string, path: string, body?: string) => controlRequest(running, method, path, body);
  return {
    url: running.url,
    caFile: running.caFile,
    running,
    requests: async (since = 0) => {
      const { status, text } = await control('GET', `/_emulator/requests?since=${since}`);
      if (status !== 200) throw new Error(`GET /_emulator/requests answered ${status}: ${text}`);
      return (JSON.parse(text) as { requests: LoggedExchange[] }).requests;
    },
    lastSequence: async () => {
      const { status, text } = await control('GET', '/_emulator/requests');
      if (status !== 200) throw new Error(`GET /_emulator/requests answered ${status}: ${text}`);
      return (JSON.parse(text) as { requests: LoggedExchange[] }).requests.at(-1)?.sequence ?? 0;
    },
    clearRequests: async () => {
      await control('DELETE', '/_emulator/requests');
    },
    setFaults: async (spec) => {
      const { status, text } = await control('PUT', '/_emulator/faults', spec);
      if (status !== 200) throw new Error(`could not set faults: ${text}`);
    },
    settings: () => ({ 'azureVmBackup.emulator.endpoint': running.url, 'azureVmBackup.emulator.caFile': running.caFile }),
    close: async () => {
      await running.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function controlRequest(emulator: RunningEmulator, method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const call = request(`${emulator.url}${path}`, { method, ca: emulator.caCertificate, timeout: 10_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    call.on('timeout', () => call.destroy(new Error(`${method} ${path} timed out`)));
    call.on('error', reject);
    call.end(body);
  });
}
