// The restore data layer against the emulator through the real SDK clients: recovery points with
// Azure's date filter, Azure's validation of a request, each restore type followed to its Restore
// job, "Create VM from restored disks" (the job's template through a read-only SAS, deployed by
// TemplateDeployments with its templateLink), and a lost answer that never makes a second restore;
// then all of that traffic checked against the published REST specifications.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { ArmClients } from '../../src/azure/armClients';
import { deploymentNameFor } from '../../src/azure/templateDeployments';
import { restoredDisksDeploymentInput } from '../../src/azure/restoredDiskTemplates';
import type { AzureError } from '../../src/azure/azureError';
import type { Vault } from '../../src/azure/model';
import { recoveryPointFilter } from '../../src/azure/recoveryPoints';
import { restoreSourceOf } from '../../src/restore/restoreRequest';
import { restoreRequestProblems } from '../../src/restore/restoreRules';
import { acceptedStagingAccounts } from '../../src/restore/stagingAccountRules';
import { describeRestoreValidation } from '../../src/restore/restoreValidation';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { jobEnded, lastSequence, outcomes, requestsTo, vaultNamed } from './operationSteps';
import { loseOneAnswer, newestPoint, requestFor, restoreOver, restorePosts, type RestoreUnderTest } from './restoreOperationsSteps';

const prod = demoSubscriptions.production;
const day = 86_400_000;
const groupId = (name: string) => `/subscriptions/${prod}/resourceGroups/${name}`;
const webVnet = `${groupId('rg-web-prod')}/providers/Microsoft.Network/virtualNetworks/vnet-web-prod`;
const stagingAccount = (name: string) => `${groupId('rg-web-prod')}/providers/Microsoft.Storage/storageAccounts/${name}`;
/** The service's filter has whole seconds, written 'yyyy-MM-dd hh:mm:ss tt'. */
const serviceTime = "\\d{4}-\\d{2}-\\d{2} (0\\d|1[0-2]):[0-5]\\d:[0-5]\\d (AM|PM)";

