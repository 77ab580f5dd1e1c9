// Resilience: the emulator's injected faults (429 and 503 with Retry-After, connection resets
// after the work was done) and ARM's own per-subscription throttling, driven through the real
// Azure SDK clients. Registers its suites at import; emulator.test.ts imports it, and it runs
// alone with `node --import tsx --test test/integration/resilience.scenario.ts`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { AzureIaaSVMProtectedItem, ProtectedItemResource, RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { ArmClients } from '../../src/azure/armClients';
import type { ArmConnection } from '../../src/azure/armConnection';
import { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import { BackupReader } from '../../src/azure/backupReader';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of pages) all.push(item);
  return all;
}

/** The VM-specific properties of a protected item (the SDK types them as a union). */
function vmItem(item: ProtectedItemResource): AzureIaaSVMProtectedItem | undefined {
  return item.properties as AzureIaaSVMProtectedItem | undefined;
}

function resourceGroupOf(id: string | undefined): string {
  const group = /\/resourceGroups\/([^/]+)/i.exec(id ?? '')?.[1];
  assert.ok(group, `no resource group in ${id}`);
  return group;
}

/** Everything the tree lists: subscriptions, vaults, protected items and jobs, in a comparable form. */
async function listEverything(clients: ArmClients): Promise<Record<string, unknown>> {
  const subscriptions = await collect((await clients.subscriptions()).subscriptions.list());
  const result: Record<string, unknown> = { subscriptions: subscriptions.map((s) => `${s.subscriptionId}|${s.displayName}|${s.state}`).sort() };
  for (const subscription of subscriptions) {
    const id = subscription.subscriptionId!;
    const vaults = await collect((await clients.vaults(id)).vaults.listBySubscriptionId());
    result[`${id}/vaults`] = vaults.map((v) => `${v.id}|${v.location}|${v.properties?.provisioningState}`).sort();
    const backup = await clients.backup(id);
    for (const vault of vaults) {
      const group = resourceGroupOf(vault.id);
      const items = await collect(backup.backupProtectedItems.list(vault.name!, group));
      result[`${vault.id}/items`] = items.map((item) => `${item.name}|${vmItem(item)?.protectionState}|${vmItem(item)?.friendlyName}`).sort();
      const jobs = await collect(backup.backupJobs.list(vault.name!, group));
      result[`${vault.id}/jobs`] = jobs.map((job) => `${job.name}|${job.properties?.operation}|${job.properties?.status}|${job.properties?.entityFriendlyName}`);
    }
  }
  return result;
}

function countEntries(snapshot: Record<string, unknown>): number {
  return Object.values(snapshot).reduce<number>((sum, list) => sum + (list as unknown[]).length, 0);
}

const backupPostPattern = /\/protectedItems\/([^/?]+)\/backup(\?|$)/i;

function backupPostsFor(log: LoggedExchange[], itemName: string): LoggedExchange[] {
  return log.filter((entry) => entry.method === 'POST' && decodeURIComponent(backupPostPattern.exec(new URL(entry.url).pathname)?.[1] ?? '').toLowerCase() === itemName.toLowerCase());
}

interface ItemRef {
  vaultName: string;
  resourceGroup: string;
  containerName: string;
  itemName: string;
  friendlyName: string;
}

async function findItem(backup: RecoveryServicesBackupClient, vaultName: string, resourceGroup: string, friendlyName: string): Promise<ItemRef> {
  const items = await collect(backup.backupProtectedItems.list(vaultName, resourceGroup));
  const item = items.find((candidate) => vmItem(candidate)?.friendlyName === friendlyName);
  assert.ok(item?.name && item.id, `no protected item ${friendlyName} in ${vaultName}`);
  const containerName = decodeURIComponent(/\/protectionContainers\/([^/]+)/i.exec(item.id)![1]!);
  return { vaultName, resourceGroup, containerName, itemName: item.name, friendlyName };
}

const runningBackupFilter = "status eq 'InProgress' and operation eq 'Backup'";

/** The id of the item's running Backup job, if one runs. */
async function runningBackupJob(backup: RecoveryServicesBackupClient, item: ItemRef): Promise<string | undefined> {
  const jobs = await collect(backup.backupJobs.list(item.vaultName, item.resourceGroup, { filter: runningBackupFilter }));
  return jobs.find((job) => job.properties?.entityFriendlyName?.toLowerCase() === item.friendlyName.toLowerCase())?.name;
}

