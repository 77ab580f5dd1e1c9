// Enable protection, back up now, and the protected item's life: stop, resume, change policy,
// delete data, undelete (imported by backup.scenario.ts).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { operationHeadersOf, pollAsyncOperation, pollLocation } from '../../src/azure/asyncOperation';
import {
  all, backUpNow, capture, containerOf, emulatorWithNewVault, fabric, itemOf, jobEnd, paged, policyIdOf, putItem, refreshContainers, refused, vaultIdOf, vmIdOf, type VaultRef,
} from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const rg = 'rg-web-prod';
const vm = 'web-03';
const vmId = vmIdOf(sub, rg, vm);

describe('backup protection of a VM', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  const v: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'scn-protect-vault' };
  const demo: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'prod-weu-vault' };
  const getItem = async () => (await backup.protectedItems.get(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm))).properties as Json;

  emulatorWithNewVault(v, (client, started) => {
    backup = client;
    env = started;
  }, { emulator: { pageSize: 2 } });
  before(async () => {
    await refreshContainers(backup, v);
  });

  it('enables protection: 202 with Location, Azure-AsyncOperation and Retry-After, then a ConfigureBackup job', async () => {
    const since = (await env.requests()).length;
    const seen = capture();
    await backup.protectedItems.createOrUpdate(
      v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm),
      { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: policyIdOf(sub, v.rg, v.vault, 'DefaultPolicy'), sourceResourceId: vmId } as never },
      seen.options,
    );
    assert.equal(seen.status(), 202);
    const headers = operationHeadersOf(seen.headers());
    const itemUrl = `${vaultIdOf(sub, v.rg, v.vault)}/backupFabrics/Azure/protectionContainers/${containerOf(rg, vm)}/protectedItems/${itemOf(rg, vm)}`;
    assert.ok(decodeURIComponent(headers.location!).includes(`${itemUrl}/operationResults/`), headers.location);
    assert.ok(decodeURIComponent(headers.azureAsyncOperation!).includes(`${itemUrl}/operationsStatus/`), headers.azureAsyncOperation);
    assert.equal(headers.retryAfterMs, 0);
    const put = (await env.requests(since)).find((exchange) => exchange.method === 'PUT');
    assert.ok(put?.url.includes(`IaasVMContainer%3Biaasvmcontainerv2%3B${rg}%3B${vm}/protectedItems/VM%3Biaasvmcontainerv2%3B${rg}%3B${vm}`), put?.url);

    const outcome = await pollAsyncOperation(backup, headers.azureAsyncOperation!, { defaultDelayMs: 5 });
    assert.equal(outcome.status, 'Succeeded');
    const operationId = new URL(headers.azureAsyncOperation!).pathname.split('/').pop()!;
    const status = await backup.protectedItemOperationStatuses.get(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), operationId);
    assert.equal(status.status, 'Succeeded');
    const jobId = (status.properties as Json | undefined)?.jobId as string;
    assert.equal(jobId, outcome.jobId);
    const job = await jobEnd(backup, v, jobId);
    assert.equal(job.properties?.operation, 'ConfigureBackup');
    assert.equal(job.properties?.status, 'Completed');
    assert.equal(job.properties?.entityFriendlyName, vm);
  });

  it('shows the new item IRPending, never backed up', async () => {
    const item = await getItem();
    assert.equal(item.protectionState, 'IRPending');
    assert.equal(item.lastBackupStatus, '');
    assert.equal(new Date(item.lastBackupTime).toISOString(), '2001-01-01T00:00:00.000Z');
    assert.equal(item.policyName, 'DefaultPolicy');
    assert.equal(item.sourceResourceId.toLowerCase(), vmId.toLowerCase());
  });

  it('backup status names the vault that protects the VM', async () => {
    const status = await backup.backupStatus.get('westeurope', { resourceType: 'VM', resourceId: vmId });
    assert.equal(status.protectionStatus, 'Protected');
    assert.equal(status.vaultId?.toLowerCase(), vaultIdOf(sub, v.rg, v.vault).toLowerCase());
    assert.equal(status.protectedItemName, itemOf(rg, vm));
    const other = await backup.backupStatus.get('westeurope', { resourceType: 'VM', resourceId: vmIdOf(sub, 'rg-data-prod', 'jumpbox') });
    assert.equal(other.protectionStatus, 'NotProtected');
  });

  it('refuses to protect the same VM in another vault', async () => {
    const call = backup.protectedItems.createOrUpdate(demo.vault, demo.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), {
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: policyIdOf(sub, demo.rg, demo.vault, 'DefaultPolicy'), sourceResourceId: vmId } as never,
    });
    const error = await refused(call, 400, 'BMSUserErrorVmAlreadyProtected');
    assert.match(error.message, /already Protected with same or other Vault/);
    assert.match(error.message, /scn-protect-vault/);
  });

  it('lists protected items with a filter, page by page', async () => {
    const filter = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
    const { items, pages } = await paged(backup.backupProtectedItems.list(demo.vault, demo.rg, { filter }));
    assert.deepEqual(items.map((item) => (item.properties as Json).friendlyName).sort(), ['sql-01', 'web-01', 'web-02']);
    assert.equal(pages, 2, 'pageSize 2 makes two pages of three items');
    const enhanced = await all(backup.backupProtectedItems.list(demo.vault, demo.rg, { filter: `${filter} and policyName eq 'Hourly-Enhanced'` }));
    assert.deepEqual(enhanced.map((item) => (item.properties as Json).friendlyName), ['sql-01']);
    const mine = await all(backup.backupProtectedItems.list(v.vault, v.rg, { filter }));
    assert.deepEqual(mine.map((item) => item.name), [itemOf(rg, vm)]);
  });

  const trigger = () =>
    backup.backups.trigger(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: new Date(Date.now() + 86_400_000) } });

  it('backs up now: Take Snapshot, then Transfer data to vault; a second backup meanwhile is refused', async () => {
    const before = Date.now() - 1000;
    const { jobId } = await backUpNow(backup, v, rg, vm);
    const states: string[] = [];
    let refusedWhileRunning = false;
    let details;
    for (;;) {
      details = await backup.jobDetails.get(v.vault, v.rg, jobId);
      const tasks = (details.properties as Json).extendedInfo.tasksList as Json[];
      assert.deepEqual(tasks.map((task) => task.taskId), ['Take Snapshot', 'Transfer data to vault']);
      const state = tasks.map((task) => task.status).join('/');
      if (states.at(-1) !== state) states.push(state);
      if (details.properties?.status !== 'InProgress') break;
      if (!refusedWhileRunning) {
        await refused(trigger(), 400, 'UserErrorBackupOperationInProgress');
        refusedWhileRunning = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(refusedWhileRunning, 'the job was seen running');
    assert.equal(details.properties?.status, 'Completed');
    assert.equal(details.properties?.operation, 'Backup');
    assert.equal(states.at(-1), 'Completed/Completed');
    const transferring = states.indexOf('Completed/InProgress');
    assert.ok(transferring >= 0, `states ${states.join(' → ')}`);
    assert.ok(states.slice(0, transferring).every((state) => state === 'InProgress/NotStarted'), `states ${states.join(' → ')}`);

    const item = await getItem();
    assert.equal(item.protectionState, 'Protected');
    assert.equal(item.lastBackupStatus, 'Completed');
    assert.ok(new Date(item.lastBackupTime).getTime() >= before, `lastBackupTime ${item.lastBackupTime}`);
    const points = await all(backup.recoveryPoints.list(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm)));
    assert.equal(points.length, 1);
    const point = await backup.recoveryPoints.get(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), points[0]!.name!);
    assert.equal(point.name, points[0]!.name);
    assert.equal((point.properties as Json).objectType, 'IaasVMRecoveryPoint');
    assert.ok(new Date((point.properties as Json).recoveryPointTime).getTime() >= before);
  });

  it('refuses the fourth on-demand backup in 24 hours', async () => {
    for (let n = 2; n <= 3; n += 1) {
      const { jobId } = await backUpNow(backup, v, rg, vm);
      assert.equal((await jobEnd(backup, v, jobId)).properties?.status, 'Completed');
    }
    await refused(trigger(), 400, 'CloudDosAbsoluteLimitReached');
    const points = await all(backup.recoveryPoints.list(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm)));
    assert.equal(points.length, 3);
  });

  it('stops protection retaining data', async () => {
    const jobId = await putItem(backup, v, rg, vm, { protectionState: 'ProtectionStopped', sourceResourceId: vmId, policyId: '' });
    assert.equal((await jobEnd(backup, v, jobId)).properties?.operation, 'DisableBackup');
    const item = await getItem();
    assert.equal(item.protectionState, 'ProtectionStopped');
    assert.equal(item.policyName, undefined);
    assert.equal((await all(backup.recoveryPoints.list(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm)))).length, 3, 'the data is kept');
    await refused(trigger(), 400, 'UserErrorBcmDatasourceNotPresent');
  });

  it('resumes protection with a policy', async () => {
    const jobId = await putItem(backup, v, rg, vm, { policyId: policyIdOf(sub, v.rg, v.vault, 'DefaultPolicy'), sourceResourceId: vmId });
    assert.equal((await jobEnd(backup, v, jobId)).properties?.operation, 'ConfigureBackup');
    const item = await getItem();
    assert.equal(item.protectionState, 'Protected');
    assert.equal(item.policyName, 'DefaultPolicy');
  });

  it('changes the policy in place', async () => {
    const jobId = await putItem(backup, v, rg, vm, { policyId: policyIdOf(sub, v.rg, v.vault, 'EnhancedPolicy'), sourceResourceId: vmId });
    await jobEnd(backup, v, jobId);
    const items = await all(backup.backupProtectedItems.list(v.vault, v.rg));
    assert.deepEqual(items.map((item) => item.name), [itemOf(rg, vm)], 'the same item, not a new one');
    assert.equal((items[0]!.properties as Json).policyName, 'EnhancedPolicy');
    assert.equal((await getItem()).protectionState, 'Protected');
  });

  it('deletes the backup data: 202 with vault-level operation URLs; soft delete keeps the item', async () => {
    const seen = capture();
    await backup.protectedItems.delete(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm), seen.options);
    assert.equal(seen.status(), 202);
    const headers = operationHeadersOf(seen.headers());
    assert.match(new URL(headers.location!).pathname, /\/vaults\/scn-protect-vault\/backupOperationResults\/[^/]+$/);
    assert.match(new URL(headers.azureAsyncOperation!).pathname, /\/vaults\/scn-protect-vault\/backupOperations\/[^/]+$/);
    const outcome = await pollAsyncOperation(backup, headers.azureAsyncOperation!, { defaultDelayMs: 5 });
    assert.equal(outcome.status, 'Succeeded');
    assert.equal((await pollLocation(backup, headers.location!, { defaultDelayMs: 5 })).status, 204);
    const item = await getItem();
    assert.equal(item.isScheduledForDeferredDelete, true);
    assert.equal(item.protectionState, 'ProtectionStopped');
    assert.equal(item.softDeleteRetentionPeriodInDays, 14);
    assert.equal((await jobEnd(backup, v, outcome.jobId!)).properties?.operation, 'DeleteBackupData');
  });

  it('undeletes the item: protection stopped, no longer scheduled for deletion', async () => {
    const jobId = await putItem(backup, v, rg, vm, { protectionState: 'ProtectionStopped', sourceResourceId: vmId, isRehydrate: true });
    assert.equal((await jobEnd(backup, v, jobId)).properties?.operation, 'Undelete');
    const item = await getItem();
    assert.equal(item.protectionState, 'ProtectionStopped');
    assert.notEqual(item.isScheduledForDeferredDelete, true);
    assert.equal((await all(backup.recoveryPoints.list(v.vault, v.rg, fabric, containerOf(rg, vm), itemOf(rg, vm)))).length, 3);
  });

  it('answers 404 BMSUserErrorDataSourceObjectNotFound for an item that does not exist', async () => {
    const error = await refused(backup.protectedItems.get(v.vault, v.rg, fabric, containerOf('rg-data-prod', 'jumpbox'), itemOf('rg-data-prod', 'jumpbox')), 404, 'BMSUserErrorDataSourceObjectNotFound');
    assert.match(error.message, /Item not found/);
  });
});
