// The live preview beside the form: what the policy keeps over the next year as an SVG timeline
// (one row per tier, themed through --vscode-* colours in the stylesheet), the most recovery
// points a VM holds against Azure's 9,999, the longest wait between backups, and when the first
// backup runs in the user's own time, in the browser's locale.
import type { PolicyDraft } from '../../../policy/policyDraft';
import type { PolicyPreview } from '../../../policy/policyPreview';
import type { RetentionTier } from '../../../policy/retentionCalendar';
import { timelineSvgModel, type TimelineSvgModel } from '../../../policy/timelineSvgModel';
import { h, show } from '../shared/dom';
import { drawDayStrip } from './dayStripSvg';
import { svgElement, svgRoot } from './svgElement';

export const timelineWidth = 560;

export interface PreviewView {
  root: HTMLElement;
  render(preview: PolicyPreview, draft: PolicyDraft): void;
}

export function buildPreview(): PreviewView {
  const svg = svgRoot('preview-timeline', 'preview-title preview-desc');
  const strip = svgRoot('preview-days', 'preview-days-title preview-days-desc');
  const count = h('dd', { id: 'preview-count' });
  const fill = h('div', { class: 'meter-fill' });
  const meter = h('div', { class: 'meter', id: 'preview-meter', 'aria-hidden': 'true' }, fill);
  const gap = h('dd', { id: 'preview-gap' });
  const first = h('dd', { id: 'preview-first' });
  const after = h('dd', { id: 'preview-after' });
  const zone = h('p', { class: 'help', id: 'preview-zone' });
  const root = h(
    'section',
    { id: 'preview', 'aria-labelledby': 'preview-heading' },
    h('h2', { id: 'preview-heading' }, 'What this policy keeps'),
    h('p', { class: 'help' }, 'The next 12 months, for one VM protected from today. Each tick is a backup; its bar, how long the tier keeps it.'),
    svg as unknown as HTMLElement,
    h('p', { class: 'help' }, 'The next 3 days, in your time: tall ticks are the backups retention keeps, short ones snapshots only; the longest waits are shaded.'),
    strip as unknown as HTMLElement,
    h(
      'dl',
      { class: 'preview-stats', 'aria-live': 'polite' },
      h('dt', {}, 'Recovery points per VM, at most'), count, meter,
      h('dt', {}, 'Longest wait between backups'), gap,
      h('dt', {}, 'First scheduled backup (your time)'), first,
      h('dt', {}, 'Held a year from now'), after,
    ),
    zone,
  );
  return {
    root,
    render(preview, draft) {
      const model = timelineSvgModel(preview, timelineWidth, { labelWidth: 78, rowHeight: 24, axisHeight: 22 });
      drawTimeline(svg, model, preview, draft);
      drawDayStrip(strip, preview, timelineWidth);
      const numbers = new Intl.NumberFormat();
      const over = preview.peakRetained > preview.limit;
      count.textContent = `${numbers.format(preview.peakRetained)} of the ${numbers.format(preview.limit)} Azure allows${over ? ': too many, shorten retention' : ''}`;
      count.dataset.kind = over ? 'error' : 'ok';
      fill.classList.toggle('over', over);
      fill.style.width = `${Math.min(100, (preview.peakRetained / preview.limit) * 100).toFixed(1)}%`;
      show(meter, true);
      gap.textContent = gapText(preview, draft);
      first.textContent = preview.firstBackupAt === undefined ? 'None: the schedule cannot run as it is (see its messages).' : `${dateTime(preview.firstBackupAt)} (${fromNow(preview.firstBackupAt - preview.from)})`;
      after.textContent = `${numbers.format(preview.retainedAfterPeriod)} recovery points`;
      zone.textContent = `Times run in ${draft.timeZone} at its standard time all year (Azure does not adjust for daylight saving), shown here in your own time zone.`;
    },
  };
}

