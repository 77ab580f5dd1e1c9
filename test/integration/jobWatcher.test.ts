// The job watcher against the emulator: several backups in two vaults followed to their end with
// one jobs-list request per vault per poll, never a request per job, with faults on too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { BackupReader } from '../../src/azure/backupReader';
import { JobWatcher, type JobEnded } from '../../src/jobs/jobWatcher';
import { listJobsWith } from '../../src/jobs/listJobs';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { demoTenantId } from '../support/flowServices';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { backUpNow, type VaultRef } from './backupSteps';

const sub = demoSubscriptions.production;
const weu: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };
const eus: VaultRef = { sub, rg: 'rg-app-eastus', vault: 'prod-eus-vault' };
const vaultId = (v: VaultRef) => `/subscriptions/${v.sub}/resourceGroups/${v.rg}/providers/Microsoft.RecoveryServices/vaults/${v.vault}`;

describe('JobWatcher against the emulator', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let reader: BackupReader;

  before(async () => {
    env = await startTestEmulator();
    backup = await env.clients.backup(sub);
    reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(demoTenantId);
  });
  after(async () => {
    await env.close();
  });

  it('follows five backups in two vaults to their end with one list request per vault per poll', async () => {
    const started = [
      { v: weu, rg: 'rg-web-prod', vm: 'web-01' },
      { v: weu, rg: 'rg-web-prod', vm: 'web-02' },
      { v: weu, rg: 'rg-data-prod', vm: 'sql-01' },
      { v: eus, rg: 'rg-app-eastus', vm: 'app-eus-01' },
      { v: eus, rg: 'rg-app-eastus', vm: 'app-eus-02' },
    ];
    const jobs = await Promise.all(started.map(async ({ v, rg, vm }) => ({ v, vm, jobId: (await backUpNow(backup, v, rg, vm)).jobId })));
    const sequence = (await env.requests()).at(-1)?.sequence ?? 0;
    const list = listJobsWith(() => reader);
    const polls = new Map<string, number>();
    const watcher = new JobWatcher({
      listJobs: (id, since, signal) => {
        const name = id.split('/').at(-1)!;
        polls.set(name, (polls.get(name) ?? 0) + 1);
        return list(id, since, signal);
      },
      minIntervalMs: 20,
      maxIntervalMs: 200,
    });
    const ended: JobEnded[] = [];
    watcher.onDidEndJob((event) => ended.push(event));
    const finals = await Promise.all(jobs.map(({ v, vm, jobId }) => watcher.follow({ vaultId: vaultId(v), jobName: jobId, label: `Back up ${vm}` }, { notify: vm !== 'web-02' })));

    const byVm = new Map(finals.map((job) => [job.entityFriendlyName, job]));
    assert.equal(byVm.get('app-eus-01')?.status, 'Failed');
    assert.equal(byVm.get('app-eus-01')?.errors[0]?.code, 'UserErrorGuestAgentStatusUnavailable');
    assert.equal(byVm.get('web-01')?.status, 'Completed');
    assert.ok(finals.every((job) => job.status !== 'InProgress' && job.status !== 'Cancelling'));
    assert.deepEqual(ended.map((event) => [event.job.entityFriendlyName, event.notify]).sort(), [...started.map(({ vm }) => [vm, vm !== 'web-02'])].sort());
    assert.equal(watcher.running().length, 0);

    const jobRequests = (await env.requests(sequence)).filter((exchange) => /\/backupJobs/i.test(new URL(exchange.url).pathname));
    assert.ok(jobRequests.length > 0);
    for (const exchange of jobRequests) {
      assert.equal(exchange.method, 'GET');
      assert.match(new URL(exchange.url).pathname, /\/vaults\/prod-(weu|eus)-vault\/backupJobs$/i, 'a listing, never one job');
    }
    // Each poll of a vault is exactly one listing, whether the vault runs three jobs or two.
    // (a listing's further pages, $skiptoken, belong to the same request)
    const count = (name: string) => jobRequests.filter((exchange) => exchange.url.includes(`/vaults/${name}/`) && !/skiptoken/i.test(exchange.url)).length;
    assert.equal(count('prod-weu-vault'), polls.get('prod-weu-vault'));
    assert.equal(count('prod-eus-vault'), polls.get('prod-eus-vault'));
    watcher.dispose();
  });

  it('still follows a backup to its end while the service throttles, fails and resets connections', async () => {
    const { jobId } = await backUpNow(backup, weu, 'rg-web-prod', 'web-01');
    const warnings: string[] = [];
    const watcher = new JobWatcher({ listJobs: listJobsWith(() => reader), minIntervalMs: 20, maxIntervalMs: 200, log: { info: () => undefined, warn: (message) => warnings.push(message) } });
    await env.setFaults('429=0.3,503=0.2,reset=0.1');
    try {
      const final = await watcher.follow({ vaultId: vaultId(weu), jobName: jobId, label: 'Back up web-01' });
      assert.equal(final.status, 'Completed');
    } finally {
      await env.setFaults('none');
      watcher.dispose();
    }
  });
});
