// Backup jobs: failures, the job list and its filters, job details, and cancellation
// (imported by backup.scenario.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { OperationPollError, pollLocation } from '../../src/azure/asyncOperation';
import { all, backUpNow, capture, containerOf, fabric, filterTime, itemOf, jobEnd, paged, refused, type VaultRef } from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const eus: VaultRef = { sub, rg: 'rg-app-eastus', vault: 'prod-eus-vault' };
const weu: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };

describe('backup jobs', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  const started = Date.now();
  const ours: string[] = [];

  before(async () => {
    env = await startTestEmulator();
    backup = await env.clients.backup(sub);
  });
  after(async () => {
    await env.close();
  });

  it('the demo job history holds a failed backup', async () => {
    const failed = await all(backup.backupJobs.list(eus.vault, eus.rg, { filter: "backupManagementType eq 'AzureIaasVM' and status eq 'Failed'" }));
    assert.ok(failed.length > 0, 'a failed job in the history');
    assert.ok(failed.every((job) => job.properties?.status === 'Failed'));
    const job = failed.find((candidate) => candidate.properties?.entityFriendlyName === 'app-eus-01');
    assert.ok(job, 'app-eus-01 failed');
    assert.equal((job.properties as Json).errorDetails[0].errorTitle, 'UserErrorGuestAgentStatusUnavailable');
  });

  it('a backup of a VM whose agent is unavailable fails with UserErrorGuestAgentStatusUnavailable', async () => {
    const { jobId } = await backUpNow(backup, eus, 'rg-app-eastus', 'app-eus-01');
    ours.push(jobId);
    const job = await jobEnd(backup, eus, jobId);
    assert.equal(job.properties?.status, 'Failed');
    const error = (job.properties as Json).errorDetails[0];
    assert.equal(error.errorTitle, 'UserErrorGuestAgentStatusUnavailable');
    assert.equal(error.errorCode, 400043);
    assert.match(error.errorString, /VM Agent/);
    const item = (await backup.protectedItems.get(eus.vault, eus.rg, fabric, containerOf('rg-app-eastus', 'app-eus-01'), itemOf('rg-app-eastus', 'app-eus-01'))).properties as Json;
    assert.equal(item.lastBackupStatus, 'Failed');
    assert.equal(item.healthDetails[0].title, 'UserErrorGuestAgentStatusUnavailable');
  });

  it('filters the job list by status, operation and type while a backup runs', async () => {
    const filter = "status eq 'InProgress' and operation eq 'Backup' and backupManagementType eq 'AzureIaasVM'";
    const { jobId } = await backUpNow(backup, eus, 'rg-app-eastus', 'app-eus-02');
    ours.push(jobId);
    const running = await all(backup.backupJobs.list(eus.vault, eus.rg, { filter }));
    assert.deepEqual(running.map((job) => job.name), [jobId]);
    assert.equal(running[0]!.properties?.entityFriendlyName, 'app-eus-02');
    assert.equal((running[0]!.properties as Json).extendedInfo, undefined, 'a listed job has no extendedInfo');
    await jobEnd(backup, eus, jobId);
    assert.deepEqual(await all(backup.backupJobs.list(eus.vault, eus.rg, { filter })), []);
    const completed = await all(backup.backupJobs.list(eus.vault, eus.rg, { filter: "status eq 'Completed' and operation eq 'Backup'" }));
    assert.ok(completed.some((job) => job.name === jobId));
    assert.ok(completed.every((job) => job.properties?.status === 'Completed' && job.properties?.operation === 'Backup'));
  });

  it("filters by startTime and endTime in the service's 'yyyy-MM-dd hh:mm:ss AM' format", async () => {
    const from = filterTime(new Date(started - 60_000));
    const to = filterTime(new Date(Date.now() + 60_000));
    assert.match(from, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (AM|PM)$/);
    const recent = await all(backup.backupJobs.list(eus.vault, eus.rg, { filter: `backupManagementType eq 'AzureIaasVM' and startTime eq '${from}' and endTime eq '${to}'` }));
    assert.deepEqual(recent.map((job) => job.name).sort(), [...ours].sort());
    const everything = await all(backup.backupJobs.list(eus.vault, eus.rg));
    assert.ok(everything.length > recent.length, 'the history is outside the window');
  });

  it('lists jobs page by page, newest first', async () => {
    const { items, pages } = await paged(backup.backupJobs.list(weu.vault, weu.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    assert.ok(items.length > 5 && pages === Math.ceil(items.length / 5), `${items.length} jobs in ${pages} pages`);
    assert.equal(new Set(items.map((job) => job.name)).size, items.length);
    const starts = items.map((job) => job.properties!.startTime!.getTime());
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
  });

  it('gets one job with its details; an unknown job answers 404', async () => {
    const job = await backup.jobDetails.get(eus.vault, eus.rg, ours[0]!);
    assert.equal(job.name, ours[0]);
    assert.equal(job.properties?.jobType, 'AzureIaaSVMJob');
    assert.equal((job.properties as Json).extendedInfo.propertyBag['VM Name'], 'app-eus-01');
    await refused(backup.jobDetails.get(eus.vault, eus.rg, '00000000-0000-0000-0000-000000000000'), 404, 'BMSUserErrorJobNotFound');
  });
});

describe('backup job cancellation', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  const snapshotMs = 1_800; // 3 minutes at time scale 100

  before(async () => {
    env = await startTestEmulator({ timeScale: 100 });
    backup = await env.clients.backup(sub);
  });
  after(async () => {
    await env.close();
  });

  const cancel = async (jobId: string) => {
    const seen = capture();
    await backup.jobCancellations.trigger(weu.vault, weu.rg, jobId, seen.options);
    assert.equal(seen.status(), 202);
    const location = seen.headers().get('location')!;
    assert.match(new URL(location).pathname, new RegExp(`/vaults/prod-weu-vault/backupJobs/${jobId}/operationResults/[^/]+$`));
    return location;
  };

  it('cancels a backup during its snapshot: Cancelling, then Cancelled; the result answers 204', async () => {
    const { jobId } = await backUpNow(backup, weu, 'rg-web-prod', 'web-01');
    const running = await backup.jobDetails.get(weu.vault, weu.rg, jobId);
    assert.deepEqual((running.properties as Json).actionsInfo, ['Cancellable']);
    const location = await cancel(jobId);
    assert.equal((await backup.jobDetails.get(weu.vault, weu.rg, jobId)).properties?.status, 'Cancelling');
    const operationId = new URL(location).pathname.split('/').pop()!;
    const first = capture();
    await backup.jobOperationResults.get(weu.vault, weu.rg, jobId, operationId, first.options);
    assert.ok([202, 204].includes(first.status()));
    assert.equal((await pollLocation(backup, location, { defaultDelayMs: 10 })).status, 204);
    const job = await jobEnd(backup, weu, jobId);
    assert.equal(job.properties?.status, 'Cancelled');
    const tasks = (job.properties as Json).extendedInfo.tasksList as Json[];
    assert.equal(tasks[1].status, 'Cancelled', 'the transfer never ran');
  });

  it('refuses to cancel once the snapshot is taken: the operation result fails with 400', async () => {
    const { jobId } = await backUpNow(backup, weu, 'rg-web-prod', 'web-02');
    const start = (await backup.jobDetails.get(weu.vault, weu.rg, jobId)).properties!.startTime!.getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + snapshotMs + 100 - Date.now())));
    const transferring = await backup.jobDetails.get(weu.vault, weu.rg, jobId);
    assert.deepEqual(((transferring.properties as Json).extendedInfo.tasksList as Json[]).map((task) => task.status), ['Completed', 'InProgress']);
    assert.deepEqual((transferring.properties as Json).actionsInfo ?? [], []);
    const location = await cancel(jobId);
    await assert.rejects(pollLocation(backup, location, { defaultDelayMs: 10 }), (error: unknown) => error instanceof OperationPollError && error.statusCode === 400);
    assert.equal((await backup.jobDetails.get(weu.vault, weu.rg, jobId)).properties?.status, 'InProgress');
  });
});
