// Steps the restore scenarios share: recovery points and restores through the real backup client
// (SDK 12.0.0's restores.beginTrigger sends the POST; its operation is followed by hand, from the
// 202's headers, as the other item operations are), and a policy that loses one answer.
import assert from 'node:assert/strict';
import type { JobResource, RecoveryPointResource, RecoveryServicesBackupClient, RestoreRequestResource } from '@azure/arm-recoveryservicesbackup';
import type { HttpHeaders, PipelinePolicy } from '@azure/core-rest-pipeline';
import { operationHeadersOf, pollAsyncOperation, pollLocation } from '../../src/azure/asyncOperation';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import type { TestEmulator } from '../support/testEmulator';
import { all, containerOf, fabric, filterTime, itemOf, jobEnd, vmIdOf, type VaultRef } from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const prod = demoSubscriptions.production;
export const dev = demoSubscriptions.development;
export const weu: VaultRef = { sub: prod, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };
export const neu: VaultRef = { sub: dev, rg: 'rg-dev', vault: 'dev-neu-vault' };
export const day = 86_400_000;
export const groupId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
export const accountId = (sub: string, rg: string, name: string) => `${groupId(sub, rg)}/providers/Microsoft.Storage/storageAccounts/${name}`;
export const networkId = (sub: string, rg: string, name: string) => `${groupId(sub, rg)}/providers/Microsoft.Network/virtualNetworks/${name}`;

/** A protected VM of a vault: where its points and restores are. */
export interface ItemRef {
  v: VaultRef;
  rg: string;
  vm: string;
}

export const web01: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-01' };
export const web02: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-02' };
export const sql01: ItemRef = { v: weu, rg: 'rg-data-prod', vm: 'sql-01' };

/** The item's points, newest first, following the pages; with a date range when given. */
export async function pointsOf(backup: RecoveryServicesBackupClient, item: ItemRef, range?: { from: Date; to?: Date }): Promise<RecoveryPointResource[]> {
  const filter = range ? `startDate eq '${filterTime(range.from)}' and endDate eq '${filterTime(range.to ?? new Date())}'` : undefined;
  return all(backup.recoveryPoints.list(item.v.vault, item.v.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm), filter ? { filter } : {}));
}

export const tiersOf = (point: RecoveryPointResource) =>
  ((point.properties as Json).recoveryPointTierDetails as Json[]).map((tier) => `${tier.type}:${tier.status}`).join(' ');

/** The restore request of a point: the point, the VM, the vault's region and the staging account, and what the type adds. */
export function restoreRequest(item: ItemRef, point: string, properties: Json): RestoreRequestResource {
  return {
    properties: {
      objectType: 'IaasVMRestoreRequest',
      recoveryPointId: point,
      sourceResourceId: vmIdOf(item.v.sub, item.rg, item.vm),
      region: 'westeurope',
      storageAccountId: accountId(prod, 'rg-web-prod', 'contosowebdiag'),
      createNewCloudService: false,
      originalStorageAccountOption: false,
      encryptionDetails: { encryptionEnabled: false },
      ...properties,
    } as never,
  };
}

/**
 * Sends Restores_Trigger; returns the 202's status and operation headers. SDK 12.0.0's beginTrigger
 * goes on to poll the operation once (core-lro) but never to the job: the trigger's own answer is
 * the first one seen.
 */
export async function triggerRestore(backup: RecoveryServicesBackupClient, item: ItemRef, point: string, request: RestoreRequestResource): Promise<{ status: number; location?: string; azureAsyncOperation?: string; retryAfterMs?: number }> {
  let first: { status: number; headers: HttpHeaders } | undefined;
  const onResponse = (raw: { status: number; headers: HttpHeaders }) => {
    first ??= raw;
  };
  await backup.restores.beginTrigger(item.v.vault, item.v.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm), point, request, { onResponse });
  assert.ok(first, 'no answer was seen');
  return { status: first.status, ...operationHeadersOf(first.headers) };
}

/** Restores a point: 202, the operation followed to its job, the Location to 204; returns the job once it has ended. */
export async function restoreAndWait(backup: RecoveryServicesBackupClient, item: ItemRef, point: string, request: RestoreRequestResource, timeoutMs = 20_000): Promise<JobResource> {
  const answer = await triggerRestore(backup, item, point, request);
  assert.equal(answer.status, 202);
  const outcome = await pollAsyncOperation(backup, answer.azureAsyncOperation!, { defaultDelayMs: 5 });
  assert.equal(outcome.status, 'Succeeded');
  assert.ok(outcome.jobId, 'the restore operation names its job');
  assert.equal((await pollLocation(backup, answer.location!, { defaultDelayMs: 5 })).status, 204);
  return jobEnd(backup, item.v, outcome.jobId, timeoutMs);
}

export const bagOf = (job: JobResource) => ((job.properties as Json).extendedInfo?.propertyBag ?? {}) as Record<string, string>;
export const tasksOf = (job: JobResource) => ((job.properties as Json).extendedInfo?.tasksList ?? []) as Json[];

/**
 * A policy after the SDK's retry policy (so it sees each attempt): once armed, it has the emulator
 * reset the connection of the next matching request after doing the work, and heals at once, so
 * exactly that answer is lost and the pipeline's retry goes through.
 */
export function loseOneAnswer(env: TestEmulator): { policy: PipelinePolicy; arm(method: string, path: RegExp): void } {
  let target: { method: string; path: RegExp } | undefined;
  return {
    policy: {
      name: 'loseOneAnswer',
      sendRequest: async (request, next) => {
        const path = decodeURIComponent(new URL(request.url).pathname);
        if (!target || request.method !== target.method || !target.path.test(path)) return next(request);
        target = undefined;
        await env.setFaults('reset=1');
        try {
          return await next(request);
        } finally {
          await env.setFaults('none');
        }
      },
    },
    arm: (method, path) => {
      target = { method, path };
    },
  };
}
