/**
 * Logical, comparison and numeric functions (learn.microsoft.com "Logical", "Comparison" and
 * "Numeric" functions for ARM templates). if() evaluates only the branch it takes, as the docs
 * say ("When the condition is True, only the true value is evaluated"), so a branch may reference
 * something that exists only under its condition. Integers are 64-bit in Azure; the emulator's
 * are JavaScript numbers, exact to 2^53.
 */
import { expectBoolean, expectInteger, typeError, type FunctionCall, type FunctionTable } from './functionRegistry';
import { functionError } from './templateErrors';
import { deepEqual, isInteger } from './templateValues';

const one = { minArgs: 1, maxArgs: 1 };
const two = { minArgs: 2, maxArgs: 2 };

/** Two integers or two strings (ordinal), as greater/less compare them. */
function compare(call: FunctionCall, args: unknown[]): number {
  const [a, b] = args;
  if (isInteger(a) && isInteger(b)) return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (!isInteger(a) && typeof a !== 'string') throw typeError(call.name, 0, 'Integer or String', a);
  throw typeError(call.name, 1, typeof a === 'string' ? 'String' : 'Integer', b);
}

function arithmetic(operation: (a: number, b: number, call: FunctionCall) => number) {
  return {
    ...two,
    evaluate: (args: unknown[], call: FunctionCall) => operation(expectInteger(call, args, 0), expectInteger(call, args, 1), call),
  };
}

function booleans(call: FunctionCall, args: unknown[]): boolean[] {
  return args.map((_, i) => expectBoolean(call, args, i));
}

export const logicFunctions: FunctionTable = {
  true: { minArgs: 0, maxArgs: 0, evaluate: () => true },
  false: { minArgs: 0, maxArgs: 0, evaluate: () => false },
  null: { minArgs: 0, maxArgs: 0, evaluate: () => null },
  and: { minArgs: 2, maxArgs: Infinity, evaluate: (args, call) => booleans(call, args).every(Boolean) },
  or: { minArgs: 2, maxArgs: Infinity, evaluate: (args, call) => booleans(call, args).some(Boolean) },
  not: { ...one, evaluate: (args, call) => !expectBoolean(call, args, 0) },
  if: {
    minArgs: 3,
    maxArgs: 3,
    lazy: true,
    evaluate: (args, call) => {
      const [condition, whenTrue, whenFalse] = args as (() => unknown)[];
      const value = [condition()];
      return expectBoolean(call, value, 0) ? whenTrue() : whenFalse();
    },
  },
  bool: {
    ...one,
    evaluate: (args, call) => {
      const value = args[0];
      if (typeof value === 'boolean') return value;
      if (isInteger(value)) return value !== 0;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      if (typeof value === 'string') throw functionError(call.name, `the provided value '${value}' is not a valid boolean.`);
      throw typeError(call.name, 0, 'String or Integer', value);
    },
  },
  int: {
    ...one,
    evaluate: (args, call) => {
      const value = args[0];
      if (isInteger(value)) return value;
      if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
      if (typeof value === 'string') throw functionError(call.name, `the provided value '${value}' is not a valid integer.`);
      throw typeError(call.name, 0, 'String or Integer', value);
    },
  },
  equals: { ...two, evaluate: (args) => deepEqual(args[0], args[1]) },
  greater: { ...two, evaluate: (args, call) => compare(call, args) > 0 },
  greaterOrEquals: { ...two, evaluate: (args, call) => compare(call, args) >= 0 },
  less: { ...two, evaluate: (args, call) => compare(call, args) < 0 },
  lessOrEquals: { ...two, evaluate: (args, call) => compare(call, args) <= 0 },
  coalesce: { minArgs: 1, maxArgs: Infinity, evaluate: (args) => args.find((arg) => arg !== null && arg !== undefined) ?? null },
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b, call) => {
    if (b === 0) throw functionError(call.name, 'the divisor must not be zero.');
    return Math.trunc(a / b);
  }),
  mod: arithmetic((a, b, call) => {
    if (b === 0) throw functionError(call.name, 'the divisor must not be zero.');
    return a % b;
  }),
};
