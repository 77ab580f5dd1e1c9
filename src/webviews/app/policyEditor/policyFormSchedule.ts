// When backups run: frequency, time or hourly window, the days of a weekly schedule, and the
// policy's time zone (Windows ids; Azure does not adjust them for daylight saving).
import type { HourlyInterval, PolicyDraft, ScheduleFrequency, Weekday } from '../../../policy/policyDraft';
import { hourlyIntervals, weekdays } from '../../../policy/policyDraft';
import { policyLimits } from '../../../policy/policyLimits';
import { windowsTimeZones } from '../../../policy/windowsTimeZones';
import { h, show } from '../shared/dom';
import { field, radioGroup, select, setOptions, setRadio } from '../shared/formFields';
import { checkboxGroup, numberField, setNumber, timeSelect, type Edit, type ProblemPlacement } from './policyControls';
import { section, type FormSection } from './formSection';

const frequencyChoices = [
  { value: 'Daily', label: 'Daily', description: 'Once a day at the time below.' },
  { value: 'Weekly', label: 'Weekly', description: 'Once on each chosen day, at the time below.' },
  { value: 'Hourly', label: 'Hourly (Enhanced)', description: 'Every few hours within a daily window.' },
] as const;

export function scheduleSection(edit: Edit, placement: ProblemPlacement): FormSection {
  // Daily retention a switch to a weekly schedule set aside, restored when switching back.
  let setAside: PolicyDraft['retention']['daily'];
  const frequencyControl = radioGroup<ScheduleFrequency>('frequency', 'Backup frequency', frequencyChoices, (frequency) =>
    edit('schedule.frequency', (draft) => {
      setAside = switchFrequency(draft, frequency, setAside);
    }),
  );
  const frequency = field('frequency', 'Backup frequency', frequencyControl);
  placement.register('schedule.frequency', frequency.message, frequencyControl);

  const timeControl = timeSelect('schedule-time', (time) => edit('schedule.time', (draft) => void (draft.schedule.time = time)));
  const time = field('schedule-time', 'Backup time', timeControl, 'On the hour or half hour, in the policy’s time zone.');
  placement.register('schedule.time', time.message, timeControl);

  const days = checkboxGroup<Weekday>('schedule-weekdays', 'Backup days', weekdays.map((day) => ({ value: day, label: day })), (chosen) =>
    edit('schedule.weekdays', (draft) => {
      // Weekly retention that kept every scheduled day follows the new days.
      const weekly = draft.retention.weekly;
      if (weekly && sameDays(weekly.weekdays, draft.schedule.weekdays)) weekly.weekdays = [...chosen];
      draft.schedule.weekdays = chosen;
    }),
  );
  const weekdaysField = field('schedule-weekdays', 'Backup days', days.root);
  placement.register('schedule.weekdays', weekdaysField.message, days.root);

  const intervalControl = select('hourly-interval', (value) => edit('schedule.hourly.intervalHours', (draft) => void (draft.schedule.hourly.intervalHours = Number(value) as HourlyInterval)));
  const interval = field('hourly-interval', 'Back up every', intervalControl);
  placement.register('schedule.hourly.intervalHours', interval.message, intervalControl);
  const startControl = timeSelect('hourly-window-start', (value) => edit('schedule.hourly.windowStartTime', (draft) => void (draft.schedule.hourly.windowStartTime = value)));
  const start = field('hourly-window-start', 'Window starts at', startControl, 'The first backup of the day, in the policy’s time zone; daily retention keeps this one.');
  placement.register('schedule.hourly.windowStartTime', start.message, startControl);
  const { min, max } = policyLimits.hourlyWindowHours;
  const durationControl = numberField('hourly-window-duration', 'Window duration in hours', (value) => edit('schedule.hourly.windowDurationHours', (draft) => void (draft.schedule.hourly.windowDurationHours = value)), policyLimits.hourlyWindowHours);
  const duration = field('hourly-window-duration', 'Window duration (hours)', durationControl, `${min}–${max} hours, a multiple of the interval. Backups run at the window’s start, every interval, and at its end; none outside it.`);
  placement.register('schedule.hourly.windowDurationHours', duration.message, durationControl);
  const hourly = h('div', { id: 'hourly-schedule', class: 'field-grid' }, interval.block, start.block, duration.block);

  const zoneControl = select('time-zone', (zone) => edit('timeZone', (draft) => void (draft.timeZone = zone)), true);
  const zone = field('time-zone', 'Time zone', zoneControl, 'A Windows time zone. Azure runs the schedule at this zone’s standard time all year and does not adjust for daylight saving: where clocks go forward in summer, backups then run an hour later by the local clock.');
  placement.register('timeZone', zone.message, zoneControl);

  return {
    root: section('schedule', 'Schedule', frequency.block, time.block, weekdaysField.block, hourly, zone.block),
    render(draft) {
      const { schedule } = draft;
      setRadio(frequencyControl, schedule.frequency);
      show(time.block, schedule.frequency !== 'Hourly');
      timeControl.setTime(schedule.time);
      show(weekdaysField.block, schedule.frequency === 'Weekly');
      days.set(schedule.weekdays);
      show(hourly, schedule.frequency === 'Hourly');
      setOptions(intervalControl, hourlyIntervals.map((hours) => ({ value: String(hours), label: `${hours} hours` })), String(schedule.hourly.intervalHours));
      startControl.setTime(schedule.hourly.windowStartTime);
      setNumber(durationControl, schedule.hourly.windowDurationHours);
      const zones = windowsTimeZones.some((known) => known.id === draft.timeZone)
        ? windowsTimeZones
        : [...windowsTimeZones, { id: draft.timeZone, label: `${draft.timeZone} (not a Windows time zone)` }];
      setOptions(zoneControl, zones.map((known) => ({ value: known.id, label: known.label })), draft.timeZone);
    },
  };
}

/**
 * A weekly schedule keeps its backups with weekly retention, not daily (Azure's rule): switching
 * to it sets daily retention aside and adds weekly retention; switching back restores it. A
 * Standard weekly policy keeps snapshots exactly 5 days. Answers what is set aside now.
 */
function switchFrequency(draft: PolicyDraft, frequency: ScheduleFrequency, setAside: PolicyDraft['retention']['daily']): PolicyDraft['retention']['daily'] {
  const was = draft.schedule.frequency;
  draft.schedule.frequency = frequency;
  if (frequency === 'Weekly' && was !== 'Weekly') {
    const daily = draft.retention.daily;
    delete draft.retention.daily;
    draft.retention.weekly ??= { weeks: 12, weekdays: [...draft.schedule.weekdays] };
    if (draft.kind === 'Standard') draft.instantRestoreDays = policyLimits.standardWeeklyInstantRestoreDays;
    return daily ?? setAside;
  }
  if (frequency !== 'Weekly' && was === 'Weekly') draft.retention.daily ??= setAside ?? { days: 30 };
  return setAside;
}

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((day) => b.includes(day));
}
