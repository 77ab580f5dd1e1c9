// What the BackupReader scenarios share: the demo tenant, the ARM part of the emulator's log, and
// an assertion on the AzureError a load fails with.
import assert from 'node:assert/strict';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { AzureError } from '../../src/azure/azureError';
import type { TestEmulator } from '../support/testEmulator';

export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** The ARM requests of a log: what the clients sent, not the test's own control calls. */
export function armRequests(log: readonly LoggedExchange[]): LoggedExchange[] {
  return log.filter((entry) => !new URL(entry.url).pathname.startsWith('/_emulator/'));
}

export async function lastSequence(env: TestEmulator): Promise<number> {
  return (await env.requests()).at(-1)?.sequence ?? 0;
}

export async function assertAzureError(promise: Promise<unknown>, reason: AzureError['reason']): Promise<AzureError> {
  let caught: unknown;
  await promise.then(
    () => assert.fail(`expected an AzureError with reason ${reason}, but it succeeded`),
    (error: unknown) => {
      caught = error;
    },
  );
  assert.ok(caught instanceof AzureError, `not an AzureError: ${String(caught)}`);
  assert.equal(caught.reason, reason, `${caught.code}: ${caught.message}`);
  return caught;
}
