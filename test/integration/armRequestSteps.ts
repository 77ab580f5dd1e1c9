// Steps the network, storage, compute catalogue and resource group scenarios share: raw ARM
// requests with a body (for the api-versions templates use, which the SDKs do not send), the
// key paths of a JSON answer, and quick SDK polling.
import type { TestEmulator } from '../support/testEmulator';
import { rawRequest, type RawAnswer } from './resourceScenarioHelpers';

/** The SDK's pollers wait 2 s between polls when Retry-After is 0: poll quickly instead. */
export const fast = { updateIntervalInMs: 10 };

export interface JsonAnswer extends RawAnswer {
  body: Record<string, unknown> | undefined;
}

/** An authenticated request to the emulator with a JSON body, as a template deployment's client would send it. */
export async function armJson(env: TestEmulator, method: string, path: string, body?: unknown): Promise<JsonAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { Authorization: 'Bearer emulator-token', ...(payload ? { 'content-type': 'application/json' } : {}) };
  const answer = await rawRequest(env, method, path, headers, payload);
  return { ...answer, body: answer.body as Record<string, unknown> | undefined };
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
