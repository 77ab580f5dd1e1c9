// The next three days of the schedule, hour by hour in the user's own time: each backup as a tick
// (taller for the one retention keeps), and the longest wait shaded, so an hourly window that
// leaves the night uncovered shows at a glance. The year's timeline is too coarse for that.
import type { PolicyPreview } from '../../../policy/policyPreview';
import { svgElement } from './svgElement';

const days = 3;
const labelWidth = 78;
const rowHeight = 28;
const axisHeight = 16;

export function drawDayStrip(svg: SVGSVGElement, preview: PolicyPreview, width: number): void {
  const start = new Date(preview.from);
  start.setHours(0, 0, 0, 0);
  const from = start.getTime();
  const end = new Date(start);
  end.setDate(end.getDate() + days);
  const to = end.getTime();
  const plotWidth = width - labelWidth;
  const xOf = (at: number) => labelWidth + ((Math.min(Math.max(at, from), to) - from) / (to - from)) * plotWidth;
  const backups = preview.points.filter((point) => point.at >= from && point.at < to);
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

  svg.setAttribute('viewBox', `0 0 ${width} ${rowHeight + axisHeight}`);
  svg.replaceChildren(
    svgElement('title', { id: 'preview-days-title' }, 'Backups in the next 3 days, in your time'),
    svgElement('desc', { id: 'preview-days-desc' }, backups.length === 0 ? 'No backups in the next 3 days.' : `${backups.length} backups, at ${[...new Set(backups.map((point) => time.format(point.at)))].join(', ')}.`),
  );
  svg.append(svgElement('rect', { class: 'past', x: labelWidth, y: 0, width: xOf(preview.from) - labelWidth, height: rowHeight }));
  const gapStart = preview.worstGapStartsAt;
  if (gapStart !== undefined && preview.worstGapHours !== undefined) {
    // The worst gap repeats: shade each wait that long within the strip.
    const gapMs = preview.worstGapHours * 3_600_000;
    for (let index = 0; index < backups.length; index++) {
      const next = backups[index + 1]?.at ?? Infinity;
      if (next - backups[index]!.at === gapMs) svg.append(svgElement('rect', { class: 'worst-gap', x: xOf(backups[index]!.at), y: 0, width: xOf(next) - xOf(backups[index]!.at), height: rowHeight }));
    }
  }
  for (let hour = 0; hour <= days * 24; hour += 6) {
    const at = new Date(start);
    at.setHours(hour);
    const x = xOf(at.getTime());
    const midnight = hour % 24 === 0;
    svg.append(svgElement('line', { class: midnight ? 'grid day' : 'grid', x1: x, x2: x, y1: 0, y2: rowHeight }));
    if (hour < days * 24) svg.append(svgElement('text', { class: 'axis-label', x: x + 2, y: rowHeight + 12 }, midnight ? weekday.format(at) : String(at.getHours()).padStart(2, '0')));
  }
  svg.append(svgElement('text', { class: 'row-label', x: 0, y: rowHeight / 2 + 4 }, 'Backups'));
  for (const point of backups) {
    const kept = point.tiers.some((tier) => tier.tier !== 'snapshot');
    const tick = svgElement('rect', { class: kept ? 'tick kept' : 'tick', x: xOf(point.at) - 1, y: kept ? 3 : 8, width: 2, height: kept ? rowHeight - 6 : rowHeight - 16 });
    tick.append(svgElement('title', {}, `${weekday.format(point.at)} ${time.format(point.at)}${kept ? ': kept by the retention tiers' : ': an instant restore snapshot'}`));
    svg.append(tick);
  }
}
