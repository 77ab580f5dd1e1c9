import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { propertyOf, restoredDisksOf } from '../../../src/restore/restoredDisks';
import { describeRestoreValidation } from '../../../src/restore/restoreValidation';

/** The property bag of a Restore disks job as Azure's CLI tutorial shows it ("Restore a disk and create a recovered VM"). */
const tutorialBag = {
  'Config Blob Container Name': 'myVM-daa1931199fd4a22ae601f46d8812276',
  'Config Blob Name': 'config-myVM-1fc2d55d-f0dc-4ca6-ad48-aca0fe5d0414.json',
  'Config Blob Uri': 'https://mystorageaccount.blob.core.windows.net/myVM-daa1931199fd4a22ae601f46d8812276/config-appvm8-1fc2d55d-f0dc-4ca6-ad48-aca0519c0232.json',
  'Job Type': 'Recover disks',
  'Recovery point time ': '12/25/2019 10:07:11 PM',
  'Target Storage Account Name': 'mystorageaccount',
  'Target resource group': 'mystorageaccountRG',
  'Template Blob Uri': 'https://mystorageaccount.blob.core.windows.net/myVM-daa1931199fd4a22ae601f46d8812276/azuredeploy1fc2d55d-f0dc-4ca6-ad48-aca0519c0232.json',
};

describe('restored disks from a Restore job\'s property bag', () => {
  it('reads the template, its account and container, and where the disks are', () => {
    const { disks, problem } = restoredDisksOf(tutorialBag);
    assert.equal(problem, undefined);
    assert.deepEqual({ ...disks, propertyBag: undefined }, {
      templateBlobUri: tutorialBag['Template Blob Uri'],
      storageAccountName: 'mystorageaccount',
      containerName: 'myVM-daa1931199fd4a22ae601f46d8812276',
      templateBlobName: 'azuredeploy1fc2d55d-f0dc-4ca6-ad48-aca0519c0232.json',
      targetResourceGroup: 'mystorageaccountRG',
      configBlobUri: tutorialBag['Config Blob Uri'],
      propertyBag: undefined,
    });
    assert.deepEqual(disks?.propertyBag, tutorialBag);
  });

  it('finds keys whatever their case and stray spaces (Azure writes "Recovery point time ")', () => {
    assert.equal(propertyOf(tutorialBag, 'recovery point time'), '12/25/2019 10:07:11 PM');
    assert.equal(propertyOf(tutorialBag, 'TEMPLATE BLOB URI'), tutorialBag['Template Blob Uri']);
    assert.equal(propertyOf({ 'Template Blob Uri': '  ' }, 'Template Blob Uri'), undefined);
  });

  it('falls back on the URI for the account and container, and drops a query from it', () => {
    const { disks } = restoredDisksOf({ 'Template Blob Uri': 'https://stage1.blob.core.windows.net/web-01-abc/azuredeploy-1.json?sv=x' });
    assert.deepEqual([disks?.storageAccountName, disks?.containerName, disks?.templateBlobName, disks?.templateBlobUri], [
      'stage1',
      'web-01-abc',
      'azuredeploy-1.json',
      'https://stage1.blob.core.windows.net/web-01-abc/azuredeploy-1.json',
    ]);
  });

  it('says why there is no template: another restore type, or an address that is not one', () => {
    assert.equal(restoredDisksOf({ 'Job Type': 'Recover VM' }).problem, 'The restore job names no template (Template Blob Uri): only a finished "Restore disks" of a VM writes one.');
    assert.equal(restoredDisksOf({ 'Template Blob Uri': 'not a url' }).problem, "The restore job's template address is not a URL: 'not a url'.");
    assert.match(restoredDisksOf({ 'Template Blob Uri': 'https://stage1.blob.core.windows.net/' }).problem ?? '', /names no storage account, container and blob/);
  });
});

describe('Azure\'s validation of a restore, in words', () => {
  it('says there is no problem, or each problem with its recommendations', () => {
    assert.equal(describeRestoreValidation({ valid: true, results: [] }), 'Azure validated the restore: no problem found.');
    const text = describeRestoreValidation({
      valid: false,
      results: [{ code: 'UserErrorCoreCountSubscriptionQuotaReached', message: 'Core Count subscription quota has been reached.', recommendations: ['Contact Azure support to increase the limits.'] }],
    });
    assert.equal(text, 'Azure found a problem with the restore:\nUserErrorCoreCountSubscriptionQuotaReached: Core Count subscription quota has been reached. Contact Azure support to increase the limits.');
    const two = describeRestoreValidation({ valid: false, results: [{ code: 'A', message: 'a.', recommendations: [] }, { code: 'B', message: 'b.', recommendations: [] }] });
    assert.equal(two, 'Azure found 2 problems with the restore:\nA: a.\nB: b.');
  });
});
