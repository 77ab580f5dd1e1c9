// A backup policy in one line, as the Create VM form shows the chosen one: when it backs up, how
// long each tier keeps points, and its instant restore snapshots.
import type { PolicyDraft } from '../../../policy/policyDraft';

export function policySummary(draft: PolicyDraft): string {
  const { schedule } = draft;
  const when = schedule.frequency === 'Hourly'
    ? `Every ${schedule.hourly.intervalHours} hours for ${schedule.hourly.windowDurationHours} hours from ${schedule.hourly.windowStartTime}`
    : schedule.frequency === 'Weekly'
      ? `Weekly on ${schedule.weekdays.join(', ')} at ${schedule.time}`
      : `Daily at ${schedule.time}`;
  const kept = [
    draft.retention.daily && `daily points ${draft.retention.daily.days} days`,
    draft.retention.weekly && `weekly ${draft.retention.weekly.weeks} weeks`,
    draft.retention.monthly && `monthly ${draft.retention.monthly.months} months`,
    draft.retention.yearly && `yearly ${draft.retention.yearly.years} years`,
  ].filter(Boolean);
  return `${when} (${draft.timeZone}) · kept: ${kept.join(', ') || 'nothing'} · instant restore snapshots ${draft.instantRestoreDays} days · ${draft.kind}`;
}
