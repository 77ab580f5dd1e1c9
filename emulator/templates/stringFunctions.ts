/**
 * String functions (learn.microsoft.com "String functions for ARM templates"). As documented:
 * indexOf, lastIndexOf, startsWith and endsWith compare ignoring case; contains, replace and
 * equals do not. uniqueString and guid compute Azure's own hashes (hashAlgorithms.ts).
 */
import { randomUUID } from 'node:crypto';
import { compositeFormat, DotnetFormatError, formatDate } from './dotnetFormat';
import { expectInteger, expectString, expectStrings, typeError, type FunctionCall, type FunctionTable } from './functionRegistry';
import { templateGuid, uniqueString } from './hashAlgorithms';
import { functionError } from './templateErrors';
import { deepEqual, isInteger, toText } from './templateValues';

const one = { minArgs: 1, maxArgs: 1 };
const two = { minArgs: 2, maxArgs: 2 };

function decodeBase64(call: FunctionCall, text: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw functionError(call.name, 'the input is not a valid Base-64 string.');
  return Buffer.from(text, 'base64').toString('utf8');
}

function parseJson(call: FunctionCall, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw functionError(call.name, `the provided value '${text}' is not valid JSON.`);
  }
}

/** .NET's Uri.EscapeDataString: like encodeURIComponent, but escaping !'()* too. */
function escapeDataString(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function indexIgnoringCase(text: string, search: string, last: boolean): number {
  const haystack = text.toLowerCase();
  const needle = search.toLowerCase();
  return last ? haystack.lastIndexOf(needle) : haystack.indexOf(needle);
}

export const stringFunctions: FunctionTable = {
  base64: { ...one, evaluate: (args, call) => Buffer.from(expectString(call, args, 0), 'utf8').toString('base64') },
  base64ToString: { ...one, evaluate: (args, call) => decodeBase64(call, expectString(call, args, 0)) },
  base64ToJson: { ...one, evaluate: (args, call) => parseJson(call, decodeBase64(call, expectString(call, args, 0))) },
  json: { ...one, evaluate: (args, call) => parseJson(call, expectString(call, args, 0)) },
  string: { ...one, evaluate: (args) => toText(args[0]) },
  toLower: { ...one, evaluate: (args, call) => expectString(call, args, 0).toLowerCase() },
  toUpper: { ...one, evaluate: (args, call) => expectString(call, args, 0).toUpperCase() },
  trim: { ...one, evaluate: (args, call) => expectString(call, args, 0).trim() },
  startsWith: {
    ...two,
    evaluate: (args, call) => expectString(call, args, 0).toLowerCase().startsWith(expectString(call, args, 1).toLowerCase()),
  },
  endsWith: {
    ...two,
    evaluate: (args, call) => expectString(call, args, 0).toLowerCase().endsWith(expectString(call, args, 1).toLowerCase()),
  },
  indexOf: {
    ...two,
    evaluate: (args, call) =>
      Array.isArray(args[0]) ? arrayIndex(args[0], args[1], false) : indexIgnoringCase(expectString(call, args, 0), expectString(call, args, 1), false),
  },
  lastIndexOf: {
    ...two,
    evaluate: (args, call) =>
      Array.isArray(args[0]) ? arrayIndex(args[0], args[1], true) : indexIgnoringCase(expectString(call, args, 0), expectString(call, args, 1), true),
  },
  replace: {
    minArgs: 3,
    maxArgs: 3,
    evaluate: (args, call) => expectString(call, args, 0).split(expectString(call, args, 1)).join(expectString(call, args, 2)),
  },
  split: {
    ...two,
    evaluate: (args, call) => {
      const text = expectString(call, args, 0);
      const delimiters = Array.isArray(args[1]) ? args[1] : [args[1]];
      if (!delimiters.every((d): d is string => typeof d === 'string')) throw typeError(call.name, 1, 'String or Array', args[1]);
      let pieces = [text];
      for (const delimiter of delimiters) pieces = pieces.flatMap((piece) => piece.split(delimiter));
      return pieces;
    },
  },
  substring: {
    minArgs: 2,
    maxArgs: 3,
    evaluate: (args, call) => {
      const text = expectString(call, args, 0);
      const start = expectInteger(call, args, 1);
      const length = args.length > 2 ? expectInteger(call, args, 2) : text.length - start;
      if (start < 0 || length < 0 || start + length > text.length) {
        throw functionError(
          call.name,
          `The index and length parameters must refer to a location within the string. The index parameter: '${start}', the length parameter: '${length}', the length of the string parameter: '${text.length}'.`,
        );
      }
      return text.substring(start, start + length);
    },
  },
  padLeft: {
    minArgs: 2,
    maxArgs: 3,
    evaluate: (args, call) => {
      const value = isInteger(args[0]) ? String(args[0]) : expectString(call, args, 0);
      const total = expectInteger(call, args, 1);
      const padding = args.length > 2 ? expectString(call, args, 2) : ' ';
      if (padding.length !== 1) throw functionError(call.name, 'the padding character must be a single character.');
      return value.padStart(total, padding);
    },
  },
  format: {
    minArgs: 1,
    maxArgs: Infinity,
    evaluate: (args, call) => {
      try {
        return compositeFormat(expectString(call, args, 0), args.slice(1));
      } catch (error) {
        if (error instanceof DotnetFormatError) throw functionError(call.name, error.message);
        throw error;
      }
    },
  },
  uri: {
    ...two,
    evaluate: (args, call) => {
      try {
        return new URL(expectString(call, args, 1), expectString(call, args, 0)).toString();
      } catch (error) {
        if (error instanceof TypeError) throw functionError(call.name, `the base URI '${String(args[0])}' is not an absolute URI.`);
        throw error;
      }
    },
  },
  uriComponent: { ...one, evaluate: (args, call) => escapeDataString(expectString(call, args, 0)) },
  uriComponentToString: { ...one, evaluate: (args, call) => decodeURIComponent(expectString(call, args, 0)) },
  uniqueString: { minArgs: 1, maxArgs: Infinity, evaluate: (args, call) => uniqueString(expectStrings(call, args)) },
  guid: { minArgs: 1, maxArgs: Infinity, evaluate: (args, call) => templateGuid(expectStrings(call, args)) },
  newGuid: { minArgs: 0, maxArgs: 0, places: ['parameterDefault'], evaluate: () => randomUUID() },
  utcNow: {
    minArgs: 0,
    maxArgs: 1,
    places: ['parameterDefault'],
    evaluate: (args, call) => formatDate(call.context.env.now, args.length ? expectString(call, args, 0) : "yyyyMMdd'T'HHmmss'Z'"),
  },
};

function arrayIndex(items: unknown[], item: unknown, last: boolean): number {
  const positions = items.map((candidate, i) => (deepEqual(candidate, item) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return -1;
  return last ? positions[positions.length - 1] : positions[0];
}
