import type { PolicyPreview } from './policyPreview';
import type { RetentionTier } from './retentionCalendar';

/** A backup (or several sharing a pixel) on a tier's row: a tick at x, a bar to endX for how long it is kept within the period. */
export interface TimelineMark {
  x: number;
  /** x of when it is let go, clipped to the plot's right edge. */
  endX: number;
  at: number;
  keptUntil: number;
  /** Kept beyond the previewed period (draw an arrow or fade). */
  continues: boolean;
  /** Backups merged into this mark because they fall on the same pixel. */
  count: number;
}

export interface TimelineRow {
  tier: RetentionTier;
  label: string;
  /** Top of the row. */
  y: number;
  height: number;
  marks: TimelineMark[];
  /** Backups this tier keeps in the period, before merging. */
  total: number;
}

export interface TimelineTick {
  x: number;
  at: number;
  /** 'Apr', or 'Jan 2025' at a year's start; UTC months (the caller may relabel from `at`). */
  label: string;
}

export interface TimelineSvgModel {
  width: number;
  height: number;
  /** The plot area: left edge and width (row labels sit left of it). */
  plotX: number;
  plotWidth: number;
  /** Rows of the tiers that keep anything, in order snapshot, daily, weekly, monthly, yearly. */
  rows: TimelineRow[];
  ticks: TimelineTick[];
  firstBackupX: number | undefined;
  /** The worst gap's span, when it starts inside the period. */
  worstGap: { x: number; endX: number } | undefined;
}

export interface TimelineLayout {
  rowHeight?: number;
  labelWidth?: number;
  /** Room under the rows for the month ticks. */
  axisHeight?: number;
}

const tierLabels: Record<RetentionTier, string> = {
  snapshot: 'Snapshots',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
};
const monthLabels = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Positions for drawing a preview as an SVG timeline `width` pixels wide: no DOM, just numbers. */
export function timelineSvgModel(preview: PolicyPreview, width: number, layout: TimelineLayout = {}): TimelineSvgModel {
  const rowHeight = layout.rowHeight ?? 20;
  const plotX = layout.labelWidth ?? 72;
  const axisHeight = layout.axisHeight ?? 18;
  const plotWidth = Math.max(1, width - plotX);
  const span = preview.to - preview.from;
  const xOf = (instant: number): number => plotX + (Math.min(Math.max(instant, preview.from), preview.to) - preview.from) / span * plotWidth;
  const rows: TimelineRow[] = [];
  for (const { tier, points } of preview.tiers) {
    if (points.length === 0) continue;
    const marks: TimelineMark[] = [];
    for (const point of points) {
      const x = Math.round(xOf(point.at) * 10) / 10;
      const last = marks[marks.length - 1];
      if (last && Math.floor(last.x) === Math.floor(x)) {
        last.count++;
        last.keptUntil = Math.max(last.keptUntil, point.keptUntil);
        last.endX = Math.round(xOf(last.keptUntil) * 10) / 10;
        last.continues = last.keptUntil > preview.to;
        continue;
      }
      marks.push({ x, endX: Math.round(xOf(point.keptUntil) * 10) / 10, at: point.at, keptUntil: point.keptUntil, continues: point.keptUntil > preview.to, count: 1 });
    }
    rows.push({ tier, label: tierLabels[tier], y: rows.length * rowHeight, height: rowHeight, marks, total: points.length });
  }
  const gapStart = preview.worstGapStartsAt;
  const gapEnd = gapStart === undefined || preview.worstGapHours === undefined ? undefined : gapStart + preview.worstGapHours * 3_600_000;
  return {
    width,
    height: rows.length * rowHeight + axisHeight,
    plotX,
    plotWidth,
    rows,
    ticks: monthTicks(preview.from, preview.to).map((at) => ({ x: xOf(at), at, label: monthLabel(at) })),
    firstBackupX: preview.firstBackupAt === undefined ? undefined : xOf(preview.firstBackupAt),
    worstGap: gapStart === undefined || gapEnd === undefined || gapStart >= preview.to ? undefined : { x: xOf(gapStart), endX: xOf(gapEnd) },
  };
}

/** The starts of the UTC months in (from, to). */
function monthTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  const start = new Date(from);
  for (let month = start.getUTCMonth() + 1; ; month++) {
    const at = Date.UTC(start.getUTCFullYear(), month, 1);
    if (at >= to) return ticks;
    ticks.push(at);
  }
}

function monthLabel(at: number): string {
  const date = new Date(at);
  const month = monthLabels[date.getUTCMonth()]!;
  return date.getUTCMonth() === 0 ? `${month} ${date.getUTCFullYear()}` : month;
}
