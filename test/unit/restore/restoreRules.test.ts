import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RestoreRequest } from '../../../src/restore/restoreRequest';
import { replaceConfirmationProblem, restoreRequestProblems, restoreRequestWarnings, usesTargetResourceGroup } from '../../../src/restore/restoreRules';
import { accountId, context, network, newVmRequest, source, sourceVmId, stagingAccount, subscription, vnetId } from './restoreFixtures';

const replace = (overrides: Partial<RestoreRequest> = {}) => newVmRequest({ type: 'replaceDisks', confirmVmName: 'netvmtestv2vm1', ...overrides });
const disks = (overrides: Partial<RestoreRequest> = {}) => newVmRequest({ type: 'restoreDisks', ...overrides });
const archived = (overrides: Partial<RestoreRequest> = {}) => newVmRequest({ source: source({ tier: 'archive' }), rehydration: { priority: 'Standard', days: 15 }, ...overrides });

describe('restore rules: a request that agrees with what the host knows', () => {
  it('has no problem for each type, with every fact known or none', () => {
    for (const request of [newVmRequest(), disks(), replace(), archived()]) {
      assert.deepEqual(restoreRequestProblems(request, context()), {}, request.type);
      assert.deepEqual(restoreRequestProblems(request), {}, `${request.type} without context`);
    }
  });

  it('refuses a type it does not know', () => {
    const request = newVmRequest({ type: 'move' as RestoreRequest['type'] });
    assert.deepEqual(restoreRequestProblems(request, context()), { type: "Restore type must be Create a new VM, Restore disks or Replace existing disks (not 'move')." });
  });
});

describe('restore rules: replace existing disks', () => {
  it('needs the VM to still exist', () => {
    assert.equal(
      restoreRequestProblems(replace(), context({ sourceVm: null })).type,
      'VM netvmtestv2vm1 no longer exists: Replace existing disks needs the VM. Create a new VM or restore the disks instead.',
    );
  });

  it('needs managed disks, at backup time and now', () => {
    const message = 'VM netvmtestv2vm1 has unmanaged disks: Replace existing disks supports only VMs with managed disks. Create a new VM or restore the disks instead.';
    assert.equal(restoreRequestProblems(replace({ source: source({ managed: false }) }), context()).type, message);
    const unmanagedNow = context({ sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'southeastasia', managed: false } });
    assert.equal(restoreRequestProblems(replace(), unmanagedNow).type, message);
  });

  it('refuses an encrypted VM', () => {
    const message = 'VM netvmtestv2vm1 is encrypted (Azure Disk Encryption): Replace existing disks supports only unencrypted VMs. Create a new VM or restore the disks instead.';
    assert.equal(restoreRequestProblems(replace({ source: source({ encrypted: true }) }), context()).type, message);
    const encryptedNow = context({ sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'southeastasia', managed: true, encrypted: true } });
    assert.equal(restoreRequestProblems(replace(), encryptedNow).type, message);
  });

  it('refuses a VM of another region than the vault (West Europe compares equal to westeurope)', () => {
    const moved = context({ sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'eastasia', managed: true } });
    assert.equal(
      restoreRequestProblems(replace(), moved).type,
      'VM netvmtestv2vm1 is in eastasia and the vault in southeastasia: Replace existing disks works only on a VM of the vault\'s region. Create a new VM or restore the disks instead.',
    );
    const spelled = context({ sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'Southeast Asia', managed: true } });
    assert.equal(restoreRequestProblems(replace(), spelled).type, undefined);
  });

  it('asks the VM name typed exactly, case-sensitive', () => {
    assert.equal(restoreRequestProblems(replace({ confirmVmName: '' }), context()).confirmVmName, 'Type the VM\'s name "netvmtestv2vm1" to confirm that its disks will be replaced.');
    assert.equal(
      restoreRequestProblems(replace({ confirmVmName: 'NetVmTestV2Vm1' }), context()).confirmVmName,
      'Type the VM\'s name "netvmtestv2vm1" exactly (case-sensitive) to replace its disks: "NetVmTestV2Vm1" does not match.',
    );
    assert.equal(replaceConfirmationProblem('web-01', 'web-01 '), 'Type the VM\'s name "web-01" exactly (case-sensitive) to replace its disks: "web-01 " does not match.');
    assert.equal(replaceConfirmationProblem('web-01', 'web-01'), undefined);
    assert.equal(restoreRequestProblems(newVmRequest({ confirmVmName: '' }), context()).confirmVmName, undefined, 'only a replace asks it');
  });

  it('ignores the fields of the other types (resource group, name, network)', () => {
    const problems = restoreRequestProblems(replace({ targetResourceGroup: '', vmName: '', virtualNetworkId: '', subnetName: '' }), context());
    assert.deepEqual(problems, {});
  });
});

