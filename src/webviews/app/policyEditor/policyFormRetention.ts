// How long backups are kept: daily, weekly, monthly and yearly tiers, each switched on or off, with
// its count and which backups it keeps. A tier switched off keeps its values for when it returns.
import type { MonthName, PolicyDraft, RetentionDraft, Weekday } from '../../../policy/policyDraft';
import { monthNames, weekdays } from '../../../policy/policyDraft';
import { policyLimits, type Range } from '../../../policy/policyLimits';
import { h, show } from '../shared/dom';
import { checkbox, field } from '../shared/formFields';
import { checkboxGroup, numberField, setNumber, type Edit, type NumberField, type ProblemPlacement } from './policyControls';
import { formatControls } from './retentionFormatControls';
import { section, type FormSection } from './formSection';

type Tier = keyof RetentionDraft;

/** What a tier starts with when switched on: a common choice, on the schedule's days. */
function tierDefaults(draft: PolicyDraft): Required<RetentionDraft> {
  const day: Weekday = draft.schedule.frequency === 'Weekly' ? (draft.schedule.weekdays[0] ?? 'Sunday') : 'Sunday';
  return {
    daily: { days: 30 },
    weekly: { weeks: 12, weekdays: [day] },
    monthly: { months: 12, format: { type: 'relative', weeks: ['First'], weekdays: [day] } },
    yearly: { years: 10, months: ['January'], format: { type: 'relative', weeks: ['First'], weekdays: [day] } },
  };
}

interface TierRow {
  block: HTMLElement;
  enabled: ReturnType<typeof checkbox>;
  details: HTMLElement;
  count: NumberField;
}

export function retentionSection(edit: Edit, placement: ProblemPlacement): FormSection {
  const setAside: RetentionDraft = {};
  const toggle = (tier: Tier) => (on: boolean) =>
    edit(`retention.${tier}`, (draft) => {
      const retention = draft.retention as Record<Tier, unknown>;
      if (on) retention[tier] = setAside[tier] ?? tierDefaults(draft)[tier];
      else {
        (setAside as Record<Tier, unknown>)[tier] = retention[tier];
        delete retention[tier];
      }
    });
  const tierRow = (tier: Tier, label: string, countLabel: string, range: Range, unit: string, setCount: (draft: PolicyDraft, value: number) => void, ...extra: HTMLElement[]): TierRow => {
    const enabled = checkbox(`${tier}-enabled`, label, toggle(tier));
    const enabledMessage = h('div', { id: `${tier}-enabled-message`, class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
    enabled.setAttribute('aria-describedby', enabledMessage.id);
    placement.register(`retention.${tier}`, enabledMessage, enabled);
    const count = numberField(`${tier}-${unit}`, `${countLabel} in ${unit}`, (value) => edit(`retention.${tier}.${unit}`, (draft) => setCount(draft, value)), range);
    const countField = field(`${tier}-${unit}`, countLabel, count, `${range.min}–${range.max} ${unit}.`);
    placement.register(`retention.${tier}.${unit}`, countField.message, count);
    const details = h('div', { class: 'tier-details', id: `${tier}-details` }, countField.block, ...extra);
    return { block: h('div', { class: 'tier', id: `${tier}-tier` }, enabled, enabledMessage, details), enabled, details, count };
  };

  const daily = tierRow('daily', 'Keep daily backups', 'Keep each day’s backup for', policyLimits.dailyDays, 'days', (draft, value) => {
    if (draft.retention.daily) draft.retention.daily.days = value;
  });

  const weeklyDays = checkboxGroup<Weekday>('weekly-weekdays', 'Weekly retention: days', weekdays.map((day) => ({ value: day, label: day.slice(0, 3) })), (chosen) =>
    edit('retention.weekly.weekdays', (draft) => {
      if (draft.retention.weekly) draft.retention.weekly.weekdays = chosen;
    }),
  );
  const weeklyDaysField = field('weekly-weekdays', 'Keep the backup of', weeklyDays.root, 'With a weekly schedule, only days it backs up.');
  placement.register('retention.weekly.weekdays', weeklyDaysField.message, weeklyDays.root);
  const weekly = tierRow('weekly', 'Keep weekly backups', 'Keep each week’s backup for', policyLimits.weeklyWeeks, 'weeks', (draft, value) => {
    if (draft.retention.weekly) draft.retention.weekly.weeks = value;
  }, weeklyDaysField.block);

  const monthlyFormat = formatControls('monthly', 'Monthly retention', 'retention.monthly', edit, placement);
  const monthly = tierRow('monthly', 'Keep monthly backups', 'Keep each month’s backup for', policyLimits.monthlyMonths, 'months', (draft, value) => {
    if (draft.retention.monthly) draft.retention.monthly.months = value;
  }, monthlyFormat.root);

  const yearMonths = checkboxGroup<MonthName>('yearly-months', 'Yearly retention: months', monthNames.map((month) => ({ value: month, label: month.slice(0, 3) })), (chosen) =>
    edit('retention.yearly.months', (draft) => {
      if (draft.retention.yearly) draft.retention.yearly.months = chosen;
    }),
  );
  const yearMonthsField = field('yearly-months', 'In the months', yearMonths.root);
  placement.register('retention.yearly.months', yearMonthsField.message, yearMonths.root);
  const yearlyFormat = formatControls('yearly', 'Yearly retention', 'retention.yearly', edit, placement);
  const yearly = tierRow('yearly', 'Keep yearly backups', 'Keep each year’s backup for', policyLimits.yearlyYears, 'years', (draft, value) => {
    if (draft.retention.yearly) draft.retention.yearly.years = value;
  }, yearMonthsField.block, yearlyFormat.root);

  const overall = h('div', { id: 'retention-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  placement.register('retention', overall);
  const rows: Record<Tier, TierRow> = { daily, weekly, monthly, yearly };
  return {
    root: section('retention', 'Retention', h('p', { class: 'help' }, 'Each tier keeps one backup of its period (the schedule time, or the hourly window’s start) for as long as it says; a backup several tiers keep stays until the longest lets it go.'), overall, daily.block, weekly.block, monthly.block, yearly.block),
    render(draft) {
      const { retention } = draft;
      for (const tier of Object.keys(rows) as Tier[]) {
        const row = rows[tier];
        const on = retention[tier] !== undefined;
        if (row.enabled.checked !== on) row.enabled.checked = on;
        show(row.details, on);
      }
      if (retention.daily) setNumber(daily.count, retention.daily.days);
      if (retention.weekly) {
        setNumber(weekly.count, retention.weekly.weeks);
        weeklyDays.set(retention.weekly.weekdays);
      }
      if (retention.monthly) {
        setNumber(monthly.count, retention.monthly.months);
        monthlyFormat.render(retention.monthly.format);
      }
      if (retention.yearly) {
        setNumber(yearly.count, retention.yearly.years);
        yearMonths.set(retention.yearly.months);
        yearlyFormat.render(retention.yearly.format);
      }
    },
  };
}
