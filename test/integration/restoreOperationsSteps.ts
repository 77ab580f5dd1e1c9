// Steps the restore operations scenarios share: the data layer's restore classes over a test
// emulator, a restore request built as the form would, and an answer lost once on purpose.
import assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import type { ArmClients } from '../../src/azure/armClients';
import type { BackupReader } from '../../src/azure/backupReader';
import type { ProtectedVm, RecoveryPoint, Vault } from '../../src/azure/model';
import { RecoveryPoints } from '../../src/azure/recoveryPoints';
import { RestoredDiskTemplates } from '../../src/azure/restoredDiskTemplates';
import { RestoreOperations } from '../../src/azure/restoreOperations';
import { RestoreTargets } from '../../src/azure/restoreTargets';
import { TemplateDeployments } from '../../src/azure/templateDeployments';
import { restoreSourceOf, type RestoreRequest } from '../../src/restore/restoreRequest';
import type { TestEmulator } from '../support/testEmulator';
import { operationsOver, type Operations } from './operationSteps';

export interface RestoreUnderTest extends Operations {
  points: RecoveryPoints;
  restores: RestoreOperations;
  templates: RestoredDiskTemplates;
  targets: RestoreTargets;
  deployments: TemplateDeployments;
}

/** The data layer over the emulator's clients, polling fast. */
export async function restoreOver(clients: ArmClients): Promise<RestoreUnderTest> {
  const operations = await operationsOver(clients);
  return {
    ...operations,
    points: new RecoveryPoints(operations.reader),
    restores: new RestoreOperations(operations.reader, { pollDelayMs: 5, maxPollDelayMs: 50 }),
    templates: new RestoredDiskTemplates(operations.reader),
    targets: new RestoreTargets(operations.reader),
    deployments: new TemplateDeployments(operations.reader, { pollDelayMs: 5, minPollDelayMs: 5, maxPollDelayMs: 50 }),
  };
}

/** A request as the form produces it, every field set; the test overrides what its type needs. */
export function requestFor(vault: Vault, item: ProtectedVm, point: RecoveryPoint, overrides: Partial<RestoreRequest>): RestoreRequest {
  return {
    source: restoreSourceOf(vault, item, point),
    type: 'newVm',
    targetResourceGroup: '',
    vmName: '',
    virtualNetworkId: '',
    subnetName: '',
    stagingStorageAccountId: '',
    confirmVmName: '',
    ...overrides,
  };
}

/** The POSTs that trigger a restore of this item. */
export function restorePosts(log: readonly LoggedExchange[], itemName: string): LoggedExchange[] {
  return log.filter((entry) => {
    if (entry.method !== 'POST') return false;
    const path = decodeURIComponent(new URL(entry.url).pathname).toLowerCase();
    return path.includes(`/protecteditems/${itemName.toLowerCase()}/recoverypoints/`) && path.endsWith('/restore');
  });
}

export async function newestPoint(reader: BackupReader, points: RecoveryPoints, vault: Vault, vmName: string): Promise<{ item: ProtectedVm; point: RecoveryPoint }> {
  const item = (await reader.listProtectedVms(vault)).find((candidate) => candidate.name === vmName);
  assert.ok(item, `no protected VM ${vmName} in ${vault.name}`);
  const [point] = await points.list(item);
  assert.ok(point, `${vmName} has no recovery point in the last 30 days`);
  return { item, point };
}

/**
 * A policy after the SDK's retry policy (so it sees each attempt): once armed for a request, it
 * has the emulator reset that request's connection after doing the work, and heals at once, so
 * exactly that answer is lost.
 */
export function loseOneAnswer(env: TestEmulator): { policy: PipelinePolicy; arm(method: string, path: RegExp): void } {
  let target: { method: string; path: RegExp } | undefined;
  return {
    policy: {
      name: 'loseOneRestoreAnswer',
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
