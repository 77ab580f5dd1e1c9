// The write side under faults: random 429, 503 and connection resets while enabling protection
// and backing up, and each kind of write whose answer is lost after the service did the work
// (the pipeline then retries it). Never two backups from one click, never a vague failure.
// Registers its suites at import; backupOperations.test.ts imports it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { eventually, startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { ArmClients } from '../../src/azure/armClients';
import { AzureError } from '../../src/azure/azureError';
import type { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import type { BackupReader } from '../../src/azure/backupReader';
import type { BackupPolicy, ProtectedVm, Vault } from '../../src/azure/model';
import { createVault } from './backupSteps';
import { backupPosts, jobEnded, lastSequence, operationsOver, outcomes, protectedVm, requestsTo, vaultNamed, vmNamed } from './operationSteps';

const prod = demoSubscriptions.production;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
/** The jobs filter's times are whole seconds: a job of this second needs an end time past it. */
const soon = () => new Date(Date.now() + 60_000);
/** What a click may fail with when faults outlast the pipeline's retries: each says what to do. */
const transient: ReadonlySet<string> = new Set(['throttled', 'serviceUnavailable', 'network']);

type Outcome<T> = { value: T } | { error: AzureError };

async function outcomeOf<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await call() };
  } catch (error) {
    assert.ok(error instanceof AzureError, `not an AzureError: ${String(error)}`);
    return { error };
  }
}

function assertClearFailure(error: AzureError, what: string): void {
  assert.ok(transient.has(error.reason), `${what} failed with ${error.reason} (${error.code}: ${error.message})`);
  assert.ok(error.code.length > 0 && error.message.length > 10, `${what}: a clear code and message, not ${error.code}: '${error.message}'`);
}

async function defaultPolicyOf(reader: BackupReader, vault: Vault): Promise<BackupPolicy> {
  const policy = (await reader.listPolicies(vault)).find((candidate) => candidate.name === 'DefaultPolicy');
  assert.ok(policy, `no DefaultPolicy in ${vault.name}`);
  return policy;
}

