import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorContext } from '../../../emulator/context';
import { demoSeed, demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { keyOf, vaultId, virtualMachineId } from '../../../emulator/state/lookup';
import { StateFile } from '../../../emulator/state/store';
import { restoreRoutes } from '../../../emulator/backup/restoreTrigger';
import { jobRoutes } from '../../../emulator/backup/jobs';
import { recoveryPointRoutes } from '../../../emulator/backup/recoveryPoints';
import { validateOperationRoutes } from '../../../emulator/backup/validateOperation';
import { errorOf, inProcessArm } from './resources/inProcessArm';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const vaultPath = `${vaultId(sub, 'rg-backup-prod', 'prod-weu-vault')}`;
const itemPath = (rg: string, vm: string) => `${vaultPath}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;${rg};${vm}/protectedItems/VM;iaasvmcontainerv2;${rg};${vm}`;
const version = '?api-version=2023-06-01';

function arranged(now: number) {
  const arm = inProcessArm(demoSeed(now), (context: EmulatorContext) => [...restoreRoutes(context), ...jobRoutes(context), ...recoveryPointRoutes(context), ...validateOperationRoutes(context)]);
  const vault = arm.context.state.vaults[keyOf(vaultPath)]!;
  const newestPoint = (vm: string) => vault.protectedItems[`vm;iaasvmcontainerv2;rg-web-prod;${vm}`]!.recoveryPoints.at(-1)!.name;
  const restoreBody = (point: string, vm: string, properties: Json) => ({
    properties: {
      objectType: 'IaasVMRestoreRequest',
      recoveryPointId: point,
      sourceResourceId: virtualMachineId(sub, 'rg-web-prod', vm),
      region: 'westeurope',
      storageAccountId: `/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Storage/storageAccounts/contosowebdiag`,
      ...properties,
    },
  });
  const jobOf = (id: string) => arm.call('GET', `${vaultPath}/backupJobs/${id}${version}`, undefined, now + 3_600_000);
  return { arm, vault, newestPoint, restoreBody, jobOf };
}

describe('a restore job as it ends', () => {
  it('fails with the service\'s code when the new VM\'s name was taken while it ran', async () => {
    const now = Date.now();
    const { arm, vault, newestPoint, restoreBody, jobOf } = arranged(now);
    const point = newestPoint('web-01');
    const network = `/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Network/virtualNetworks/vnet-web-prod`;
    const answer = await arm.call(
      'POST',
      `${itemPath('rg-web-prod', 'web-01')}/recoveryPoints/${point}/restore${version}`,
      restoreBody(point, 'web-01', { recoveryType: 'AlternateLocation', targetResourceGroupId: `/subscriptions/${sub}/resourceGroups/rg-web-prod`, targetVirtualMachineId: virtualMachineId(sub, 'rg-web-prod', 'web-09'), virtualNetworkId: network, subnetId: `${network}/subnets/web` }),
      now,
    );
    assert.equal(answer.status, 202);
    const job = Object.values(vault.jobs).find((candidate) => candidate.operation === 'Restore')!;
    // Someone makes a VM of that name before the job ends.
    arm.context.state.virtualMachines[keyOf(virtualMachineId(sub, 'rg-web-prod', 'web-09'))] = { ...arm.context.state.virtualMachines[keyOf(virtualMachineId(sub, 'rg-web-prod', 'web-03'))]!, resource: { id: virtualMachineId(sub, 'rg-web-prod', 'web-09'), name: 'web-09', type: 'Microsoft.Compute/virtualMachines', location: 'westeurope', properties: {} } };
    arm.context.changed();
    const ended = (await jobOf(job.id)).body!.properties as Json;
    assert.equal(ended.status, 'Failed');
    assert.equal(ended.errorDetails[0].errorTitle, 'UserErrorVmNameAlreadyExists');
    assert.equal(Object.keys(arm.context.state.disks).length, 0, 'nothing made');
  });

  it("replacing disks records the VM's old disk as a managed disk of its group, and the restored one as the VM's", async () => {
    const now = Date.now();
    const { arm, vault, newestPoint, restoreBody, jobOf } = arranged(now);
    const point = newestPoint('web-02');
    const answer = await arm.call('POST', `${itemPath('rg-web-prod', 'web-02')}/recoveryPoints/${point}/restore${version}`, restoreBody(point, 'web-02', { recoveryType: 'OriginalLocation' }), now);
    assert.equal(answer.status, 202);
    const job = Object.values(vault.jobs).find((candidate) => candidate.operation === 'Restore')!;
    assert.equal(((await jobOf(job.id)).body!.properties as Json).status, 'Completed');
    const vm = arm.context.state.virtualMachines[keyOf(virtualMachineId(sub, 'rg-web-prod', 'web-02'))]!;
    const osDisk = (vm.resource.properties.storageProfile as Json).osDisk;
    assert.match(osDisk.name, /^web-02-osdisk-\d{8}-\d{6}$/);
    assert.equal(osDisk.createOption, 'Attach');
    assert.deepEqual(Object.values(arm.context.state.disks).map((disk) => disk.resource.name).sort(), ['web-02_OsDisk_1', osDisk.name].sort());
    assert.deepEqual(job.restore?.made?.replacedDiskIds, [`/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/disks/web-02_OsDisk_1`]);
  });
});

describe('the triggered validation', () => {
  it('answers its result 202 with Location and Azure-AsyncOperation while it runs, then 200 with the problems', async () => {
    const now = Date.now();
    const { arm, newestPoint, restoreBody } = arranged(now);
    const point = newestPoint('web-01');
    const body = { id: `${itemPath('rg-web-prod', 'web-01')}/recoveryPoints/${point}`, properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreBody(point, 'web-01', { recoveryType: 'RestoreDisks', targetResourceGroupId: `/subscriptions/${sub}/resourceGroups/rg-missing` }).properties } };
    const trigger = await arm.call('POST', `${vaultPath}/backupTriggerValidateOperation${version}`, body, now);
    assert.equal(trigger.status, 202);
    const result = new URL(trigger.headers.Location!);
    const running = await arm.call('GET', result.pathname + result.search, undefined, now);
    assert.equal(running.status, 202);
    assert.ok(running.headers.Location && running.headers['Azure-AsyncOperation'] && running.headers['Retry-After'] !== undefined);
    const done = await arm.call('GET', result.pathname + result.search, undefined, now + 60_000);
    assert.equal(done.status, 200);
    assert.deepEqual((done.body as Json).validateOperationResponse.validationResults.map((entry: Json) => entry.code), ['UserErrorTargetResourceGroupNotFound']);
    const wrong = await arm.call('POST', `${vaultPath}/backupValidateOperation${version}`, { id: body.id, properties: { objectType: 'ValidateSomethingElse' } }, now);
    assert.equal(errorOf(wrong).code, 'UserErrorInvalidRequestParameter');
  });
});

describe('state written before restores', () => {
  it('loads with no disks and no blobs', () => {
    const state = demoSeed(Date.now()) as unknown as Json;
    delete state.disks;
    delete state.blobs;
    const file = join(mkdtempSync(join(tmpdir(), 'avb-restore-')), 'state.json');
    writeFileSync(file, JSON.stringify(state));
    const loaded = new StateFile(file).load()!;
    assert.deepEqual([loaded.disks, loaded.blobs], [{}, {}]);
  });
});
