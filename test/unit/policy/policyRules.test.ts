import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HourlyInterval, PolicyDraft, Weekday } from '../../../src/policy/policyDraft';
import { clonePolicyDraft } from '../../../src/policy/policyDraft';
import { validatePolicy } from '../../../src/policy/policyRules';
import { hasErrors } from '../../../src/policy/policyProblem';
import { assertValid, enhanced, errors, standard, warnings, weekly } from './policyFixtures';

describe('validatePolicy', () => {
  it('accepts the defaults of a new Standard and a new Enhanced policy, and a weekly policy', () => {
    assertValid(standard());
    assertValid(enhanced());
    assertValid(weekly());
  });

  describe('name', () => {
    it('takes 3 to 150 letters, digits and hyphens, starting with a letter', () => {
      assertValid(standard((draft) => (draft.name = 'abc')));
      assertValid(standard((draft) => (draft.name = `a${'b'.repeat(148)}9`)));
      assert.match(errors(standard((draft) => (draft.name = 'ab')), 'name')[0]!, /3 to 150 characters, not 2/);
      assert.match(errors(standard((draft) => (draft.name = 'a'.repeat(151))), 'name')[0]!, /3 to 150 characters, not 151/);
      assert.match(errors(standard((draft) => (draft.name = '')), 'name')[0]!, /3 to 150 characters\./);
      for (const name of ['1policy', 'policy-', 'my_policy', 'my policy', 'pólicy']) {
        assert.match(errors(standard((draft) => (draft.name = name)), 'name')[0] ?? '', /letters, digits and hyphens/, name);
      }
    });

    it('must be unique in the vault, ignoring case', () => {
      const taken = { existingNames: ['DefaultPolicy', 'Nightly-VMs'] };
      assert.match(errors(standard(), 'name', taken)[0]!, /'nightly-vms' is already used in this vault/);
      assertValid(standard((draft) => (draft.name = 'nightly-vms-2')), taken);
    });

    it('refuses a new policy in a vault that already has 200', () => {
      const full = { existingNames: Array.from({ length: 200 }, (_, index) => `policy-${index}`) };
      assert.match(errors(standard(), 'name', full)[0]!, /already has 200 policies, the most Azure allows is 200/);
      assertValid(standard(), { existingNames: full.existingNames.slice(1) });
    });

    it('cannot change when editing, and a saved name is not re-checked', () => {
      const original = standard((draft) => (draft.name = 'legacy_policy'));
      assertValid(clonePolicyDraft(original), { original, existingNames: ['legacy_policy'] });
      assert.match(errors(standard((draft) => (draft.name = 'renamed')), 'name', { original })[0]!, /cannot change from 'legacy_policy'/);
    });
  });

  describe('schedule', () => {
    it('takes times on the hour or half hour: 10:30 ok, 10:15 refused', () => {
      assertValid(standard((draft) => (draft.schedule.time = '10:30')));
      assertValid(standard((draft) => (draft.schedule.time = '00:00')));
      assert.match(errors(standard((draft) => (draft.schedule.time = '10:15')), 'schedule.time')[0]!, /on the hour or the half hour .* not 10:15/);
      assert.match(errors(standard((draft) => (draft.schedule.time = '24:00')), 'schedule.time')[0]!, /HH:MM, from 00:00 to 23:30/);
      assert.match(errors(enhanced((draft) => (draft.schedule.hourly.windowStartTime = '08:45')), 'schedule.hourly.windowStartTime')[0]!, /Backup window start/);
    });

    it('runs a Standard policy Daily or Weekly only', () => {
      assert.match(errors(standard((draft) => (draft.schedule.frequency = 'Hourly')), 'schedule.frequency')[0]!, /needs an Enhanced policy/);
    });

    it('needs at least one weekday for a weekly schedule', () => {
      assert.match(errors(weekly((draft) => (draft.schedule.weekdays = [])), 'schedule.weekdays')[0]!, /at least one day/);
    });

    it('takes hourly intervals of 4, 6, 8, 12 and 24 hours', () => {
      for (const interval of [4, 6, 8, 12, 24] as HourlyInterval[]) {
        assertValid(enhanced((draft) => (draft.schedule.hourly = { intervalHours: interval, windowStartTime: '00:00', windowDurationHours: 24 })));
      }
      const odd = enhanced((draft) => (draft.schedule.hourly.intervalHours = 5 as HourlyInterval));
      assert.match(errors(odd, 'schedule.hourly.intervalHours')[0]!, /4, 6, 8, 12 or 24 hours, not 5/);
    });

    it('takes a window of 4 to 24 hours: 4 ok, 3 and 25 refused', () => {
      assertValid(enhanced((draft) => (draft.schedule.hourly.windowDurationHours = 4)));
      assertValid(enhanced((draft) => (draft.schedule.hourly.windowDurationHours = 24)));
      assert.match(errors(enhanced((draft) => (draft.schedule.hourly.windowDurationHours = 3)), 'schedule.hourly.windowDurationHours')[0]!, /4 to 24 hours, not 3/);
      assert.match(errors(enhanced((draft) => (draft.schedule.hourly.windowDurationHours = 25)), 'schedule.hourly.windowDurationHours')[0]!, /4 to 24 hours, not 25/);
    });

    it('needs the window to be a multiple of the interval', () => {
      const draft = enhanced((draft) => (draft.schedule.hourly = { intervalHours: 6, windowStartTime: '08:00', windowDurationHours: 8 }));
      assert.deepEqual(errors(draft, 'schedule'), ['Backup window duration must be a multiple of the 6-hour interval (6, 12, 18 or 24 hours), not 8.']);
      assertValid(enhanced((draft) => (draft.schedule.hourly = { intervalHours: 6, windowStartTime: '08:00', windowDurationHours: 12 })));
    });

    it('needs daily retention for an hourly schedule', () => {
      const draft = enhanced((draft) => (draft.retention = { weekly: { weeks: 4, weekdays: ['Sunday'] } }));
      assert.deepEqual(errors(draft, 'retention.daily'), ['An hourly schedule needs daily retention (7 to 9999 days).']);
    });
  });

  describe('time zone', () => {
    it('takes Windows time-zone ids only', () => {
      assertValid(standard((draft) => (draft.timeZone = 'W. Europe Standard Time')));
      assert.match(errors(standard((draft) => (draft.timeZone = 'Europe/Berlin')), 'timeZone')[0]!, /'Europe\/Berlin' is not a Windows time-zone id/);
      assert.equal(errors(standard((draft) => (draft.timeZone = 'utc')), 'timeZone').length, 1, 'ids are exact');
    });
  });

  describe('instant restore snapshots', () => {
    it('keeps a Standard policy 1 to 5 days: 0 and 6 refused', () => {
      assertValid(standard((draft) => (draft.instantRestoreDays = 1)));
      assertValid(standard((draft) => (draft.instantRestoreDays = 5)));
      assert.deepEqual(errors(standard((draft) => (draft.instantRestoreDays = 0)), 'instantRestoreDays'), ['Instant restore snapshots of a Standard policy must be 1 to 5 days, not 0.']);
      assert.match(errors(standard((draft) => (draft.instantRestoreDays = 6)), 'instantRestoreDays')[0]!, /1 to 5 days, not 6/);
    });

    it('keeps an Enhanced policy 1 to 30 days: 31 refused', () => {
      assertValid(enhanced((draft) => (draft.instantRestoreDays = 30)));
      assert.match(errors(enhanced((draft) => (draft.instantRestoreDays = 31)), 'instantRestoreDays')[0]!, /Enhanced policy must be 1 to 30 days, not 31/);
      assert.match(errors(enhanced((draft) => (draft.instantRestoreDays = 2.5)), 'instantRestoreDays')[0]!, /a whole number of 1 to 30 days/);
    });

    it('keeps exactly 5 days for a Standard weekly schedule', () => {
      assert.match(errors(weekly((draft) => (draft.instantRestoreDays = 2)), 'instantRestoreDays')[0]!, /exactly 5 days, not 2/);
    });
  });

  describe('restore point collection resource group', () => {
    const named = (prefix: string, suffix = ''): PolicyDraft => standard((draft) => (draft.instantRpResourceGroup = { prefix, suffix }));

    it('takes letters, digits and . _ - ( )', () => {
      assertValid(named('rg-backup_(weu).snap', '-x'));
      assertValid(named('', ''));
      assert.match(errors(named('rg backup'), 'instantRpResourceGroup.prefix')[0]!, /only letters, digits and \. _ - \( \)/);
      assert.match(errors(named('rg', 'x#'), 'instantRpResourceGroup.suffix')[0]!, /only letters, digits/);
    });

    it('refuses a prefix or suffix ending in a period', () => {
      assert.match(errors(named('rg.'), 'instantRpResourceGroup.prefix')[0]!, /cannot end in a period/);
      assert.match(errors(named('rg', 'snap.'), 'instantRpResourceGroup.suffix')[0]!, /cannot end in a period/);
    });

    it('needs a prefix when a suffix is given', () => {
      assert.match(errors(named('', 'snap'), 'instantRpResourceGroup.prefix')[0]!, /prefix is required/);
    });

    it('keeps the name with its number at most 74 characters: 74 ok, 75 refused', () => {
      assertValid(named('p'.repeat(73)));
      assertValid(named('p'.repeat(40), 's'.repeat(33)));
      assert.deepEqual(errors(named('p'.repeat(74)), 'instantRpResourceGroup'), [
        'Restore point collection resource group name (prefix, a number, suffix) must be at most 74 characters, not 75.',
      ]);
      assert.equal(errors(named('p'.repeat(40), 's'.repeat(34)), 'instantRpResourceGroup.suffix').length, 1);
    });
  });

  describe('archive tiering', () => {
    const longTerm = (draft: PolicyDraft): void => {
      draft.retention.monthly = { months: 12, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } };
    };

    it('needs an Enhanced policy', () => {
      const draft = standard((draft) => {
        longTerm(draft);
        draft.tiering = { mode: 'TierRecommended', afterMonths: 3 };
      });
      assert.deepEqual(errors(draft, 'tiering'), ['Archive tiering needs an Enhanced policy.']);
    });

    it('needs monthly or yearly retention', () => {
      assert.match(errors(enhanced((draft) => (draft.tiering = { mode: 'TierAfter', afterMonths: 3 })), 'tiering.mode')[0]!, /add monthly or yearly retention/);
    });

    it('moves points at least 3 months old with at least 6 months left', () => {
      const after = (months: number): PolicyDraft => enhanced((draft) => {
        longTerm(draft);
        draft.tiering = { mode: 'TierAfter', afterMonths: months };
      });
      assertValid(after(3));
      assertValid(after(6));
      assert.match(errors(after(2), 'tiering.afterMonths')[0]!, /at least 3, not 2/);
      assert.match(errors(after(7), 'tiering.afterMonths')[0]!, /archive after at most 6 months/);
    });

    it('warns when recommended tiering can never archive anything', () => {
      const draft = enhanced((draft) => {
        draft.retention.monthly = { months: 8, format: { type: 'absolute', days: [1] } };
        draft.tiering = { mode: 'TierRecommended', afterMonths: 3 };
      });
      assert.deepEqual(errors(draft, 'tiering'), []);
      assert.match(warnings(draft, 'tiering.mode')[0]!, /Nothing will be archived/);
    });
  });

  describe('editing a saved policy', () => {
    it('refuses Enhanced to Standard', () => {
      const original = enhanced((draft) => (draft.schedule.frequency = 'Daily'));
      const draft = clonePolicyDraft(original);
      draft.kind = 'Standard';
      draft.instantRestoreDays = 2;
      assert.match(errors(draft, 'kind', { original })[0]!, /cannot change from Enhanced back to Standard/);
    });

    it('warns that Standard to Enhanced is one-way', () => {
      const original = standard();
      const draft = clonePolicyDraft(original);
      draft.kind = 'Enhanced';
      const problems = validatePolicy(draft, { original });
      assert.equal(hasErrors(problems), false);
      assert.match(warnings(draft, 'kind', { original })[0]!, /one-way/);
    });

    it('warns about each retention cut, naming what shrinks', () => {
      const original = standard((draft) => {
        draft.instantRestoreDays = 5;
        draft.retention = {
          daily: { days: 30 },
          weekly: { weeks: 12, weekdays: ['Sunday', 'Wednesday'] },
          monthly: { months: 60, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } },
          yearly: { years: 10, months: ['January', 'July'], format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } },
        };
      });
      const draft = clonePolicyDraft(original);
      draft.instantRestoreDays = 2;
      draft.retention.daily = { days: 7 };
      draft.retention.weekly!.weekdays = ['Sunday' as Weekday];
      delete draft.retention.monthly;
      draft.retention.yearly = { ...draft.retention.yearly!, years: 5, months: ['January'] };
      const problems = validatePolicy(draft, { original });
      assert.equal(hasErrors(problems), false);
      assert.deepEqual(problems.map((problem) => [problem.field, problem.message]), [
        ['instantRestoreDays', 'Instant restore snapshot retention shrinks from 5 to 2 days: older recovery points are deleted when you save.'],
        ['retention.daily.days', 'Daily retention shrinks from 30 to 7 days: older recovery points are deleted when you save.'],
        ['retention.weekly.weekdays', 'Weekly retention days no longer include Wednesday: points kept only for it are deleted when you save.'],
        ['retention.monthly', 'Monthly retention is removed: recovery points that only it keeps are deleted when you save.'],
        ['retention.yearly.years', 'Yearly retention shrinks from 10 to 5 years: older recovery points are deleted when you save.'],
        ['retention.yearly.months', 'Yearly retention months no longer include July: points kept only for it are deleted when you save.'],
      ]);
      assert.ok(problems.every((problem) => problem.severity === 'warning'));
    });

    it('refuses a retention cut in an immutable vault', () => {
      const original = standard();
      const draft = clonePolicyDraft(original);
      draft.retention.daily = { days: 14 };
      assert.deepEqual(errors(draft, 'retention', { original, immutableVault: true }), [
        'Daily retention shrinks from 30 to 14 days: this vault is immutable, and Azure refuses retention cuts there.',
      ]);
    });

    it('says nothing when retention only grows', () => {
      const original = standard();
      const draft = clonePolicyDraft(original);
      draft.retention.daily = { days: 60 };
      draft.retention.weekly = { weeks: 4, weekdays: ['Sunday'] };
      assertValid(draft, { original });
    });
  });
});