function drawTimeline(svg: SVGSVGElement, model: TimelineSvgModel, preview: PolicyPreview, draft: PolicyDraft): void {
  const height = Math.max(model.height, 40);
  svg.setAttribute('viewBox', `0 0 ${model.width} ${height}`);
  svg.replaceChildren();
  const rowsBottom = model.rows.length * (model.rows[0]?.height ?? 0);
  svg.append(
    svgElement('title', { id: 'preview-title' }, 'Timeline of the recovery points this policy keeps over the next 12 months'),
    svgElement('desc', { id: 'preview-desc' }, summaryText(model, preview, draft)),
  );
  const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' });
  for (const tick of model.ticks) {
    svg.append(svgElement('line', { class: 'grid', x1: tick.x, x2: tick.x, y1: 0, y2: rowsBottom }));
    svg.append(svgElement('text', { class: 'axis-label', x: tick.x + 2, y: rowsBottom + 14 }, monthName.format(new Date(tick.at))));
  }
  if (model.worstGap) {
    svg.append(svgElement('rect', { class: 'worst-gap', x: model.worstGap.x, y: 0, width: Math.max(2, model.worstGap.endX - model.worstGap.x), height: rowsBottom }));
  }
  for (const row of model.rows) {
    const group = svgElement('g', { class: `row tier-${row.tier}` });
    group.append(svgElement('title', {}, rowText(row.label, row.total, draft, row.tier)));
    group.append(svgElement('text', { class: 'row-label', x: 0, y: row.y + row.height / 2 + 4 }, row.label));
    group.append(svgElement('line', { class: 'row-line', x1: model.plotX, x2: model.plotX + model.plotWidth, y1: row.y + row.height / 2, y2: row.y + row.height / 2 }));
    for (const mark of row.marks) {
      group.append(svgElement('rect', { class: 'bar', x: mark.x, y: row.y + row.height / 2 - 3, width: Math.max(1, mark.endX - mark.x), height: 6 }));
      group.append(svgElement('rect', { class: 'tick', x: mark.x, y: row.y + 5, width: 1.5, height: row.height - 10 }));
    }
    if (row.marks.some((mark) => mark.continues)) {
      const x = model.plotX + model.plotWidth;
      const y = row.y + row.height / 2;
      group.append(svgElement('path', { class: 'continues', d: `M${x - 6} ${y - 5} L${x} ${y} L${x - 6} ${y + 5} Z` }));
    }
    svg.append(group);
  }
  if (model.firstBackupX !== undefined) svg.append(svgElement('line', { class: 'first-backup', x1: model.firstBackupX, x2: model.firstBackupX, y1: 0, y2: rowsBottom }));
}

/** The timeline in words, for screen readers: what each tier keeps and for how long. */
function summaryText(model: TimelineSvgModel, preview: PolicyPreview, draft: PolicyDraft): string {
  if (model.rows.length === 0) return 'No backups: the schedule cannot run as it is.';
  const rows = model.rows.map((row) => rowText(row.label, row.total, draft, row.tier));
  return `Over the next 12 months: ${rows.join(' ')} At most ${preview.peakRetained} recovery points per VM.`;
}

/** "Daily: 365 backups, each kept 30 days." */
function rowText(label: string, total: number, draft: PolicyDraft, tier: RetentionTier): string {
  const kept: Record<RetentionTier, string> = {
    snapshot: `${draft.instantRestoreDays} days as instant restore snapshots`,
    daily: `${draft.retention.daily?.days} days`,
    weekly: `${draft.retention.weekly?.weeks} weeks`,
    monthly: `${draft.retention.monthly?.months} months`,
    yearly: `${draft.retention.yearly?.years} years`,
  };
  return `${label}: ${total} backups, each kept ${kept[tier]}.`;
}

function gapText(preview: PolicyPreview, draft: PolicyDraft): string {
  const hours = preview.worstGapHours;
  if (hours === undefined || preview.worstGapStartsAt === undefined) return 'None: the schedule cannot run as it is.';
  const length = hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} hours`;
  const end = preview.worstGapStartsAt + hours * 3_600_000;
  const span = `${dateTime(preview.worstGapStartsAt)} to ${dateTime(end)}`;
  const { frequency, hourly } = draft.schedule;
  const outside = frequency === 'Hourly' && hours > hourly.intervalHours ? ', outside the backup window' : '';
  return `${length}${outside}: ${span}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function dateTime(at: number): string {
  return dateTimeFormat.format(new Date(at));
}

function fromNow(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (minutes < 60) return relative.format(minutes, 'minute');
  if (minutes < 48 * 60) return relative.format(Math.round(minutes / 60), 'hour');
  return relative.format(Math.round(minutes / 1440), 'day');
}

