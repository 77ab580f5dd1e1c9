import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedStagingAccounts, isZoneRedundantSku, sameRegion, stagingAccountProblem, type StagingTarget } from '../../../src/restore/stagingAccountRules';
import { stagingAccount } from './restoreFixtures';

const standardVm: StagingTarget = { vaultLocation: 'southeastasia', point: { managed: true, premiumDisks: false } };
const premiumVm: StagingTarget = { vaultLocation: 'southeastasia', point: { managed: true, premiumDisks: true } };

describe('staging storage accounts Azure Backup takes', () => {
  it('takes a general-purpose LRS or GRS account of the vault\'s region (v1 too)', () => {
    for (const skuName of ['Standard_LRS', 'Standard_GRS', 'Standard_RAGRS']) assert.equal(stagingAccountProblem(stagingAccount({ skuName }), standardVm), undefined, skuName);
    assert.equal(stagingAccountProblem(stagingAccount({ kind: 'Storage' }), standardVm), undefined);
    assert.equal(stagingAccountProblem(stagingAccount({ location: 'Southeast Asia' }), standardVm), undefined, 'display name of the region');
  });

  it('refuses another region', () => {
    assert.equal(
      stagingAccountProblem(stagingAccount({ location: 'eastasia' }), standardVm),
      "Staging storage account testingAccount is in eastasia: it must be in the vault's region (southeastasia). Choose an account there, or create one.",
    );
  });

  it('refuses blob-only and file-only accounts', () => {
    for (const kind of ['BlobStorage', 'BlockBlobStorage', 'FileStorage']) {
      assert.equal(
        stagingAccountProblem(stagingAccount({ kind }), premiumVm),
        `Staging storage account testingAccount is a ${kind} account: Azure Backup needs a general-purpose account (StorageV2). Choose another, or create one.`,
      );
    }
  });

  it('refuses zone-redundant accounts (ZRS, and GZRS which is zone-redundant too)', () => {
    for (const skuName of ['Standard_ZRS', 'Premium_ZRS', 'Standard_GZRS', 'Standard_RAGZRS']) {
      assert.equal(isZoneRedundantSku(skuName), true, skuName);
      assert.equal(
        stagingAccountProblem(stagingAccount({ skuName }), premiumVm),
        `Staging storage account testingAccount is zone-redundant (${skuName}): Azure Backup refuses ZRS staging accounts. Choose a locally- or geo-redundant account (LRS or GRS).`,
      );
    }
    assert.equal(isZoneRedundantSku('Standard_GRS'), false);
  });

  it('refuses a premium account for a VM backed up with standard disks, takes it for premium disks without network rules', () => {
    const premium = stagingAccount({ skuName: 'Premium_LRS' });
    assert.equal(
      stagingAccountProblem(premium, standardVm),
      'Staging storage account testingAccount is a premium account (Premium_LRS) and the VM was backed up with standard disks: choose a standard account.',
    );
    assert.equal(stagingAccountProblem(premium, premiumVm), undefined);
    assert.equal(
      stagingAccountProblem(stagingAccount({ skuName: 'Premium_LRS', networkDefaultAction: 'Deny' }), premiumVm),
      'Staging storage account testingAccount is a premium account with network rules: Azure Backup refuses it for a VM with managed disks. Choose a standard account, or one without network rules.',
    );
    assert.equal(stagingAccountProblem(stagingAccount({ skuName: 'Premium_LRS', networkDefaultAction: 'Deny' }), { ...premiumVm, point: { managed: false, premiumDisks: true } }), undefined);
  });

  it('offers only the accounts it takes, by name', () => {
    const accounts = [
      stagingAccount({ name: 'zstage' }),
      stagingAccount({ name: 'astage' }),
      stagingAccount({ name: 'zrs', skuName: 'Standard_ZRS' }),
      stagingAccount({ name: 'far', location: 'westeurope' }),
      stagingAccount({ name: 'blobs', kind: 'BlobStorage' }),
    ];
    assert.deepEqual(acceptedStagingAccounts(accounts, standardVm).map((account) => account.name), ['astage', 'zstage']);
  });

  it('compares regions without case or spaces, and says nothing when one is unknown', () => {
    assert.equal(sameRegion('West Europe', 'westeurope'), true);
    assert.equal(sameRegion('westeurope', 'northeurope'), false);
    assert.equal(sameRegion(undefined, 'westeurope'), undefined);
  });
});
