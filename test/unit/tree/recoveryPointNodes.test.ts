import { tooltipText } from '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecoveryPoint } from '../../../src/azure/model';
import { RecoveryPointNode } from '../../../src/tree/recoveryPointNodes';
import { ShownPointRanges } from '../../../src/tree/recoveryPointRanges';
import { protectedVm, recoveryPoint, vmNode } from './recoveryPointFixtures';

// Times show in the user's zone: Berlin is an hour ahead of UTC in January.
process.env.TZ = 'Europe/Berlin';

function itemOf(point: RecoveryPoint, health: 'healthy' | 'softDeleted' = 'healthy') {
  const node = new RecoveryPointNode(vmNode(protectedVm({ health }), new ShownPointRanges()), point);
  return { node, item: node.treeItem() };
}

const icon = (item: { iconPath?: unknown }) => item.iconPath as { id: string; color?: { id: string } };

describe('A recovery point in the tree', () => {
  it('reads as its local time; consistency · where it lives · expiry; its ARM id as id', () => {
    const { item } = itemOf(recoveryPoint('111'));
    assert.match(item.label as string, /^Jan 5, 2025, 11:30\sPM$/);
    assert.equal(item.description, 'Application consistent · Snapshot and vault · expires in 29 days');
    assert.equal(item.id, `${protectedVm().id}/recoveryPoints/111`);
    assert.equal(item.collapsibleState, 0, 'a point is a leaf');
    assert.match(item.accessibilityInformation!.label, /^Recovery point of web-01, Jan 5, 2025, 11:30\sPM, Application consistent/);
  });

  const tiers: { name: string; point: Partial<RecoveryPoint>; text: string; icon: string; context: string; explains: RegExp }[] = [
    { name: 'a snapshot only', point: { tier: 'snapshot' }, text: 'Snapshot', icon: 'device-camera', context: 'azureVmBackup.recoveryPoint.snapshot', explains: /instant restore\), not yet or no longer in the vault/ },
    { name: 'a snapshot and the vault', point: { tier: 'snapshotAndVault' }, text: 'Snapshot and vault', icon: 'layers', context: 'azureVmBackup.recoveryPoint.snapshotAndVault', explains: /restores from the snapshot/ },
    { name: 'the vault only', point: { tier: 'vault' }, text: 'Vault', icon: 'database', context: 'azureVmBackup.recoveryPoint.vault', explains: /its snapshot has gone/ },
    { name: 'the archive', point: { tier: 'archive' }, text: 'Archive', icon: 'archive', context: 'azureVmBackup.recoveryPoint.archive', explains: /must rehydrate it first/ },
    {
      name: 'the archive, rehydrated',
      point: { tier: 'archive', rehydrated: true, rehydratedUntil: new Date('2025-02-01T09:00:00Z') },
      text: 'Archive (rehydrated until Feb 1, 2025, 10:00\u202fAM)',
      icon: 'archive',
      context: 'azureVmBackup.recoveryPoint.archive.rehydrated',
      explains: /restores like a vault point until the rehydration ends/,
    },
  ];
  for (const tier of tiers) {
    it(`kept in ${tier.name}: says so, with its icon and context value, and explains it in the tooltip`, () => {
      const { item } = itemOf(recoveryPoint('222', tier.point));
      assert.equal((item.description as string).split(' · ')[1]!.replace(/\s(?=AM|PM)/, '\u202f'), tier.text);
      assert.equal(icon(item).id, tier.icon);
      assert.equal(icon(item).color, undefined);
      assert.equal(item.contextValue, tier.context);
      assert.match(tooltipText(item), tier.explains);
    });
  }

  it('a rehydrated archive point without an end date still says it is rehydrated', () => {
    const { item } = itemOf(recoveryPoint('223', { tier: 'archive', rehydrated: true }));
    assert.equal((item.description as string).split(' · ')[1], 'Archive (rehydrated)');
  });

  const consistencies: { consistency: RecoveryPoint['consistency']; text: string; explains: RegExp }[] = [
    { consistency: 'application', text: 'Application consistent', explains: /applications quiesced \(VSS on Windows, pre- and post-scripts on Linux\)/ },
    { consistency: 'fileSystem', text: 'File-system consistent', explains: /All files captured at the same moment/ },
    { consistency: 'crash', text: 'Crash consistent', explains: /like a VM that lost power/ },
    { consistency: 'unknown', text: 'Consistency unknown', explains: /Azure did not say/ },
  ];
  for (const { consistency, text, explains } of consistencies) {
    it(`${text}: named in the description, explained in one line of the tooltip`, () => {
      const { item } = itemOf(recoveryPoint('333', { consistency }));
      assert.equal((item.description as string).split(' · ')[0], text);
      const line = tooltipText(item).split('\n\n').find((row) => row.startsWith('Consistency:'));
      assert.ok(line, tooltipText(item));
      assert.match(line, explains);
    });
  }

  it('has the details in its tooltip: local and UTC time, expiry, size, zone, OS, disks, encryption, id', () => {
    const { item } = itemOf(recoveryPoint('444'));
    const text = tooltipText(item);
    assert.match(text, /^\*\*Recovery point of web-01\*\* — Jan 5, 2025, 11:30\sPM/);
    assert.match(text, /Taken: Jan 5, 2025, 11:30\sPM \(.+\) · Jan 5, 2025, 10:30\sPM UTC/);
    assert.match(text, /Expires: .+ \(in 29 days\)/);
    assert.match(text, /VM size: Standard_D2s_v3/);
    assert.match(text, /Availability zone: 1/);
    assert.match(text, /Operating system: Linux/);
    assert.match(text, /Disks: Managed, premium/);
    assert.match(text, /Encryption: None/);
    assert.match(text, /Recovery point ID: 444/);
    assert.equal((item.tooltip as { supportThemeIcons: boolean }).supportThemeIcons, true);
  });

  it('says when the VM was not zone-pinned, had unmanaged disks or was encrypted', () => {
    const { item } = itemOf(recoveryPoint('555', { zones: [], managed: false, premiumDisks: false, encrypted: true }));
    const text = tooltipText(item);
    assert.match(text, /Availability zone: None \(not pinned to a zone\)/);
    assert.match(text, /Disks: Unmanaged\n/);
    assert.match(text, /Encryption: Azure Disk Encryption/);
  });

  it('a point without expiry (backup stopped, data retained) says it never expires', () => {
    const { item } = itemOf(recoveryPoint('666', { expiry: undefined }));
    assert.equal((item.description as string).split(' · ')[2], 'no expiry');
    assert.match(tooltipText(item), /Expires: Never: the backup was stopped with its data retained/);
  });

  it('under a soft-deleted backup: greyed, its context value says so, and the tooltip says to undelete first', () => {
    const { item } = itemOf(recoveryPoint('777', { tier: 'vault' }), 'softDeleted');
    assert.equal(item.contextValue, 'azureVmBackup.recoveryPoint.vault.softDeleted');
    assert.equal(icon(item).color?.id, 'disabledForeground');
    assert.match(tooltipText(item), /\$\(info\) The backup of web-01 is soft-deleted: undelete its backup data to restore from this point/);
  });

  it('the restore binding matches restorable points only', () => {
    const restorable = /^azureVmBackup\.recoveryPoint\.[a-zA-Z]+(\.rehydrated)?$/;
    for (const tier of tiers) assert.match(itemOf(recoveryPoint('888', tier.point)).item.contextValue!, restorable);
    assert.doesNotMatch(itemOf(recoveryPoint('888'), 'softDeleted').item.contextValue!, restorable);
  });
});
