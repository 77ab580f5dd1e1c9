// Steps the scenarios of the write side (AzureBackupOperations) share: the reader and operations
// over a test emulator, waiting for jobs, reading the emulator's request log.
import assert from 'node:assert/strict';
import type { TestEmulator } from '../support/testEmulator';
import { eventually } from '../support/testEmulator';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import type { ArmClients } from '../../src/azure/armClients';
import { AzureError } from '../../src/azure/azureError';
import { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import { BackupReader } from '../../src/azure/backupReader';
import type { BackupJob, ProtectedVm, Vault, VirtualMachine } from '../../src/azure/model';

export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface Operations {
  reader: BackupReader;
  ops: AzureBackupOperations;
}

/** A reader that knows the emulator's subscriptions, and the operations over it with quick polls. */
export async function operationsOver(clients: ArmClients): Promise<Operations> {
  const reader = new BackupReader(() => clients);
  await reader.listSubscriptions(tenantId);
  return { reader, ops: new AzureBackupOperations(reader, { pollDelayMs: 5, maxPollDelayMs: 50 }) };
}

export async function vaultNamed(reader: BackupReader, subscriptionId: string, name: string): Promise<Vault> {
  const vault = (await reader.listVaults(subscriptionId)).find((candidate) => candidate.name === name);
  assert.ok(vault, `no vault ${name}`);
  return vault;
}

export async function vmNamed(reader: BackupReader, subscriptionId: string, name: string): Promise<VirtualMachine> {
  const vm = (await reader.listVirtualMachines(subscriptionId)).find((candidate) => candidate.name === name);
  assert.ok(vm, `no VM ${name}`);
  return vm;
}

export async function protectedVm(reader: BackupReader, vault: Vault, name: string): Promise<ProtectedVm> {
  const item = (await reader.listProtectedVms(vault)).find((candidate) => candidate.name === name);
  assert.ok(item, `no protected VM ${name} in ${vault.name}`);
  return item;
}

/** Waits until the job leaves InProgress and Cancelling; returns it. */
export function jobEnded(ops: AzureBackupOperations, vaultId: string, jobId: string, timeoutMs = 15_000): Promise<BackupJob> {
  return eventually(
    async () => {
      const job = await ops.getJob(vaultId, jobId);
      return job.status === 'InProgress' || job.status === 'Cancelling' ? undefined : job;
    },
    `job ${jobId} to end`,
    timeoutMs,
  );
}

/** The AzureError a call fails with, asserting its reason. */
export async function rejectsWith(call: Promise<unknown>, reason: AzureError['reason'], code?: string): Promise<AzureError> {
  let caught: unknown;
  await call.then(
    (value) => assert.fail(`expected an AzureError (${reason}), but it answered ${JSON.stringify(value)}`),
    (error: unknown) => {
      caught = error;
    },
  );
  assert.ok(caught instanceof AzureError, `not an AzureError: ${String(caught)}`);
  assert.equal(caught.reason, reason, `${caught.code}: ${caught.message}`);
  if (code) assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.length > 10, `a clear message, not '${caught.message}'`);
  return caught;
}

export async function lastSequence(env: TestEmulator): Promise<number> {
  return (await env.requests()).at(-1)?.sequence ?? 0;
}

/** The ARM requests of a log with this method whose path matches, decoded (the SDK sends ';' as %3B). */
export function requestsTo(log: readonly LoggedExchange[], method: string, path: RegExp): LoggedExchange[] {
  return log.filter((entry) => entry.method === method && path.test(decodeURIComponent(new URL(entry.url).pathname)));
}

/** The POSTs that start a backup of this item. */
export function backupPosts(log: readonly LoggedExchange[], itemName: string): LoggedExchange[] {
  return log.filter((entry) => {
    if (entry.method !== 'POST') return false;
    const path = decodeURIComponent(new URL(entry.url).pathname).toLowerCase();
    return path.endsWith(`/protecteditems/${itemName.toLowerCase()}/backup`);
  });
}

/** How each exchange ended, e.g. '202/reset', '400', for assertion messages. */
export function outcomes(log: readonly LoggedExchange[]): string[] {
  return log.map((entry) => `${entry.status}${entry.fault ? `/${entry.fault}` : ''}`);
}
