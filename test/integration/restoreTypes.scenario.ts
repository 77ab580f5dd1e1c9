// Every restore type end to end: restore disks (the job, its subtask and property bag, the managed
// disks, the configuration and template in the staging account; a SAS from ListServiceSas; the
// template deployed through templateLink makes a VM from the disks), a new VM (its disks and NIC),
// replacing the disks of the original VM (the old ones kept), an archive-only point restored with
// rehydration, and a lost answer that never makes a second restore (imported by restore.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { ComputeManagementClient } from '@azure/arm-compute';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { ArmClients } from '../../src/azure/armClients';
import { pollAsyncOperation, pollLocation } from '../../src/azure/asyncOperation';
import { fast } from './armRequestSteps';
import { expectArmError } from './resourceScenarioHelpers';
import { all, filterTime, refused } from './backupSteps';
import { lastSequence, outcomes, requestsTo } from './operationSteps';
import {
  bagOf, day, groupId, loseOneAnswer, networkId, pointsOf, prod, restoreAndWait, restoreRequest, sql01, tasksOf, tiersOf, triggerRestore, web01, web02, weu,
} from './restoreSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('restoring a VM: each restore type and what it makes', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let compute: ComputeManagementClient;
  before(async () => {
    env = await startTestEmulator();
    backup = await env.clients.backup(prod);
    compute = await env.clients.compute(prod);
  });
  after(async () => {
    await env?.close();
  });

  let template: { uri: string; container: string; blob: string; disks: string[] } | undefined;

  it('restores disks: 202, the operation ends with a Restore job; disks in the target group, configuration and template in the staging account', async () => {
    const [newest] = await pointsOf(backup, web01);
    const request = restoreRequest(web01, newest!.name!, { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-data-prod') });
    const answer = await triggerRestore(backup, web01, newest!.name!, request);
    assert.equal(answer.status, 202);
    assert.match(decodeURIComponent(new URL(answer.location!).pathname), /\/protectedItems\/VM;iaasvmcontainerv2;rg-web-prod;web-01\/operationResults\/[^/]+$/);
    assert.match(decodeURIComponent(new URL(answer.azureAsyncOperation!).pathname), /\/protectedItems\/VM;iaasvmcontainerv2;rg-web-prod;web-01\/operationsStatus\/[^/]+$/);
    assert.equal(answer.retryAfterMs, 0);
    const outcome = await pollAsyncOperation(backup, answer.azureAsyncOperation!, { defaultDelayMs: 5 });
    assert.equal(outcome.status, 'Succeeded');
    assert.equal((await pollLocation(backup, answer.location!, { defaultDelayMs: 5 })).status, 204, 'the result of a restore has no body');
    const jobs = await all(backup.backupJobs.list(weu.vault, weu.rg, { filter: `operation eq 'Restore' and startTime eq '${filterTime(new Date(Date.now() - 60_000))}' and endTime eq '${filterTime(new Date(Date.now() + 60_000))}'` }));
    assert.deepEqual(jobs.map((candidate) => [candidate.name, candidate.properties?.operation, candidate.properties?.entityFriendlyName]), [[outcome.jobId, 'Restore', 'web-01']]);
    const jobId = outcome.jobId!;
    const done = await waitForJob(backup, jobId);
    const properties = done.properties as Json;
    assert.equal(properties.status, 'Completed');
    assert.equal(properties.jobType, 'AzureIaaSVMJob');
    assert.equal(properties.isUserTriggered, true);
    assert.deepEqual(tasksOf(done).map((task) => `${task.taskId}:${task.status}`), ['Transfer data:Completed']);
    const bag = bagOf(done);
    assert.equal(bag['Job Type'], 'Recover disks');
    assert.equal(bag['Target Storage Account Name'], 'contosowebdiag');
    assert.equal(bag['Target resource group'], 'rg-data-prod');
    assert.match(bag['Recovery point time ']!, /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    assert.match(bag['Config Blob Container Name']!, /^web-01-[0-9a-f]{32}$/);
    assert.equal(bag['Config Blob Name'], `config-web-01-${jobId}.json`);
    const container = bag['Config Blob Container Name']!;
    assert.equal(bag['Config Blob Uri'], `https://contosowebdiag.blob.core.windows.net/${container}/config-web-01-${jobId}.json`);
    assert.equal(bag['Template Blob Uri'], `https://contosowebdiag.blob.core.windows.net/${container}/azuredeploy${jobId}.json`);

    const disks = await all(compute.disks.listByResourceGroup('rg-data-prod'));
    assert.equal(disks.length, 1);
    const disk = disks[0]!;
    assert.match(disk.name!, /^web-01-osdisk-\d{8}-\d{6}$/);
    assert.deepEqual([disk.location, disk.sku?.name, disk.osType, disk.diskSizeGB, disk.diskState], ['westeurope', 'Premium_LRS', 'Linux', 30, 'Unattached']);
    assert.equal(disk.creationData?.createOption, 'Restore');
    template = { uri: bag['Template Blob Uri']!, container, blob: `azuredeploy${jobId}.json`, disks: disks.map((candidate) => candidate.id!) };
  });

  it('lets a client read the template through a service SAS (ListServiceSas), and deploys it with templateLink: a VM on the restored disks', async () => {
    assert.ok(template, 'the disk restore ran');
    const storage = await env.clients.storage(prod);
    const sas = await storage.storageAccounts.listServiceSAS('rg-web-prod', 'contosowebdiag', {
      canonicalizedResource: `/blob/contosowebdiag/${template.container}/${template.blob}`,
      resource: 'b',
      permissions: 'r',
      protocols: 'https',
      sharedAccessExpiryTime: new Date(Date.now() + 3600_000),
    });
    assert.match(sas.serviceSasToken!, /^sv=[^&]+&sr=b&se=[^&]+&sp=r&spr=https&sig=[^&]+$/);
    const resources = await env.clients.resources(prod);
    const deployment = await resources.deployments.beginCreateOrUpdateAndWait(
      'rg-data-prod',
      'restored-web-01',
      { properties: { mode: 'Incremental', templateLink: { uri: `${template.uri}?${sas.serviceSasToken}` }, parameters: { VirtualMachineName: { value: 'web-01-restored' } } } },
      fast,
    );
    assert.equal(deployment.properties?.provisioningState, 'Succeeded', JSON.stringify(deployment.properties?.error));
    assert.equal(deployment.properties?.templateLink?.uri, template.uri, 'the link is shown without its SAS');
    const vm = await compute.virtualMachines.get('rg-data-prod', 'web-01-restored');
    assert.equal(vm.hardwareProfile?.vmSize, 'Standard_D2s_v5');
    assert.equal(vm.storageProfile?.osDisk?.createOption, 'Attach');
    assert.equal(vm.storageProfile?.osDisk?.managedDisk?.id?.toLowerCase(), template.disks[0]!.toLowerCase());
    const disk = await compute.disks.get('rg-data-prod', template.disks[0]!.split('/').pop()!);
    assert.equal(disk.diskState, 'Attached');
    assert.equal(disk.managedBy?.toLowerCase(), vm.id?.toLowerCase());
    const nic = await (await env.clients.network(prod)).networkInterfaces.get('rg-data-prod', 'web-01-restored-nic');
    assert.match(nic.ipConfigurations?.[0]?.subnet?.id ?? '', /\/virtualNetworks\/vnet-web-prod\/subnets\/web$/i, "the template's default network is the backed-up VM's");
  });

  it("refuses a template link ARM could not download: no SAS, another blob's SAS, an expired one, a link outside the emulator", async () => {
    assert.ok(template, 'the disk restore ran');
    const storage = await env.clients.storage(prod);
    const resources = await env.clients.resources(prod);
    const sasFor = async (blob: string, expiry: Date) =>
      (await storage.storageAccounts.listServiceSAS('rg-web-prod', 'contosowebdiag', { canonicalizedResource: `/blob/contosowebdiag/${template!.container}/${blob}`, resource: 'b', permissions: 'r', sharedAccessExpiryTime: expiry })).serviceSasToken!;
    const deploy = (uri: string) => resources.deployments.beginCreateOrUpdateAndWait('rg-data-prod', 'restored-refused', { properties: { mode: 'Incremental', templateLink: { uri } } }, fast);
    const links = [
      template.uri,
      `${template.uri}?${await sasFor('config.json', new Date(Date.now() + 3600_000))}`,
      `${template.uri}?${await sasFor(template.blob, new Date(Date.now() - 60_000))}`,
      'https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/quickstarts/microsoft.compute/vm-simple-linux/azuredeploy.json',
    ];
    for (const uri of links) {
      const error = await expectArmError(deploy(uri), 400, 'InvalidContentLink');
      assert.ok(!error.message.includes('sig='), 'the SAS is never echoed');
    }
    await expectArmError(storage.storageAccounts.listServiceSAS('rg-web-prod', 'contosowebdiag', { canonicalizedResource: '/blob/otheraccount/c/b', resource: 'b', permissions: 'r', sharedAccessExpiryTime: new Date() }), 400, 'InvalidValuesForRequestParameters');
  });

  it('restores to a new VM: the backed-up size and OS on restored disks, a new NIC in the chosen subnet', async () => {
    const [newest] = await pointsOf(backup, web02);
    const job = await restoreAndWait(
      backup,
      web02,
      newest!.name!,
      restoreRequest(web02, newest!.name!, {
        recoveryType: 'AlternateLocation',
        targetResourceGroupId: groupId(prod, 'rg-web-prod'),
        targetVirtualMachineId: `${groupId(prod, 'rg-web-prod')}/providers/Microsoft.Compute/virtualMachines/web-02-copy`,
        virtualNetworkId: networkId(prod, 'rg-web-prod', 'vnet-web-prod'),
        subnetId: `${networkId(prod, 'rg-web-prod', 'vnet-web-prod')}/subnets/app`,
      }),
    );
    assert.equal(job.properties?.status, 'Completed');
    assert.deepEqual([bagOf(job)['Job Type'], bagOf(job)['Target VM Name'], bagOf(job)['Target resource group']], ['Restore VM', 'web-02-copy', 'rg-web-prod']);
    assert.equal(bagOf(job)['Template Blob Uri'], undefined, 'no template: the VM is made');
    const vm = await compute.virtualMachines.get('rg-web-prod', 'web-02-copy');
    assert.deepEqual([vm.location, vm.hardwareProfile?.vmSize, vm.storageProfile?.osDisk?.osType, vm.provisioningState], ['westeurope', 'Standard_D2s_v5', 'Linux', 'Succeeded']);
    const diskId = vm.storageProfile?.osDisk?.managedDisk?.id ?? '';
    assert.match(diskId, /\/resourceGroups\/rg-web-prod\/providers\/Microsoft\.Compute\/disks\/web-02-copy-osdisk-\d{8}-\d{6}$/);
    assert.equal((await compute.disks.get('rg-web-prod', diskId.split('/').pop()!)).diskState, 'Attached');
    const nicId = vm.networkProfile?.networkInterfaces?.[0]?.id ?? '';
    const nic = await (await env.clients.network(prod)).networkInterfaces.get('rg-web-prod', nicId.split('/').pop()!);
    assert.match(nic.ipConfigurations?.[0]?.subnet?.id ?? '', /\/subnets\/app$/);
    assert.equal(nic.ipConfigurations?.[0]?.privateIPAddress, '10.10.2.4', 'the subnet\'s first free address');
    assert.equal(nic.virtualMachine?.id?.toLowerCase(), vm.id?.toLowerCase());
  });

  it("replaces the disks of the original VM: the VM uses the restored OS disk, the old one stays in the VM's group", async () => {
    const before = await compute.virtualMachines.get('rg-web-prod', 'web-01');
    const oldDisk = before.storageProfile?.osDisk?.name;
    const [newest] = await pointsOf(backup, web01);
    const job = await restoreAndWait(backup, web01, newest!.name!, restoreRequest(web01, newest!.name!, { recoveryType: 'OriginalLocation' }));
    assert.equal(job.properties?.status, 'Completed');
    assert.equal(bagOf(job)['Job Type'], 'Replace existing disks');
    const vm = await compute.virtualMachines.get('rg-web-prod', 'web-01');
    assert.equal(vm.id, before.id, 'the same VM');
    assert.notEqual(vm.storageProfile?.osDisk?.name, oldDisk);
    assert.match(vm.storageProfile?.osDisk?.name ?? '', /^web-01-osdisk-\d{8}-\d{6}$/);
    const kept = await compute.disks.get('rg-web-prod', oldDisk!);
    assert.deepEqual([kept.diskState, kept.managedBy], ['Unattached', undefined]);
  });

  it('restores an archive-only point only with rehydration; the point then shows ArchivedRP Rehydrated', async () => {
    const year = await pointsOf(backup, sql01, { from: new Date(Date.now() - 365 * day) });
    const archived = year.find((point) => tiersOf(point).endsWith('ArchivedRP:Valid'))!;
    const disks = { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-data-prod') };
    await refused(triggerRestore(backup, sql01, archived.name!, restoreRequest(sql01, archived.name!, disks)), 400, 'UserErrorRecoveryPointNotRehydrated');
    const rehydrating = restoreRequest(sql01, archived.name!, {
      ...disks,
      objectType: 'IaasVMRestoreWithRehydrationRequest',
      recoveryPointRehydrationInfo: { rehydrationPriority: 'High', rehydrationRetentionDuration: 'P12D' },
    });
    const job = await restoreAndWait(backup, sql01, archived.name!, rehydrating, 30_000);
    assert.equal(job.properties?.status, 'Completed');
    assert.deepEqual(tasksOf(job).map((task) => `${task.taskId}:${task.status}`), ['Rehydrate recovery point:Completed', 'Transfer data:Completed']);
    const point = await backup.recoveryPoints.get(sql01.v.vault, sql01.v.rg, 'Azure', `IaasVMContainer;iaasvmcontainerv2;rg-data-prod;sql-01`, 'VM;iaasvmcontainerv2;rg-data-prod;sql-01', archived.name!);
    const tiers = (point.properties as Json).recoveryPointTierDetails as Json[];
    const archive = tiers.find((tier) => tier.type === 'ArchivedRP')!;
    assert.equal(archive.status, 'Rehydrated');
    const keptFor = new Date(archive.extendedInfo.RehydratedRPExpiryTime).getTime() - new Date(job.properties!.endTime!).getTime();
    assert.ok(Math.abs(keptFor - (12 * day) / 1000) < 1000, `kept 12 days (at the emulator's pace): ${keptFor} ms`);
    await refused(triggerRestore(backup, sql01, archived.name!, rehydrating), 400, 'UserErrorRecoveryPointAlreadyRehydrated');
  });
});

describe('restoring when the answer to the trigger is lost', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  let lose: ReturnType<typeof loseOneAnswer>;
  before(async () => {
    env = await startTestEmulator({ timeScale: 200 });
    lose = loseOneAnswer(env);
    const clients = new ArmClients({ ...env.connection });
    backup = await clients.backup(prod);
    backup.pipeline.addPolicy(lose.policy, { afterPhase: 'Retry' });
  });
  after(async () => {
    await env?.close();
  });

  it('the retried POST finds the restore it started and is refused: one Restore job, not two', async () => {
    const [newest] = await pointsOf(backup, web02);
    const began = new Date(Date.now() - 1000);
    const start = await lastSequence(env);
    lose.arm('POST', /\/restore$/);
    await refused(triggerRestore(backup, web02, newest!.name!, restoreRequest(web02, newest!.name!, { recoveryType: 'RestoreDisks', targetResourceGroupId: groupId(prod, 'rg-web-prod') })), 400, 'BMSUserErrorObjectLocked');
    const posts = requestsTo(await env.requests(start), 'POST', /\/restore$/);
    assert.deepEqual(outcomes(posts), ['202/reset', '400']);
    const jobs = await all(backup.backupJobs.list(weu.vault, weu.rg, { filter: `operation eq 'Restore' and startTime eq '${filterTime(began)}' and endTime eq '${filterTime(new Date(Date.now() + 60_000))}'` }));
    assert.deepEqual(jobs.map((job) => job.properties?.entityFriendlyName), ['web-02']);
    assert.equal(jobs[0]!.properties?.status, 'InProgress', 'the first POST started it');
  });
});

async function waitForJob(backup: RecoveryServicesBackupClient, jobId: string) {
  for (;;) {
    const job = await backup.jobDetails.get(weu.vault, weu.rg, jobId);
    if (job.properties?.status !== 'InProgress') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
