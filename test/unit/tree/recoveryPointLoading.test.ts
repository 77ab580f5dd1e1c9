import { tooltipText } from '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AzureError } from '../../../src/azure/azureError';
import type { TreeItem } from 'vscode';
import type { BackupTreeNode } from '../../../src/tree/treeNode';
import { RecoveryPointNode, RecoveryPointRangeNode } from '../../../src/tree/recoveryPointNodes';
import { ShownPointRanges } from '../../../src/tree/recoveryPointRanges';
import { pointContext, protectedVm, recoveryPoint, vmNode, type ScriptedPointCache } from './recoveryPointFixtures';

process.env.TZ = 'Europe/Berlin';

const january = { from: new Date(2025, 0, 1), to: new Date(2025, 0, 31, 23, 59, 59) };

function labels(nodes: BackupTreeNode[]): string[] {
  return nodes.map((node) => String(node.treeItem().label));
}

describe('A protected VM’s recovery points in the tree', () => {
  it('is expandable, and asks for its points only when expanded: the last 30 days, as listed', async () => {
    const script: ScriptedPointCache = { asked: [], answer: [recoveryPoint('2', { time: new Date('2025-01-06T22:30:00Z') }), recoveryPoint('1')] };
    const ranges = new ShownPointRanges();
    const node = vmNode(protectedVm(), ranges);
    const item = node.treeItem();
    assert.equal(item.collapsibleState, 1, 'collapsed, so it can expand');
    assert.match(String(item.description), /^[^·]+ ago · DailyPolicy$/, 'no range said while it shows the last 30 days');
    assert.match(tooltipText(item), /Recovery points listed when expanded: the last 30 days\./);
    assert.equal(node.cacheScope, protectedVm().id, 'a retry under it reloads its points');
    assert.deepEqual(script.asked, [], 'drawing the VM loads nothing');

    const children = await node.children(pointContext(script, ranges));
    assert.deepEqual(script.asked, [{ itemId: protectedVm().id, range: undefined }]);
    assert.ok(children[0] instanceof RecoveryPointNode && children[1] instanceof RecoveryPointNode);
    assert.deepEqual(children.slice(0, 2).map((child) => child.id), [`${protectedVm().id}/recoveryPoints/2`, `${protectedVm().id}/recoveryPoints/1`]);
    const older = children[2]!;
    assert.ok(older instanceof RecoveryPointRangeNode);
    assert.equal(children.length, 3);
    const olderItem = older.treeItem() as TreeItem & { command: { command: string; arguments: unknown[] } };
    assert.equal(olderItem.label, 'Show older…');
    assert.equal(olderItem.description, 'showing the last 30 days');
    assert.equal(olderItem.contextValue, 'azureVmBackup.recoveryPointRange');
    assert.equal(olderItem.command.command, 'azureVmBackup.showOlderRecoveryPoints');
    assert.equal(olderItem.command.arguments[0], older);
    assert.equal(older.parent, node);
  });

  it('with a range chosen: asks for that range, says it on the VM, offers other dates and the last 30 days', async () => {
    const script: ScriptedPointCache = { asked: [], answer: [recoveryPoint('1')] };
    const ranges = new ShownPointRanges();
    ranges.show(protectedVm().id.toUpperCase(), january);
    const node = vmNode(protectedVm(), ranges);
    assert.match(String(node.treeItem().description), / · DailyPolicy · points Jan 1, 2025 – Jan 31, 2025$/);
    assert.match(tooltipText(node.treeItem()), /Recovery points listed when expanded: Jan 1, 2025 – Jan 31, 2025\./);
    const children = await node.children(pointContext(script, ranges));
    assert.deepEqual(script.asked, [{ itemId: protectedVm().id, range: january }]);
    assert.deepEqual(labels(children).slice(1), ['Show other dates…', 'Show last 30 days']);
    const recent = children[2]!.treeItem() as TreeItem & { command: { command: string } };
    assert.equal(recent.command.command, 'azureVmBackup.showRecentRecoveryPoints');
    assert.equal(children[1]!.treeItem().description, 'showing Jan 1, 2025 – Jan 31, 2025');

    ranges.show(protectedVm().id, undefined);
    assert.doesNotMatch(String(node.treeItem().description), /points/);
  });

  it('without points: a message saying which range is empty, and the way to look further back', async () => {
    const empty = (): ScriptedPointCache => ({ asked: [], answer: [] });
    const recentOnly = await vmNode(protectedVm({ lastRecoveryPoint: undefined }), new ShownPointRanges()).children(pointContext(empty()));
    assert.deepEqual(labels(recentOnly), ['No recovery points in the last 30 days', 'Show older…']);

    const olderExists = await vmNode(protectedVm({ lastRecoveryPoint: new Date('2024-10-01T21:00:00Z') }), new ShownPointRanges()).children(pointContext(empty()));
    assert.match(labels(olderExists)[0]!, /^No recovery points in the last 30 days \(the latest is from Oct 1, 2024, 11:00\sPM\)$/);
    assert.equal(labels(olderExists)[1], 'Show older…');

    const ranges = new ShownPointRanges();
    ranges.show(protectedVm().id, january);
    assert.deepEqual(labels(await vmNode(protectedVm(), ranges).children(pointContext(empty(), ranges))), ['No recovery points from Jan 1, 2025 – Jan 31, 2025', 'Show other dates…', 'Show last 30 days']);
  });

  it('a VM never backed up says the first backup makes one, and offers no older points', async () => {
    const neverBackedUp = protectedVm({ health: 'initialBackupPending', lastBackupTime: undefined, lastRecoveryPoint: undefined });
    const children = await vmNode(neverBackedUp, new ShownPointRanges()).children(pointContext({ asked: [], answer: [] }));
    assert.deepEqual(labels(children), ['No recovery points yet: the first backup makes one']);
    assert.equal(children[0]!.treeItem().contextValue, 'azureVmBackup.message');
  });

  it('a soft-deleted backup lists its points under a reminder that opens Undelete', async () => {
    const node = vmNode(protectedVm({ health: 'softDeleted' }), new ShownPointRanges());
    const children = await node.children(pointContext({ asked: [], answer: [recoveryPoint('1')] }));
    const note = children[0]!.treeItem() as TreeItem & { command: { command: string; arguments: unknown[] } };
    assert.equal(note.label, 'Undelete the backup data to restore from these points');
    assert.equal(note.command.command, 'azureVmBackup.undeleteBackup');
    assert.equal(note.command.arguments[0], node, 'Undelete acts on the VM');
    assert.equal(children[1]!.treeItem().contextValue, 'azureVmBackup.recoveryPoint.snapshotAndVault.softDeleted');
  });

  it('a failed load fails the expansion with Azure’s error (the provider shows it as a retry item)', async () => {
    const failure = new AzureError('throttled', 'TooManyRequests', 'Too many requests.');
    const script: ScriptedPointCache = { asked: [], answer: failure };
    await assert.rejects(vmNode(protectedVm(), new ShownPointRanges()).children(pointContext(script)), (error) => error === failure);
  });
});