describe('recovery points and restores against the emulator', () => {
  let env: TestEmulator;
  let under: RestoreUnderTest;
  let weu: Vault;
  let vmRestoreJobId: string | undefined;

  before(async () => {
    env = await startTestEmulator();
    under = await restoreOver(env.clients);
    weu = await vaultNamed(under.reader, prod, 'prod-weu-vault');
  });
  after(async () => {
    await env?.close();
  });

  it("lists a VM's recovery points of the last 30 days, newest first, with Azure's date filter", async () => {
    const since = await lastSequence(env);
    const { item } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const points = await under.points.list(item);
    assert.ok(points.length >= 2, `${points.length} points`);
    const times = points.map((point) => point.time.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.ok(times.every((time) => time >= Date.now() - 30 * day - 60_000), 'the last 30 days');
    for (const point of points) {
      assert.ok(['snapshot', 'snapshotAndVault', 'vault', 'archive'].includes(point.tier), point.tier);
      assert.ok(['application', 'fileSystem', 'crash'].includes(point.consistency), point.consistency);
      assert.equal(point.managed, true);
      assert.equal((point.raw as { name: string }).name, point.name, 'the point as Azure sent it');
    }
    assert.equal(points[0]!.tier === 'snapshot' || points[0]!.tier === 'snapshotAndVault', true, `the newest point still has its snapshot (${points[0]!.tier})`);
    const lists = requestsTo(await env.requests(since), 'GET', /\/protectedItems\/[^/]+\/recoveryPoints$/);
    assert.ok(lists.length >= 1);
    for (const list of lists.filter((entry) => !new URL(entry.url).searchParams.has('$skiptoken'))) {
      assert.match(new URL(list.url).searchParams.get('$filter') ?? '', new RegExp(`^startDate eq '${serviceTime}' and endDate eq '${serviceTime}'$`));
    }
  });

  it('lists the points of a range asked for, and reads one by name', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const range = { from: new Date(point.time.getTime() - 1000), to: new Date(point.time.getTime() + 1000) };
    const since = await lastSequence(env);
    const around = await under.points.list(item, range);
    assert.deepEqual(around.map((candidate) => candidate.name), [point.name]);
    const sent = requestsTo(await env.requests(since), 'GET', /\/recoveryPoints$/)[0]!;
    assert.equal(new URL(sent.url).searchParams.get('$filter'), recoveryPointFilter(range));
    const got = await under.points.get(item, point.name);
    assert.deepEqual({ ...got, raw: undefined }, { ...point, raw: undefined });
    const none = await under.points.list(item, { from: new Date(Date.now() - 900 * day), to: new Date(Date.now() - 800 * day) });
    assert.deepEqual(none, []);
  });

  it("has Azure validate a request: none of its problems for a good one, and Azure's words for a staging account in another region", async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const good = requestFor(weu, item, point, {
      type: 'newVm',
      targetResourceGroup: 'rg-web-prod',
      vmName: 'web-01-validated',
      virtualNetworkId: webVnet,
      subnetName: 'app',
      stagingStorageAccountId: stagingAccount('contosowebdiag'),
    });
    assert.deepEqual(restoreRequestProblems(good), {});
    const validation = await under.restores.validate(good);
    assert.deepEqual(validation, { valid: true, results: [] }, describeRestoreValidation(validation));

    const storage = await env.clients.storage(prod);
    await storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'stagingneu01', { location: 'northeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, { updateIntervalInMs: 5 });
    const far = { ...good, stagingStorageAccountId: stagingAccount('stagingneu01') };
    const refused = await under.restores.validate(far);
    assert.equal(refused.valid, false);
    assert.ok(refused.results.some((result) => /region/i.test(result.message)), describeRestoreValidation(refused));
    assert.match(describeRestoreValidation(refused), /^Azure found (a problem|\d+ problems) with the restore:\n\w+: /);
    const context = { storageAccounts: [{ id: far.stagingStorageAccountId, name: 'stagingneu01', resourceGroup: 'rg-web-prod', location: 'northeurope', kind: 'StorageV2', skuName: 'Standard_LRS' }] };
    assert.match(restoreRequestProblems(far, context).stagingStorageAccount ?? '', /is in northeurope: it must be in the vault's region \(westeurope\)/, 'the extension says it before Azure');
    assert.equal(restorePosts(await env.requests(), item.itemName).length, 0, 'validating restores nothing');
  });

  it('reads what the rules need from Azure: the VM as it is, the region\'s networks and zones, the groups and the accounts Azure takes', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const storage = await env.clients.storage(prod);
    await storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'stagingzrs01', { location: 'westeurope', sku: { name: 'Standard_ZRS' }, kind: 'StorageV2' }, { updateIntervalInMs: 5 });
    const source = restoreSourceOf(weu, item, point);
    const context = await under.targets.rulesContext(source, { targetResourceGroup: 'rg-web-prod', ...(weu.redundancy ? { vaultRedundancy: weu.redundancy } : {}) });
    assert.deepEqual(context.sourceVm, { id: item.virtualMachineId, name: 'web-01', location: 'westeurope', managed: true, encrypted: false, osType: 'Linux' });
    assert.ok(context.resourceGroups?.some((group) => group.name === 'rg-web-prod' && group.location === 'westeurope'));
    assert.deepEqual(context.virtualNetworks?.map((network) => network.name), ['vnet-data-prod', 'vnet-web-prod']);
    assert.ok(context.takenVmNames?.includes('web-01'));
    const accepted = acceptedStagingAccounts(context.storageAccounts ?? [], { vaultLocation: 'westeurope', point: source.point }).map((account) => account.name);
    assert.ok(accepted.includes('contosowebdiag') && !accepted.includes('stagingzrs01'), accepted.join(', '));
    const request = requestFor(weu, item, point, {
      type: 'newVm',
      targetResourceGroup: 'rg-web-prod',
      vmName: 'web-01',
      virtualNetworkId: webVnet,
      subnetName: 'app',
      stagingStorageAccountId: stagingAccount('stagingzrs01'),
    });
    assert.deepEqual(restoreRequestProblems(request, context), {
      vmName: "A VM named 'web-01' already exists in resource group rg-web-prod: choose another name.",
      stagingStorageAccount: 'Staging storage account stagingzrs01 is zone-redundant (Standard_ZRS): Azure Backup refuses ZRS staging accounts. Choose a locally- or geo-redundant account (LRS or GRS).',
    });
    const azure = await under.restores.validate(request);
    assert.equal(azure.valid, false, 'Azure refuses it too');
  });

  it('refuses another zone for a point of a vault that is not zone-redundant, as Azure does', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const older = (await under.points.list(item)).find((candidate) => candidate.tier === 'vault');
    assert.ok(older, 'a point in the vault tier only');
    const request = requestFor(weu, item, older, { type: 'restoreDisks', targetResourceGroup: 'rg-web-prod', stagingStorageAccountId: stagingAccount('contosowebdiag'), zone: '2' });
    assert.notEqual(weu.redundancy, 'ZoneRedundant');
    assert.match(restoreRequestProblems(request, { vaultRedundancy: weu.redundancy ?? 'GeoRedundant' }).zone ?? '', /needs a vault with zone-redundant storage/);
    const azure = await under.restores.validate(request);
    assert.deepEqual(azure.results.map((result) => result.code), ['UserErrorCrossZonalRestoreNotSupported'], describeRestoreValidation(azure));
    assert.match(restoreRequestProblems({ ...request, source: restoreSourceOf(weu, item, point) }, {}).zone ?? '', /needs a point in the vault tier only, and this one is in the snapshot and vault tiers/);
  });

  it('creates a new VM from the newest point: one POST, a Restore job that completes, the VM in its group; a second click follows the same job', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const request = requestFor(weu, item, point, {
      type: 'newVm',
      targetResourceGroup: 'rg-web-prod',
      vmName: 'web-01-restored',
      virtualNetworkId: webVnet,
      subnetName: 'app',
      stagingStorageAccountId: stagingAccount('contosowebdiag'),
    });
    const since = await lastSequence(env);
    const started = await under.restores.restore(item, request);
    assert.equal(started.alreadyRunning, false);
    const again = await under.restores.restore(item, request);
    assert.deepEqual(again, { jobId: started.jobId, alreadyRunning: true }, 'the running restore, not a second one');
    assert.equal((await under.restores.runningRestore(item))?.jobName, started.jobId);
    const job = await jobEnded(under.ops, weu.id, started.jobId, 60_000);
    assert.deepEqual([job.operation, job.status, job.entityFriendlyName], ['Restore', 'Completed', 'web-01']);
    assert.ok(job.subtasks.length > 0, 'with its subtasks');
    const posts = restorePosts(await env.requests(since), item.itemName);
    assert.deepEqual(outcomes(posts), ['202']);
    const compute = await env.clients.compute(prod);
    const vm = await compute.virtualMachines.get('rg-web-prod', 'web-01-restored');
    assert.equal(vm.location, 'westeurope');
    assert.equal(await under.restores.runningRestore(item), undefined);
    vmRestoreJobId = started.jobId;
  });

  it('restores disks, then creates the VM from them: the template through a read-only SAS, deployed by TemplateDeployments with its templateLink', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const request = requestFor(weu, item, point, { type: 'restoreDisks', targetResourceGroup: 'rg-web-prod', stagingStorageAccountId: stagingAccount('contosowebdiag') });
    const started = await under.restores.restore(item, request);
    const job = await jobEnded(under.ops, weu.id, started.jobId, 60_000);
    assert.deepEqual([job.operation, job.status], ['Restore', 'Completed']);

    const disks = await under.templates.restoredDisks(weu.id, started.jobId);
    assert.equal(disks.storageAccountName, 'contosowebdiag');
    assert.match(disks.templateBlobUri, /^https:\/\/contosowebdiag\.blob\.[^/]+\/[^/]+\/[^/?]+\.json$/);
    assert.equal(disks.targetResourceGroup, 'rg-web-prod');
    const link = await under.templates.templateLink(prod, disks);
    assert.ok(link.uri.startsWith(`${disks.templateBlobUri}?`), link.uri.split('?')[0]);
    const sas = new URL(link.uri).searchParams;
    assert.deepEqual([sas.get('sp'), sas.get('sr'), sas.get('spr')], ['r', 'b', 'https'], 'read-only, one blob, https only');
    assert.ok(Math.abs(Date.parse(sas.get('se') ?? '') - link.expiresOn.getTime()) < 1000, `expires ${sas.get('se')}`);

    const target = { subscriptionId: prod, resourceGroup: 'rg-web-prod', deploymentName: deploymentNameFor('web-01-from-disks') };
    const input = restoredDisksDeploymentInput(link, { VirtualMachineName: 'web-01-from-disks', VirtualNetwork: 'vnet-web-prod', VirtualNetworkResourceGroup: 'rg-web-prod', Subnet: 'app' });
    const result = await under.deployments.follow(await under.deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Succeeded', JSON.stringify(result.error));
    const compute = await env.clients.compute(prod);
    const vm = await compute.virtualMachines.get('rg-web-prod', 'web-01-from-disks');
    assert.ok(vm.storageProfile?.osDisk?.managedDisk?.id, 'on a restored managed disk');
    const put = requestsTo(await env.requests(), 'PUT', new RegExp(`/deployments/${target.deploymentName}$`))[0]!;
    const sent = (put.requestBody as { properties: Record<string, unknown> }).properties;
    assert.deepEqual(Object.keys(sent).sort(), ['mode', 'parameters', 'templateLink']);
  });

  it('refuses "Create VM from restored disks" for a job that restored a VM, naming why', async () => {
    assert.ok(vmRestoreJobId, 'the new VM restore ran');
    const error = await under.templates.restoredDisks(weu.id, vmRestoreJobId).then(
      () => assert.fail('a VM restore gave a template'),
      (failure: Error & { code?: string }) => failure,
    );
    assert.equal(`${error.code}: ${error.message}`, 'NoRestoredTemplate: The restore job names no template (Template Blob Uri): only a finished "Restore disks" of a VM writes one.');
  });

  it('replaces the disks of web-02: the VM runs on the restored disks, its old disks stay in its resource group', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-02');
    const compute = await env.clients.compute(prod);
    const before = await compute.virtualMachines.get('rg-web-prod', 'web-02');
    const oldDisk = before.storageProfile?.osDisk?.name;
    assert.ok(oldDisk);
    const request = requestFor(weu, item, point, { type: 'replaceDisks', stagingStorageAccountId: stagingAccount('contosowebdiag'), confirmVmName: 'web-02' });
    assert.deepEqual(restoreRequestProblems(request), {});
    const started = await under.restores.restore(item, request);
    const job = await jobEnded(under.ops, weu.id, started.jobId, 60_000);
    assert.deepEqual([job.operation, job.status, job.entityFriendlyName], ['Restore', 'Completed', 'web-02']);
    const after = await compute.virtualMachines.get('rg-web-prod', 'web-02');
    assert.notEqual(after.storageProfile?.osDisk?.name, oldDisk, 'a new OS disk');
    assert.ok(after.storageProfile?.osDisk?.managedDisk?.id, 'a managed disk');
    const kept = await compute.disks.get('rg-web-prod', oldDisk);
    assert.equal(kept.name, oldDisk, 'the old disk is kept');
    assert.equal(kept.managedBy, undefined, 'detached');
  });
});

