/**
 * Array and object functions (learn.microsoft.com "Array functions" and "Object functions" for
 * ARM templates). Several accept a string or an array (length, first, last, skip, take, concat,
 * contains, empty). union() merges nested objects and arrays recursively, as documented.
 */
import {
  expectArray, expectInteger, expectObject, expectString, expectStringOrArray, typeError, type FunctionCall, type FunctionTable,
} from './functionRegistry';
import { functionError } from './templateErrors';
import { deepEqual, distinct, findKey, isInteger, isObject, toText, type JsonObject } from './templateValues';

const one = { minArgs: 1, maxArgs: 1 };
const two = { minArgs: 2, maxArgs: 2 };
const many = { minArgs: 1, maxArgs: Infinity };

function unionObjects(objects: JsonObject[]): JsonObject {
  const result: JsonObject = {};
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      const existing = findKey(result, key);
      const previous = existing === undefined ? undefined : result[existing];
      if (existing !== undefined) delete result[existing];
      if (isObject(previous) && isObject(value)) result[key] = unionObjects([previous, value]);
      else if (Array.isArray(previous) && Array.isArray(value)) result[key] = distinct([...previous, ...value]);
      else result[key] = value;
    }
  }
  return result;
}

/** Every argument an array, or every argument an object (union, intersection). */
function sameKind(call: FunctionCall, args: unknown[]): 'array' | 'object' {
  const kind = Array.isArray(args[0]) ? 'array' : isObject(args[0]) ? 'object' : undefined;
  if (!kind) throw typeError(call.name, 0, 'Array or Object', args[0]);
  args.forEach((arg, i) => {
    if (kind === 'array' ? !Array.isArray(arg) : !isObject(arg)) throw typeError(call.name, i, kind === 'array' ? 'Array' : 'Object', arg);
  });
  return kind;
}

function numbers(call: FunctionCall, args: unknown[]): number[] {
  const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (values.length === 0) throw functionError(call.name, 'the array must not be empty.');
  values.forEach((value, i) => {
    if (!isInteger(value)) throw typeError(call.name, i, 'Integer', value);
  });
  return values as number[];
}

export const collectionFunctions: FunctionTable = {
  array: { ...one, evaluate: (args) => (Array.isArray(args[0]) ? args[0] : [args[0]]) },
  createArray: { minArgs: 0, maxArgs: Infinity, evaluate: (args) => args },
  createObject: {
    minArgs: 0,
    maxArgs: Infinity,
    evaluate: (args, call) => {
      if (args.length % 2 !== 0) throw functionError(call.name, 'the function requires an even number of arguments: key, value, key, value…');
      const result: JsonObject = {};
      for (let i = 0; i < args.length; i += 2) result[expectString(call, args, i)] = args[i + 1];
      return result;
    },
  },
  concat: {
    minArgs: 0,
    maxArgs: Infinity,
    evaluate: (args, call) => {
      if (args.length > 0 && Array.isArray(args[0])) {
        return args.flatMap((arg, i) => {
          if (!Array.isArray(arg)) throw typeError(call.name, i, 'Array', arg);
          return arg;
        });
      }
      return args
        .map((arg, i) => {
          if (Array.isArray(arg) || isObject(arg)) throw typeError(call.name, i, 'String', arg);
          return toText(arg);
        })
        .join('');
    },
  },
  contains: {
    ...two,
    evaluate: (args, call) => {
      const [container, item] = args;
      if (typeof container === 'string') return container.includes(toText(item));
      if (Array.isArray(container)) return container.some((member) => deepEqual(member, item));
      if (isObject(container)) return findKey(container, expectString(call, args, 1)) !== undefined;
      throw typeError(call.name, 0, 'String, Array or Object', container);
    },
  },
  empty: {
    ...one,
    evaluate: (args, call) => {
      const value = args[0];
      if (value === null) return true;
      if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
      if (isObject(value)) return Object.keys(value).length === 0;
      throw typeError(call.name, 0, 'String, Array or Object', value);
    },
  },
  length: {
    ...one,
    evaluate: (args, call) => (isObject(args[0]) ? Object.keys(args[0]).length : expectStringOrArray(call, args, 0).length),
  },
  first: {
    ...one,
    evaluate: (args, call) => {
      const value = expectStringOrArray(call, args, 0);
      return typeof value === 'string' ? value.slice(0, 1) : (value[0] ?? null);
    },
  },
  last: {
    ...one,
    evaluate: (args, call) => {
      const value = expectStringOrArray(call, args, 0);
      return typeof value === 'string' ? value.slice(-1) : value.length ? value[value.length - 1] : null;
    },
  },
  skip: {
    ...two,
    evaluate: (args, call) => expectStringOrArray(call, args, 0).slice(Math.max(0, expectInteger(call, args, 1))),
  },
  take: {
    ...two,
    evaluate: (args, call) => expectStringOrArray(call, args, 0).slice(0, Math.max(0, expectInteger(call, args, 1))),
  },
  union: {
    ...many,
    evaluate: (args, call) =>
      sameKind(call, args) === 'array' ? distinct((args as unknown[][]).flat()) : unionObjects(args as JsonObject[]),
  },
  intersection: {
    ...many,
    evaluate: (args, call) => {
      if (sameKind(call, args) === 'array') {
        const [head, ...rest] = args as unknown[][];
        return distinct(head.filter((item) => rest.every((other) => other.some((candidate) => deepEqual(candidate, item)))));
      }
      const [head, ...rest] = args as JsonObject[];
      return Object.fromEntries(
        Object.entries(head).filter(([key, value]) => rest.every((other) => Object.hasOwn(other, key) && deepEqual(other[key], value))),
      );
    },
  },
  range: {
    ...two,
    evaluate: (args, call) => {
      const start = expectInteger(call, args, 0);
      const count = expectInteger(call, args, 1);
      if (count < 0 || count > 10000 || start + count > 2147483647) {
        throw functionError(call.name, `the count '${count}' must be a non-negative integer not above 10000, and start + count must not exceed 2147483647.`);
      }
      return Array.from({ length: count }, (_, i) => start + i);
    },
  },
  min: { ...many, evaluate: (args, call) => Math.min(...numbers(call, args)) },
  max: { ...many, evaluate: (args, call) => Math.max(...numbers(call, args)) },
  items: {
    ...one,
    evaluate: (args, call) =>
      Object.entries(expectObject(call, args, 0))
        .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
        .map(([key, value]) => ({ key, value })),
  },
  objectKeys: { ...one, evaluate: (args, call) => Object.keys(expectObject(call, args, 0)) },
  join: {
    ...two,
    evaluate: (args, call) => {
      const items = expectArray(call, args, 0);
      const delimiter = expectString(call, args, 1);
      return items.map((item) => toText(item)).join(delimiter);
    },
  },
};
