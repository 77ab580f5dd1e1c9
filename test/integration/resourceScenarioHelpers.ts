// Small helpers shared by resources.scenario.ts, vaults.scenario.ts and armRequestSteps.ts.
import assert from 'node:assert/strict';
import https from 'node:https';
import type { TestEmulator } from '../support/testEmulator';
import type { LoggedExchange } from '../../emulator/http/requestLog';

/** Collects every element of an SDK paged iterator (which follows nextLink by itself). */
export async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/** Awaits `action` and asserts it fails with an SDK RestError of that HTTP status and ARM error code. */
export async function expectArmError(action: Promise<unknown> | (() => Promise<unknown>), statusCode: number, code: string): Promise<Error> {
  let failure: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    failure = error;
  }
  assert.ok(failure instanceof Error, `expected the call to fail with ${statusCode} ${code}, but it succeeded`);
  const rest = failure as Error & { statusCode?: number; code?: string };
  assert.equal(rest.statusCode, statusCode, `status of: ${rest.message}`);
  assert.equal(rest.code, code, `code of: ${rest.message}`);
  return rest;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A raw HTTPS request to the emulator, for the protocol checks the SDK cannot make; `payload` is the body as sent. */
export function rawRequest(env: TestEmulator, method: string, path: string, headers: Record<string, string> = {}, payload?: string): Promise<RawAnswer> {
  const url = new URL(path, env.emulator.url);
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method, headers, ca: env.emulator.caCertificate }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** Every error answer the emulator sent is in ARM's shape {"error":{"code","message"}}. */
export function assertArmErrorBodies(exchanges: readonly LoggedExchange[]): number {
  const errors = exchanges.filter((exchange) => exchange.status >= 400);
  for (const exchange of errors) {
    const error = (exchange.responseBody as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    assert.ok(error, `${exchange.method} ${exchange.url} → ${exchange.status} has no "error" object`);
    assert.equal(typeof error.code, 'string', `${exchange.method} ${exchange.url}: error.code`);
    assert.ok(typeof error.message === 'string' && error.message.length > 0, `${exchange.method} ${exchange.url}: error.message`);
  }
  return errors.length;
}

/** The exchanges whose path (without query) ends with `suffix`, case-insensitively. */
export function exchangesTo(exchanges: readonly LoggedExchange[], method: string, suffix: string): LoggedExchange[] {
  return exchanges.filter((exchange) => exchange.method === method && new URL(exchange.url).pathname.toLowerCase().endsWith(suffix.toLowerCase()));
}
