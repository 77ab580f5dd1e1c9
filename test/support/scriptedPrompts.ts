// A UserPrompts that answers from a script: each step names the kind of question and what its
// title or message must match, and gives the answer. A question the script does not expect, or
// one asked out of order, fails the test at once; `assertDone` fails if a step was never asked.
import assert from 'node:assert/strict';
import type { InputOptions, PickItem, UserPrompts } from '../../src/ui/userPrompts';

type Matcher = string | RegExp;

export type ScriptStep =
  | { pickOne: Matcher; answer: (items: readonly PickItem<unknown>[]) => unknown }
  | { pickMany: Matcher; answer: (items: readonly PickItem<unknown>[]) => unknown[] | undefined }
  | { input: Matcher; answer: string | undefined; /** values typed first, each of which validation must refuse with the message */ refuses?: { value: string; message: Matcher }[] }
  | { confirm: Matcher; answer: string | undefined }
  | { info: Matcher; answer?: string }
  | { warn: Matcher; answer?: string }
  | { error: Matcher; answer?: string };

/** Picks the item whose label matches; fails if none does. */
export function label(matcher: Matcher): (items: readonly PickItem<unknown>[]) => unknown {
  return (items) => {
    const item = items.find((candidate) => matches(candidate.label, matcher));
    assert.ok(item, `no item labelled ${String(matcher)} among: ${items.map((candidate) => candidate.label).join(' | ')}`);
    return item.value;
  };
}

export interface ScriptedPrompts extends UserPrompts {
  /** Every question asked so far, as `kind: text`. */
  readonly asked: string[];
  /** The items each pick offered, in order. */
  readonly offered: { title: string; labels: string[] }[];
  /** Progress titles and every message reported. */
  readonly progressLog: string[];
  assertDone(): void;
}

export function scriptedPrompts(script: ScriptStep[]): ScriptedPrompts {
  const steps = [...script];
  const asked: string[] = [];
  const offered: { title: string; labels: string[] }[] = [];
  const progressLog: string[] = [];

  const next = <K extends string>(kind: K, text: string): Extract<ScriptStep, Record<K, Matcher>> => {
    asked.push(`${kind}: ${text}`);
    const step = steps.shift();
    assert.ok(step, `unexpected ${kind} "${text}": the script has no more steps (asked so far: ${asked.join(' / ')})`);
    assert.ok(kind in step, `expected ${Object.keys(step)[0]} ${String(Object.values(step)[0])}, but was asked ${kind} "${text}"`);
    const matcher = (step as Record<string, Matcher>)[kind]!;
    assert.ok(matches(text, matcher), `${kind} "${text}" does not match ${String(matcher)}`);
    return step as Extract<ScriptStep, Record<K, Matcher>>;
  };

  return {
    asked,
    offered,
    progressLog,
    async pickOne<T>(items: readonly PickItem<T>[], options: { title: string }) {
      offered.push({ title: options.title, labels: items.map((item) => item.label) });
      return next('pickOne', options.title).answer(items as readonly PickItem<unknown>[]) as T | undefined;
    },
    async pickMany<T>(items: readonly PickItem<T>[], options: { title: string }) {
      offered.push({ title: options.title, labels: items.map((item) => item.label) });
      return next('pickMany', options.title).answer(items as readonly PickItem<unknown>[]) as T[] | undefined;
    },
    async input(options: InputOptions) {
      const step = next('input', options.title);
      for (const attempt of step.refuses ?? []) {
        const problem = options.validate?.(attempt.value);
        assert.ok(problem && matches(problem, attempt.message), `"${attempt.value}" should be refused with ${String(attempt.message)}, got ${problem ?? 'accepted'}`);
      }
      if (step.answer !== undefined && options.validate) {
        const problem = options.validate(step.answer);
        assert.equal(problem, undefined, `"${step.answer}" was refused: ${problem}`);
      }
      return step.answer;
    },
    async confirm(message: string) {
      return next('confirm', message).answer;
    },
    async info(message: string) {
      return next('info', message).answer;
    },
    async warn(message: string) {
      return next('warn', message).answer;
    },
    async error(message: string) {
      return next('error', message).answer;
    },
    async progress(title, task) {
      progressLog.push(title);
      return task((message) => progressLog.push(`  ${message}`), new AbortController().signal);
    },
    assertDone() {
      assert.deepEqual(steps.map((step) => `${Object.keys(step)[0]}: ${String(Object.values(step)[0])}`), [], 'steps the flow never asked');
    },
  };
}

function matches(text: string, matcher: Matcher): boolean {
  return typeof matcher === 'string' ? text === matcher : matcher.test(text);
}
