import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointsOf, hasReadableSecondary, isGeoRedundant, skuKindProblem, skuTier, storageAccountNamePattern } from '../../../../emulator/resources/storage/storageAccountRules';

describe('storage account rules', () => {
  it('takes names of 3-24 lower-case letters and digits', () => {
    for (const good of ['abc', 'contosowebdiag', 'a1b2c3', 'x'.repeat(24)]) assert.ok(storageAccountNamePattern.test(good), good);
    for (const bad of ['ab', 'x'.repeat(25), 'Contoso', 'contoso-logs', 'contoso_logs', '']) assert.ok(!storageAccountNamePattern.test(bad), bad);
  });

  it('takes the sku and kind pairs Azure makes and names what is wrong otherwise', () => {
    for (const [sku, kind] of [['Standard_LRS', 'StorageV2'], ['Standard_RAGZRS', 'StorageV2'], ['Premium_LRS', 'BlockBlobStorage'], ['Premium_ZRS', 'FileStorage'], ['StandardV2_LRS', 'FileStorage'], ['Standard_GRS', 'BlobStorage'], ['Standard_LRS', 'Storage']]) {
      assert.equal(skuKindProblem(sku, kind), undefined, `${sku}/${kind}`);
    }
    const message = (sku: unknown, kind: unknown) => skuKindProblem(sku, kind)?.message;
    assert.equal(message('Standard_LRS', 'FileStorage'), 'Values for request parameters are invalid: kind, sku.');
    assert.equal(message('Premium_LRS', 'BlobStorage'), 'Values for request parameters are invalid: kind, sku.');
    assert.equal(message('StandardV2_LRS', 'StorageV2'), 'Values for request parameters are invalid: kind, sku.');
    assert.equal(message('Standard_XRS', 'StorageV2'), 'Values for request parameters are invalid: sku.');
    assert.equal(message('Standard_LRS', 'StorageV3'), 'Values for request parameters are invalid: kind.');
    assert.equal(message(undefined, undefined), 'Values for request parameters are invalid: kind, sku.');
    assert.equal(skuKindProblem('Standard_XRS', 'StorageV2')?.code, 'InvalidValuesForRequestParameters');
  });

  it('derives tier, geo-redundancy and read access from the sku', () => {
    assert.deepEqual(['Standard_LRS', 'Premium_ZRS', 'PremiumV2_LRS'].map(skuTier), ['Standard', 'Premium', 'Premium']);
    assert.deepEqual(['Standard_LRS', 'Standard_GRS', 'Standard_RAGZRS', 'Standard_ZRS'].map(isGeoRedundant), [false, true, true, false]);
    assert.deepEqual(['Standard_GRS', 'Standard_RAGRS', 'Standard_RAGZRS'].map(hasReadableSecondary), [false, true, true]);
  });

  it('lists the endpoints each kind has, as reference(...).primaryEndpoints shows them', () => {
    assert.deepEqual(Object.keys(endpointsOf('acct', 'StorageV2')), ['dfs', 'web', 'blob', 'queue', 'table', 'file']);
    assert.equal(endpointsOf('acct', 'StorageV2').blob, 'https://acct.blob.core.windows.net/');
    assert.deepEqual(endpointsOf('acct', 'FileStorage'), { file: 'https://acct.file.core.windows.net/' });
    assert.deepEqual(Object.keys(endpointsOf('acct', 'Storage')), ['blob', 'queue', 'table', 'file']);
    assert.equal(endpointsOf('acct', 'StorageV2', true).queue, 'https://acct-secondary.queue.core.windows.net/');
  });
});
