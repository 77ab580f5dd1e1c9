// The data layer (BackupReader, loadBackupEstate) through the real SDK clients against the
// emulator: the demo seed mapped to the extension's model, paging, cancellation that stops the
// traffic, errors as AzureError reasons, and throttled answers retried. Registers its suites at
// import; emulator.test.ts imports it, and it runs alone with
// `node --import tsx --test test/integration/backupReader.scenario.ts`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { armRequests, assertAzureError, lastSequence, tenantId } from './readerSteps';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { BackupReader } from '../../src/azure/backupReader';
import { loadBackupEstate, type SubscriptionContents } from '../../src/azure/backupEstate';
import type { Vault } from '../../src/azure/model';

const day = 86_400_000;

/** The estate as comparable text: every subscription, vault, protected VM and VM without backup. */
function describeEstate(estate: readonly SubscriptionContents[]): string[] {
  return estate.flatMap(({ subscription, vaults, unprotectedVms }) => [
    `${subscription.name} (${subscription.subscriptionId})`,
    ...vaults.flatMap(({ vault, protectedVms }) => [
      `  ${vault.name} ${vault.location} ${vault.redundancy ?? '?'}`,
      ...protectedVms.map((vm) => `    ${vm.name} ${vm.protectionState} ${vm.health} ${vm.lastBackupTime?.toISOString() ?? 'never'} ${vm.policyName ?? '-'}`),
    ]),
    ...(unprotectedVms ?? []).map((vm) => `  without backup: ${vm.name} ${vm.powerState ?? '?'}`),
  ]);
}

