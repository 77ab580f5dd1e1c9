import assert from 'node:assert/strict';
import { AzureError } from '../../src/azure/azureError';

/** The AzureError a call fails with; fails the test when it succeeds or throws anything else. */
export async function failureOf(call: () => Promise<unknown>): Promise<AzureError> {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof AzureError, `not an AzureError: ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}