async function backupJobsOf(backup: RecoveryServicesBackupClient, item: ItemRef, since: number): Promise<string[]> {
  const jobs = await collect(backup.backupJobs.list(item.vaultName, item.resourceGroup, { filter: "operation eq 'Backup'" }));
  return jobs
    .filter((job) => job.properties?.entityFriendlyName?.toLowerCase() === item.friendlyName.toLowerCase() && (job.properties?.startTime?.getTime() ?? 0) >= since)
    .map((job) => job.name!);
}

const triggerBody = { properties: { objectType: 'IaasVMBackupRequest' as const } };

/**
 * A policy placed after the SDK's retry policy (so it sees every attempt): once armed, the first
 * failed attempt switches the emulator's faults off, so exactly one request is reset. Armed for
 * the backup POST, it resets that POST's connection (after the service started the backup)
 * whoever sends it, so the product's own "back up now" meets it after its running-job check.
 */
function resetOnceThenHeal(env: TestEmulator): { policy: PipelinePolicy; arm(): Promise<void>; armOnBackupPost(): void; resets(): number } {
  let armed = false;
  let onBackupPost = false;
  let resets = 0;
  return {
    policy: {
      name: 'resetOnceThenHeal',
      sendRequest: async (request, next) => {
        if (onBackupPost && request.method === 'POST' && backupPostPattern.test(new URL(request.url).pathname)) {
          onBackupPost = false;
          await env.setFaults('reset=1');
          armed = true;
        }
        try {
          return await next(request);
        } catch (error) {
          if (armed) {
            armed = false;
            resets++;
            await env.setFaults('none');
          }
          throw error;
        }
      },
    },
    arm: async () => {
      await env.setFaults('reset=1');
      armed = true;
    },
    armOnBackupPost: () => {
      onBackupPost = true;
    },
    resets: () => resets,
  };
}

describe('resilience: 429 and 503 with Retry-After, through the SDK retries', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator({ faults: { throttle: 0.2, unavailable: 0.1, reset: 0 }, faultSeed: 20240601 });
  });
  after(async () => {
    await env?.close();
  });

  it('lists subscriptions, vaults, protected items and jobs completely while throttled and unavailable answers are injected', async (t) => {
    await env.setFaults('none');
    const expected = await listEverything(env.clients);
    assert.equal((expected.subscriptions as string[]).length, 2);
    assert.ok(countEntries(expected) > 30, 'the demo seed should give enough to page through');

    const start = (await env.requests()).at(-1)?.sequence ?? 0;
    // List everything again with faults on, until both kinds of fault have happened (at most 4 rounds).
    let log: LoggedExchange[] = [];
    let rounds = 0;
    await env.setFaults('429=0.2,503=0.1');
    try {
      while (rounds < 4 && !(log.some((entry) => entry.fault === 'throttle') && log.some((entry) => entry.fault === 'unavailable'))) {
        rounds++;
        assert.deepEqual(await listEverything(env.clients), expected, `lists differ when faults are injected (round ${rounds})`);
        log = await env.requests(start);
      }
    } finally {
      await env.setFaults('none');
    }
    const injected = log.filter((entry) => entry.fault === 'throttle' || entry.fault === 'unavailable');
    const throttled = injected.filter((entry) => entry.fault === 'throttle');
    const unavailable = injected.filter((entry) => entry.fault === 'unavailable');
    assert.ok(throttled.length > 0, 'no 429 was injected');
    assert.ok(unavailable.length > 0, 'no 503 was injected');
    for (const entry of throttled) {
      assert.equal(entry.status, 429);
      assert.equal((entry.responseBody as { error: { code: string } }).error.code, 'SubscriptionRequestsThrottled');
    }
    for (const entry of unavailable) assert.equal(entry.status, 503);
    for (const entry of injected) {
      assert.ok(entry.responseHeaders['Retry-After'] ?? entry.responseHeaders['retry-after'], `no Retry-After on ${entry.status} ${entry.url}`);
      const retried = log.find((later) => later.sequence > entry.sequence && later.method === entry.method && later.url === entry.url && later.status === 200 && !later.fault);
      assert.ok(retried, `${entry.method} ${entry.url} answered ${entry.status} was never retried to a 200`);
    }
    const answered = log.filter((entry) => !entry.fault).length;
    t.diagnostic(`${rounds} round(s), ${log.length} requests: ${throttled.length} throttled (429), ${unavailable.length} unavailable (503), all retried; ${answered} answered; ${countEntries(expected)} listed entries identical`);
  });
});

