// What the backup service refuses to restore, each with its code; the validate-operation API
// (synchronous, and triggered with its status and result) listing the same problems before a
// restore is sent (imported by restore.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { HttpHeaders } from '@azure/core-rest-pipeline';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { operationHeadersOf, pollAsyncOperation, pollLocation } from '../../src/azure/asyncOperation';
import { fast } from './armRequestSteps';
import { backUpNow, jobEnd, policyIdOf, putItem, refused, vmIdOf } from './backupSteps';
import { accountId, groupId, neu, networkId, pointsOf, prod, restoreRequest, triggerRestore, web01, weu, type ItemRef } from './restoreSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const web = networkId(prod, 'rg-web-prod', 'vnet-web-prod');
const newVm = (name: string, extra: Json = {}) => ({
  recoveryType: 'AlternateLocation',
  targetResourceGroupId: groupId(prod, 'rg-web-prod'),
  targetVirtualMachineId: `${groupId(prod, 'rg-web-prod')}/providers/Microsoft.Compute/virtualMachines/${name}`,
  virtualNetworkId: web,
  subnetId: `${web}/subnets/app`,
  ...extra,
});

describe('restores the backup service refuses, and its validation of a restore', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let point: string;
  before(async () => {
    // Azure time at 1/50: a restore from a snapshot lasts about 5 s, long enough to try a second one meanwhile.
    env = await startTestEmulator({ timeScale: 50 });
    backup = await env.clients.backup(prod);
    point = (await pointsOf(backup, web01))[0]!.name!;
    const storage = await env.clients.storage(prod);
    for (const [name, sku, kind] of [['restorezrs', 'Standard_ZRS', 'StorageV2'], ['restorepremium', 'Premium_LRS', 'BlockBlobStorage'], ['restoreblobonly', 'Standard_LRS', 'BlobStorage']] as const) {
      await storage.storageAccounts.beginCreateAndWait('rg-web-prod', name, { location: 'westeurope', sku: { name: sku }, kind }, fast);
    }
  });
  after(async () => {
    await env?.close();
  });

  const restore = (item: ItemRef, name: string, properties: Json) => triggerRestore(backup, item, name, restoreRequest(item, name, properties));

  it('refuses a staging account in another region, of a type it does not take, or that does not exist', async () => {
    const disks = { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-data-prod') };
    const other = await refused(restore(web01, point, { ...disks, storageAccountId: accountId(neu.sub, 'rg-dev', 'contosodevartifacts') }), 400, 'UserErrorStorageAccountLocationMismatch');
    assert.match(other.message, /two different regions/);
    for (const name of ['restorezrs', 'restorepremium', 'restoreblobonly']) {
      const error = await refused(restore(web01, point, { ...disks, storageAccountId: accountId(prod, 'rg-web-prod', name) }), 400, 'UserErrorUnsupportedStorageAccountType');
      assert.match(error.message, /isn't supported/);
    }
    await refused(restore(web01, point, { ...disks, storageAccountId: accountId(prod, 'rg-web-prod', 'nosuchaccount') }), 400, 'UserErrorStorageAccountNotFound');
  });

  it('refuses a target resource group that does not exist, a subnet that does not, a network in another region', async () => {
    await refused(restore(web01, point, { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-nowhere') }), 400, 'UserErrorTargetResourceGroupNotFound');
    await refused(restore(web01, point, newVm('web-01-b', { subnetId: `${web}/subnets/nosuchsubnet` })), 400, 'UserErrorSubnetNotFound');
    const eastus = networkId(prod, 'rg-app-eastus', 'vnet-app-eastus');
    const error = await refused(restore(web01, point, newVm('web-01-b', { virtualNetworkId: eastus, subnetId: `${eastus}/subnets/default` })), 400, 'UserErrorInvalidNetworkConfiguration');
    assert.match(error.message, /eastus/);
  });

  it('refuses a new VM name already taken in the target group, or not a valid name', async () => {
    await refused(restore(web01, point, newVm('web-02')), 400, 'UserErrorVmNameAlreadyExists');
    await refused(restore(web01, point, newVm('web-01-')), 400, 'UserErrorInvalidRequestParameter');
  });

  it("refuses the vault's other region, another point's id in the body, rehydration of a point in the vault, a zone the VM never had", async () => {
    await refused(restore(web01, point, { recoveryType: 'OriginalLocation', region: 'northeurope' }), 400, 'UserErrorInvalidRequestParameter');
    await refused(restore(web01, point, { recoveryType: 'OriginalLocation', recoveryPointId: '123' }), 400, 'UserErrorInvalidRequestParameter');
    await refused(
      restore(web01, point, { recoveryType: 'OriginalLocation', objectType: 'IaasVMRestoreWithRehydrationRequest', recoveryPointRehydrationInfo: { rehydrationPriority: 'Standard', rehydrationRetentionDuration: 'P10D' } }),
      400,
      'UserErrorRecoveryPointRehydrationNotAllowed',
    );
    await refused(restore(web01, point, newVm('web-01-z', { zones: ['2'] })), 400, 'UserErrorCrossZonalRestoreNotSupported');
  });

  it("answers 404 for a point of another item, and refuses a soft-deleted item's points", async () => {
    const web02: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-02' };
    await refused(restore(web02, point, { recoveryType: 'OriginalLocation' }), 404, 'BMSUserErrorRecoveryPointNotFound');
    const legacy: ItemRef = { v: neu, rg: 'rg-dev', vm: 'legacy-api' };
    const devBackup = await env.clients.backup(neu.sub);
    const [soft] = await pointsOf(devBackup, legacy);
    const softRequest = restoreRequest(legacy, soft!.name!, { recoveryType: 'OriginalLocation', region: 'northeurope', storageAccountId: accountId(neu.sub, 'rg-dev', 'contosodevartifacts') });
    await refused(triggerRestore(devBackup, legacy, soft!.name!, softRequest), 400, 'BMSUserErrorObjectSoftDeleted');
  });

  it('refuses a second restore of the item while the first runs, and its validation says so', async () => {
    const first = await restore(web01, point, { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-data-prod') });
    assert.equal(first.status, 202);
    const error = await refused(restore(web01, point, newVm('web-01-second')), 400, 'BMSUserErrorObjectLocked');
    assert.match(error.message, /Another operation is in progress/);
    const validation = await backup.operation.validate(weu.vault, weu.rg, {
      id: `${(await pointsOf(backup, web01))[0]!.id}`,
      properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequest(web01, point, { recoveryType: 'OriginalLocation' }).properties } as never,
    });
    assert.deepEqual(validation.validateOperationResponse?.validationResults?.map((result) => result.code), ['BMSUserErrorObjectLocked']);
  });

  it('validates a restore (backupValidateOperation): every problem with its code and recommendations; none for a good request', async () => {
    const web02: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-02' };
    const [newest] = await pointsOf(backup, web02);
    const pointId = newest!.id!;
    const validate = (properties: Json) =>
      backup.operation.validate(weu.vault, weu.rg, {
        id: pointId,
        properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequest(web02, newest!.name!, properties).properties } as never,
      });
    const bad = await validate({ ...newVm('web-02-copy', { subnetId: `${web}/subnets/nosuchsubnet` }), storageAccountId: accountId(neu.sub, 'rg-dev', 'contosodevartifacts') });
    const results = bad.validateOperationResponse?.validationResults ?? [];
    assert.deepEqual(results.map((result) => result.code), ['UserErrorStorageAccountLocationMismatch', 'UserErrorSubnetNotFound']);
    for (const result of results) {
      assert.ok((result.message ?? '').length > 10, result.message);
      assert.ok((result.recommendations ?? []).length > 0, `${result.code} recommends something`);
    }
    const good = await validate(newVm('web-02-copy'));
    assert.deepEqual(good.validateOperationResponse?.validationResults, []);
    await refused(
      backup.operation.validate(weu.vault, weu.rg, { id: `${pointId.replace(/recoveryPoints\/.*/, 'recoveryPoints/')}999`, properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequest(web02, '999', {}).properties } as never }),
      404,
      'BMSUserErrorRecoveryPointNotFound',
    );
  });

  it('validates in the background (backupTriggerValidateOperation): 202, a status with the results, a result that answers 202 then 200', async () => {
    const web02: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-02' };
    const [newest] = await pointsOf(backup, web02);
    let first: { status: number; headers: HttpHeaders } | undefined;
    await backup.validateOperation.beginTrigger(
      weu.vault,
      weu.rg,
      { id: newest!.id!, properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequest(web02, newest!.name!, newVm('web-02')).properties } as never },
      { onResponse: (raw) => void (first ??= raw) },
    );
    assert.equal(first?.status, 202);
    const headers = operationHeadersOf(first.headers);
    assert.match(new URL(headers.location!).pathname, /\/vaults\/prod-weu-vault\/backupValidateOperationResults\/[^/]+$/);
    assert.match(new URL(headers.azureAsyncOperation!).pathname, /\/vaults\/prod-weu-vault\/backupValidateOperationsStatuses\/[^/]+$/);
    const operationId = new URL(headers.azureAsyncOperation!).pathname.split('/').pop()!;
    const outcome = await pollAsyncOperation(backup, headers.azureAsyncOperation!, { defaultDelayMs: 20 });
    assert.equal(outcome.status, 'Succeeded');
    const status = await backup.validateOperationStatuses.get(weu.vault, weu.rg, operationId);
    const extended = status.properties as Json;
    assert.equal(extended.objectType, 'OperationStatusValidateOperationExtendedInfo');
    assert.deepEqual(extended.validateOperationResponse.validationResults.map((result: Json) => result.code), ['UserErrorVmNameAlreadyExists']);
    const result = await pollLocation(backup, headers.location!, { defaultDelayMs: 20 });
    assert.equal(result.status, 200);
    assert.deepEqual(((result.body as Json).validateOperationResponse.validationResults as Json[]).map((entry) => entry.code), ['UserErrorVmNameAlreadyExists']);
    const sdk = await backup.validateOperationResults.get(weu.vault, weu.rg, operationId);
    assert.equal(sdk.validateOperationResponse?.validationResults?.[0]?.code, 'UserErrorVmNameAlreadyExists');
  });

});

describe('replacing the disks of a VM that no longer exists', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  before(async () => {
    env = await startTestEmulator();
    backup = await env.clients.backup(prod);
  });
  after(async () => {
    await env?.close();
  });

  const restore = (item: ItemRef, name: string, properties: Json) => triggerRestore(backup, item, name, restoreRequest(item, name, properties));

  it('is refused: UserErrorVmNotFoundV2', async () => {
    const jumpbox: ItemRef = { v: weu, rg: 'rg-data-prod', vm: 'jumpbox' };
    const configure = await putItem(backup, weu, jumpbox.rg, jumpbox.vm, { policyId: policyIdOf(prod, weu.rg, weu.vault, 'DefaultPolicy'), sourceResourceId: vmIdOf(prod, jumpbox.rg, jumpbox.vm) });
    await jobEnd(backup, weu, configure, 30_000);
    const { jobId } = await backUpNow(backup, weu, jumpbox.rg, jumpbox.vm);
    assert.equal((await jobEnd(backup, weu, jobId, 60_000)).properties?.status, 'Completed');
    const [taken] = await pointsOf(backup, jumpbox);
    const compute = await env.clients.compute(prod);
    await compute.virtualMachines.beginDeleteAndWait('rg-data-prod', 'jumpbox', { updateIntervalInMs: 20 });
    const error = await refused(restore(jumpbox, taken!.name!, { recoveryType: 'OriginalLocation' }), 400, 'UserErrorVmNotFoundV2');
    assert.match(error.message, /jumpbox/);
  });

});