describe('restore rules: target resource group', () => {
  it('is required for a new VM and for disks of a managed VM, not for disks of an unmanaged one', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ targetResourceGroup: '' })).targetResourceGroup, 'Target resource group is required: choose the resource group the new VM goes to.');
    assert.equal(restoreRequestProblems(disks({ targetResourceGroup: '' })).targetResourceGroup, 'Target resource group is required: choose the resource group the restored disks go to.');
    assert.equal(restoreRequestProblems(disks({ targetResourceGroup: '', source: source({ managed: false }) })).targetResourceGroup, undefined);
    assert.equal(usesTargetResourceGroup(disks({ source: source({ managed: false }) })), false);
    assert.equal(usesTargetResourceGroup(replace()), false);
  });

  it('takes Azure\'s resource group name rules, named as the target', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ targetResourceGroup: 'rg.' })).targetResourceGroup, 'Target resource group name cannot end in a period.');
    assert.equal(restoreRequestProblems(newVmRequest({ targetResourceGroup: 'x'.repeat(91) })).targetResourceGroup, 'Target resource group name can be at most 90 characters long (it has 91).');
    assert.equal(restoreRequestProblems(newVmRequest({ targetResourceGroup: 'x'.repeat(90) })).targetResourceGroup, undefined);
  });

  it('must exist in the subscription (compared without case)', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest({ targetResourceGroup: 'rg-missing' }), context()).targetResourceGroup,
      "Target resource group 'rg-missing' does not exist in this subscription: choose an existing group, or create it first.",
    );
    assert.equal(restoreRequestProblems(newVmRequest({ targetResourceGroup: 'NETSDKTESTRG2' }), context()).targetResourceGroup, undefined);
  });
});

describe('restore rules: new VM name', () => {
  it('takes Azure\'s VM name rules for the point\'s OS (Windows 15, Linux 64)', () => {
    const windows = (vmName: string) => restoreRequestProblems(newVmRequest({ vmName, source: source({ osType: 'Windows' }) })).vmName;
    assert.equal(windows('x'.repeat(15)), undefined);
    assert.equal(windows('x'.repeat(16)), 'Virtual machine name can be at most 15 characters for a Windows VM (it has 16): shorten it.');
    const linux = (vmName: string) => restoreRequestProblems(newVmRequest({ vmName })).vmName;
    assert.equal(linux('x'.repeat(64)), undefined);
    assert.equal(linux('x'.repeat(65)), 'Virtual machine name can be at most 64 characters for a Linux VM (it has 65): shorten it.');
    assert.equal(linux(''), 'Virtual machine name is required: 1–64 letters, digits, hyphens, underscores and periods.');
  });

  it('uses the VM\'s OS when the point does not say it', () => {
    const request = newVmRequest({ vmName: 'x'.repeat(16), source: source({ osType: undefined }) });
    const windowsVm = context({ sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'southeastasia', managed: true, osType: 'Windows' } });
    assert.match(restoreRequestProblems(request, windowsVm).vmName ?? '', /at most 15 characters for a Windows VM/);
  });

  it('refuses a name taken in the target resource group, ignoring case', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest({ vmName: 'APP-01' }), context()).vmName,
      "A VM named 'APP-01' already exists in resource group netsdktestrg2: choose another name.",
    );
    assert.equal(restoreRequestProblems(newVmRequest({ vmName: 'app-02' }), context()).vmName, undefined);
  });
});

describe('restore rules: virtual network and subnet', () => {
  it('needs a virtual network and a subnet', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ virtualNetworkId: '' })).virtualNetwork, "Virtual network is required: choose a virtual network of the vault's region (southeastasia) for the new VM.");
    assert.equal(restoreRequestProblems(newVmRequest({ subnetName: '' })).subnet, 'Subnet is required: choose a subnet of testNet.');
  });

  it('refuses a network of another subscription', () => {
    const other = vnetId.replace(subscription, '11111111-1111-1111-1111-111111111111');
    assert.equal(restoreRequestProblems(newVmRequest({ virtualNetworkId: other })).virtualNetwork, "Virtual network testNet is in another subscription: choose a network of the vault's subscription.");
  });

  it('refuses a network the subscription does not have', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest(), context({ virtualNetworks: [] })).virtualNetwork,
      'Virtual network testNet (resource group testRg) was not found: choose one of the networks of southeastasia.',
    );
  });

  it('refuses a network of another region than the vault', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest(), context({ virtualNetworks: [network({ location: 'eastasia' })] })).virtualNetwork,
      "Virtual network testNet is in eastasia: the new VM is created in the vault's region (southeastasia), so choose a network there.",
    );
  });

  it('refuses a subnet the network does not have, naming those it has', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ subnetName: 'backend' }), context()).subnet, "Virtual network testNet has no subnet named 'backend': choose default.");
    assert.equal(
      restoreRequestProblems(newVmRequest(), context({ virtualNetworks: [network({ subnets: [] })] })).subnet,
      'Virtual network testNet has no subnet: add one, or choose another network.',
    );
    assert.equal(restoreRequestProblems(newVmRequest({ subnetName: 'DEFAULT' }), context()).subnet, undefined);
  });

  it('is not asked for restored disks', () => {
    assert.deepEqual(restoreRequestProblems(disks({ virtualNetworkId: '', subnetName: '' }), context()), {});
  });
});