describe('restores that need more than a click: an archived point, a VM that is gone', () => {
  let env: TestEmulator;
  let under: RestoreUnderTest;

  before(async () => {
    env = await startTestEmulator();
    under = await restoreOver(env.clients);
  });
  after(async () => {
    await env?.close();
  });

  it('restores a point only in the archive tier to a new VM once rehydration is asked for; without it the rules and Azure refuse', async () => {
    const weu = await vaultNamed(under.reader, prod, 'prod-weu-vault');
    const item = (await under.reader.listProtectedVms(weu)).find((candidate) => candidate.name === 'sql-01')!;
    const points = await under.points.list(item, { from: new Date(Date.now() - 400 * day), to: new Date() });
    const archived = points.find((point) => point.tier === 'archive' && !point.rehydrated);
    assert.ok(archived, `an archived point among ${points.map((point) => point.tier).join(', ')}`);
    const request = requestFor(weu, item, archived, {
      type: 'newVm',
      targetResourceGroup: 'rg-data-prod',
      vmName: 'sql-01-archive',
      virtualNetworkId: `${groupId('rg-data-prod')}/providers/Microsoft.Network/virtualNetworks/vnet-data-prod`,
      subnetName: 'data',
      stagingStorageAccountId: stagingAccount('contosowebdiag'),
    });
    assert.match(restoreRequestProblems(request).rehydrationPriority ?? '', /^This recovery point is only in the archive tier/);
    const refused = await under.restores.restore(item, request).then(
      () => assert.fail('restored an archived point without rehydration'),
      (error: AzureError) => error,
    );
    assert.equal(refused.code, 'UserErrorRecoveryPointNotRehydrated', refused.message);
    assert.equal(restorePosts(await env.requests(), item.itemName).length, 1, 'refused once, not retried');

    const rehydrating = { ...request, rehydration: { priority: 'High' as const, days: 10 } };
    assert.deepEqual(restoreRequestProblems(rehydrating), {});
    const started = await under.restores.restore(item, rehydrating);
    const job = await jobEnded(under.ops, weu.id, started.jobId, 120_000);
    assert.deepEqual([job.operation, job.status], ['Restore', 'Completed'], JSON.stringify(job.errors));
    const sent = restorePosts(await env.requests(), item.itemName).at(-1)!.requestBody as { properties: Record<string, unknown> };
    assert.equal(sent.properties['objectType'], 'IaasVMRestoreWithRehydrationRequest');
    assert.deepEqual(sent.properties['recoveryPointRehydrationInfo'], { rehydrationRetentionDuration: 'P10D', rehydrationPriority: 'High' });
    const after = await under.points.get(item, archived.name);
    assert.deepEqual([after.tier, after.rehydrated], ['archive', true], 'rehydrated for its 10 days');
    assert.ok(after.rehydratedUntil && after.rehydratedUntil.getTime() > Date.now(), `until ${after.rehydratedUntil?.toISOString()}`);
  });

  it('refuses to replace the disks of a VM that no longer exists: the rules say so first, then Azure, and nothing starts', async () => {
    const eus = await vaultNamed(under.reader, prod, 'prod-eus-vault');
    const { item, point } = await newestPoint(under.reader, under.points, eus, 'app-eus-01');
    const storage = await env.clients.storage(prod);
    await storage.storageAccounts.beginCreateAndWait('rg-app-eastus', 'stagingeus01', { location: 'eastus', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, { updateIntervalInMs: 5 });
    const compute = await env.clients.compute(prod);
    await compute.virtualMachines.beginDeleteAndWait('rg-app-eastus', 'app-eus-01', { updateIntervalInMs: 5 });
    const request = requestFor(eus, item, point, {
      type: 'replaceDisks',
      stagingStorageAccountId: `${groupId('rg-app-eastus')}/providers/Microsoft.Storage/storageAccounts/stagingeus01`,
      confirmVmName: 'app-eus-01',
    });
    const context = await under.targets.rulesContext(request.source);
    assert.equal(context.sourceVm, null);
    assert.equal(restoreRequestProblems(request, context).type, 'VM app-eus-01 no longer exists: Replace existing disks needs the VM. Create a new VM or restore the disks instead.');
    const validation = await under.restores.validate(request);
    assert.deepEqual(validation.results.map((result) => result.code), ['UserErrorVmNotFoundV2']);
    const began = new Date(Date.now() - 1000);
    const refused = await under.restores.restore(item, request).then(
      () => assert.fail('replaced the disks of a deleted VM'),
      (error: AzureError) => error,
    );
    assert.equal(refused.code, 'UserErrorVmNotFoundV2', refused.message);
    const jobs = await under.reader.listJobs(eus, { since: began, operation: 'Restore' });
    assert.deepEqual(jobs, [], 'no restore job');
  });
});

describe('a restore whose answer is lost', () => {
  let env: TestEmulator;
  let under: RestoreUnderTest;
  let lose: ReturnType<typeof loseOneAnswer>;
  let weu: Vault;

  before(async () => {
    env = await startTestEmulator({ timeScale: 100 });
    lose = loseOneAnswer(env);
    const clients = new ArmClients({ ...env.connection });
    (await clients.backup(prod)).pipeline.addPolicy(lose.policy, { afterPhase: 'Retry' });
    under = await restoreOver(clients);
    weu = await vaultNamed(under.reader, prod, 'prod-weu-vault');
  });
  after(async () => {
    await env?.close();
  });

  it('is sent once, never retried, and the click follows the one Restore job it started', async () => {
    const { item, point } = await newestPoint(under.reader, under.points, weu, 'web-01');
    const request = requestFor(weu, item, point, { type: 'restoreDisks', targetResourceGroup: 'rg-web-prod', stagingStorageAccountId: stagingAccount('contosowebdiag') });
    const began = new Date(Date.now() - 1000);
    const since = await lastSequence(env);
    lose.arm('POST', /\/restore$/);
    const click = await under.restores.restore(item, request);
    assert.equal(click.alreadyRunning, false);
    const log = await env.requests(since);
    assert.deepEqual(outcomes(restorePosts(log, item.itemName)), ['202/reset'], 'one POST, its answer lost, not sent again');
    const jobs = (await under.reader.listJobs(weu, { since: began, operation: 'Restore' })).filter((job) => job.entityFriendlyName === 'web-01');
    assert.deepEqual(jobs.map((job) => job.jobName), [click.jobId], 'one Restore job, the one the click follows');
    const job = await jobEnded(under.ops, weu.id, click.jobId, 60_000);
    assert.equal(job.status, 'Completed');
  });
});

recordedTrafficConforms('the restore operations', 'the recovery point and restore scenarios');
