import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  restorePointCollectionsPerGroup, restorePointGroupExplanation, restorePointGroupName, restorePointGroupPatternText,
} from '../../../src/vmCreation/restorePointGroupName';

describe('restore point collection resource group', () => {
  it("is AzureBackupRG_<region>_<n> by default (no pattern, or an empty one)", () => {
    assert.equal(restorePointGroupName('westeurope'), 'AzureBackupRG_westeurope_1');
    assert.equal(restorePointGroupName('WestEurope', { prefix: '', suffix: '' }, 2), 'AzureBackupRG_westeurope_2');
    assert.equal(restorePointGroupPatternText('eastus'), 'AzureBackupRG_eastus_<n>');
  });

  it("is <prefix><n><suffix> from the policy's instantRPDetails", () => {
    assert.equal(restorePointGroupName('westeurope', { prefix: 'rp-weu-', suffix: '' }), 'rp-weu-1');
    assert.equal(restorePointGroupName('westeurope', { prefix: 'snap(', suffix: ')-prod' }, 3), 'snap(3)-prod');
    assert.equal(restorePointGroupPatternText('westeurope', { prefix: 'rp-', suffix: '-x' }), 'rp-<n>-x');
  });

  it('explains where snapshots go and why n grows', () => {
    assert.equal(restorePointCollectionsPerGroup, 600);
    assert.equal(
      restorePointGroupExplanation('westeurope'),
      'Instant restore snapshots of this VM go to a restore point collection in the resource group AzureBackupRG_westeurope_1 (Azure\'s default, as the policy sets no prefix). ' +
        'Azure Backup creates the group at the first backup. It holds up to 600 collections; when it is full, n grows (AzureBackupRG_westeurope_2, …). Do not put a lock on this group: it makes backups fail.',
    );
    assert.match(restorePointGroupExplanation('westeurope', { prefix: 'rp-', suffix: '' }), /resource group rp-1 \(from the policy's resource group prefix and suffix\).*\(rp-2, …\)/);
  });
});
