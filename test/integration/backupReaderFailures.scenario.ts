// BackupReader when things go wrong: a refresh cancels loads in flight, and transport errors
// (refused connections, untrusted certificates) become AzureErrors with a reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { armRequests, assertAzureError, lastSequence, tenantId } from './readerSteps';
import { ArmClients } from '../../src/azure/armClients';
import { staticTokenCredential } from '../../src/azure/armConnection';
import { BackupReader } from '../../src/azure/backupReader';
import { loadBackupEstate } from '../../src/azure/backupEstate';


class ObservedClients extends ArmClients {
  private readonly observed = new WeakSet<object>();

  constructor(
    connection: ArmClients['connection'],
    private readonly policy: PipelinePolicy,
  ) {
    super(connection);
  }

  override async subscriptions(): Promise<SubscriptionClient> {
    return this.observe(await super.subscriptions());
  }

  override async vaults(subscriptionId: string): Promise<RecoveryServicesClient> {
    return this.observe(await super.vaults(subscriptionId));
  }

  override async backup(subscriptionId: string): Promise<RecoveryServicesBackupClient> {
    return this.observe(await super.backup(subscriptionId));
  }

  override async compute(subscriptionId: string): Promise<ComputeManagementClient> {
    return this.observe(await super.compute(subscriptionId));
  }

  private observe<T extends { pipeline: { addPolicy(policy: PipelinePolicy, options?: { afterPhase?: 'Retry' }): void } }>(client: T): T {
    if (!this.observed.has(client)) {
      this.observed.add(client);
      client.pipeline.addPolicy(this.policy, { afterPhase: 'Retry' });
    }
    return client;
  }
}

describe('BackupReader cancellation', () => {
  let env: TestEmulator;
  const latencyMs = 25;
  before(async () => {
    env = await startTestEmulator({ seed: { kind: 'scale', subscriptions: 4, vaultsPerSubscription: 4, vmsPerVault: 3 }, latencyMs });
  });
  after(async () => {
    await env?.close();
  });

  it('aborting mid-load rejects with reason cancelled, and no request reaches Azure afterwards', async (t) => {
    const controller = new AbortController();
    const attempts: { url: string; afterAbort: boolean }[] = [];
    const abortOnThirdItemList: PipelinePolicy = {
      name: 'abortOnThirdItemList',
      sendRequest: (request, next) => {
        attempts.push({ url: request.url, afterAbort: controller.signal.aborted });
        const response = next(request);
        if (attempts.filter((attempt) => /\/backupProtectedItems\?/i.test(attempt.url)).length === 3 && !controller.signal.aborted) controller.abort(new Error('Refreshed'));
        return response;
      },
    };
    const reader = new BackupReader(() => new ObservedClients(env.connection, abortOnThirdItemList));
    const start = await lastSequence(env);

    await assertAzureError(loadBackupEstate(reader, [tenantId], { includeUnprotectedVms: true, signal: controller.signal }), 'cancelled');
    assert.ok(controller.signal.aborted);

    // Requests already on the wire are answered after the emulator's latency; then nothing more comes.
    await new Promise((resolve) => setTimeout(resolve, 8 * latencyMs));
    const settled = armRequests(await env.requests(start));
    await new Promise((resolve) => setTimeout(resolve, 12 * latencyMs));
    const later = armRequests(await env.requests(start));
    assert.equal(later.length, settled.length, `requests after the abort settled: ${later.slice(settled.length).map((entry) => entry.url).join(', ')}`);

    // A full load is 1 + 4 × (1 vault page + 4 item pages + 4 VM pages) = 37 requests.
    assert.ok(settled.length < 37, `${settled.length} requests: the load was not cut short`);
    const sentBeforeAbort = new Set(attempts.filter((attempt) => !attempt.afterAbort).map((attempt) => attempt.url));
    for (const entry of settled) assert.ok(sentBeforeAbort.has(entry.url), `${entry.method} ${entry.url} was sent after the abort`);
    t.diagnostic(`${attempts.length} attempts (${attempts.filter((attempt) => attempt.afterAbort).length} after the abort, refused by the SDK before sending); ${settled.length} reached the emulator`);
  });

  it('a listing whose signal is already aborted sends nothing', async () => {
    const reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(tenantId);
    const start = await lastSequence(env);
    const controller = new AbortController();
    controller.abort();
    await assertAzureError(reader.listVaults('00000000-0000-4000-8000-000000000001', controller.signal), 'cancelled');
    assert.deepEqual(armRequests(await env.requests(start)), []);
  });
});

describe('BackupReader transport errors', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('an emulator whose certificate authority is not trusted gives untrustedCertificate', async () => {
    const untrusted = new ArmClients({ endpoint: env.connection.endpoint, credential: staticTokenCredential(), retry: { maxRetries: 0 } });
    const error = await assertAzureError(new BackupReader(() => untrusted).listSubscriptions(tenantId), 'untrustedCertificate');
    assert.equal(error.retryable, false);
  });

  it('a refused connection gives network, which is retryable', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const refused = new ArmClients({ endpoint: `https://127.0.0.1:${port}`, credential: staticTokenCredential(), retry: { maxRetries: 0 } });
    const error = await assertAzureError(new BackupReader(() => refused).listSubscriptions(tenantId), 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.retryable, true);
  });
});
