// Protecting a VM the vault never discovered, as Azure's templates do (a protected-item PUT, or the
// portal's backupProtectionIntent, with no refresh-containers step), and the service's refusals
// when the VM cannot be protected; then that traffic against the published REST specifications.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import type { TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { keyOf } from '../../emulator/state/lookup';
import { operationHeadersOf, pollAsyncOperation } from '../../src/azure/asyncOperation';
import { all, capture, containerOf, emulatorWithNewVault, fabric, itemOf, jobEnd, policyIdOf, putItem, refused, vmIdOf, type VaultRef } from './backupSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sub = demoSubscriptions.production;
const v: VaultRef = { sub, rg: 'rg-backup-prod', vault: 'tpl-weu-vault' };
const defaultPolicy = policyIdOf(sub, v.rg, v.vault, 'DefaultPolicy');
// The names Azure's quickstart templates write: all lower case.
const templateContainer = (rg: string, vm: string) => `iaasvmcontainer;iaasvmcontainerv2;${rg};${vm}`;
const templateItem = (rg: string, vm: string) => `vm;iaasvmcontainerv2;${rg};${vm}`;

describe('protecting a VM the vault never discovered', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  const put = (container: string, item: string, sourceResourceId: string, options = {}) =>
    backup.protectedItems.createOrUpdate(v.vault, v.rg, fabric, container, item, { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: defaultPolicy, sourceResourceId } as never }, options);

  emulatorWithNewVault(v, (client, started) => {
    backup = client;
    env = started;
  });

  it('protects a VM in another resource group than the vault, named as templates name it, with no discovery first', async () => {
    const seen = capture();
    await put(templateContainer('rg-web-prod', 'web-03'), templateItem('rg-web-prod', 'web-03'), vmIdOf(sub, 'rg-web-prod', 'web-03'), seen.options);
    assert.equal(seen.status(), 202);
    const outcome = await pollAsyncOperation(backup, operationHeadersOf(seen.headers()).azureAsyncOperation!, { defaultDelayMs: 5 });
    assert.equal(outcome.status, 'Succeeded');
    const job = await jobEnd(backup, v, outcome.jobId!);
    assert.deepEqual([job.properties?.operation, job.properties?.status, job.properties?.entityFriendlyName], ['ConfigureBackup', 'Completed', 'web-03']);
    // The item takes the service's own names, whatever the casing of the request's.
    const item = await backup.protectedItems.get(v.vault, v.rg, fabric, containerOf('rg-web-prod', 'web-03'), itemOf('rg-web-prod', 'web-03'));
    assert.equal(item.name, itemOf('rg-web-prod', 'web-03'));
    const properties = item.properties as Json;
    assert.deepEqual([properties.protectionState, properties.lastBackupStatus, properties.policyName], ['IRPending', '', 'DefaultPolicy']);
    assert.equal(properties.sourceResourceId.toLowerCase(), vmIdOf(sub, 'rg-web-prod', 'web-03').toLowerCase());
    const containers = await all(backup.backupProtectionContainers.list(v.vault, v.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    assert.deepEqual(containers.map((container) => container.name), [containerOf('rg-web-prod', 'web-03')]);
  });

  it('refuses a VM that does not exist: 400 BMSUserErrorInvalidSourceResourceId', async () => {
    const error = await refused(put(templateContainer('rg-web-prod', 'web-99'), templateItem('rg-web-prod', 'web-99'), vmIdOf(sub, 'rg-web-prod', 'web-99')), 400, 'BMSUserErrorInvalidSourceResourceId');
    assert.match(error.message, /virtual machine '\/subscriptions\/.+\/virtualMachines\/web-99' was not found/);
  });

  it('refuses a sourceResourceId that is no VM id: 400 BMSUserErrorInvalidSourceResourceId', async () => {
    await refused(put(templateContainer('rg-data-prod', 'jumpbox'), templateItem('rg-data-prod', 'jumpbox'), 'jumpbox'), 400, 'BMSUserErrorInvalidSourceResourceId');
  });

  it('refuses a VM in another region than the vault: 400 UserErrorVmVaultLocationMismatch', async () => {
    const error = await refused(put(containerOf('rg-app-eastus', 'app-eus-03'), itemOf('rg-app-eastus', 'app-eus-03'), vmIdOf(sub, 'rg-app-eastus', 'app-eus-03')), 400, 'UserErrorVmVaultLocationMismatch');
    assert.match(error.message, /different region \(virtual machine: 'eastus', vault: 'westeurope'\)/);
  });

  it("refuses a VM of another subscription than the vault's: 400 BMSUserErrorInvalidSourceResourceId", async () => {
    const devVm = vmIdOf(demoSubscriptions.development, 'rg-dev', 'test-vm-01');
    const error = await refused(put(containerOf('rg-dev', 'test-vm-01'), itemOf('rg-dev', 'test-vm-01'), devVm), 400, 'BMSUserErrorInvalidSourceResourceId');
    assert.match(error.message, new RegExp(`outside the vault's subscription '${sub}'`));
  });

  it('refuses container or item names that are not the VM\'s: 400 BMSUserErrorInvalidConfigureProtectionRequest', async () => {
    const jumpbox = vmIdOf(sub, 'rg-data-prod', 'jumpbox');
    const wrongContainer = await refused(put(containerOf('rg-web-prod', 'jumpbox'), itemOf('rg-data-prod', 'jumpbox'), jumpbox), 400, 'BMSUserErrorInvalidConfigureProtectionRequest');
    assert.match(wrongContainer.message, /Please ensure that container exists/);
    await refused(put(containerOf('rg-data-prod', 'jumpbox'), itemOf('rg-data-prod', 'web-03'), jumpbox), 400, 'BMSUserErrorInvalidConfigureProtectionRequest');
    await refused(put('iaasvmcontainerv2;rg-data-prod;jumpbox', itemOf('rg-data-prod', 'jumpbox'), jumpbox), 400, 'BMSUserErrorInvalidConfigureProtectionRequest');
  });

  it('refuses a VM still being created: 400 UserErrorVmNotInDesirableState, and protects it once it is created', async () => {
    const vm = env.emulator.context.state.virtualMachines[keyOf(vmIdOf(sub, 'rg-data-prod', 'jumpbox'))]!;
    vm.provisioningUntil = Date.now() + 3_600_000;
    vm.provisioningKind = 'Creating';
    env.emulator.context.changed();
    try {
      const error = await refused(put(containerOf('rg-data-prod', 'jumpbox'), itemOf('rg-data-prod', 'jumpbox'), vm.resource.id), 400, 'UserErrorVmNotInDesirableState');
      assert.match(error.message, /not in a state that allows backups/);
    } finally {
      delete vm.provisioningUntil;
      delete vm.provisioningKind;
      env.emulator.context.changed();
    }
    const jobId = await putItem(backup, v, 'rg-data-prod', 'jumpbox', { policyId: defaultPolicy, sourceResourceId: vm.resource.id });
    assert.equal((await jobEnd(backup, v, jobId)).properties?.operation, 'ConfigureBackup');
  });

  it('refuses a VM another vault protects: 400 BMSUserErrorVmAlreadyProtected', async () => {
    const error = await refused(put(containerOf('rg-web-prod', 'web-01'), itemOf('rg-web-prod', 'web-01'), vmIdOf(sub, 'rg-web-prod', 'web-01')), 400, 'BMSUserErrorVmAlreadyProtected');
    assert.match(error.message, /prod-weu-vault/);
  });

  it('made no item for any refused request: the vault holds the two VMs it protected', async () => {
    const items = await all(backup.backupProtectedItems.list(v.vault, v.rg));
    assert.deepEqual(items.map((item) => item.name).sort(), [itemOf('rg-data-prod', 'jumpbox'), itemOf('rg-web-prod', 'web-03')]);
  });
});

