import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyDraft } from '../../../src/policy/policyDraft';
import { newEnhancedPolicyDraft, newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { previewPolicy } from '../../../src/policy/policyPreview';

const hour = 3_600_000;
const day = 24 * hour;
/** A Sunday noon, UTC. */
const now = new Date('2024-03-10T12:00:00Z');

function standard(change: (draft: PolicyDraft) => void = () => {}): PolicyDraft {
  const draft = newStandardPolicyDraft('preview');
  change(draft);
  return draft;
}

function hourly(intervalHours: 4 | 6 | 8 | 12 | 24, windowStartTime: string, windowDurationHours: number): PolicyDraft {
  const draft = newEnhancedPolicyDraft('preview');
  draft.schedule.hourly = { intervalHours, windowStartTime, windowDurationHours };
  return draft;
}

function iso(instant: number | undefined): string | undefined {
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

describe('previewPolicy', () => {
  it('keeps 30 daily points at steady state with a daily 30-day policy', () => {
    const preview = previewPolicy(standard(), now);
    assert.equal(preview.peakRetained, 30);
    assert.equal(preview.retainedAfterPeriod, 30);
    assert.equal(preview.points.length, 365);
    const daily = preview.tiers.find((tier) => tier.tier === 'daily')!;
    assert.equal(daily.points.length, 365);
    assert.equal(daily.points[0]!.keptUntil - daily.points[0]!.at, 30 * day);
    const snapshots = preview.tiers.find((tier) => tier.tier === 'snapshot')!;
    assert.equal(snapshots.points[0]!.keptUntil - snapshots.points[0]!.at, 2 * day);
    assert.deepEqual(preview.problems, []);
    assert.equal(preview.limit, 9999);
  });

  it('lists the tiers in drawing order, empty ones included', () => {
    assert.deepEqual(previewPolicy(standard(), now).tiers.map((tier) => [tier.tier, tier.points.length]), [
      ['snapshot', 365], ['daily', 365], ['weekly', 0], ['monthly', 0], ['yearly', 0],
    ]);
  });

  it('finds a 16-hour worst gap for every 4 hours in an 8-hour window', () => {
    const preview = previewPolicy(hourly(4, '08:00', 8), now);
    assert.equal(preview.worstGapHours, 16);
    assert.equal(new Date(preview.worstGapStartsAt!).getUTCHours(), 16, 'the night after the 16:00 backup');
    const firstDay = preview.points.filter((point) => point.at < Date.parse('2024-03-12T00:00:00Z')).map((point) => iso(point.at));
    assert.deepEqual(firstDay, ['2024-03-10T12:00:00.000Z', '2024-03-10T16:00:00.000Z', '2024-03-11T08:00:00.000Z', '2024-03-11T12:00:00.000Z', '2024-03-11T16:00:00.000Z']);
  });

  it('keeps the window start backup daily and the others as snapshots only', () => {
    const preview = previewPolicy(hourly(4, '08:00', 8), now);
    const tiersAt = (at: string): string[] => preview.points.find((point) => iso(point.at) === at)!.tiers.map((tier) => tier.tier);
    assert.deepEqual(tiersAt('2024-03-11T08:00:00.000Z'), ['snapshot', 'daily']);
    assert.deepEqual(tiersAt('2024-03-11T12:00:00.000Z'), ['snapshot']);
    // 30 daily points, plus two 7-day snapshots a day.
    assert.equal(preview.peakRetained, 30 + 2 * 7);
  });

  it('backs up every 4 hours round the clock with a 24-hour window, counting the shared midnight once', () => {
    const preview = previewPolicy(hourly(4, '00:00', 24), now);
    assert.equal(preview.worstGapHours, 4);
    assert.equal(preview.points.length, 6 * 365);
  });

  it('follows an hourly window past midnight', () => {
    const preview = previewPolicy(hourly(6, '20:30', 12), now);
    assert.equal(iso(preview.firstBackupAt), '2024-03-10T20:30:00.000Z');
    assert.deepEqual(preview.points.slice(0, 4).map((point) => iso(point.at)), [
      '2024-03-10T20:30:00.000Z', '2024-03-11T02:30:00.000Z', '2024-03-11T08:30:00.000Z', '2024-03-11T20:30:00.000Z',
    ]);
    assert.equal(preview.worstGapHours, 12);
  });

  it('finds a 7-day gap for a weekly schedule, and the longest stretch for several days', () => {
    const sundays = standard((draft) => {
      draft.schedule.frequency = 'Weekly';
      draft.schedule.weekdays = ['Sunday'];
      draft.instantRestoreDays = 5;
      draft.retention = { weekly: { weeks: 12, weekdays: ['Sunday'] } };
    });
    assert.equal(previewPolicy(sundays, now).worstGapHours, 7 * 24);
    assert.equal(previewPolicy(sundays, now).peakRetained, 12);
    sundays.schedule.weekdays = ['Sunday', 'Wednesday'];
    assert.equal(previewPolicy(sundays, now).worstGapHours, 4 * 24, 'Wednesday to Sunday');
  });

  it('runs the first backup across a day boundary', () => {
    const preview = previewPolicy(standard((draft) => (draft.schedule.time = '02:00')), new Date('2024-03-10T23:00:00Z'));
    assert.equal(iso(preview.firstBackupAt), '2024-03-11T02:00:00.000Z');
    assert.equal(iso(previewPolicy(standard(), new Date('2024-03-10T22:30:00Z')).firstBackupAt), '2024-03-10T22:30:00.000Z', 'a backup due now counts');
  });

  it('runs at the base offset of a non-UTC time zone, without daylight saving', () => {
    const india = standard((draft) => {
      draft.schedule.time = '10:00';
      draft.timeZone = 'India Standard Time';
    });
    // 10:30 in India: today's 10:00 has passed, so tomorrow 10:00 IST = 04:30 UTC.
    const preview = previewPolicy(india, new Date('2024-03-10T05:00:00Z'));
    assert.equal(iso(preview.firstBackupAt), '2024-03-11T04:30:00.000Z');
    assert.equal(preview.timeZoneOffsetMinutes, 330);
    const pacific = standard((draft) => (draft.timeZone = 'Pacific Standard Time'));
    assert.equal(iso(previewPolicy(pacific, new Date('2024-01-15T12:00:00Z')).firstBackupAt), '2024-01-16T06:30:00.000Z');
    assert.equal(iso(previewPolicy(pacific, new Date('2024-07-15T12:00:00Z')).firstBackupAt), '2024-07-16T06:30:00.000Z', 'same UTC time in summer');
  });

  it('judges weekly, monthly and yearly days on the policy\'s own calendar', () => {
    // A late backup west of UTC falls on the next UTC day: the weekday that counts is the policy's.
    const draft = standard((draft) => {
      draft.schedule.time = '23:30';
      draft.timeZone = 'Eastern Standard Time';
      draft.retention.weekly = { weeks: 4, weekdays: ['Saturday'] };
    });
    const weekly = previewPolicy(draft, now).tiers.find((tier) => tier.tier === 'weekly')!;
    assert.equal(iso(weekly.points[0]!.at), '2024-03-17T04:30:00.000Z', 'Saturday 23:30 in New York is Sunday 04:30 UTC');
  });

  it('keeps monthly and yearly points on the days their formats name', () => {
    const draft = standard((draft) => {
      draft.retention.monthly = { months: 12, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } };
      draft.retention.yearly = { years: 3, months: ['February'], format: { type: 'absolute', days: ['Last'] } };
    });
    const preview = previewPolicy(draft, now);
    const monthly = preview.tiers.find((tier) => tier.tier === 'monthly')!.points.map((point) => iso(point.at)!.slice(0, 10));
    assert.equal(monthly.length, 12);
    assert.deepEqual(monthly.slice(0, 3), ['2024-04-07', '2024-05-05', '2024-06-02']);
    const yearly = preview.tiers.find((tier) => tier.tier === 'yearly')!.points;
    assert.deepEqual(yearly.map((point) => iso(point.at)), ['2025-02-28T22:30:00.000Z']);
    assert.equal(iso(yearly[0]!.keptUntil), '2028-02-28T22:30:00.000Z');
    assert.equal(iso(preview.tiers.find((tier) => tier.tier === 'monthly')!.points[0]!.keptUntil), '2025-04-07T22:30:00.000Z');
  });

  it('counts 9,999 points as within the limit and flags more', () => {
    const atLimit = standard((draft) => (draft.retention.daily = { days: 9999 }));
    const within = previewPolicy(atLimit, now);
    assert.equal(within.peakRetained, 9999);
    assert.deepEqual(within.problems, []);
    atLimit.retention.weekly = { weeks: 5163, weekdays: ['Sunday'] };
    const over = previewPolicy(atLimit, now);
    assert.ok(over.peakRetained > 9999, String(over.peakRetained));
    assert.equal(over.problems.length, 1);
    assert.equal(over.problems[0]!.field, 'retention');
    assert.equal(over.problems[0]!.severity, 'error');
    assert.match(over.problems[0]!.message, new RegExp(`up to ${over.peakRetained} recovery points per VM; Azure keeps at most 9999`));
  });

  it('counts the steady state of the longest retention Azure allows, quickly', () => {
    const draft = hourly(4, '00:00', 24);
    draft.instantRestoreDays = 30;
    draft.retention = {
      daily: { days: 9999 },
      weekly: { weeks: 5163, weekdays: ['Sunday'] },
      monthly: { months: 1188, format: { type: 'relative', weeks: ['First'], weekdays: ['Monday'] } },
      yearly: { years: 99, months: ['January'], format: { type: 'absolute', days: ['Last'] } },
    };
    const started = performance.now();
    const preview = previewPolicy(draft, now);
    const elapsed = performance.now() - started;
    // 9,999 daily + ~3,735 older Sundays + ~860 older first Mondays + ~61 older 31 Januaries + 5 × 30 snapshots a day.
    assert.ok(preview.peakRetained > 14_700 && preview.peakRetained < 14_900, String(preview.peakRetained));
    assert.ok(elapsed < 2000, `${elapsed} ms`);
  });

  it('previews nothing for a schedule that cannot run, without throwing', () => {
    const preview = previewPolicy(standard((draft) => (draft.schedule.time = 'soon')), now);
    assert.deepEqual(preview.points, []);
    assert.equal(preview.firstBackupAt, undefined);
    assert.equal(preview.worstGapHours, undefined);
    assert.equal(preview.peakRetained, 0);
  });

  it('previews another period length, from a number', () => {
    const preview = previewPolicy(standard(), now.getTime(), { days: 7 });
    assert.equal(preview.to - preview.from, 7 * day);
    assert.equal(preview.points.length, 7);
  });
});
