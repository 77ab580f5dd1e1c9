// Recovery points as Azure keeps them: the demo's points in every tier mix, the date filter and
// paging of RecoveryPoints_List, RecoveryPoints_Get; on a fast clock, a new point's snapshot tier
// dropping and the point expiring; consistency from the VM's OS and power state
// (imported by restore.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { eventually, startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { backUpNow, capture, containerOf, fabric, filterTime, itemOf, jobEnd, paged, policyIdOf, putItem, refused } from './backupSteps';
import { day, pointsOf, prod, sql01, tiersOf, web01, weu, type ItemRef } from './restoreSteps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('recovery points of the demo', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  before(async () => {
    env = await startTestEmulator({ pageSize: 2 });
    backup = await env.clients.backup(prod);
  });
  after(async () => {
    await env?.close();
  });

  it('lists the last 30 days newest first without dates, a page at a time: snapshot and vault, then vault only', async () => {
    const { items: points, pages } = await paged(backup.recoveryPoints.list(weu.vault, weu.rg, fabric, containerOf('rg-web-prod', 'web-01'), itemOf('rg-web-prod', 'web-01')));
    assert.equal(points.length, 7);
    assert.equal(pages, 4, 'pageSize 2 makes four pages of seven points');
    const times = points.map((point) => new Date((point.properties as Json).recoveryPointTime).getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    for (const point of points) assert.match(point.name!, /^\d{13,18}$/, 'Azure names points with numbers');
    assert.deepEqual(points.map(tiersOf), [
      'InstantRP:Valid HardenedRP:Valid',
      'InstantRP:Valid HardenedRP:Valid',
      ...Array(5).fill('InstantRP:Deleted HardenedRP:Valid'),
    ]);
    const newest = points[0]!.properties as Json;
    assert.equal(newest.objectType, 'IaasVMRecoveryPoint');
    assert.equal(newest.recoveryPointType, 'FileSystemConsistent', 'a Linux VM without pre- and post-scripts');
    assert.equal(newest.virtualMachineSize, 'Standard_D2s_v5');
    assert.equal(newest.osType, 'Linux');
    assert.equal(newest.isManagedVirtualMachine, true);
    assert.equal(newest.recoveryPointProperties.ruleName, 'Daily');
    const expiry = new Date(newest.recoveryPointProperties.expiryTime).getTime() - new Date(newest.recoveryPointTime).getTime();
    assert.ok(Math.abs(expiry - 30 * day) < 1000, 'DefaultPolicy keeps daily points 30 days');
    assert.deepEqual(newest.recoveryPointDiskConfiguration.includedDiskList, [{ lun: -1, name: 'web-01_OsDisk_1' }]);
  });

  it('filters by startDate and endDate (yyyy-MM-dd hh:mm:ss tt, UTC): sql-01 has monthly points that live only in the archive tier', async () => {
    const recent = await pointsOf(backup, sql01);
    assert.ok(recent.every((point) => Date.now() - new Date((point.properties as Json).recoveryPointTime).getTime() <= 30 * day), 'without dates, the last 30 days only');
    const year = await pointsOf(backup, sql01, { from: new Date(Date.now() - 365 * day) });
    assert.ok(year.length > recent.length + 5, `${year.length} points in a year, ${recent.length} in 30 days`);
    const archived = year.filter((point) => tiersOf(point) === 'InstantRP:Deleted HardenedRP:Deleted ArchivedRP:Valid');
    assert.ok(archived.length >= 5, `${archived.length} archive-only points`);
    for (const point of archived) {
      const properties = point.properties as Json;
      assert.equal(properties.recoveryPointProperties.ruleName, 'Monthly');
      assert.equal(properties.recoveryPointMoveReadinessInfo.ArchivedRP.isReadyForMove, false);
      const age = Date.now() - new Date(properties.recoveryPointTime).getTime();
      assert.ok(age > 89 * day, 'moved to the archive after 3 months');
    }
    const vaultOnly = year.filter((point) => tiersOf(point) === 'InstantRP:Deleted HardenedRP:Valid' && (point.properties as Json).recoveryPointProperties.ruleName === 'Monthly');
    assert.ok(vaultOnly.length >= 1, 'younger monthly points are still in the vault');
    assert.equal((year[0]!.properties as Json).recoveryPointType, 'AppConsistent', 'a Windows VM');

    const from = new Date(Date.now() - 3 * day);
    const window = await pointsOf(backup, sql01, { from, to: new Date(Date.now() - day) });
    assert.ok(window.length >= 1 && window.length <= 3, `${window.length} points in two days`);
    for (const point of window) {
      const time = new Date((point.properties as Json).recoveryPointTime).getTime();
      assert.ok(time >= from.getTime() - 1000 && time <= Date.now() - day, 'inside the range');
    }
    const oneSided = await all(backup, sql01, `startDate eq '${filterTime(new Date(Date.now() - 200 * day))}'`);
    assert.ok(oneSided.every((point) => new Date((point.properties as Json).recoveryPointTime).getTime() <= Date.now() - 169 * day), 'a start alone covers 30 days from it');
  });

  it('refuses a start after the end, and a filter property it does not know', async () => {
    const later = `startDate eq '${filterTime(new Date())}' and endDate eq '${filterTime(new Date(Date.now() - day))}'`;
    await refused(all(backup, web01, later), 400, 'BMSUserErrorInvalidFilter');
    await refused(all(backup, web01, "status eq 'Valid'"), 400, 'BMSUserErrorInvalidFilter');
  });

  it('gets one point; a point of another item or one that does not exist answers 404', async () => {
    const [newest] = await pointsOf(backup, web01);
    const point = await backup.recoveryPoints.get(weu.vault, weu.rg, fabric, containerOf('rg-web-prod', 'web-01'), itemOf('rg-web-prod', 'web-01'), newest!.name!);
    assert.equal(point.name, newest!.name);
    assert.equal(point.id?.toLowerCase(), newest!.id?.toLowerCase());
    await refused(backup.recoveryPoints.get(weu.vault, weu.rg, fabric, containerOf('rg-web-prod', 'web-02'), itemOf('rg-web-prod', 'web-02'), newest!.name!), 404, 'BMSUserErrorRecoveryPointNotFound');
    await refused(backup.recoveryPoints.get(weu.vault, weu.rg, fabric, containerOf('rg-web-prod', 'web-01'), itemOf('rg-web-prod', 'web-01'), '123456789012345'), 404, 'BMSUserErrorRecoveryPointNotFound');
  });
});

