import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EmulatorContext, defaultOptions } from '../../../emulator/context';
import { demoSeed, demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { keyOf, vaultId } from '../../../emulator/state/lookup';
import type { ProtectedItemRecord, RecoveryPointRecord } from '../../../emulator/state/model';
import { isChosenDay, scheduledRetention } from '../../../emulator/backup/retentionRules';
import { availablePoints, needsRehydration, pointsExpire, tiersOf } from '../../../emulator/backup/recoveryPointTiers';
import { nextDeadline } from '../../../emulator/backup/deadlines';
import { advanceTime } from '../../../emulator/backup/progress';

const day = 86_400_000;
const iso = (time: number) => new Date(time).toISOString();
const at = (text: string) => Date.parse(text);

const longTerm = {
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionDuration: { count: 30, durationType: 'Days' } },
    weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionDuration: { count: 12, durationType: 'Weeks' } },
    monthlySchedule: { retentionScheduleFormatType: 'Weekly', retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] }, retentionDuration: { count: 12, durationType: 'Months' } },
    yearlySchedule: {
      retentionScheduleFormatType: 'Daily',
      monthsOfYear: ['January'],
      retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }] },
      retentionDuration: { count: 3, durationType: 'Years' },
    },
  },
};

describe("a scheduled point's retention under a policy's rules", () => {
  it('keeps a weekday point by the daily rule', () => {
    assert.deepEqual(scheduledRetention(longTerm, at('2026-03-11T22:30:00Z')), { expiresAt: at('2026-04-10T22:30:00Z'), ruleName: 'Daily' });
  });

  it('keeps a Sunday point by the weekly rule, the first Sunday of a month by the monthly one', () => {
    assert.deepEqual(scheduledRetention(longTerm, at('2026-03-15T22:30:00Z')), { expiresAt: at('2026-06-07T22:30:00Z'), ruleName: 'Weekly' });
    assert.deepEqual(scheduledRetention(longTerm, at('2026-03-01T22:30:00Z')), { expiresAt: at('2027-03-01T22:30:00Z'), ruleName: 'Monthly' });
  });

  it("keeps the year's chosen day by the yearly rule", () => {
    assert.deepEqual(scheduledRetention(longTerm, at('2026-01-01T22:30:00Z')), { expiresAt: at('2029-01-01T22:30:00Z'), ruleName: 'Yearly' });
  });

  it('takes the last weekday of a month and the last day as the schedules say', () => {
    const lastSunday = { retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['Last'] } };
    assert.equal(isChosenDay(lastSunday, new Date('2026-03-29T00:00:00Z')), true);
    assert.equal(isChosenDay(lastSunday, new Date('2026-03-22T00:00:00Z')), false);
    const lastDay = { retentionScheduleFormatType: 'Daily', retentionScheduleDaily: { daysOfTheMonth: [{ isLast: true }] } };
    assert.equal(isChosenDay(lastDay, new Date('2026-02-28T00:00:00Z')), true);
    assert.equal(isChosenDay(lastDay, new Date('2026-03-28T00:00:00Z')), false);
  });

  it('gives no retention without rules', () => {
    assert.equal(scheduledRetention(undefined, Date.now()), undefined);
  });
});

describe("a point's tiers over time", () => {
  const made = at('2026-05-01T00:00:00Z');
  const point: RecoveryPointRecord = {
    name: '1',
    time: iso(made),
    type: 'AppConsistent',
    snapshotUntil: iso(made + 2 * day),
    archivedAt: iso(made + 90 * day),
    expiresAt: iso(made + 365 * day),
  };

  it('has its snapshot and vault copy, then the vault copy only, then the archive copy only, then nothing', () => {
    assert.deepEqual(tiersOf(point, made + day), { snapshot: true, vault: true, archive: false, rehydrated: false });
    assert.deepEqual(tiersOf(point, made + 3 * day), { snapshot: false, vault: true, archive: false, rehydrated: false });
    assert.deepEqual(tiersOf(point, made + 100 * day), { snapshot: false, vault: false, archive: true, rehydrated: false });
    assert.equal(needsRehydration(tiersOf(point, made + 100 * day)), true);
    assert.deepEqual(tiersOf(point, made + 366 * day), { snapshot: false, vault: false, archive: false, rehydrated: false });
  });

  it('is readable from the archive while a rehydration keeps it', () => {
    const rehydrated = { ...point, rehydratedUntil: iso(made + 110 * day) };
    assert.equal(tiersOf(rehydrated, made + 100 * day).rehydrated, true);
    assert.equal(needsRehydration(tiersOf(rehydrated, made + 100 * day)), false);
    assert.equal(needsRehydration(tiersOf(rehydrated, made + 111 * day)), true);
  });

  it('stays while the VM is protected no more but its data is retained, and goes again once the data is soft-deleted', () => {
    const item = { protectionState: 'ProtectionStopped', recoveryPoints: [point] } as unknown as ProtectedItemRecord;
    assert.equal(pointsExpire(item), false);
    assert.equal(availablePoints(item, made + 400 * day).length, 1);
    assert.equal(pointsExpire({ ...item, softDeletedAt: made } as ProtectedItemRecord), true);
    assert.equal(pointsExpire({ ...item, protectionState: 'Protected' } as ProtectedItemRecord), true);
    assert.equal(availablePoints({ ...item, protectionState: 'Protected' } as ProtectedItemRecord, made + 400 * day).length, 0);
  });
});

describe('points expiring on the emulator clock', () => {
  it("are a deadline: advancing past a point's expiry removes it, and the next deadline moves on", () => {
    const now = Date.UTC(2026, 4, 10, 12);
    const context = new EmulatorContext({ ...defaultOptions, caFile: '/dev/null' }, demoSeed(now));
    const vault = context.state.vaults[keyOf(vaultId(demoSubscriptions.production, 'rg-backup-prod', 'prod-weu-vault'))]!;
    const item = vault.protectedItems['vm;iaasvmcontainerv2;rg-web-prod;web-01']!;
    const oldest = item.recoveryPoints[0]!;
    const expiry = Date.parse(oldest.expiresAt!);
    advanceTime(context, now);
    assert.ok(nextDeadline(context) <= expiry, 'the oldest point expiring is a deadline');
    advanceTime(context, expiry - 1);
    assert.equal(item.recoveryPoints[0], oldest);
    advanceTime(context, expiry);
    assert.notEqual(item.recoveryPoints[0]?.name, oldest.name);
    assert.equal(item.recoveryPoints.length, 6);
    assert.ok(nextDeadline(context) > expiry);
  });
});