describe('resilience: connection resets after the work was done, and "back up now"', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let reader: BackupReader;
  let operations: AzureBackupOperations;
  let healing: ReturnType<typeof resetOnceThenHeal>;
  const prod = demoSubscriptions.production;
  const started = Date.now() - 1000;
  before(async () => {
    env = await startTestEmulator({ faultSeed: 3 });
    healing = resetOnceThenHeal(env);
    // Own clients, so the policy that heals the faults sits in this pipeline only.
    const connection: ArmConnection = { ...env.connection };
    const clients = new ArmClients(connection);
    backup = await clients.backup(prod);
    backup.pipeline.addPolicy(healing.policy, { afterPhase: 'Retry' });
    // The product's "back up now" over the same clients.
    reader = new BackupReader(() => clients);
    await reader.listSubscriptions('72f988bf-86f1-41af-91ab-2d7cd011db47');
    operations = new AzureBackupOperations(reader, { pollDelayMs: 5, maxPollDelayMs: 50 });
  });
  /** The click of the product: AzureBackupOperations.backUpNow on the item as the tree lists it. */
  const click = async (item: ItemRef) => {
    const vault = (await reader.listVaults(prod)).find((candidate) => candidate.name === item.vaultName)!;
    const protectedVm = (await reader.listProtectedVms(vault)).find((candidate) => candidate.name === item.friendlyName)!;
    return operations.backUpNow(protectedVm, new Date(Date.now() + 30 * 86_400_000));
  };
  after(async () => {
    await env?.close();
  });

  it('unsafe: a plain POST retried after a reset is refused with UserErrorBackupOperationInProgress, not a second job', async (t) => {
    const item = await findItem(backup, 'prod-weu-vault', 'rg-backup-prod', 'web-01');
    const start = (await env.requests()).at(-1)?.sequence ?? 0;
    await healing.arm();
    await assert.rejects(
      backup.backups.trigger(item.vaultName, item.resourceGroup, 'Azure', item.containerName, item.itemName, triggerBody),
      (error: { code?: string; statusCode?: number }) => {
        assert.equal(error.code, 'UserErrorBackupOperationInProgress');
        assert.equal(error.statusCode, 400);
        return true;
      },
    );
    assert.equal(healing.resets(), 1);
    const posts = backupPostsFor(await env.requests(start), item.itemName);
    assert.deepEqual(
      posts.map((entry) => `${entry.status}${entry.fault ? `/${entry.fault}` : ''}`),
      ['202/reset', '400'],
      'the SDK should have retried the reset POST once, and the service refused the second backup',
    );
    const jobs = await backupJobsOf(backup, item, started);
    assert.equal(jobs.length, 1, `one backup job expected, found ${jobs.length}`);
    assert.ok(await runningBackupJob(backup, item), 'the first POST did start a backup');
    t.diagnostic(`unsafe retry: POSTs answered ${posts.map((entry) => entry.status).join(', ')}; ${jobs.length} job`);
  });

  it('safe: the product checks for a running job, triggers, and attaches after a reset — one job per click', async () => {
    const item = await findItem(backup, 'prod-weu-vault', 'rg-backup-prod', 'web-02');
    const start = (await env.requests()).at(-1)?.sequence ?? 0;
    const resetsBefore = healing.resets();
    healing.armOnBackupPost();
    const first = await click(item);
    assert.equal(first.alreadyRunning, false, 'the job is the one this click started');
    assert.equal(healing.resets(), resetsBefore + 1, 'the backup POST was reset once');
    const posts = backupPostsFor(await env.requests(start), item.itemName);
    assert.deepEqual(
      posts.map((entry) => `${entry.status}${entry.fault ? `/${entry.fault}` : ''}`),
      ['202/reset', '400'],
      'the pipeline retried the reset POST and the service refused the second backup',
    );
    assert.equal((posts[1]!.responseBody as { error: { code: string } }).error.code, 'UserErrorBackupOperationInProgress');
    assert.deepEqual(await backupJobsOf(backup, item, started), [first.jobId]);

    // A second click while that backup runs attaches to it without posting anything.
    const before = (await env.requests()).at(-1)?.sequence ?? 0;
    assert.deepEqual(await click(item), { jobId: first.jobId, alreadyRunning: true });
    assert.equal(backupPostsFor(await env.requests(before), item.itemName).length, 0);
  });

  it('safe "back up now" on several items under random resets: each click yields exactly one Backup job', async (t) => {
    const targets = [
      await findItem(backup, 'prod-weu-vault', 'rg-backup-prod', 'sql-01'),
      await findItem(backup, 'prod-eus-vault', 'rg-app-eastus', 'app-eus-01'),
      await findItem(backup, 'prod-eus-vault', 'rg-app-eastus', 'app-eus-02'),
    ];
    const start = (await env.requests()).at(-1)?.sequence ?? 0;
    await env.setFaults('reset=0.35');
    const clicks = [];
    try {
      for (const item of targets) clicks.push(await click(item));
    } finally {
      await env.setFaults('none');
    }
    const log = await env.requests(start);
    const resets = log.filter((entry) => entry.fault === 'reset');
    assert.ok(resets.length > 0, 'no connection was reset');
    for (const [index, item] of targets.entries()) {
      const accepted = backupPostsFor(log, item.itemName).filter((entry) => entry.status === 202);
      assert.equal(accepted.length, 1, `${item.friendlyName}: ${accepted.length} POST .../backup accepted`);
      assert.deepEqual(await backupJobsOf(backup, item, started), [clicks[index]!.jobId], `${item.friendlyName}: one job, the one the click follows`);
      assert.equal(clicks[index]!.alreadyRunning, false);
    }
    const resetPosts = resets.filter((entry) => entry.method === 'POST').length;
    t.diagnostic(`${log.length} requests, ${resets.length} reset (${resetPosts} of them POSTs) and retried; ${clicks.length} clicks, one job each`);
  });
});

