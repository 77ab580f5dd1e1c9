/**
 * The table of template functions: names (case-insensitive), how many arguments each takes, and
 * the checks every family shares (argument types, places). A name not in the table is refused
 * with Azure's "The template function 'x' is not valid", never ignored.
 */
import type { EvaluationContext, Place } from './evaluationContext';
import { ExpressionError, functionError, notExpectedHere, seeHelp } from './templateErrors';
import { isInteger, isObject, typeName } from './templateValues';

export interface FunctionCall {
  /** As written in the template (messages name it so). */
  name: string;
  context: EvaluationContext;
}

export interface TemplateFunction {
  minArgs: number;
  maxArgs: number;
  /** Only these places may call it (default: everywhere). */
  places?: Place[];
  /** Receives its arguments unevaluated (if() evaluates only the branch it takes). */
  lazy?: boolean;
  evaluate(args: unknown[], call: FunctionCall): unknown;
}

export type FunctionTable = Record<string, TemplateFunction>;

const registry = new Map<string, TemplateFunction>();

export function registerFunctions(table: FunctionTable): void {
  for (const [name, definition] of Object.entries(table)) registry.set(name.toLowerCase(), definition);
}

export function findFunction(name: string): TemplateFunction | undefined {
  return registry.get(name.toLowerCase());
}

/** Azure functions the emulator does not implement: refused like unknown ones, but saying so. */
const knownButMissing = new Set([
  'datauri', 'datauritostring', 'datetimeadd', 'datetimefromepoch', 'datetimetoepoch', 'filter', 'map', 'reduce', 'sort',
  'toobject', 'lambda', 'lambdavariables', 'flatten', 'tryget', 'shallowmerge', 'pickzones', 'providers',
  'managementgroup', 'managementgroupresourceid', 'parsecidr', 'cidrsubnet', 'cidrhost', 'float', 'indexfromend', 'tryindexfromend',
]);

export function unknownFunction(name: string): ExpressionError {
  const lower = name.toLowerCase();
  const missing = knownButMissing.has(lower) || lower.startsWith('list');
  return new ExpressionError(
    seeHelp(`The template function '${name}' is not valid.${missing ? ' (Azure has this function; the emulator does not implement it.)' : ''}`),
  );
}

export function argumentCountError(name: string, definition: TemplateFunction, given: number): ExpressionError {
  const { minArgs, maxArgs } = definition;
  const expected =
    minArgs === maxArgs ? `${minArgs}` : maxArgs === Infinity ? `at least ${minArgs}` : `${minArgs} to ${maxArgs}`;
  return functionError(name, `function requires ${expected} argument(s) while ${given} were provided.`);
}

export function checkPlace(name: string, definition: TemplateFunction, place: Place): void {
  if (definition.places && !definition.places.includes(place)) {
    const why = definition.places.length === 1 && definition.places[0] === 'parameterDefault'
      ? 'The function can only be used with parameter default values.'
      : '';
    throw notExpectedHere(name, why);
  }
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

export function typeError(name: string, index: number, expected: string, value: unknown): ExpressionError {
  const which = ordinals[index] ?? `number ${index + 1}`;
  return new ExpressionError(
    seeHelp(`The template language function '${name}' expects its ${which} parameter to be of type '${expected}'. The provided value is of type '${typeName(value)}'.`),
  );
}

export function expectString(call: FunctionCall, args: unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw typeError(call.name, index, 'String', value);
  return value;
}

export function expectInteger(call: FunctionCall, args: unknown[], index: number): number {
  const value = args[index];
  if (!isInteger(value)) throw typeError(call.name, index, 'Integer', value);
  return value;
}

export function expectBoolean(call: FunctionCall, args: unknown[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw typeError(call.name, index, 'Boolean', value);
  return value;
}

export function expectArray(call: FunctionCall, args: unknown[], index: number): unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw typeError(call.name, index, 'Array', value);
  return value;
}

export function expectObject(call: FunctionCall, args: unknown[], index: number): Record<string, unknown> {
  const value = args[index];
  if (!isObject(value)) throw typeError(call.name, index, 'Object', value);
  return value;
}

/** A string or an array (functions such as length, first, skip work on both). */
export function expectStringOrArray(call: FunctionCall, args: unknown[], index: number): string | unknown[] {
  const value = args[index];
  if (typeof value !== 'string' && !Array.isArray(value)) throw typeError(call.name, index, 'String or Array', value);
  return value;
}

/** Every argument a string (uniqueString, guid, resourceId…). */
export function expectStrings(call: FunctionCall, args: unknown[]): string[] {
  return args.map((_, i) => expectString(call, args, i));
}
