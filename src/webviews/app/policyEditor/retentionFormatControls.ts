// Which backup of a month (or of a year's months) a monthly or yearly tier keeps: relative
// ("the First Sunday") or absolute ("the 1st and the Last day").
import type { DayOfMonth, PolicyDraft, RetentionFormat, WeekOfMonth, Weekday } from '../../../policy/policyDraft';
import { weekdays, weeksOfMonth } from '../../../policy/policyDraft';
import { h, show } from '../shared/dom';
import { field, radioGroup, setRadio } from '../shared/formFields';
import { checkboxGroup, type Edit, type ProblemPlacement } from './policyControls';

export interface FormatControls {
  root: HTMLElement;
  render(format: RetentionFormat): void;
}

const daysOfMonth: readonly DayOfMonth[] = [...Array.from({ length: 28 }, (_, index) => index + 1), 'Last'];

/**
 * The format of the tier at `path` ('retention.monthly' or 'retention.yearly'). The other format's
 * choices are kept while the user switches, so nothing is lost.
 */
export function formatControls(id: string, label: string, path: 'retention.monthly' | 'retention.yearly', edit: Edit, placement: ProblemPlacement): FormatControls {
  let relative: Extract<RetentionFormat, { type: 'relative' }> = { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] };
  let absolute: Extract<RetentionFormat, { type: 'absolute' }> = { type: 'absolute', days: [1] };
  const formatOf = (draft: PolicyDraft): RetentionFormat | undefined => (path === 'retention.monthly' ? draft.retention.monthly?.format : draft.retention.yearly?.format);
  const setFormat = (draft: PolicyDraft, format: RetentionFormat) => {
    const tier = path === 'retention.monthly' ? draft.retention.monthly : draft.retention.yearly;
    if (tier) tier.format = format;
  };
  const change = (field: string, update: (format: RetentionFormat) => RetentionFormat) =>
    edit(`${path}.format.${field}`, (draft) => {
      const format = formatOf(draft);
      if (format) setFormat(draft, update(format));
    });

  const typeControl = radioGroup(`${id}-format`, `${label}: which backup`, [
    { value: 'relative', label: 'A weekday of the month', description: 'e.g. the First Sunday, or the Last Friday.' },
    { value: 'absolute', label: 'Days of the month', description: 'e.g. the 1st and the Last day. Not with a weekly schedule.' },
  ] as const, (type) => change('type', () => (type === 'relative' ? relative : absolute)));
  const typeField = field(`${id}-format`, `${label}: keep the backup of`, typeControl);
  placement.register(`${path}.format`, typeField.message, typeControl);

  const weeks = checkboxGroup<WeekOfMonth>(`${id}-weeks`, `${label}: weeks of the month`, weeksOfMonth.map((week) => ({ value: week, label: week })), (chosen) =>
    change('weeks', (format) => (format.type === 'relative' ? { ...format, weeks: chosen } : format)),
  );
  const weeksField = field(`${id}-weeks`, 'Week of the month', weeks.root);
  placement.register(`${path}.format.weeks`, weeksField.message, weeks.root);
  const days = checkboxGroup<Weekday>(`${id}-weekdays`, `${label}: days of the week`, weekdays.map((day) => ({ value: day, label: day.slice(0, 3) })), (chosen) =>
    change('weekdays', (format) => (format.type === 'relative' ? { ...format, weekdays: chosen } : format)),
  );
  const daysField = field(`${id}-weekdays`, 'Day of the week', days.root);
  placement.register(`${path}.format.weekdays`, daysField.message, days.root);
  const dates = checkboxGroup<DayOfMonth>(`${id}-days`, `${label}: days of the month`, daysOfMonth.map((day) => ({ value: day, label: String(day) })), (chosen) =>
    change('days', (format) => (format.type === 'absolute' ? { ...format, days: chosen } : format)),
  );
  dates.root.classList.add('days-of-month');
  const datesField = field(`${id}-days`, 'Days of the month', dates.root, '1 to 28, or Last (months have no 29th to 31st in common).');
  placement.register(`${path}.format.days`, datesField.message, dates.root);

  return {
    root: h('div', { class: 'format' }, typeField.block, weeksField.block, daysField.block, datesField.block),
    render(format) {
      if (format.type === 'relative') relative = format;
      else absolute = format;
      setRadio(typeControl, format.type);
      show(weeksField.block, format.type === 'relative');
      show(daysField.block, format.type === 'relative');
      show(datesField.block, format.type === 'absolute');
      weeks.set(format.type === 'relative' ? format.weeks : []);
      days.set(format.type === 'relative' ? format.weekdays : []);
      dates.set(format.type === 'absolute' ? format.days : []);
    },
  };
}