describe('BackupReader on the demo seed', () => {
  let env: TestEmulator;
  let reader: BackupReader;
  let production: Vault[];
  before(async () => {
    env = await startTestEmulator();
    reader = new BackupReader(() => env.clients);
    await reader.listSubscriptions(tenantId);
    production = await reader.listVaults(demoSubscriptions.production);
  });
  after(async () => {
    await env?.close();
  });
  const vaultNamed = (name: string): Vault => {
    const vault = production.find((candidate) => candidate.name === name);
    assert.ok(vault, `no vault ${name} among ${production.map((candidate) => candidate.name).join(', ')}`);
    return vault;
  };

  it('lists the subscriptions sorted by name, with their tenant', async () => {
    const subscriptions = await reader.listSubscriptions(tenantId);
    assert.deepEqual(
      subscriptions.map((subscription) => [subscription.name, subscription.subscriptionId, subscription.tenantId, subscription.state]),
      [
        ['Contoso Development', demoSubscriptions.development, tenantId, 'Enabled'],
        ['Contoso Production', demoSubscriptions.production, tenantId, 'Enabled'],
      ],
    );
  });

  it('lists the vaults of Contoso Production with region and redundancy', () => {
    assert.deepEqual(
      production.map((vault) => [vault.name, vault.resourceGroup, vault.location, vault.redundancy, vault.crossRegionRestore, vault.subscriptionId]),
      [
        ['prod-eus-vault', 'rg-app-eastus', 'eastus', 'LocallyRedundant', false, demoSubscriptions.production],
        ['prod-weu-vault', 'rg-backup-prod', 'westeurope', 'GeoRedundant', false, demoSubscriptions.production],
      ],
    );
    assert.equal(vaultNamed('prod-weu-vault').softDeleteState, 'Enabled');
  });

  it('maps the protected VMs of prod-eus-vault: a failed one with its health details, one waiting for its first backup', async () => {
    const vms = await reader.listProtectedVms(vaultNamed('prod-eus-vault'));
    assert.deepEqual(
      vms.map((vm) => vm.name),
      ['app-eus-01', 'app-eus-02'],
    );
    const [failed, pending] = vms as [(typeof vms)[0], (typeof vms)[0]];
    assert.equal(failed.health, 'failed');
    assert.equal(failed.lastBackupStatus, 'Failed');
    assert.ok(failed.lastBackupTime && Date.now() - failed.lastBackupTime.getTime() < 2 * day, `last backup ${failed.lastBackupTime?.toISOString()}`);
    assert.equal(failed.healthDetails.length, 1);
    assert.equal(failed.healthDetails[0]!.title, 'UserErrorGuestAgentStatusUnavailable');
    assert.equal(failed.healthDetails[0]!.code, '400043');
    assert.ok(failed.healthDetails[0]!.recommendations.length > 0, 'the health detail has no recommendation');
    assert.equal(failed.virtualMachineId.toLowerCase(), `/subscriptions/${demoSubscriptions.production}/resourcegroups/rg-app-eastus/providers/microsoft.compute/virtualmachines/app-eus-01`);

    assert.equal(pending.health, 'initialBackupPending');
    assert.equal(pending.protectionState, 'IRPending');
    assert.equal(pending.lastBackupTime, undefined);
    assert.equal(pending.lastBackupStatus, undefined);
    assert.equal(pending.policyName, 'DefaultPolicy');
  });

  it('maps the protected VMs of prod-weu-vault: healthy, with last backup and policy', async () => {
    const vms = await reader.listProtectedVms(vaultNamed('prod-weu-vault'));
    assert.deepEqual(
      vms.map((vm) => `${vm.name}:${vm.health}:${vm.policyName}`),
      ['sql-01:healthy:Hourly-Enhanced', 'web-01:healthy:DefaultPolicy', 'web-02:healthy:DefaultPolicy'],
    );
    const web01 = vms.find((vm) => vm.name === 'web-01')!;
    assert.ok(web01.lastBackupTime && Date.now() - web01.lastBackupTime.getTime() < 2 * day, `last backup ${web01.lastBackupTime?.toISOString()}`);
    assert.equal(web01.lastBackupStatus, 'Completed');
    assert.equal(web01.recoveryPointCount, 7);
    assert.equal(web01.itemName, 'VM;iaasvmcontainerv2;rg-web-prod;web-01');
    assert.equal(web01.containerName, 'IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01');
    assert.equal(web01.resourceGroup, 'rg-web-prod');
  });

  it('lists the policies of prod-weu-vault with their kind', async () => {
    const policies = await reader.listPolicies(vaultNamed('prod-weu-vault'));
    assert.deepEqual(
      policies.map((policy) => `${policy.name}:${policy.kind}:${policy.frequency}`),
      ['DefaultPolicy:Standard:Daily', 'EnhancedPolicy:Enhanced:Hourly', 'Hourly-Enhanced:Enhanced:Hourly', 'Weekly-Sunday:Standard:Weekly'],
    );
    const hourly = policies.find((policy) => policy.name === 'Hourly-Enhanced')!;
    assert.equal(hourly.instantRestoreDays, 7);
    assert.equal(hourly.dailyRetentionDays, 30);
    assert.equal(hourly.timeZone, 'W. Europe Standard Time');
  });

  it("lists the jobs of the last 7 days, newest first, following the pages", async () => {
    const since = new Date(Date.now() - 7 * day);
    const before = await lastSequence(env);
    const jobs = await reader.listJobs(vaultNamed('prod-weu-vault'), { since });
    // Three VMs backed up nightly for 7 days: 6 or 7 nights of each fall inside the window.
    assert.ok(jobs.length === 18 || jobs.length === 21, `${jobs.length} jobs`);
    assert.deepEqual(new Set(jobs.map((job) => job.entityFriendlyName)), new Set(['web-01', 'web-02', 'sql-01']));
    for (const job of jobs) {
      assert.equal(job.operation, 'Backup');
      assert.equal(job.status, 'Completed');
      assert.ok(job.startTime && job.startTime >= since, `job of ${job.startTime?.toISOString()} is older than ${since.toISOString()}`);
      assert.ok(job.durationMs !== undefined && job.durationMs > 0);
    }
    const starts = jobs.map((job) => job.startTime!.getTime());
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
    const pages = armRequests(await env.requests(before)).filter((entry) => /\/backupJobs$/i.test(new URL(entry.url).pathname));
    assert.equal(pages.length, Math.ceil(jobs.length / 5), 'one request per page of 5');

    const failed = await reader.listJobs(vaultNamed('prod-eus-vault'), { since, status: 'Failed', operation: 'Backup' });
    assert.equal(failed.length, 2);
    for (const job of failed) {
      assert.equal(job.entityFriendlyName, 'app-eus-01');
      assert.deepEqual(
        job.errors.map((error) => error.code),
        ['UserErrorGuestAgentStatusUnavailable'],
      );
    }
  });

  it('lists the VMs of a subscription with their power state, in one listing', async () => {
    const before = await lastSequence(env);
    const vms = await reader.listVirtualMachines(demoSubscriptions.production);
    assert.deepEqual(
      vms.map((vm) => `${vm.name}:${vm.powerState}`),
      ['app-eus-01:running', 'app-eus-02:running', 'app-eus-03:running', 'jumpbox:deallocated', 'ml-gpu-01:running', 'sql-01:running', 'web-01:running', 'web-02:running', 'web-03:running'],
    );
    assert.equal(vms.find((vm) => vm.name === 'jumpbox')?.osType, 'Windows');
    const requests = armRequests(await env.requests(before));
    assert.deepEqual(
      requests.map((entry) => new URL(entry.url).pathname.toLowerCase()),
      [`/subscriptions/${demoSubscriptions.production}/providers/microsoft.compute/virtualmachines`, `/subscriptions/${demoSubscriptions.production}/providers/microsoft.compute/virtualmachines`],
      'two pages of the listing and no request per VM',
    );
  });

  it('loads the estate with exactly the VMs that no vault protects', async () => {
    const estate = await loadBackupEstate(reader, [tenantId], { includeUnprotectedVms: true });
    assert.deepEqual(
      estate.map((contents) => contents.subscription.name),
      ['Contoso Development', 'Contoso Production'],
    );
    const [development, productionContents] = estate as [SubscriptionContents, SubscriptionContents];
    assert.deepEqual(
      productionContents.unprotectedVms?.map((vm) => vm.name),
      ['app-eus-03', 'jumpbox', 'ml-gpu-01', 'web-03'],
    );
    // Stopped and soft-deleted items still hold the VM's backups: those VMs are not "without backup".
    assert.deepEqual(
      development.unprotectedVms?.map((vm) => vm.name),
      ['test-vm-01'],
    );
    assert.deepEqual(
      development.vaults.flatMap(({ protectedVms }) => protectedVms.map((vm) => `${vm.name}:${vm.health}`)),
      ['build-agent-01:healthy', 'build-agent-02:stopped', 'legacy-api:softDeleted'],
    );
    const legacy = development.vaults[0]!.protectedVms.find((vm) => vm.name === 'legacy-api')!;
    assert.ok(legacy.purgeTime && Math.abs(legacy.purgeTime.getTime() - (Date.now() + 12 * day)) < day, `purge ${legacy.purgeTime?.toISOString()}`);
    assert.equal(legacy.softDeleteRetentionDays, 14);
    assert.deepEqual(
      productionContents.vaults.map(({ vault, protectedVms }) => `${vault.name}:${protectedVms.length}`),
      ['prod-eus-vault:2', 'prod-weu-vault:3'],
    );
  });

  it('fails with reason notFound for a vault that does not exist', async () => {
    const missing: Vault = { ...vaultNamed('prod-weu-vault'), id: `/subscriptions/${demoSubscriptions.production}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/no-such-vault`, name: 'no-such-vault' };
    const error = await assertAzureError(reader.listProtectedVms(missing), 'notFound');
    assert.equal(error.statusCode, 404);
    assert.match(error.message, /no-such-vault/);
  });

  it('loads the same estate while 30% of the requests are throttled (the SDK retries them)', async (t) => {
    const expected = describeEstate(await loadBackupEstate(reader, [tenantId], { includeUnprotectedVms: true }));
    const start = await lastSequence(env);
    let throttled = 0;
    let rounds = 0;
    await env.setFaults('429=0.3');
    try {
      // Until a 429 was injected at least once (at most 5 rounds).
      while (rounds < 5 && throttled === 0) {
        rounds++;
        assert.deepEqual(describeEstate(await loadBackupEstate(reader, [tenantId], { includeUnprotectedVms: true })), expected, `round ${rounds}`);
        throttled = (await env.requests(start)).filter((entry) => entry.fault === 'throttle').length;
      }
    } finally {
      await env.setFaults('none');
    }
    assert.ok(throttled > 0, 'no request was throttled');
    t.diagnostic(`${rounds} round(s), ${throttled} throttled answers retried, ${expected.length} lines identical`);
  });
});

