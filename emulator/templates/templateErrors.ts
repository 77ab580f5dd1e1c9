/**
 * Azure's wording for template errors, in one place. Expressions and functions throw
 * ExpressionError (the inner message, where in the template unknown); the part that knows where
 * it is evaluating (a parameter, a variable, a resource, an output) wraps it into a TemplateError
 * with Azure's outer sentence. A TemplateError passes through untouched.
 *
 * Azure says "at line 'L' and column 'C'"; the emulator has no line numbers, so it says
 * "at path 'resources[2].properties.x'" instead and keeps the rest of Azure's sentence.
 */
import { TemplateError } from './templateTypes';

export const expressionsHelp = 'https://aka.ms/arm-template-expressions';
export const syntaxHelp = 'https://aka.ms/arm-syntax';
export const parametersHelp = 'https://aka.ms/arm-pass-parameter-values';
export const parameterFileHelp = 'https://aka.ms/arm-create-parameter-file';
export const copyHelp = 'https://aka.ms/arm-copy';
export const limitsHelp = 'https://aka.ms/arm-template-limits';

/** An error inside an expression or function; `path` is filled in by the innermost string evaluated. */
export class ExpressionError extends Error {
  path?: string;
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** `… Please see <link> for usage details.` as Azure ends most sentences. */
export function seeHelp(message: string, link = expressionsHelp): string {
  return `${message} Please see ${link} for usage details.`;
}

export function functionError(name: string, detail: string): ExpressionError {
  return new ExpressionError(seeHelp(`Unable to evaluate template language function '${name}': ${detail}`));
}

export function notExpectedHere(name: string, why = ''): ExpressionError {
  return new ExpressionError(seeHelp(`The template function '${name}' is not expected at this location.${why ? ` ${why}` : ''}`));
}

/** A failure found while validating the template: Azure's InvalidTemplate "Deployment template validation failed". */
export function validationFailed(inner: string, target?: string): TemplateError {
  return new TemplateError('InvalidTemplate', `Deployment template validation failed: '${inner}'.`, target);
}

export function at(path: string): string {
  return `at path '${path}'`;
}

/**
 * Wraps whatever an evaluation threw: a TemplateError as is; an ExpressionError into `wrap(inner,
 * path)`; anything else (a bug) is rethrown.
 */
export function locate(error: unknown, fallbackPath: string, wrap: (inner: string, path: string) => TemplateError): never {
  if (error instanceof TemplateError) throw error;
  if (error instanceof ExpressionError) throw wrap(error.message, error.path ?? fallbackPath);
  throw error;
}

/** Plan-time error in a resource: "The template resource 'x' at … is not valid: …". */
export function resourceInvalid(resourceName: string, inner: string, path: string): TemplateError {
  return validationFailed(seeHelp(`The template resource '${resourceName}' ${at(path)} is not valid: ${inner}.`), path);
}

/** Deploy-time error while evaluating a resource's body, as Azure reports it on the resource's operation. */
export function resourceExpressionsFailed(resourceId: string, inner: string, path: string): TemplateError {
  return new TemplateError('InvalidTemplate', `Unable to process template language expressions for resource '${resourceId}' ${at(path)}. '${inner}'`, path);
}
