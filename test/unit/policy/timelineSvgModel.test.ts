import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newEnhancedPolicyDraft, newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { previewPolicy } from '../../../src/policy/policyPreview';
import { timelineSvgModel } from '../../../src/policy/timelineSvgModel';

const now = new Date('2024-03-10T12:00:00Z');

describe('timelineSvgModel', () => {
  it('lays out one row per tier that keeps something, with month ticks inside the plot', () => {
    const draft = newStandardPolicyDraft('p');
    draft.retention.monthly = { months: 12, format: { type: 'absolute', days: [1] } };
    const model = timelineSvgModel(previewPolicy(draft, now), 672);
    assert.deepEqual(model.rows.map((row) => [row.label, row.y, row.total]), [['Snapshots', 0, 365], ['Daily', 20, 365], ['Monthly', 40, 12]]);
    assert.equal(model.height, 3 * 20 + 18);
    assert.equal(model.plotX, 72);
    assert.equal(model.plotWidth, 600);
    assert.deepEqual(model.ticks.map((tick) => tick.label), ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2025', 'Feb', 'Mar']);
    for (const tick of model.ticks) assert.ok(tick.x > model.plotX && tick.x < model.width);
  });

  it('places each backup by time, with a bar to when it is let go, clipped to the period', () => {
    const preview = previewPolicy(newStandardPolicyDraft('p'), now);
    const model = timelineSvgModel(preview, 672);
    const daily = model.rows.find((row) => row.tier === 'daily')!;
    const first = daily.marks[0]!;
    const pxPerDay = 600 / 365;
    assert.ok(Math.abs(first.x - (72 + (10.5 / 24) * pxPerDay)) < 0.1, String(first.x));
    assert.ok(Math.abs(first.endX - first.x - 30 * pxPerDay) < 0.2);
    const last = daily.marks[daily.marks.length - 1]!;
    assert.equal(last.endX, 672);
    assert.equal(last.continues, true);
    assert.equal(first.continues, false);
    assert.ok(model.firstBackupX !== undefined && Math.abs(model.firstBackupX - first.x) < 0.1);
  });

  it('merges backups sharing a pixel, keeping the count', () => {
    const draft = newEnhancedPolicyDraft('p');
    draft.schedule.hourly = { intervalHours: 4, windowStartTime: '00:00', windowDurationHours: 24 };
    const preview = previewPolicy(draft, now);
    const model = timelineSvgModel(preview, 372);
    const snapshots = model.rows.find((row) => row.tier === 'snapshot')!;
    assert.equal(snapshots.total, 6 * 365);
    assert.ok(snapshots.marks.length <= 300);
    assert.equal(snapshots.marks.reduce((sum, mark) => sum + mark.count, 0), 6 * 365);
  });

  it('marks the worst gap', () => {
    const draft = newEnhancedPolicyDraft('p');
    draft.schedule.hourly = { intervalHours: 4, windowStartTime: '08:00', windowDurationHours: 8 };
    const model = timelineSvgModel(previewPolicy(draft, now), 672);
    const pxPerHour = 600 / 365 / 24;
    assert.ok(model.worstGap);
    assert.ok(Math.abs(model.worstGap.endX - model.worstGap.x - 16 * pxPerHour) < 0.01);
  });
});