/** Lists an item's points with a raw filter. */
function all(backup: RecoveryServicesBackupClient, item: ItemRef, filter: string) {
  return (async () => {
    const points = [];
    for await (const point of backup.recoveryPoints.list(item.v.vault, item.v.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm), { filter })) points.push(point);
    return points;
  })();
}

describe('recovery points on a fast clock', () => {
  let env: TestEmulator;
  let backup: RecoveryServicesBackupClient;
  before(async () => {
    // 200,000 times Azure's pace: DefaultPolicy's 2 days of snapshot last under a second here.
    env = await startTestEmulator({ timeScale: 200_000 });
    backup = await env.clients.backup(prod);
  });
  after(async () => {
    await env?.close();
  });

  it("a backup's point loses its snapshot tier after the policy's instant restore days, and disappears at its retain-until date", async () => {
    const item: ItemRef = { v: weu, rg: 'rg-web-prod', vm: 'web-02' };
    const retainUntil = new Date(Date.now() + 4000);
    const seen = capture();
    await backup.backups.trigger(weu.vault, weu.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm), { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: retainUntil } }, seen.options);
    assert.equal(seen.status(), 202);
    const made = await eventually(async () => (await pointsOf(backup, item)).find((point) => new Date((point.properties as Json).recoveryPointTime).getTime() > Date.now() - 60_000), 'the new point');
    const properties = made.properties as Json;
    assert.equal(new Date(properties.recoveryPointProperties.expiryTime).getTime(), retainUntil.getTime());
    assert.equal(properties.recoveryPointProperties.ruleName, undefined, 'an on-demand point follows no rule');
    const countOf = async () => ((await backup.protectedItems.get(weu.vault, weu.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm))).properties as Json).extendedInfo.recoveryPointCount as number;
    assert.equal(await countOf(), 8);
    const tiersNow = async () => {
      const point = (await pointsOf(backup, item)).find((candidate) => candidate.name === made.name);
      return point ? tiersOf(point) : 'gone';
    };
    const seenTiers = [tiersOf(made)];
    for (;;) {
      const tiers = await tiersNow();
      if (tiers !== seenTiers.at(-1)) seenTiers.push(tiers);
      if (tiers === 'gone') break;
      assert.ok(Date.now() < retainUntil.getTime() + 5000, `still there after its expiry: ${seenTiers.join(' → ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(seenTiers, ['InstantRP:Valid HardenedRP:Valid', 'InstantRP:Deleted HardenedRP:Valid', 'gone']);
    assert.ok(Date.now() >= retainUntil.getTime(), 'gone at its retain-until date, not before');
    await refused(backup.recoveryPoints.get(weu.vault, weu.rg, fabric, containerOf(item.rg, item.vm), itemOf(item.rg, item.vm), made.name!), 404, 'BMSUserErrorRecoveryPointNotFound');
    assert.equal(await countOf(), 7);
  });

  it('a VM that was not running makes crash-consistent points; a Windows VM application-consistent ones', async () => {
    const jumpbox: ItemRef = { v: weu, rg: 'rg-data-prod', vm: 'jumpbox' };
    const jobId = await putItem(backup, weu, jumpbox.rg, jumpbox.vm, { policyId: policyIdOf(prod, weu.rg, weu.vault, 'DefaultPolicy'), sourceResourceId: `/subscriptions/${prod}/resourceGroups/rg-data-prod/providers/Microsoft.Compute/virtualMachines/jumpbox` });
    await jobEnd(backup, weu, jobId);
    const backupJob = await backUpNow(backup, weu, jumpbox.rg, jumpbox.vm);
    assert.equal((await jobEnd(backup, weu, backupJob.jobId)).properties?.status, 'Completed');
    const [point] = await pointsOf(backup, jumpbox);
    assert.equal((point!.properties as Json).recoveryPointType, 'CrashConsistent', 'jumpbox is deallocated');
    assert.equal((point!.properties as Json).osType, 'Windows');
    const sql = await backUpNow(backup, weu, sql01.rg, sql01.vm);
    await jobEnd(backup, weu, sql.jobId);
    const [newest] = await pointsOf(backup, sql01);
    assert.equal((newest!.properties as Json).recoveryPointType, 'AppConsistent');
    assert.equal(tiersOf(newest!), 'InstantRP:Valid HardenedRP:Valid');
  });
});
