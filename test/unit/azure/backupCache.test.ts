import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackupCache } from '../../../src/azure/backupCache';
import type { BackupReader } from '../../../src/azure/backupReader';
import type { ProtectedVm, Vault, VirtualMachine } from '../../../src/azure/model';

const sub = 'sub-1';
const vault = (name: string): Vault => ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/${name}`, name, subscriptionId: sub, resourceGroup: 'rg', location: 'westeurope', crossRegionRestore: false, tags: {} });
const vm = (name: string): VirtualMachine => ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`, name, subscriptionId: sub, resourceGroup: 'rg', location: 'westeurope' });
const item = (owner: Vault, target: VirtualMachine, health: ProtectedVm['health'] = 'healthy'): ProtectedVm => ({
  id: `${owner.id}/backupFabrics/Azure/protectionContainers/c/protectedItems/${target.name}`,
  vaultId: owner.id,
  itemName: `VM;iaasvmcontainerv2;rg;${target.name}`,
  containerName: 'c',
  name: target.name,
  // the backup service writes resource group segments in another case than Compute does
  virtualMachineId: target.id.replace('resourceGroups', 'resourcegroups'),
  protectionState: 'Protected',
  health,
  healthDetails: [],
});

/** A reader that counts calls and answers from fixed data, optionally never settling. */
function fakeReader(data: { vaults: Vault[]; vms: VirtualMachine[]; items: Record<string, ProtectedVm[]> }) {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  let failNext = false;
  const reader = {
    listVaults: (id: string, signal: AbortSignal) => (calls.push(`vaults:${id}`), signals.push(signal), Promise.resolve(data.vaults)),
    listVirtualMachines: (id: string) => (calls.push(`vms:${id}`), Promise.resolve(data.vms)),
    listProtectedVms: (target: Vault) => {
      calls.push(`items:${target.name}`);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('boom'));
      }
      return Promise.resolve(data.items[target.name] ?? []);
    },
    listPolicies: () => Promise.resolve([]),
    listSubscriptions: () => Promise.resolve([]),
  } as unknown as BackupReader;
  return { reader, calls, signals, failOnce: () => (failNext = true) };
}

describe('BackupCache', () => {
  const weu = vault('prod-weu-vault');
  const eus = vault('prod-eus-vault');
  const [web01, web02, jumpbox, legacy] = [vm('web-01'), vm('web-02'), vm('jumpbox'), vm('legacy')];
  const data = { vaults: [weu, eus], vms: [web01, web02, jumpbox, legacy], items: { 'prod-weu-vault': [item(weu, web01)], 'prod-eus-vault': [item(eus, web02), item(eus, legacy, 'softDeleted')] } };

  it('lists VMs without backup from the vaults\' items, case-insensitively, counting soft-deleted items as backed up', async () => {
    const { reader } = fakeReader(data);
    const cache = new BackupCache(reader);
    assert.deepEqual((await cache.unprotectedVms(sub)).map((machine) => machine.name), ['jumpbox']);
  });

  it('asks for each listing once and reuses it across the tree', async () => {
    const { reader, calls } = fakeReader(data);
    const cache = new BackupCache(reader);
    await Promise.all([cache.unprotectedVms(sub), cache.vaults(sub), cache.protectedVms(weu), cache.protectedVms(weu)]);
    await cache.protectedVms(eus);
    assert.deepEqual(calls.sort(), ['items:prod-eus-vault', 'items:prod-weu-vault', `vaults:${sub}`, `vms:${sub}`]);
  });

  it('forgets a failed load so that a retry asks again', async () => {
    const { reader, calls, failOnce } = fakeReader(data);
    const cache = new BackupCache(reader);
    failOnce();
    await assert.rejects(cache.protectedVms(weu), /boom/);
    assert.deepEqual((await cache.protectedVms(weu)).map((protectedVm) => protectedVm.name), ['web-01']);
    assert.equal(calls.filter((call) => call === 'items:prod-weu-vault').length, 2);
  });

  it('forgets one vault\'s loads on forget(vaultId) and aborts everything on reset', async () => {
    const { reader, calls, signals } = fakeReader(data);
    const cache = new BackupCache(reader);
    await cache.vaults(sub);
    await cache.protectedVms(weu);
    await cache.protectedVms(eus);
    cache.forget(weu.id.toUpperCase());
    await cache.protectedVms(weu);
    await cache.protectedVms(eus);
    assert.equal(calls.filter((call) => call === 'items:prod-weu-vault').length, 2);
    assert.equal(calls.filter((call) => call === 'items:prod-eus-vault').length, 1);
    assert.equal(signals[0]!.aborted, false);
    cache.reset();
    assert.equal(signals[0]!.aborted, true);
    await cache.vaults(sub);
    assert.equal(calls.filter((call) => call.startsWith('vaults:')).length, 2);
  });
});