describe('restore rules: staging storage account', () => {
  it('is required for every type', () => {
    for (const request of [newVmRequest({ stagingStorageAccountId: '' }), disks({ stagingStorageAccountId: '' }), replace({ stagingStorageAccountId: '' })]) {
      assert.equal(
        restoreRequestProblems(request).stagingStorageAccount,
        "Staging storage account is required: choose a general-purpose account in the vault's region (southeastasia), or create one.",
        request.type,
      );
    }
  });

  it('refuses an account of another subscription, or one not found', () => {
    const other = accountId('testingAccount').replace(subscription, '11111111-1111-1111-1111-111111111111');
    assert.equal(restoreRequestProblems(newVmRequest({ stagingStorageAccountId: other })).stagingStorageAccount, "Staging storage account testingAccount is in another subscription: choose an account of the vault's subscription.");
    assert.equal(
      restoreRequestProblems(newVmRequest({ stagingStorageAccountId: accountId('gone') }), context()).stagingStorageAccount,
      'Staging storage account gone (resource group testRg) was not found: choose another, or create one.',
    );
  });

  it('refuses an account of another region than the vault', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest(), context({ storageAccounts: [stagingAccount({ location: 'westeurope' })] })).stagingStorageAccount,
      "Staging storage account testingAccount is in westeurope: it must be in the vault's region (southeastasia). Choose an account there, or create one.",
    );
  });

  it('refuses a ZRS account (details in stagingAccountRules.test.ts)', () => {
    assert.match(restoreRequestProblems(disks(), context({ storageAccounts: [stagingAccount({ skuName: 'Standard_ZRS' })] })).stagingStorageAccount ?? '', /zone-redundant \(Standard_ZRS\)/);
  });
});

describe('restore rules: availability zone', () => {
  const vaultPoint = (zones: string[] = ['1']) => source({ tier: 'vault', zones });

  it('restores to the point\'s own zone from any tier', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '1', source: source({ zones: ['1'], tier: 'snapshot' }) }), context()).zone, undefined);
  });

  it('takes only 1, 2 or 3, and only zones the region offers', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '4', source: vaultPoint() })).zone, "Availability zone must be 1, 2 or 3, or none (not '4').");
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '2', source: vaultPoint() }), context({ zones: [] })).zone, 'Region southeastasia has no availability zones: choose no zone.');
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '3', source: vaultPoint() }), context({ zones: ['1', '2'] })).zone, 'Availability zone 3 is not offered in southeastasia: choose 1, 2 or none.');
  });

  it('another zone needs a point in the vault tier only', () => {
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '2', source: vaultPoint() }), context()).zone, undefined);
    assert.equal(restoreRequestProblems(disks({ zone: '2', source: source({ tier: 'vault', zones: [] }) }), context()).zone, undefined, 'a VM that was not zone-pinned, to a zone');
    assert.equal(
      restoreRequestProblems(newVmRequest({ zone: '2', source: source({ tier: 'snapshotAndVault', zones: ['1'] }) }), context()).zone,
      "Availability zone 2 differs from the point's (zone 1): restoring to another zone needs a point in the vault tier only, and this one is in the snapshot and vault tiers. Choose an older point in the vault tier, or choose zone 1, or none.",
    );
    assert.equal(
      restoreRequestProblems(newVmRequest({ zone: '2', source: source({ tier: 'snapshot', zones: [] }) }), context()).zone,
      "Availability zone 2 differs from the point's (no zone): restoring to another zone needs a point in the vault tier only, and this one is in the snapshot tier only. Choose an older point in the vault tier, or choose no zone.",
    );
    assert.match(restoreRequestProblems(archived({ zone: '2' }), context()).zone ?? '', /this one is in the archive tier/);
  });

  it('another zone needs managed disks, no encryption, and a zone-redundant vault', () => {
    assert.equal(
      restoreRequestProblems(newVmRequest({ zone: '2', source: source({ tier: 'vault', zones: ['1'], managed: false }) }), context()).zone,
      "Availability zone 2 differs from the point's (zone 1): restoring to another zone needs a VM with managed disks. Choose zone 1, or none.",
    );
    assert.equal(
      restoreRequestProblems(newVmRequest({ zone: '2', source: source({ tier: 'vault', zones: ['1'], encrypted: true }) }), context()).zone,
      "Availability zone 2 differs from the point's (zone 1): restoring an encrypted VM to another zone is not supported. Choose zone 1, or none.",
    );
    assert.equal(
      restoreRequestProblems(newVmRequest({ zone: '2', source: vaultPoint() }), context({ vaultRedundancy: 'GeoRedundant' })).zone,
      "Availability zone 2 differs from the point's (zone 1): restoring to another zone needs a vault with zone-redundant storage, and this one is GeoRedundant. Choose zone 1, or none.",
    );
    assert.equal(restoreRequestProblems(newVmRequest({ zone: '2', source: vaultPoint() }), context({ vaultRedundancy: undefined })).zone, undefined, 'skipped while unknown');
  });

  it('does not apply to Replace existing disks', () => {
    assert.equal(restoreRequestProblems(replace({ zone: '1' }), context()).zone, 'Availability zone does not apply to Replace existing disks: the VM keeps its own zone. Clear the zone.');
  });
});

