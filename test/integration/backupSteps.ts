// Steps the backup scenarios share: what a client of the real service has to do by hand because
// SDK 12.0.0 does not poll enable protection, back up now, refresh containers or job cancel.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { HttpHeaders } from '@azure/core-rest-pipeline';
import type { JobResource, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import { operationHeadersOf, pollAsyncOperation, pollLocation } from '../../src/azure/asyncOperation';
import type { EmulatorOptions } from '../../emulator/context';
import type { TestEmulator } from '../support/testEmulator';
import { eventually, startTestEmulator } from '../support/testEmulator';

export const fabric = 'Azure';
export const containerOf = (rg: string, vm: string) => `IaasVMContainer;iaasvmcontainerv2;${rg};${vm}`;
export const itemOf = (rg: string, vm: string) => `VM;iaasvmcontainerv2;${rg};${vm}`;
export const vmIdOf = (sub: string, rg: string, vm: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`;
export const vaultIdOf = (sub: string, rg: string, vault: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}`;
export const policyIdOf = (sub: string, rg: string, vault: string, policy: string) => `${vaultIdOf(sub, rg, vault)}/backupPolicies/${policy}`;

/** Where a vault is, as every backup call needs it. */
export interface VaultRef {
  sub: string;
  rg: string;
  vault: string;
}

/** Options that keep the raw headers of the answer, for the 202s the SDK does not follow. */
export function capture(): { options: { onResponse: (raw: { headers: HttpHeaders; status: number }) => void }; headers: () => HttpHeaders; status: () => number } {
  let headers: HttpHeaders | undefined;
  let status = 0;
  return {
    options: { onResponse: (raw) => ((headers = raw.headers), (status = raw.status)) },
    headers: () => {
      assert.ok(headers, 'no response was seen');
      return headers;
    },
    status: () => status,
  };
}

/** The error a call fails with, asserting it is the service's answer with this status and code. */
export async function refused(call: Promise<unknown>, status: number, code: string): Promise<RestError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof RestError, `expected a RestError, got ${String(error)}`);
    assert.equal(error.statusCode, status, `status of ${error.code}: ${error.message}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${status} ${code}, but the call succeeded`);
}

/** The messages in error.details of a refused call's body. */
export function detailMessages(error: RestError): string[] {
  const body = (error.details ?? {}) as { error?: { details?: { message: string }[] }; details?: { message: string }[] };
  return (body.error?.details ?? body.details ?? []).map((detail) => detail.message);
}

export async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** Counts the pages a list takes, and returns its items. */
export async function paged<T>(list: { byPage(): AsyncIterableIterator<T[]> }): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  for await (const page of list.byPage()) {
    pages += 1;
    items.push(...page);
  }
  return { items, pages };
}

/** Refreshes the vault's containers: 202 + Location, then the operation result answers 204. */
export async function refreshContainers(backup: RecoveryServicesBackupClient, v: VaultRef): Promise<void> {
  const seen = capture();
  await backup.protectionContainers.refresh(v.vault, v.rg, fabric, seen.options);
  assert.equal(seen.status(), 202);
  const location = operationHeadersOf(seen.headers()).location;
  assert.ok(location?.includes('/backupFabrics/Azure/operationResults/'), `Location ${location}`);
  const result = await pollLocation(backup, location!, { defaultDelayMs: 5 });
  assert.equal(result.status, 204);
}

/** PUTs a protected item and follows Azure-AsyncOperation to the end; returns the job it started. */
export async function putItem(backup: RecoveryServicesBackupClient, v: VaultRef, rg: string, vm: string, properties: Record<string, unknown>): Promise<string> {
  const seen = capture();
  await backup.protectedItems.createOrUpdate(
    v.vault,
    v.rg,
    fabric,
    containerOf(rg, vm),
    itemOf(rg, vm),
    { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', ...properties } as never },
    seen.options,
  );
  assert.equal(seen.status(), 202);
  const headers = operationHeadersOf(seen.headers());
  assert.ok(headers.location && headers.azureAsyncOperation && headers.retryAfterMs !== undefined, 'Location, Azure-AsyncOperation and Retry-After');
  const outcome = await pollAsyncOperation(backup, headers.azureAsyncOperation!, { defaultDelayMs: 5 });
  assert.equal(outcome.status, 'Succeeded');
  assert.ok(outcome.jobId, 'the operation names its job');
  return outcome.jobId!;
}

/** Starts a backup now; returns the operation id (from Azure-AsyncOperation) and the job id. */
export async function backUpNow(backup: RecoveryServicesBackupClient, v: VaultRef, rg: string, vm: string): Promise<{ operationId: string; jobId: string }> {
  const seen = capture();
  const expiry = new Date(Date.now() + 10 * 86_400_000);
  await backup.backups.trigger(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: expiry } }, seen.options);
  assert.equal(seen.status(), 202);
  const headers = operationHeadersOf(seen.headers());
  const operationId = new URL(headers.azureAsyncOperation!).pathname.split('/').pop()!;
  const status = await eventually(async () => {
    const answer = await backup.backupOperationStatuses.get(v.vault, v.rg, operationId);
    return answer.status === 'InProgress' ? undefined : answer;
  }, 'the backup operation');
  assert.equal(status.status, 'Succeeded');
  const jobId = (status.properties as { jobId?: string } | undefined)?.jobId;
  assert.ok(jobId, 'the backup operation names its job');
  return { operationId, jobId };
}

/** Waits until a job leaves InProgress/Cancelling; returns its details. */
export async function jobEnd(backup: RecoveryServicesBackupClient, v: VaultRef, jobId: string, timeoutMs = 15_000): Promise<JobResource> {
  return eventually(async () => {
    const job = await backup.jobDetails.get(v.vault, v.rg, jobId);
    const status = job.properties?.status;
    return status === 'InProgress' || status === 'Cancelling' ? undefined : job;
  }, `job ${jobId} to end`, timeoutMs);
}

/** A new vault in the demo's production subscription; its own policies are DefaultPolicy and EnhancedPolicy. */
export async function createVault(env: TestEmulator, v: VaultRef, location: string): Promise<void> {
  const vaults = await env.clients.vaults(v.sub);
  const vault = await vaults.vaults.beginCreateOrUpdateAndWait(v.rg, v.vault, { location, sku: { name: 'RS0', tier: 'Standard' }, properties: {} }, { updateIntervalInMs: 5 });
  assert.equal(vault.name, v.vault);
}

/**
 * For a describe block: before its tests, a fresh emulator and a new vault `v` (no refresh-containers
 * has ever run on it), handed to `ready` (the subscription's backup client, and the emulator);
 * after them, the emulator closed.
 */
export function emulatorWithNewVault(
  v: VaultRef,
  ready: (backup: RecoveryServicesBackupClient, env: TestEmulator) => void,
  options: { location?: string; emulator?: Partial<EmulatorOptions> } = {},
): void {
  let env: TestEmulator | undefined;
  before(async () => {
    env = await startTestEmulator(options.emulator);
    const backup = await env.clients.backup(v.sub);
    await createVault(env, v, options.location ?? 'westeurope');
    ready(backup, env);
  });
  after(async () => {
    await env?.close();
  });
}

/** The jobs filter's time format, 'yyyy-MM-dd hh:mm:ss AM' in UTC. */
export function filterTime(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = time.getUTCHours();
  return `${time.getUTCFullYear()}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())} ${pad(hours % 12 === 0 ? 12 : hours % 12)}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