describe('BackupReader follows every page (scale seed, 5 items a page)', () => {
  let env: TestEmulator;
  before(async () => {
    // 6 subscriptions (2 pages) × 6 vaults (2 pages) × 11 protected VMs (3 pages), 72 VMs a subscription (15 pages).
    env = await startTestEmulator({ seed: { kind: 'scale', subscriptions: 6, vaultsPerSubscription: 6, vmsPerVault: 11 } });
  });
  after(async () => {
    await env?.close();
  });

  it('loads all of the estate, one request per page and none per VM', async () => {
    const reader = new BackupReader(() => env.clients);
    const estate = await loadBackupEstate(reader, [tenantId], { includeUnprotectedVms: true });
    assert.equal(estate.length, 6);
    for (const { subscription, vaults, unprotectedVms } of estate) {
      assert.equal(vaults.length, 6, subscription.name);
      for (const { vault, protectedVms } of vaults) {
        assert.equal(protectedVms.length, 11, vault.name);
        assert.equal(new Set(protectedVms.map((vm) => vm.name)).size, 11);
      }
      assert.deepEqual(
        unprotectedVms?.map((vm) => vm.name),
        ['vm-1-unprotected', 'vm-2-unprotected', 'vm-3-unprotected', 'vm-4-unprotected', 'vm-5-unprotected', 'vm-6-unprotected'],
      );
    }
    const requests = armRequests(await env.requests());
    const count = (pattern: RegExp) => requests.filter((entry) => pattern.test(new URL(entry.url).pathname)).length;
    assert.equal(count(/^\/subscriptions$/i), 2, 'subscription pages');
    assert.equal(count(/\/providers\/Microsoft\.RecoveryServices\/vaults$/i), 6 * 2, 'vault pages');
    assert.equal(count(/\/backupProtectedItems$/i), 6 * 6 * 3, 'protected item pages');
    assert.equal(count(/\/providers\/Microsoft\.Compute\/virtualMachines$/i), 6 * 15, 'VM pages');
    assert.equal(requests.length, 2 + 6 * 2 + 6 * 6 * 3 + 6 * 15, 'nothing else');
    assert.ok(requests.filter((entry) => entry.url.includes('$skiptoken=')).length > 0);
    assert.deepEqual(
      requests.filter((entry) => /\/virtualMachines\/vm-/i.test(entry.url) || /\/protectedItems\/[^/?]/i.test(entry.url)).map((entry) => entry.url),
      [],
      'no request per VM',
    );
  });
});

/** ArmClients whose every client runs `policy` on each attempt to send (after the SDK's retries). */
