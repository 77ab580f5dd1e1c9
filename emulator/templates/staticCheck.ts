/**
 * Before anything is evaluated, every expression of the template is parsed and every function it
 * calls is checked: the name exists, the number of arguments fits, and the function may be used
 * where it stands (reference() only in a resource's `properties` and in outputs — not in names, locations, tags,
 * conditions, copy counts, dependsOn or variables;
 * utcNow() only in parameter defaults). So an unknown function fails the deployment even in an
 * if() branch never taken or an output never reached — Azure's validation does the same.
 */
import type { Place, UserFunction } from './evaluationContext';
import { callsIn, parseTemplateString } from './expressionParser';
import { argumentCountError, checkPlace, findFunction, unknownFunction } from './functionRegistry';
import { isDeploymentType } from './nestedTemplateOptions';
import { at, ExpressionError, locate, seeHelp, validationFailed } from './templateErrors';
import type { TemplateError } from './templateTypes';
import { isObject, type JsonObject } from './templateValues';
import './functionLibrary';

type Wrap = (inner: string, path: string) => TemplateError;

function checkString(text: string, place: Place, functions: Map<string, UserFunction>): void {
  const parsed = parseTemplateString(text);
  if (parsed.kind === 'literal') return;
  for (const call of callsIn(parsed.expression)) {
    if (call.name.includes('.')) {
      if (!functions.has(call.name.toLowerCase())) throw unknownFunction(call.name);
      continue;
    }
    const definition = findFunction(call.name);
    if (!definition) throw unknownFunction(call.name);
    if (call.args.length < definition.minArgs || call.args.length > definition.maxArgs) {
      throw argumentCountError(call.name, definition, call.args.length);
    }
    checkPlace(call.name, definition, place);
  }
}

function checkJson(value: unknown, place: Place, path: string, functions: Map<string, UserFunction>, wrap: Wrap): void {
  try {
    walk(value, path);
  } catch (error) {
    locate(error, path, wrap);
  }

  function walk(item: unknown, where: string): void {
    if (typeof item === 'string') {
      try {
        checkString(item, place, functions);
      } catch (error) {
        if (error instanceof ExpressionError && error.path === undefined) error.path = where;
        throw error;
      }
    } else if (Array.isArray(item)) {
      item.forEach((member, i) => walk(member, `${where}[${i}]`));
    } else if (isObject(item)) {
      for (const [key, member] of Object.entries(item)) {
        walk(key, `${where}.${key}`);
        walk(member, `${where}.${key}`);
      }
    }
  }
}

function checkResource(resource: unknown, path: string, functions: Map<string, UserFunction>): void {
  if (!isObject(resource)) return;
  const label = typeof resource.name === 'string' ? resource.name : path;
  const wrap: Wrap = (inner, where) => validationFailed(seeHelp(`The template resource '${label}' ${at(where)} is not valid: ${inner}.`), where);
  for (const [member, value] of Object.entries(resource)) {
    const where = `${path}.${member}`;
    if (member === 'resources') continue;
    if (member !== 'properties') {
      // Only `properties` may read deployed resources: Azure refuses reference() in name, type,
      // location, tags, sku and the other top-level members, as in dependsOn, condition and copy.
      checkJson(value, 'resourceHeader', where, functions, wrap);
    } else if (isDeploymentType(resource.type) && isObject(value)) {
      // The nested template's own expressions are checked when it is planned.
      const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'template'));
      checkJson(rest, 'resourceBody', where, functions, wrap);
    } else {
      checkJson(value, 'resourceBody', where, functions, wrap);
    }
  }
  if (Array.isArray(resource.resources)) {
    resource.resources.forEach((child, i) => checkResource(child, `${path}.resources[${i}]`, functions));
  }
}

/** Throws InvalidTemplate for the first expression that cannot run where it stands. */
export function checkTemplateExpressions(template: JsonObject, functions: Map<string, UserFunction>): void {
  if (isObject(template.parameters)) {
    for (const [name, declaration] of Object.entries(template.parameters)) {
      if (!isObject(declaration) || !('defaultValue' in declaration)) continue;
      checkJson(declaration.defaultValue, 'parameterDefault', `parameters.${name}.defaultValue`, functions, (inner, where) =>
        validationFailed(seeHelp(`The template parameter '${name}' ${at(where)} is not valid: ${inner}.`), where),
      );
    }
  }
  if (isObject(template.variables)) {
    for (const [name, value] of Object.entries(template.variables)) {
      checkJson(value, 'variable', `variables.${name}`, functions, (inner, where) =>
        validationFailed(seeHelp(`The template variable '${name}' ${at(where)} is not valid: ${inner}.`), where),
      );
    }
  }
  for (const definition of functions.values()) {
    const where = `functions.${definition.name}.output.value`;
    checkJson(definition.output.value, 'userFunction', where, functions, (inner, path) =>
      validationFailed(seeHelp(`The user-defined function '${definition.name}' ${at(path)} is not valid: ${inner}.`), path),
    );
  }
  if (Array.isArray(template.resources)) {
    template.resources.forEach((resource, i) => checkResource(resource, `resources[${i}]`, functions));
  }
  if (isObject(template.outputs)) {
    for (const [name, output] of Object.entries(template.outputs)) {
      checkJson(output, 'output', `outputs.${name}`, functions, (inner, where) =>
        validationFailed(seeHelp(`The template output '${name}' ${at(where)} is not valid: ${inner}.`), where),
      );
    }
  }
}