describe('the portal\'s backupProtectionIntent', () => {
  let backup: RecoveryServicesBackupClient;
  const intentOf = (rg: string, vm: string, policyId = defaultPolicy) => ({
    properties: { protectionIntentItemType: 'AzureResourceItem', friendlyName: `${vm}BackupIntent`, policyId, sourceResourceId: vmIdOf(sub, rg, vm) } as never,
  });

  emulatorWithNewVault(v, (client) => {
    backup = client;
  });

  it('protects the VM at once: 200 with the intent Protecting, a ConfigureBackup job, then Protected', async () => {
    const seen = capture();
    const name = templateItem('rg-data-prod', 'jumpbox');
    const answer = await backup.protectionIntentOperations.createOrUpdate(v.vault, v.rg, fabric, name, intentOf('rg-data-prod', 'jumpbox'), seen.options);
    assert.equal(seen.status(), 200);
    assert.equal(answer.name, name);
    assert.equal(answer.type, 'Microsoft.RecoveryServices/vaults/backupFabrics/backupProtectionIntent');
    const properties = answer.properties as Json;
    assert.deepEqual(
      [properties.protectionIntentItemType, properties.backupManagementType, properties.protectionState, properties.policyId, properties.friendlyName],
      ['AzureResourceItem', 'AzureIaasVM', 'Protecting', defaultPolicy, 'jumpboxBackupIntent'],
    );
    assert.match(properties.itemId, /\/protectionContainers\/IaasVMContainer;iaasvmcontainerv2;rg-data-prod;jumpbox\/protectedItems\/VM;iaasvmcontainerv2;rg-data-prod;jumpbox$/);

    const jobs = await all(backup.backupJobs.list(v.vault, v.rg));
    const configure = jobs.find((job) => job.properties?.operation === 'ConfigureBackup' && job.properties.entityFriendlyName === 'jumpbox');
    assert.ok(configure, 'the intent started a ConfigureBackup job');
    assert.equal((await jobEnd(backup, v, configure.name!)).properties?.status, 'Completed');
    const intent = await backup.protectionIntentOperations.get(v.vault, v.rg, fabric, name);
    assert.equal((intent.properties as Json).protectionState, 'Protected');
    const item = (await backup.protectedItems.get(v.vault, v.rg, fabric, containerOf('rg-data-prod', 'jumpbox'), itemOf('rg-data-prod', 'jumpbox'))).properties as Json;
    assert.deepEqual([item.protectionState, item.policyName], ['IRPending', 'DefaultPolicy']);
  });

  it("keeps an intent the checks refuse, as Azure does (200, no error), reading ProtectionFailed and making no item", async () => {
    const cases: [string, string, string][] = [
      [templateItem('rg-app-eastus', 'app-eus-03'), 'rg-app-eastus', 'app-eus-03'], // another region
      [templateItem('rg-web-prod', 'web-02'), 'rg-web-prod', 'web-03'], // a name that is not the VM's
      [templateItem('rg-web-prod', 'gone'), 'rg-web-prod', 'gone'], // no such VM
      [templateItem('rg-web-prod', 'web-01'), 'rg-web-prod', 'web-01'], // protected by another vault
    ];
    for (const [name, rg, vm] of cases) {
      const seen = capture();
      const answer = await backup.protectionIntentOperations.createOrUpdate(v.vault, v.rg, fabric, name, intentOf(rg, vm), seen.options);
      assert.equal(seen.status(), 200, name);
      assert.equal((answer.properties as Json).protectionState, 'ProtectionFailed', name);
      assert.equal((answer.properties as Json).itemId, undefined, name);
      const read = await backup.protectionIntentOperations.get(v.vault, v.rg, fabric, name);
      assert.equal((read.properties as Json).protectionState, 'ProtectionFailed', name);
    }
    const items = await all(backup.backupProtectedItems.list(v.vault, v.rg));
    assert.deepEqual(items.map((item) => item.name), [itemOf('rg-data-prod', 'jumpbox')]);
  });

  it('deletes an intent (204) and leaves the item it made protected', async () => {
    const name = templateItem('rg-data-prod', 'jumpbox');
    const seen = capture();
    await backup.protectionIntentOperations.delete(v.vault, v.rg, fabric, name, seen.options);
    assert.equal(seen.status(), 204);
    const item = (await backup.protectedItems.get(v.vault, v.rg, fabric, containerOf('rg-data-prod', 'jumpbox'), itemOf('rg-data-prod', 'jumpbox'))).properties as Json;
    assert.equal(item.protectionState, 'IRPending');
  });
});

recordedTrafficConforms('protection without discovery', 'the protected-item and protection-intent scenarios');
