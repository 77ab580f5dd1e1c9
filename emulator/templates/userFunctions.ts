/**
 * User-defined functions (`functions: [{ namespace, members: { name: { parameters, output } } }]`),
 * called as `namespace.name(...)`. As in Azure, their output sees only their own parameters: no
 * variables, no reference(), no other user-defined function.
 */
import type { UserFunction } from './evaluationContext';
import { ExpressionError, seeHelp, validationFailed } from './templateErrors';
import { isObject, typeName } from './templateValues';
import { matchesDeclaredType, templateTypes } from './typeNames';

const udfHelp = 'https://aka.ms/arm-user-defined-functions';

function invalid(path: string, detail: string): never {
  throw validationFailed(seeHelp(`The user-defined function ${detail} at path '${path}' is not valid.`, udfHelp), path);
}

/** Reads the template's `functions` section; throws InvalidTemplate on a malformed one. */
export function readUserFunctions(section: unknown): Map<string, UserFunction> {
  const functions = new Map<string, UserFunction>();
  if (section === undefined) return functions;
  if (!Array.isArray(section)) invalid('functions', 'section');
  section.forEach((entry, i) => {
    const path = `functions[${i}]`;
    if (!isObject(entry) || typeof entry.namespace !== 'string' || !isObject(entry.members)) invalid(path, 'namespace');
    for (const [member, declaration] of Object.entries(entry.members)) {
      const memberPath = `${path}.members.${member}`;
      const name = `${entry.namespace}.${member}`;
      if (!isObject(declaration) || !isObject(declaration.output) || typeof declaration.output.type !== 'string' || !('value' in declaration.output)) {
        invalid(memberPath, `'${name}'`);
      }
      const parameters = declaration.parameters ?? [];
      if (!Array.isArray(parameters)) invalid(`${memberPath}.parameters`, `'${name}'`);
      const declared = parameters.map((parameter, j) => {
        if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.type !== 'string' || !templateTypes.has(parameter.type.toLowerCase())) {
          invalid(`${memberPath}.parameters[${j}]`, `'${name}'`);
        }
        return { name: parameter.name, type: parameter.type.toLowerCase() };
      });
      if (!templateTypes.has(declaration.output.type.toLowerCase())) invalid(`${memberPath}.output.type`, `'${name}'`);
      functions.set(name.toLowerCase(), {
        name,
        parameters: declared,
        output: { type: declaration.output.type.toLowerCase(), value: declaration.output.value },
      });
    }
  });
  return functions;
}

/** The arguments of a call by parameter name (lower-cased), checked against the declaration. */
export function userFunctionArguments(definition: UserFunction, calledAs: string, args: unknown[]): Map<string, unknown> {
  if (args.length !== definition.parameters.length) {
    throw new ExpressionError(
      seeHelp(`Unable to evaluate template language function '${calledAs}': function requires ${definition.parameters.length} argument(s) while ${args.length} were provided.`),
    );
  }
  const values = new Map<string, unknown>();
  definition.parameters.forEach((parameter, i) => {
    if (!matchesDeclaredType(parameter.type, args[i])) {
      throw new ExpressionError(
        seeHelp(`The template language function '${calledAs}' expects its parameter '${parameter.name}' to be of type '${parameter.type}'. The provided value is of type '${typeName(args[i])}'.`),
      );
    }
    values.set(parameter.name.toLowerCase(), args[i]);
  });
  return values;
}

export function checkUserFunctionResult(definition: UserFunction, calledAs: string, value: unknown): unknown {
  if (!matchesDeclaredType(definition.output.type, value)) {
    throw new ExpressionError(
      seeHelp(`The output of the template language function '${calledAs}' is of type '${typeName(value)}', which does not match its declared type '${definition.output.type}'.`),
    );
  }
  return value;
}
