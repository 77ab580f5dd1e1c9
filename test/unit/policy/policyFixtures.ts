import assert from 'node:assert/strict';
import type { PolicyDraft } from '../../../src/policy/policyDraft';
import { newEnhancedPolicyDraft, newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import type { PolicyRulesContext } from '../../../src/policy/policyRules';
import { validatePolicy } from '../../../src/policy/policyRules';
import { problemsAt } from '../../../src/policy/policyProblem';

/** Drafts and assertions shared by the policy rule tests. */

export function standard(change: (draft: PolicyDraft) => void = () => {}): PolicyDraft {
  const draft = newStandardPolicyDraft('nightly-vms');
  change(draft);
  return draft;
}

export function enhanced(change: (draft: PolicyDraft) => void = () => {}): PolicyDraft {
  const draft = newEnhancedPolicyDraft('hourly-vms');
  change(draft);
  return draft;
}

/** A Standard weekly policy that passes every rule: Sundays at 02:00, kept 12 weeks. */
export function weekly(change: (draft: PolicyDraft) => void = () => {}): PolicyDraft {
  return standard((draft) => {
    draft.schedule.frequency = 'Weekly';
    draft.schedule.time = '02:00';
    draft.schedule.weekdays = ['Sunday'];
    draft.instantRestoreDays = 5;
    draft.retention = { weekly: { weeks: 12, weekdays: ['Sunday'] } };
    change(draft);
  });
}

export function errors(draft: PolicyDraft, field: string, context?: PolicyRulesContext): string[] {
  return problemsAt(validatePolicy(draft, context), field).filter((problem) => problem.severity === 'error').map((problem) => problem.message);
}

export function warnings(draft: PolicyDraft, field: string, context?: PolicyRulesContext): string[] {
  return problemsAt(validatePolicy(draft, context), field).filter((problem) => problem.severity === 'warning').map((problem) => problem.message);
}

export function assertValid(draft: PolicyDraft, context?: PolicyRulesContext): void {
  assert.deepEqual(validatePolicy(draft, context), []);
}

