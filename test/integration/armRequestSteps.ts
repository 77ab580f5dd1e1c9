// Steps the network, storage, compute catalogue and resource group scenarios share: raw ARM
// requests with a body (for the api-versions templates use, which the SDKs do not send), the
// key paths of a JSON answer, and quick SDK polling.
import https from 'node:https';
import type { TestEmulator } from '../support/testEmulator';

/** The SDK's pollers wait 2 s between polls when Retry-After is 0: poll quickly instead. */
export const fast = { updateIntervalInMs: 10 };

export interface JsonAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | undefined;
}

/** An authenticated request to the emulator with a JSON body, as a template deployment's client would send it. */
export function armJson(env: TestEmulator, method: string, path: string, body?: unknown): Promise<JsonAnswer> {
  const url = new URL(path, env.emulator.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { Authorization: 'Bearer emulator-token', ...(payload ? { 'content-type': 'application/json' } : {}) };
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method, headers, ca: env.emulator.caCertificate }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** Every key path of a JSON value: 'properties.subnets[].properties.addressPrefix'. Array elements share one path. */
export function keyPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const path of keyPaths(item, `${prefix}[]`)) paths.add(path);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      paths.add(path);
      for (const inner of keyPaths(item, path)) paths.add(inner);
    }
  }
  return paths;
}

/** The paths of `expected` an answer lacks. */
export function missingKeys(answer: unknown, expected: readonly string[]): string[] {
  const present = keyPaths(answer);
  return expected.filter((path) => !present.has(path));
}