describe('AzureBackupOperations with random 429, 503 and connection resets', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let ops: AzureBackupOperations;
  before(async () => {
    env = await startTestEmulator({ faultSeed: 20240607 });
    ({ reader, ops } = await operationsOver(env.clients));
    await createVault(env, { sub: prod, rg: 'rg-backup-prod', vault: 'faults-weu-vault' }, 'westeurope');
  });
  after(async () => {
    await env?.close();
  });

  it('enable and back up now succeed or fail with a clear AzureError, and no click starts two backups', async (t) => {
    const vault = await vaultNamed(reader, prod, 'faults-weu-vault');
    const policy = await defaultPolicyOf(reader, vault);
    const toEnable = [await vmNamed(reader, prod, 'web-03'), await vmNamed(reader, prod, 'jumpbox')];
    const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
    const eus = await vaultNamed(reader, prod, 'prod-eus-vault');
    const toBackUp: ProtectedVm[] = [];
    for (const [from, name] of [[weu, 'web-01'], [weu, 'web-02'], [weu, 'sql-01'], [eus, 'app-eus-01'], [eus, 'app-eus-02']] as const) {
      toBackUp.push(await protectedVm(reader, from, name));
    }
    const began = new Date(Date.now() - 1000);
    const start = await lastSequence(env);

    await env.setFaults('429=0.2,503=0.1,reset=0.15');
    const enables: Outcome<unknown>[] = [];
    const clicks: Outcome<{ jobId: string; alreadyRunning: boolean }>[] = [];
    try {
      for (const vm of toEnable) {
        enables.push(
          await outcomeOf(async () => {
            await ops.ensureProtectable(vault, vm);
            return ops.enableProtection(vault, vm, policy);
          }),
        );
      }
      for (const item of toBackUp) clicks.push(await outcomeOf(() => ops.backUpNow(item, inDays(30))));
    } finally {
      await env.setFaults('none');
    }

    const log = await env.requests(start);
    const faults = (kind: string) => log.filter((entry) => entry.fault === kind).length;
    assert.ok(faults('throttle') > 0 && faults('reset') > 0, `faults: ${faults('throttle')} throttled, ${faults('unavailable')} unavailable, ${faults('reset')} reset`);

    const items = await reader.listProtectedVms(vault);
    for (const [index, vm] of toEnable.entries()) {
      const enable = enables[index]!;
      if ('error' in enable) {
        assertClearFailure(enable.error, `enable ${vm.name}`);
        continue;
      }
      const enabled = items.filter((candidate) => candidate.name === vm.name);
      assert.equal(enabled.length, 1, `${vm.name} is protected once`);
      assert.equal(enabled[0]!.policyName, 'DefaultPolicy');
      const { jobId } = enable.value as { jobId?: string };
      if (jobId) assert.equal((await ops.getJob(vault.id, jobId)).operation, 'ConfigureBackup');
    }

    for (const [index, item] of toBackUp.entries()) {
      const click = clicks[index]!;
      const vaultOfItem = item.vaultId === weu.id ? weu : eus;
      const jobs = (await reader.listJobs(vaultOfItem, { since: began, until: soon(), operation: 'Backup' })).filter((job) => job.entityFriendlyName === item.name);
      const accepted = backupPosts(log, item.itemName).filter((entry) => entry.status === 202);
      assert.ok(jobs.length <= 1, `${item.name}: ${jobs.length} backup jobs from one click (POSTs ${outcomes(backupPosts(log, item.itemName)).join(', ')})`);
      assert.equal(accepted.length, jobs.length, `${item.name}: each accepted POST is a job`);
      if ('error' in click) {
        assertClearFailure(click.error, `back up ${item.name}`);
        continue;
      }
      assert.deepEqual(jobs.map((job) => job.jobName), [click.value.jobId], `${item.name}: the click follows its one job`);
      assert.equal(click.value.alreadyRunning, false);
    }
    const writesReset = log.filter((entry) => entry.fault === 'reset' && entry.method !== 'GET').map((entry) => `${entry.method} …${new URL(entry.url).pathname.split('/').slice(-1)[0]}`);
    const failed = [...enables, ...clicks].filter((outcome) => 'error' in outcome).map((outcome) => (outcome as { error: AzureError }).error.code);
    t.diagnostic(
      `${log.length} requests: ${faults('throttle')} throttled, ${faults('unavailable')} unavailable, ${faults('reset')} reset (writes: ${writesReset.join(', ') || 'none'}); ` +
        `${enables.length} enables and ${clicks.length} clicks, ${failed.length} failed clearly${failed.length ? ` (${failed.join(', ')})` : ''}`,
    );
  });

  for (const [spec, reason, code] of [
    ['429=1', 'throttled', 'SubscriptionRequestsThrottled'],
    ['503=1', 'serviceUnavailable', 'ServiceUnavailable'],
    ['reset=1', 'network', 'ECONNRESET'],
  ] as const) {
    it(`when ${spec} outlasts the pipeline's retries, each operation fails as ${reason} (${code}) and no backup is posted`, async () => {
      const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
      const item = await protectedVm(reader, weu, 'web-02');
      const vault = await vaultNamed(reader, prod, 'faults-weu-vault');
      const policy = await defaultPolicyOf(reader, vault);
      const jumpbox = await vmNamed(reader, prod, 'jumpbox');
      const start = await lastSequence(env);
      await env.setFaults(spec);
      const errors: AzureError[] = [];
      try {
        for (const call of [() => ops.backUpNow(item, inDays(30)), () => ops.changePolicy(item, policy.id), () => ops.enableProtection(vault, jumpbox, policy)]) {
          const outcome = await outcomeOf<unknown>(call);
          assert.ok('error' in outcome, `succeeded with ${spec}`);
          errors.push(outcome.error);
        }
      } finally {
        await env.setFaults('none');
      }
      for (const error of errors) {
        assert.equal(error.reason, reason, `${error.code}: ${error.message}`);
        assert.equal(error.code, code, error.message);
        assert.ok(error.message.length > 10, `a clear message, not '${error.message}'`);
      }
      const log = (await env.requests(start)).filter((entry) => !new URL(entry.url).pathname.startsWith('/_emulator/'));
      assert.equal(backupPosts(log, item.itemName).length, 0, 'the click stopped at its check for a running backup');
      if (spec !== 'reset=1') assert.ok(log.every((entry) => entry.fault !== undefined), 'no request was served');
    });
  }
});

/**
 * A policy after the SDK's retry policy (so it sees each attempt): once armed for a request, it
 * has the emulator reset that request's connection after doing the work, and heals at once, so
 * exactly that answer is lost and the pipeline's retry goes through.
 */
