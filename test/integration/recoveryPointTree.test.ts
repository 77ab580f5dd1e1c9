// The backup tree's recovery points against the emulator, through the real provider, cache, reader
// and SDK clients: loaded only when a VM expands, newest first, once per refresh; older ranges
// with Azure's date filter (archived monthly points of sql-01); a failed load becomes the retry
// item and the retry loads; stopped and soft-deleted backups.
import { tooltipText } from '../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LogOutputChannel } from 'vscode';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import type { AzureAccess } from '../../src/auth/azureAccess';
import { BackupTreeProvider } from '../../src/tree/backupTreeProvider';
import { LoadErrorNode } from '../../src/tree/messageNodes';
import { ProtectedVmNode } from '../../src/tree/protectedVmNode';
import { RecoveryPointNode } from '../../src/tree/recoveryPointNodes';
import { SubscriptionNode } from '../../src/tree/subscriptionNode';
import type { BackupTreeNode } from '../../src/tree/treeNode';
import { demoTenantId } from '../support/flowServices';
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';

const day = 86_400_000;

function emulatorAccess(env: TestEmulator): AzureAccess {
  return {
    kind: 'emulator',
    description: env.emulator.url,
    portalUrl: 'https://portal.azure.com',
    isSignedIn: async () => true,
    signIn: async () => true,
    signInToTenant: async () => true,
    tenants: async () => [{ tenantId: demoTenantId, signedIn: true }],
    clientsForTenant: () => env.clients,
    onDidChange: () => ({ dispose: () => undefined }),
    dispose: () => undefined,
  };
}

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as LogOutputChannel;