describe('restore rules: a point only in the archive tier', () => {
  it('needs a rehydration priority and duration', () => {
    assert.equal(
      restoreRequestProblems(archived({ rehydration: undefined }), context()).rehydrationPriority,
      'This recovery point is only in the archive tier: Azure must rehydrate it before it restores. Choose a rehydration priority (Standard, or High: faster and dearer) and how long to keep it rehydrated (10–30 days).',
    );
    assert.equal(restoreRequestProblems(archived({ rehydration: undefined, source: source({ tier: 'archive', rehydrated: true }) }), context()).rehydrationPriority, undefined, 'a rehydrated point restores as it is');
  });

  it('keeps it rehydrated 10 to 30 whole days', () => {
    const days = (value: number) => restoreRequestProblems(archived({ rehydration: { priority: 'High', days: value } }), context()).rehydrationDays;
    assert.equal(days(10), undefined);
    assert.equal(days(30), undefined);
    assert.equal(days(9), 'Rehydration duration must be 10 to 30 days, not 9.');
    assert.equal(days(31), 'Rehydration duration must be 10 to 30 days, not 31.');
    assert.equal(days(12.5), 'Rehydration duration must be a whole number of 10 to 30 days, not 12.5.');
  });

  it('takes Standard or High priority', () => {
    const request = archived({ rehydration: { priority: 'Urgent' as 'High', days: 15 } });
    assert.equal(restoreRequestProblems(request, context()).rehydrationPriority, "Rehydration priority must be Standard or High (not 'Urgent').");
  });

  it('restores to a new VM, disks, or in place with rehydration (Azure\'s examples show a new VM and disks)', () => {
    assert.deepEqual(restoreRequestProblems(archived(), context()), {});
    assert.deepEqual(restoreRequestProblems(archived({ type: 'restoreDisks' }), context()), {});
  });
});

describe('restore warnings', () => {
  it('says what Replace existing disks does to the running VM', () => {
    const [warning] = restoreRequestWarnings(replace(), context());
    assert.match(warning ?? '', /changes the VM netvmtestv2vm1 itself: Azure Backup snapshots its current disks, then swaps its OS and data disks/);
    assert.match(warning ?? '', /current disks stay in the VM's resource group/);
  });

  it('says a rehydration takes hours and costs extra', () => {
    assert.deepEqual(restoreRequestWarnings(archived(), context()), ['Azure first rehydrates the point from the archive tier, which takes hours and costs extra; the restore runs after it.']);
  });

  it('says the restore lands in the vault\'s region when the target group is elsewhere', () => {
    const groups = context({ resourceGroups: [{ name: 'netsdktestrg2', location: 'eastasia' }] });
    assert.deepEqual(restoreRequestWarnings(newVmRequest(), groups), ["Target resource group netsdktestrg2 is in eastasia; the new VM will be in southeastasia, the vault's region, like every restore."]);
    assert.deepEqual(restoreRequestWarnings(newVmRequest(), context()), []);
  });

  it('says a template behind a staging account without shared key access cannot be deployed from here', () => {
    const noKeys = context({ storageAccounts: [stagingAccount({ allowSharedKeyAccess: false })] });
    assert.match(restoreRequestWarnings(disks(), noKeys)[0] ?? '', /testingAccount does not allow shared key access: "Create VM from restored disks"/);
    assert.deepEqual(restoreRequestWarnings(newVmRequest(), noKeys), [], 'a new VM needs no template');
  });
});