function loseOneAnswer(env: TestEmulator): { policy: PipelinePolicy; arm(method: string, path: RegExp): void } {
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

describe('AzureBackupOperations when the answer to a write is lost and the pipeline retries it', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let ops: AzureBackupOperations;
  let lose: ReturnType<typeof loseOneAnswer>;
  let vault: Vault;
  before(async () => {
    // Azure time at 1/100: a ConfigureBackup job lasts 300 ms, a snapshot 1.8 s, longer than a retry.
    env = await startTestEmulator({ timeScale: 100 });
    lose = loseOneAnswer(env);
    const clients = new ArmClients({ ...env.connection });
    (await clients.backup(prod)).pipeline.addPolicy(lose.policy, { afterPhase: 'Retry' });
    (await clients.vaults(prod)).pipeline.addPolicy(lose.policy, { afterPhase: 'Retry' });
    ({ reader, ops } = await operationsOver(clients));
    await createVault(env, { sub: prod, rg: 'rg-backup-prod', vault: 'lost-weu-vault' }, 'westeurope');
    vault = await vaultNamed(reader, prod, 'lost-weu-vault');
  });
  after(async () => {
    await env?.close();
  });

  it('enable protection: the retried PUT is refused while its job runs, and the write is recognised with its job', async () => {
    const web03 = await vmNamed(reader, prod, 'web-03');
    await ops.ensureProtectable(vault, web03);
    const start = await lastSequence(env);
    lose.arm('PUT', /\/protectedItems\/[^/]+$/);
    const started = await ops.enableProtection(vault, web03, await defaultPolicyOf(reader, vault));
    const puts = requestsTo(await env.requests(start), 'PUT', /\/protectedItems\/[^/]+$/);
    assert.deepEqual(outcomes(puts), ['202/reset', '400']);
    assert.equal((puts[1]!.responseBody as { error: { code: string } }).error.code, 'BMSUserErrorObjectLocked');
    assert.ok(started.jobId, 'the job of the first PUT');
    const job = await jobEnded(ops, vault.id, started.jobId);
    assert.deepEqual([job.operation, job.entityFriendlyName], ['ConfigureBackup', 'web-03']);
    assert.equal((await protectedVm(reader, vault, 'web-03')).policyName, 'DefaultPolicy');
  });

  it('delete data: the retried DELETE is refused as soft-deleted, and the write is recognised with its job', async () => {
    const item = await protectedVm(reader, vault, 'web-03');
    const start = await lastSequence(env);
    lose.arm('DELETE', /\/protectedItems\/[^/]+$/);
    const started = await ops.stopProtection(item, 'deleteData');
    const deletes = requestsTo(await env.requests(start), 'DELETE', /\/protectedItems\/[^/]+$/);
    assert.deepEqual(outcomes(deletes), ['202/reset', '400']);
    assert.equal((deletes[1]!.responseBody as { error: { code: string } }).error.code, 'BMSUserErrorObjectSoftDeleted');
    assert.equal((await ops.getJob(vault.id, started.jobId!)).operation, 'DeleteBackupData');
    assert.equal((await protectedVm(reader, vault, 'web-03')).health, 'softDeleted');
  });

  it('back up now: the retried POST is refused as in progress, and the click follows the job the first one started', async () => {
    const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
    const item = await protectedVm(reader, weu, 'web-02');
    const began = new Date(Date.now() - 1000);
    const start = await lastSequence(env);
    lose.arm('POST', /\/backup$/);
    const click = await ops.backUpNow(item, inDays(30));
    assert.equal(click.alreadyRunning, false);
    const posts = backupPosts(await env.requests(start), item.itemName);
    assert.deepEqual(outcomes(posts), ['202/reset', '400']);
    assert.equal((posts[1]!.responseBody as { error: { code: string } }).error.code, 'UserErrorBackupOperationInProgress');
    const jobs = (await reader.listJobs(weu, { since: began, until: soon(), operation: 'Backup' })).filter((job) => job.entityFriendlyName === 'web-02');
    assert.deepEqual(jobs.map((job) => job.jobName), [click.jobId]);
  });

  it('cancel: the retried cancel is refused as the job is already cancelling, and the cancel counts as done', async () => {
    const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
    const { jobId } = await ops.backUpNow(await protectedVm(reader, weu, 'sql-01'), inDays(30));
    const start = await lastSequence(env);
    lose.arm('POST', /\/cancel$/);
    await ops.cancelJob(weu.id, jobId);
    assert.deepEqual(outcomes(requestsTo(await env.requests(start), 'POST', /\/cancel$/)), ['202/reset', '202']);
    assert.equal((await jobEnded(ops, weu.id, jobId)).status, 'Cancelled');
  });

  it('vault delete: the retried DELETE finds the vault gone, and the delete counts as done', async () => {
    await createVault(env, { sub: prod, rg: 'rg-backup-prod', vault: 'lost-empty-vault' }, 'westeurope');
    const empty = await vaultNamed(reader, prod, 'lost-empty-vault');
    const start = await lastSequence(env);
    lose.arm('DELETE', /\/vaults\/lost-empty-vault$/);
    await ops.deleteVault(empty);
    assert.deepEqual(outcomes(requestsTo(await env.requests(start), 'DELETE', /\/vaults\/lost-empty-vault$/)), ['202/reset', '404']);
    await eventually(async () => ((await reader.listVaults(prod)).some((candidate) => candidate.name === 'lost-empty-vault') ? undefined : true), 'the vault to be gone');
  });
});