describe("resilience: ARM's per-subscription read budget", () => {
  let env: TestEmulator;
  const prod = demoSubscriptions.production;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  function get(agent: https.Agent, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
    const url = new URL(path, env.emulator.url);
    return new Promise((resolve, reject) => {
      const request = https.request(url, { method: 'GET', agent, ca: env.emulator.caCertificate, headers: { authorization: 'Bearer burst' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('a burst of 400 reads on one subscription is throttled with 429 SubscriptionRequestsThrottled, Retry-After and remaining-reads headers', async (t) => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 40, ca: env.emulator.caCertificate });
    try {
      const path = `/subscriptions/${prod}/resourceGroups?api-version=2021-04-01`;
      const began = Date.now();
      const answers = await Promise.all(Array.from({ length: 400 }, () => get(agent, path)));
      const elapsed = Date.now() - began;
      const ok = answers.filter((answer) => answer.status === 200);
      const throttled = answers.filter((answer) => answer.status === 429);
      assert.equal(ok.length + throttled.length, answers.length, `unexpected statuses: ${[...new Set(answers.map((a) => a.status))].join(', ')}`);
      assert.ok(ok.length >= 250, `only ${ok.length} reads were allowed`);
      assert.ok(throttled.length > 0, `no read of 400 in ${elapsed} ms was throttled`);
      const remaining = ok.map((answer) => Number(answer.headers['x-ms-ratelimit-remaining-subscription-reads']));
      assert.ok(remaining.every((value) => Number.isInteger(value) && value >= 0 && value < 250), 'every allowed read says how many reads are left');
      assert.ok(Math.min(...remaining) <= 5, 'the budget ran down');
      for (const answer of throttled) {
        const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'SubscriptionRequestsThrottled');
        assert.match(body.error.message, new RegExp(prod));
        const retryAfter = Number(answer.headers['retry-after']);
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${String(answer.headers['retry-after'])}`);
        assert.equal(answer.headers['x-ms-ratelimit-remaining-subscription-reads'], '0');
      }
      // The budget is per subscription: the other one still reads.
      const other = await get(agent, `/subscriptions/${demoSubscriptions.development}/resourceGroups?api-version=2021-04-01`);
      assert.equal(other.status, 200);

      // An SDK client with retries turned down sees the throttling as an error...
      const noRetries = new ArmClients({ ...env.connection, retry: { maxRetries: 0 } });
      // (the bucket refills at 25 reads a second, so read until it is empty again).
      const resourceGroups = (await noRetries.resources(prod)).resourceGroups;
      let refusal: { statusCode?: number; code?: string } | undefined;
      for (let attempt = 0; attempt < 200 && !refusal; attempt++) {
        await collect(resourceGroups.list()).catch((error: { statusCode?: number; code?: string }) => {
          refusal = error;
        });
      }
      assert.ok(refusal, 'the SDK client without retries was never refused');
      assert.equal(refusal.statusCode, 429);
      assert.equal(refusal.code, 'SubscriptionRequestsThrottled');
      // ...while the normal client waits out Retry-After and gets the whole list.
      const waited = Date.now();
      const groups = await collect((await env.clients.resources(prod)).resourceGroups.list());
      assert.ok(groups.length >= 5);
      t.diagnostic(`burst of 400 reads in ${elapsed} ms: ${ok.length} allowed, ${throttled.length} throttled (Retry-After ${String(throttled[0]?.headers['retry-after'])} s); SDK with retries recovered in ${Date.now() - waited} ms`);
    } finally {
      agent.destroy();
    }
  });
});
