// The write side (AzureBackupOperations) against the emulator through the real SDK clients: each
// journey of issue 4 (enable, back up now, change policy, stop, resume, delete data, undelete,
// vault security, vault delete, jobs) and the service's refusals, as AzureErrors with a reason.
// Registers its suites at import; backupOperations.test.ts imports it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { sameArmId } from '../../src/azure/armId';
import type { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import type { BackupReader } from '../../src/azure/backupReader';
import type { BackupPolicy, Vault, VirtualMachine } from '../../src/azure/model';
import { VaultNotEmptyError } from '../../src/azure/vaultDeletion';
import { createVault } from './backupSteps';
import { backupPosts, jobEnded, lastSequence, operationsOver, protectedVm, rejectsWith, requestsTo, vaultNamed, vmNamed } from './operationSteps';

const prod = demoSubscriptions.production;
const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day);
/** The requests the operations sent, without the test's own calls to the emulator's control endpoints. */
const armOnly = <T extends { url: string }>(log: T[]) => log.filter((entry) => !new URL(entry.url).pathname.startsWith('/_emulator/'));

describe('AzureBackupOperations: a VM from enable to undelete, and its vault', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let ops: AzureBackupOperations;
  let vault: Vault;
  let web03: VirtualMachine;
  let defaultPolicy: BackupPolicy;
  let enhancedPolicy: BackupPolicy;
  let lastJob: string | undefined;
  const item = () => protectedVm(reader, vault, 'web-03');
  /** Operations on an item wait for the one before (the service refuses them while a job runs). */
  const settle = async () => {
    if (lastJob) await jobEnded(ops, vault.id, lastJob);
  };

  before(async () => {
    env = await startTestEmulator();
    ({ reader, ops } = await operationsOver(env.clients));
    await createVault(env, { sub: prod, rg: 'rg-backup-prod', vault: 'ops-weu-vault' }, 'westeurope');
    vault = await vaultNamed(reader, prod, 'ops-weu-vault');
    web03 = await vmNamed(reader, prod, 'web-03');
    const policies = await reader.listPolicies(vault);
    defaultPolicy = policies.find((policy) => policy.name === 'DefaultPolicy')!;
    enhancedPolicy = policies.find((policy) => policy.name === 'EnhancedPolicy')!;
    assert.ok(defaultPolicy && enhancedPolicy, `policies ${policies.map((policy) => policy.name).join(', ')}`);
  });
  after(async () => {
    await env?.close();
  });

  it('backupStatus names the vault and the item that protect a VM, and nothing for a VM without backup', async () => {
    const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
    const web01 = await protectedVm(reader, weu, 'web-01');
    const status = await ops.backupStatus(await vmNamed(reader, prod, 'web-01'));
    assert.equal(status.protected, true);
    assert.ok(sameArmId(status.vaultId, weu.id), status.vaultId);
    assert.ok(sameArmId(status.protectedItemId, web01.id), `${status.protectedItemId} is not ${web01.id}`);
    assert.equal(status.policyName, web01.policyName);
    assert.deepEqual(await ops.backupStatus(web03), { protected: false });
  });

  it('ensureProtectable runs discovery only while the vault does not list the VM', async () => {
    let since = await lastSequence(env);
    await ops.ensureProtectable(vault, web03);
    let log = await env.requests(since);
    assert.equal(requestsTo(log, 'POST', /\/backupFabrics\/Azure\/refreshContainers$/).length, 1, 'one discovery');
    assert.ok(requestsTo(log, 'GET', /\/backupFabrics\/Azure\/operationResults\//).some((entry) => entry.status === 204), 'followed to 204');
    assert.equal(requestsTo(log, 'GET', /\/backupProtectableItems$/).length, 2, 'looked before and after discovery');

    since = await lastSequence(env);
    await ops.ensureProtectable(vault, web03);
    log = await env.requests(since);
    assert.equal(requestsTo(log, 'POST', /refreshContainers$/).length, 0, 'no discovery once the VM is listed');
    assert.equal(requestsTo(log, 'GET', /\/backupProtectableItems$/).length, 1);
  });

  it('ensureProtectable refuses a VM of another region without asking Azure, and names the vault of a VM protected elsewhere', async () => {
    const eastUs = await vmNamed(reader, prod, 'app-eus-03');
    const since = await lastSequence(env);
    const region = await rejectsWith(ops.ensureProtectable(vault, eastUs), 'invalidInput', 'VaultNotInVmRegion');
    assert.match(region.message, /app-eus-03.*eastus.*ops-weu-vault.*westeurope/);
    assert.deepEqual(armOnly(await env.requests(since)), []);

    const elsewhere = await rejectsWith(ops.ensureProtectable(vault, await vmNamed(reader, prod, 'web-01')), 'alreadyProtected');
    assert.match(elsewhere.message, /web-01.*prod-weu-vault/);
  });

  it('enables protection and follows the operation to its ConfigureBackup job; the VM is then protected, its first backup pending', async () => {
    const since = await lastSequence(env);
    const started = await ops.enableProtection(vault, web03, defaultPolicy);
    assert.ok(started.jobId, 'the operation names its job');
    const job = await jobEnded(ops, vault.id, started.jobId);
    assert.deepEqual([job.operation, job.status, job.entityFriendlyName], ['ConfigureBackup', 'Completed', 'web-03']);
    const protectedItem = await item();
    assert.deepEqual([protectedItem.protectionState, protectedItem.health, protectedItem.policyName], ['IRPending', 'initialBackupPending', 'DefaultPolicy']);
    assert.equal(protectedItem.lastBackupTime, undefined);
    assert.ok(sameArmId((await ops.backupStatus(web03)).vaultId, vault.id));
    assert.equal(requestsTo(await env.requests(since), 'PUT', /\/protectedItems\//).length, 1);
  });

  it('refuses to protect a VM that another vault protects', async () => {
    const error = await rejectsWith(ops.enableProtection(vault, await vmNamed(reader, prod, 'web-01'), defaultPolicy), 'alreadyProtected', 'BMSUserErrorVmAlreadyProtected');
    assert.match(error.message, /prod-weu-vault/);
  });

  it('backs up now once: a second click while it runs follows the same job and posts nothing', async () => {
    const protectedItem = await item();
    assert.equal(await ops.runningBackup(protectedItem), undefined);
    const since = await lastSequence(env);
    const first = await ops.backUpNow(protectedItem, inDays(30));
    assert.equal(first.alreadyRunning, false);
    const running = await ops.runningBackup(protectedItem);
    assert.equal(running?.jobName, first.jobId);
    assert.equal(running?.operation, 'Backup');
    assert.deepEqual(await ops.backUpNow(protectedItem, inDays(30)), { jobId: first.jobId, alreadyRunning: true });
    assert.equal(backupPosts(await env.requests(since), protectedItem.itemName).length, 1, 'one POST .../backup for two clicks');

    const job = await jobEnded(ops, vault.id, first.jobId);
    assert.equal(job.status, 'Completed');
    assert.deepEqual(job.subtasks.map((task) => task.name), ['Take Snapshot', 'Transfer data to vault']);
    const after = await item();
    assert.equal(after.protectionState, 'Protected');
    assert.ok(after.lastBackupTime, 'backed up');
    lastJob = first.jobId;
  });

  it('refuses a retain-until date in the past or beyond 99 years without asking Azure', async () => {
    const protectedItem = await item();
    const since = await lastSequence(env);
    await rejectsWith(ops.backUpNow(protectedItem, new Date(Date.now() - 1000)), 'invalidInput', 'InvalidRetainUntil');
    await rejectsWith(ops.backUpNow(protectedItem, inDays(100 * 366)), 'invalidInput', 'InvalidRetainUntil');
    assert.deepEqual(armOnly(await env.requests(since)), []);
  });

  it('changes the policy in place: the same item, now on EnhancedPolicy, nothing deleted', async () => {
    const before = await item();
    const since = await lastSequence(env);
    const started = await ops.changePolicy(before, enhancedPolicy.id);
    assert.equal((await jobEnded(ops, vault.id, started.jobId!)).operation, 'ConfigureBackup');
    const items = await reader.listProtectedVms(vault);
    assert.deepEqual(items.map((candidate) => [candidate.id, candidate.policyName]), [[before.id, 'EnhancedPolicy']]);
    assert.equal(items[0]!.recoveryPointCount, before.recoveryPointCount);
    const log = await env.requests(since);
    assert.equal(requestsTo(log, 'DELETE', /\/protectedItems\//).length, 0);
    assert.equal(requestsTo(log, 'PUT', /\/protectedItems\//).length, 1);
  });

  it('stops protection keeping the data; back up now is then refused as stopped; resume brings the policy back', async () => {
    const stop = await ops.stopProtection(await item(), 'retainData');
    assert.equal((await jobEnded(ops, vault.id, stop.jobId!)).operation, 'DisableBackup');
    const stopped = await item();
    assert.deepEqual([stopped.protectionState, stopped.health, stopped.policyName], ['ProtectionStopped', 'stopped', undefined]);
    assert.equal(stopped.recoveryPointCount, 1, 'the data is kept');
    await rejectsWith(ops.backUpNow(stopped, inDays(30)), 'protectionStopped', 'UserErrorBcmDatasourceNotPresent');

    const resume = await ops.resumeProtection(stopped, defaultPolicy.id);
    assert.equal((await jobEnded(ops, vault.id, resume.jobId!)).operation, 'ConfigureBackup');
    const resumed = await item();
    assert.deepEqual([resumed.protectionState, resumed.policyName], ['Protected', 'DefaultPolicy']);
    lastJob = resume.jobId;
  });

  it('stops protection retaining data as per policy: backups suspended, the policy kept', async () => {
    await settle();
    const stop = await ops.stopProtection(await item(), 'retainAsPerPolicy');
    assert.equal((await jobEnded(ops, vault.id, stop.jobId!)).operation, 'DisableBackup');
    const suspended = await item();
    assert.deepEqual([suspended.protectionState, suspended.health, suspended.policyName], ['BackupsSuspended', 'stopped', 'DefaultPolicy']);
    await rejectsWith(ops.backUpNow(suspended, inDays(30)), 'protectionStopped');
    const resume = await ops.resumeProtection(suspended, defaultPolicy.id);
    await jobEnded(ops, vault.id, resume.jobId!);
    assert.equal((await item()).protectionState, 'Protected');
  });

  it('refuses to delete a vault that still protects a VM, and names it', async () => {
    const error = await rejectsWith(ops.deleteVault(vault), 'vaultNotEmpty', 'ServiceResourceNotEmptyWithContainerDetails');
    assert.ok(error instanceof VaultNotEmptyError);
    assert.deepEqual(error.blockers, { protectedItems: ['web-03'], softDeletedItems: [] });
    assert.match(error.message.split('\n')[0]!, /still holds 1 backup item\(s\) still protected or with data kept: web-03/);
  });

  it('deletes the backup data: soft-deleted for 14 days; back up, policy change and vault delete are refused; undelete brings it back stopped', async () => {
    assert.deepEqual(await ops.vaultSecurity(vault), { softDeleteState: 'Enabled', softDeleteRetentionDays: 14, immutability: 'Disabled' });
    const deletion = await ops.stopProtection(await item(), 'deleteData');
    assert.equal((await jobEnded(ops, vault.id, deletion.jobId!)).operation, 'DeleteBackupData');
    const softDeleted = await item();
    assert.equal(softDeleted.health, 'softDeleted');
    assert.equal(softDeleted.softDeleteRetentionDays, 14);
    assert.ok(Math.abs(softDeleted.purgeTime!.getTime() - inDays(14).getTime()) < 60_000, `purged ${softDeleted.purgeTime?.toISOString()}`);

    await rejectsWith(ops.backUpNow(softDeleted, inDays(30)), 'itemSoftDeleted', 'BMSUserErrorObjectSoftDeleted');
    await rejectsWith(ops.changePolicy(softDeleted, enhancedPolicy.id), 'itemSoftDeleted');
    const blocked = await rejectsWith(ops.deleteVault(vault), 'vaultHasSoftDeletedItems', 'ServiceResourceNotEmptyWithBackendMessage');
    assert.ok(blocked instanceof VaultNotEmptyError);
    assert.deepEqual(blocked.blockers.softDeletedItems.map((entry) => entry.name), ['web-03']);
    assert.match(blocked.message.split('\n')[0]!, /1 soft-deleted item\(s\): web-03 \(purged \d{4}-\d{2}-\d{2}\)/);

    const undelete = await ops.undelete(softDeleted);
    assert.equal((await jobEnded(ops, vault.id, undelete.jobId!)).operation, 'Undelete');
    const restored = await item();
    assert.deepEqual([restored.protectionState, restored.health], ['ProtectionStopped', 'stopped']);
    assert.equal(restored.recoveryPointCount, 1);
  });

  it('names protected and soft-deleted items alike when a demo vault refuses deletion', async () => {
    const dev = await vaultNamed(reader, demoSubscriptions.development, 'dev-neu-vault');
    const error = await rejectsWith(ops.deleteVault(dev), 'vaultNotEmpty');
    assert.ok(error instanceof VaultNotEmptyError);
    assert.deepEqual(error.blockers.protectedItems.sort(), ['build-agent-01', 'build-agent-02']);
    assert.deepEqual(error.blockers.softDeletedItems.map((entry) => entry.name), ['legacy-api']);
  });

  it('deletes an empty vault; one already gone counts as deleted', async () => {
    await createVault(env, { sub: prod, rg: 'rg-backup-prod', vault: 'ops-empty-vault' }, 'westeurope');
    const empty = await vaultNamed(reader, prod, 'ops-empty-vault');
    const since = await lastSequence(env);
    await ops.deleteVault(empty);
    assert.ok(!(await reader.listVaults(prod)).some((candidate) => candidate.name === 'ops-empty-vault'));
    const log = await env.requests(since);
    assert.deepEqual(requestsTo(log, 'DELETE', /\/vaults\/ops-empty-vault$/).map((entry) => entry.status), [202]);
    assert.ok(requestsTo(log, 'GET', /\/vaults\/ops-empty-vault\/operationStatus\//).length > 0, 'followed the operation');
    await ops.deleteVault(empty);
  });

  it('reads AlwaysON soft delete and immutability; an immutable vault refuses delete data but stops as per policy', async () => {
    const ref = { sub: prod, rg: 'rg-backup-prod', vault: 'ops-immutable-vault' };
    await createVault(env, ref, 'westeurope');
    const client = await env.clients.vaults(prod);
    await client.vaults.beginUpdateAndWait(
      ref.rg,
      ref.vault,
      { properties: { securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30 }, immutabilitySettings: { state: 'Unlocked' } } } },
      { updateIntervalInMs: 5 },
    );
    const immutable = await vaultNamed(reader, prod, ref.vault);
    assert.deepEqual(await ops.vaultSecurity(immutable), { softDeleteState: 'AlwaysOn', softDeleteRetentionDays: 30, immutability: 'Unlocked' });

    const jumpbox = await vmNamed(reader, prod, 'jumpbox');
    await ops.ensureProtectable(immutable, jumpbox);
    const policy = (await reader.listPolicies(immutable)).find((candidate) => candidate.name === 'DefaultPolicy')!;
    const enabled = await ops.enableProtection(immutable, jumpbox, policy);
    await jobEnded(ops, immutable.id, enabled.jobId!);
    const protectedJumpbox = await protectedVm(reader, immutable, 'jumpbox');
    await rejectsWith(ops.stopProtection(protectedJumpbox, 'deleteData'), 'immutableVault', 'UserErrorOperationDeniedOnImmutableItem');
    const stop = await ops.stopProtection(protectedJumpbox, 'retainAsPerPolicy');
    await jobEnded(ops, immutable.id, stop.jobId!);
    assert.equal((await protectedVm(reader, immutable, 'jumpbox')).protectionState, 'BackupsSuspended');
  });

  it('getJob of an unknown job is not found; a finished job cannot be cancelled', async () => {
    await rejectsWith(ops.getJob(vault.id, randomUUID()), 'notFound', 'BMSUserErrorJobNotFound');
    const finished = (await reader.listJobs(vault, { since: new Date(Date.now() - day), operation: 'Backup' }))[0];
    assert.ok(finished, 'the backup of this scenario');
    const error = await rejectsWith(ops.cancelJob(vault.id, finished.jobName), 'jobNotCancellable', 'BMSUserErrorJobNotCancellable');
    assert.match(error.message, /cannot be cancelled/);
  });

  it('a cancelled signal ends an operation as cancelled, and nothing is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const web02 = await protectedVm(reader, await vaultNamed(reader, prod, 'prod-weu-vault'), 'web-02');
    const jumpbox = await vmNamed(reader, prod, 'jumpbox');
    const since = await lastSequence(env);
    await rejectsWith(ops.backUpNow(web02, inDays(30), controller.signal), 'cancelled');
    await rejectsWith(ops.enableProtection(vault, jumpbox, defaultPolicy, controller.signal), 'cancelled');
    await rejectsWith(ops.deleteVault(vault, controller.signal), 'cancelled');
    assert.deepEqual(armOnly(await env.requests(since)), []);
  });
});

describe('AzureBackupOperations: cancelling a running backup', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let ops: AzureBackupOperations;
  before(async () => {
    // Slower Azure time, so the snapshot phase (when a backup can be cancelled) lasts 1.8 s.
    env = await startTestEmulator({ timeScale: 100 });
    ({ reader, ops } = await operationsOver(env.clients));
  });
  after(async () => {
    await env?.close();
  });

  it('cancels a backup during its snapshot: the job ends Cancelled', async () => {
    const weu = await vaultNamed(reader, prod, 'prod-weu-vault');
    const started = await ops.backUpNow(await protectedVm(reader, weu, 'web-01'), inDays(7));
    const job = await ops.getJob(weu.id, started.jobId);
    assert.equal(job.cancellable, true);
    await ops.cancelJob(weu.id, started.jobId);
    assert.equal((await jobEnded(ops, weu.id, started.jobId)).status, 'Cancelled');
  });
});