describe('Recovery points in the backup tree, against the emulator', () => {
  let env: TestEmulator;
  let tree: BackupTreeProvider;

  before(async () => {
    env = await startTestEmulator();
    tree = new BackupTreeProvider(quietLog, []);
    tree.setAccess(emulatorAccess(env));
  });
  after(async () => {
    tree.dispose();
    await env.close();
  });

  async function child(parent: BackupTreeNode, label: string): Promise<BackupTreeNode> {
    const children = await tree.getChildren(parent);
    const found = children.find((node) => node.treeItem().label === label);
    assert.ok(found, `no ${label} under ${String(parent.treeItem().label)}: ${children.map((node) => node.treeItem().label).join(', ')}`);
    return found;
  }

  async function vmNamed(subscriptionId: string, vaultName: string, vmName: string): Promise<BackupTreeNode> {
    const subscription = (await tree.cache!.subscriptions(demoTenantId)).find((candidate) => candidate.subscriptionId === subscriptionId)!;
    return child(await child(new SubscriptionNode(subscription), vaultName), vmName);
  }

  /** The recovery point lists started since `since` (their further pages, with a $skiptoken, left out). */
  const pointLists = async (since: number) =>
    (await env.requests(since)).filter((exchange) => exchange.method === 'GET' && /\/recoveryPoints\?/i.test(exchange.url) && !/skiptoken=/i.test(exchange.url));
  const mark = async () => (await env.requests()).length;

  it('a VM lists its last 30 days of points when expanded, newest first, once until its vault refreshes', async () => {
    const start = await mark();
    const web = await vmNamed(demoSubscriptions.production, 'prod-weu-vault', 'web-01');
    assert.equal((await pointLists(start)).length, 0, 'listing the vault’s VMs lists no points');

    const children = await tree.getChildren(web);
    const points = children.filter((node): node is RecoveryPointNode => node instanceof RecoveryPointNode);
    assert.ok(points.length > 5, `a week of nightly backups: ${points.length} points`);
    const times = points.map((node) => node.point.time.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.ok(times.every((time) => time > Date.now() - 31 * day));
    assert.equal(points[0]!.point.tier, 'snapshotAndVault', 'the newest still has its snapshot');
    assert.ok(points.some((node) => node.point.tier === 'vault'), 'older ones live in the vault only');
    assert.match(String(points[0]!.treeItem().description), /^(Application|File-system) consistent · Snapshot and vault · expires in \d+ days$/);
    assert.match(tooltipText(points[0]!.treeItem()), /VM size: Standard_/);
    assert.equal(children.at(-1)!.treeItem().label, 'Show older…');
    const lists = await pointLists(start);
    assert.equal(lists.length, 1, 'one list (its pages followed)');
    assert.match(decodeURIComponent(lists[0]!.url), /\$filter=startDate eq '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [AP]M' and endDate eq '/);

    const again = await mark();
    await tree.getChildren(web);
    assert.equal((await pointLists(again)).length, 0, 'expanding again reads the cache');
    tree.refresh(web.parent);
    await tree.getChildren(web);
    assert.equal((await pointLists(again)).length, 1, 'refreshing the vault reloads them');
  });

  it('an older range lists the archived monthly points of sql-01, and the VM says which range it shows', async () => {
    const sql = await vmNamed(demoSubscriptions.production, 'prod-weu-vault', 'sql-01');
    assert.ok(sql instanceof ProtectedVmNode);
    const now = new Date();
    const range = { from: new Date(now.getFullYear(), now.getMonth() - 11, now.getDate()), to: new Date(now.getFullYear(), now.getMonth() - 4, now.getDate(), 23, 59, 59) };
    tree.pointRanges.show(sql.item.id, range);
    assert.match(String(sql.treeItem().description), / · points .+ – .+$/);
    const children = await tree.getChildren(sql);
    const points = children.filter((node): node is RecoveryPointNode => node instanceof RecoveryPointNode);
    assert.ok(points.length >= 5, `monthly points of months 4 to 11 back: ${points.length}`);
    assert.ok(points.every((node) => node.point.time >= range.from && node.point.time <= range.to));
    assert.ok(points.some((node) => node.point.tier === 'archive' && node.treeItem().contextValue === 'azureVmBackup.recoveryPoint.archive'), 'archived points, to be rehydrated');
    assert.deepEqual(children.slice(-2).map((node) => node.treeItem().label), ['Show other dates…', 'Show last 30 days']);
    tree.pointRanges.show(sql.item.id, undefined);
  });

  it('a failed load becomes "Failed to load — click to retry", and the retry loads the points', async () => {
    const web = await vmNamed(demoSubscriptions.production, 'prod-weu-vault', 'web-02');
    await env.setFaults('503=1');
    let children: BackupTreeNode[];
    try {
      children = await tree.getChildren(web);
    } finally {
      await env.setFaults('none');
    }
    assert.equal(children.length, 1);
    const failed = children[0]!;
    assert.ok(failed instanceof LoadErrorNode);
    const item = failed.treeItem();
    assert.equal(item.label, 'Failed to load — click to retry');
    assert.equal(item.command?.command, 'azureVmBackup.retryLoad');
    tree.retry(failed);
    const retried = await tree.getChildren(web);
    assert.ok(retried.some((node) => node instanceof RecoveryPointNode), 'the retry asks Azure again');
  });

  it('a stopped backup keeps its points without expiry; a soft-deleted one lists them under "Undelete…"', async () => {
    const stopped = await tree.getChildren(await vmNamed(demoSubscriptions.development, 'dev-neu-vault', 'build-agent-02'));
    const stoppedPoints = stopped.filter((node): node is RecoveryPointNode => node instanceof RecoveryPointNode);
    assert.ok(stoppedPoints.length > 0);
    assert.ok(stoppedPoints.every((node) => String(node.treeItem().description).endsWith(' · no expiry')));

    const softDeleted = await tree.getChildren(await vmNamed(demoSubscriptions.development, 'dev-neu-vault', 'legacy-api'));
    assert.equal(softDeleted[0]!.treeItem().label, 'Undelete the backup data to restore from these points');
    const deletedPoints = softDeleted.filter((node): node is RecoveryPointNode => node instanceof RecoveryPointNode);
    assert.ok(deletedPoints.length > 0);
    assert.ok(deletedPoints.every((node) => node.treeItem().contextValue!.endsWith('.softDeleted')));
  });
});

recordedTrafficConforms('the recovery point tree', 'the recovery point tree');
