/**
 * Evaluates parsed expressions and whole JSON values of a template: strings that are expressions
 * become their value, objects and arrays are walked, property names that are expressions are
 * evaluated, and (where Azure allows it) a `copy` array inside an object becomes array properties.
 */
import { withLoop, DeferredValue, type EvaluationContext } from './evaluationContext';
import { parseTemplateString, type Expression } from './expressionParser';
import { argumentCountError, checkPlace, findFunction, unknownFunction, type FunctionCall } from './functionRegistry';
import { ExpressionError, notExpectedHere, seeHelp } from './templateErrors';
import { findKey, isInteger, isObject, typeName } from './templateValues';
import { checkUserFunctionResult, userFunctionArguments } from './userFunctions';
import './functionLibrary';

export function evaluateExpression(expression: Expression, context: EvaluationContext): unknown {
  switch (expression.kind) {
    case 'string':
    case 'integer':
      return expression.value;
    case 'call':
      return callFunction(expression, context);
    case 'property':
      return accessProperty(evaluateExpression(expression.target, context), expression.name);
    case 'index':
      return accessIndex(evaluateExpression(expression.target, context), evaluateExpression(expression.index, context));
  }
}

function callFunction(expression: Extract<Expression, { kind: 'call' }>, context: EvaluationContext): unknown {
  if (expression.name.includes('.')) return callUserFunction(expression, context);
  const definition = findFunction(expression.name);
  if (!definition) throw unknownFunction(expression.name);
  if (expression.args.length < definition.minArgs || expression.args.length > definition.maxArgs) {
    throw argumentCountError(expression.name, definition, expression.args.length);
  }
  checkPlace(expression.name, definition, context.place);
  const call: FunctionCall = { name: expression.name, context };
  const args = definition.lazy
    ? expression.args.map((arg) => () => evaluateExpression(arg, context))
    : expression.args.map((arg) => evaluateExpression(arg, context));
  return definition.evaluate(args, call);
}

function callUserFunction(expression: Extract<Expression, { kind: 'call' }>, context: EvaluationContext): unknown {
  const definition = context.env.userFunctions.get(expression.name.toLowerCase());
  if (!definition) throw unknownFunction(expression.name);
  // Azure: a user-defined function cannot call another one, nor use variables or reference().
  if (context.place === 'userFunction') throw notExpectedHere(expression.name);
  const args = expression.args.map((arg) => evaluateExpression(arg, context));
  const functionArguments = userFunctionArguments(definition, expression.name, args);
  const inner: EvaluationContext = { env: context.env, place: 'userFunction', loops: [], functionArguments };
  const value = evaluateJson(definition.output.value, inner, `functions.${definition.name}.output.value`);
  return checkUserFunctionResult(definition, expression.name, value);
}

function accessProperty(target: unknown, name: string): unknown {
  if (isObject(target)) {
    const key = findKey(target, name);
    if (key === undefined) {
      throw new ExpressionError(
        `The language expression property '${name}' doesn't exist, available properties are '${Object.keys(target).join(', ')}'.`,
      );
    }
    return target[key];
  }
  if (Array.isArray(target)) {
    throw new ExpressionError(`The language expression property '${name}' can't be evaluated, property name must be an integer.`);
  }
  throw new ExpressionError(`The language expression property '${name}' can't be evaluated: the value is of type '${typeName(target)}'.`);
}

function accessIndex(target: unknown, index: unknown): unknown {
  if (Array.isArray(target)) {
    if (!isInteger(index)) {
      throw new ExpressionError(`The language expression property '${String(index)}' can't be evaluated, property name must be an integer.`);
    }
    if (index < 0 || index >= target.length) {
      throw new ExpressionError(`The language expression property array index '${index}' is out of bounds.`);
    }
    return target[index];
  }
  if (isObject(target) && typeof index === 'string') return accessProperty(target, index);
  if (isObject(target)) {
    throw new ExpressionError(`The language expression property '${String(index)}' can't be evaluated, property name must be a string.`);
  }
  throw new ExpressionError(`The language expression property '${String(index)}' can't be evaluated: the value is of type '${typeName(target)}'.`);
}

export interface JsonEvaluationOptions {
  /** Turn `copy` arrays inside objects into array properties (resource properties, variables). */
  propertyCopy?: boolean;
  /**
   * The plan's dry run: a DeferredValue thrown by reference() makes the string it was in evaluate
   * to null and sets `deferred`, instead of failing.
   */
  dryRun?: { deferred: boolean };
}

/** Evaluates a template string; ExpressionErrors get `path` where they happened. */
export function evaluateString(text: string, context: EvaluationContext, path: string, options: JsonEvaluationOptions = {}): unknown {
  try {
    const parsed = parseTemplateString(text);
    return parsed.kind === 'literal' ? parsed.value : evaluateExpression(parsed.expression, context);
  } catch (error) {
    if (error instanceof DeferredValue && options.dryRun) {
      options.dryRun.deferred = true;
      return null;
    }
    if (error instanceof ExpressionError && error.path === undefined) error.path = path;
    throw error;
  }
}

export function evaluateJson(value: unknown, context: EvaluationContext, path: string, options: JsonEvaluationOptions = {}): unknown {
  if (typeof value === 'string') return evaluateString(value, context, path, options);
  if (Array.isArray(value)) return value.map((item, i) => evaluateJson(item, context, `${path}[${i}]`, options));
  if (!isObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'copy' && options.propertyCopy && Array.isArray(item)) {
      Object.assign(result, expandPropertyCopies(item, context, `${path}.copy`, options));
      continue;
    }
    const name = evaluateString(key, context, `${path}.${key}`, options);
    result[typeof name === 'string' ? name : String(name)] = evaluateJson(item, context, `${path}.${key}`, options);
  }
  return result;
}

/** `"copy": [{ name, count, input }]` → `{ [name]: [input for copyIndex(name) = 0…count-1] }`. */
function expandPropertyCopies(loops: unknown[], context: EvaluationContext, path: string, options: JsonEvaluationOptions): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  loops.forEach((loop, i) => {
    const loopPath = `${path}[${i}]`;
    if (!isObject(loop) || typeof loop.name !== 'string' || loop.name === '' || !('input' in loop)) {
      throw new ExpressionError(seeHelp(`The property copy at '${loopPath}' must have a 'name', a 'count' and an 'input'.`, 'https://aka.ms/arm-copy'));
    }
    const count = evaluateJson(loop.count, context, `${loopPath}.count`, options);
    if (count === null && options.dryRun?.deferred) {
      result[loop.name] = [];
      return;
    }
    if (!isInteger(count) || count < 0 || count > 800) {
      throw new ExpressionError(
        seeHelp(`The copy count of '${loop.name}' must be a non-negative integer value and cannot exceed '800'; it is '${JSON.stringify(count)}'.`, 'https://aka.ms/arm-copy'),
      );
    }
    const items: unknown[] = [];
    for (let index = 0; index < count; index++) {
      const inner = withLoop(context, { kind: 'property', name: loop.name, index });
      items.push(evaluateJson(loop.input, inner, `${loopPath}.input`, options));
    }
    result[loop.name] = items;
  });
  return result;
}
