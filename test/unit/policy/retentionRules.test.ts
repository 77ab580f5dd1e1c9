import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyDraft } from '../../../src/policy/policyDraft';
import { assertValid, errors, standard, weekly } from './policyFixtures';

describe('validatePolicy: retention', () => {
  describe('retention ranges', () => {
    const cases: { label: string; field: string; set: (draft: PolicyDraft, value: number) => void; ok: number[]; refused: number[]; range: RegExp }[] = [
      { label: 'daily days', field: 'retention.daily.days', set: (draft, days) => (draft.retention.daily = { days }), ok: [7, 9999], refused: [6, 10000], range: /Daily retention must be 7 to 9999 days/ },
      {
        label: 'weekly weeks', field: 'retention.weekly.weeks', set: (draft, weeks) => (draft.retention.weekly = { weeks, weekdays: ['Sunday'] }),
        ok: [1, 5163], refused: [0, 5164], range: /Weekly retention must be 1 to 5163 weeks/,
      },
      {
        label: 'monthly months', field: 'retention.monthly.months',
        set: (draft, months) => (draft.retention.monthly = { months, format: { type: 'relative', weeks: ['First'], weekdays: ['Sunday'] } }),
        ok: [1, 1188], refused: [0, 1189], range: /Monthly retention must be 1 to 1188 months/,
      },
      {
        label: 'yearly years', field: 'retention.yearly.years',
        set: (draft, years) => (draft.retention.yearly = { years, months: ['January'], format: { type: 'absolute', days: [1] } }),
        ok: [1, 99], refused: [0, 100], range: /Yearly retention must be 1 to 99 years/,
      },
    ];
    for (const { label, field, set, ok, refused, range } of cases) {
      it(`takes ${label} ${ok.join(' and ')}, refuses ${refused.join(' and ')}`, () => {
        for (const value of ok) assertValid(standard((draft) => set(draft, value)));
        for (const value of refused) {
          const messages = errors(standard((draft) => set(draft, value)), field);
          assert.equal(messages.length, 1, `${label} ${value}`);
          assert.match(messages[0]!, range);
          assert.match(messages[0]!, new RegExp(`not ${value}\\.$`));
        }
      });
    }
  });

  describe('weekly, monthly and yearly days', () => {
    it('keeps weekly points only on days a weekly schedule backs up', () => {
      const draft = weekly((draft) => (draft.retention.weekly!.weekdays = ['Sunday', 'Wednesday']));
      assert.deepEqual(errors(draft, 'retention.weekly.weekdays'), ['Weekly retention days must be days the schedule backs up (Sunday); Wednesday is not.']);
      assertValid(standard((draft) => (draft.retention.weekly = { weeks: 4, weekdays: ['Wednesday'] })));
    });

    it('takes absolute days 1 to 28 or Last: 28 ok, 29 refused, Last ok', () => {
      const monthly = (days: (number | 'Last')[]): PolicyDraft => standard((draft) => (draft.retention.monthly = { months: 12, format: { type: 'absolute', days } }));
      assertValid(monthly([1, 28]));
      assertValid(monthly(['Last']));
      assert.deepEqual(errors(monthly([15, 29]), 'retention.monthly'), ['Monthly retention days of the month must be 1 to 28, or Last, not 29.']);
      assert.equal(errors(monthly([0]), 'retention.monthly.format.days').length, 1);
      assert.equal(errors(monthly([]), 'retention.monthly.format.days').length, 1);
    });

    it('needs the relative format with a weekly schedule, on scheduled days', () => {
      const absolute = weekly((draft) => (draft.retention.monthly = { months: 12, format: { type: 'absolute', days: [1] } }));
      assert.match(errors(absolute, 'retention.monthly.format.type')[0]!, /weekly schedule must name a week and day/);
      const saturday = weekly((draft) => (draft.retention.yearly = { years: 5, months: ['March'], format: { type: 'relative', weeks: ['Last'], weekdays: ['Saturday'] } }));
      assert.match(errors(saturday, 'retention.yearly.format.weekdays')[0]!, /Saturday is not/);
      assertValid(weekly((draft) => (draft.retention.monthly = { months: 12, format: { type: 'relative', weeks: ['First', 'Last'], weekdays: ['Sunday'] } })));
    });

    it('needs months for yearly retention', () => {
      const draft = standard((draft) => (draft.retention.yearly = { years: 5, months: [], format: { type: 'absolute', days: ['Last'] } }));
      assert.match(errors(draft, 'retention.yearly.months')[0]!, /at least one month/);
    });

    it('needs daily retention for a daily schedule, and weekly (not daily) for a weekly one', () => {
      assert.deepEqual(errors(standard((draft) => (draft.retention = {})), 'retention'), ['A daily schedule needs daily retention (7 to 9999 days).']);
      const both = weekly((draft) => (draft.retention.daily = { days: 30 }));
      assert.match(errors(both, 'retention.daily')[0]!, /does not apply to a weekly schedule/);
      assert.match(errors(weekly((draft) => (draft.retention = {})), 'retention.weekly')[0]!, /needs weekly retention/);
    });
  });

});
