/**
 * Template parameters: declarations checked, supplied values matched to them (names ignore case),
 * defaults evaluated (a default may be an expression such as `[resourceGroup().location]` or use
 * other parameters), and every value held to its type, allowedValues, min/max length and value —
 * with Azure's error codes and sentences (learn.microsoft.com "Parameters in ARM templates").
 */
import type { EvaluationContext } from './evaluationContext';
import { evaluateJson } from './expressionEvaluator';
import {
  at, ExpressionError, limitsHelp, locate, parameterFileHelp, parametersHelp, seeHelp, validationFailed,
} from './templateErrors';
import { TemplateError, type ParameterValues, type ResolvedParameter } from './templateTypes';
import { deepEqual, findKey, isInteger, isObject, toText, typeName } from './templateValues';
import { azureTypeName, isSecureType, matchesDeclaredType, templateTypes } from './typeNames';

export const parameterLimit = 256;

export interface ParameterDeclaration {
  name: string;
  type: string;
  declaration: Record<string, unknown>;
  path: string;
}

export function readParameterDeclarations(section: unknown): ParameterDeclaration[] {
  if (section === undefined) return [];
  if (!isObject(section)) throw validationFailed(seeHelp("The template 'parameters' section must be an object.", parametersHelp), 'parameters');
  const entries = Object.entries(section);
  if (entries.length > parameterLimit) {
    throw validationFailed(seeHelp(`The number of template parameters limit exceeded. Limit: '${parameterLimit}' and actual: '${entries.length}'.`, limitsHelp), 'parameters');
  }
  return entries.map(([name, declaration]) => {
    const path = `parameters.${name}`;
    const type = isObject(declaration) && typeof declaration.type === 'string' ? declaration.type.toLowerCase() : undefined;
    if (!isObject(declaration) || type === undefined || !templateTypes.has(type)) {
      const given = isObject(declaration) ? JSON.stringify(declaration.type ?? null) : 'none';
      throw validationFailed(
        seeHelp(`The template parameter '${name}' ${at(path)} has an invalid type ${given}. The allowed types are 'String, SecureString, Int, Bool, Object, SecureObject, Array'.`, parametersHelp),
        path,
      );
    }
    return { name, type, declaration, path };
  });
}

/** Refuses supplied parameters the template does not declare, Key Vault references and null values. */
export function checkSuppliedParameters(declarations: ParameterDeclaration[], supplied: ParameterValues): void {
  const declared = new Set(declarations.map((d) => d.name.toLowerCase()));
  const unknown = Object.keys(supplied).filter((name) => !declared.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw validationFailed(
      seeHelp(
        `The template parameters '${unknown.join(', ')}' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time. The only supported parameters for this template are '${declarations.map((d) => d.name).join(', ')}'.`,
        parametersHelp,
      ),
      'parameters',
    );
  }
  for (const [name, entry] of Object.entries(supplied)) {
    const target = `parameters.${name}`;
    if (isObject(entry) && entry.reference !== undefined) {
      const keyVault = isObject(entry.reference) && isObject(entry.reference.keyVault) ? String(entry.reference.keyVault.id) : 'unknown';
      throw new TemplateError(
        'KeyVaultParameterReferenceNotFound',
        seeHelp(
          `The specified KeyVault '${keyVault}' could not be found: the emulator has no Key Vault, so the parameter '${name}' cannot be read from it. Pass the value itself ({ "value": … }).`,
          'https://aka.ms/arm-keyvault',
        ),
        target,
      );
    }
    if (!isObject(entry) || entry.value === undefined || entry.value === null) {
      throw new TemplateError(
        'InvalidDeploymentParameterValue',
        seeHelp(`The value of deployment parameter '${name}' is null. Please specify the value or use the parameter reference.`, 'https://aka.ms/arm-deploy'),
        target,
      );
    }
  }
}

function providedValueInvalid(parameter: ParameterDeclaration, detail: string, value?: unknown): TemplateError {
  const shown = value === undefined || isSecureType(parameter.type) ? '' : ` '${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return validationFailed(
    seeHelp(`The provided value${shown} for the template parameter '${parameter.name}' ${at(parameter.path)} is not valid. ${detail}`, parameterFileHelp),
    parameter.path,
  );
}

/** Holds a value to the declaration's type and constraints. */
export function checkParameterValue(parameter: ParameterDeclaration, value: unknown): void {
  const { declaration } = parameter;
  if (!matchesDeclaredType(parameter.type, value)) {
    throw providedValueInvalid(parameter, `Expected a value of type '${azureTypeName(parameter.type)}', but received a value of type '${typeName(value)}'.`);
  }
  if (Array.isArray(declaration.allowedValues)) {
    const allowed = declaration.allowedValues;
    const members = Array.isArray(value) ? value : [value];
    if (!members.every((member) => allowed.some((candidate) => deepEqual(candidate, member)))) {
      throw providedValueInvalid(parameter, `The parameter value is not part of the allowed value(s): '${allowed.map((a) => toText(a)).join(',')}'.`, value);
    }
  }
  if (typeof value === 'string' || Array.isArray(value)) {
    if (isInteger(declaration.maxLength) && value.length > declaration.maxLength) {
      throw providedValueInvalid(parameter, `Length of the value should be less than or equal to '${declaration.maxLength}'.`);
    }
    if (isInteger(declaration.minLength) && value.length < declaration.minLength) {
      throw providedValueInvalid(parameter, `Length of the value should be greater than or equal to '${declaration.minLength}'.`);
    }
  }
  if (isInteger(value)) {
    if (isInteger(declaration.maxValue) && value > declaration.maxValue) {
      throw providedValueInvalid(parameter, `The value should be less than or equal to '${declaration.maxValue}'.`);
    }
    if (isInteger(declaration.minValue) && value < declaration.minValue) {
      throw providedValueInvalid(parameter, `The value should be greater than or equal to '${declaration.minValue}'.`);
    }
  }
}

/**
 * The parameters' values, resolved on first use: a default may use other parameters (in any
 * order), so each is resolved when asked for, once; a default that needs itself is refused.
 */
export class ParameterTable {
  private readonly values = new Map<string, unknown>();
  private readonly resolving = new Set<string>();
  private context?: EvaluationContext;

  constructor(private readonly declarations: ParameterDeclaration[], private readonly supplied: ParameterValues) {}

  /** The context defaults are evaluated in (place: parameterDefault); set once the environment exists. */
  attach(context: EvaluationContext): void {
    this.context = context;
  }

  value(name: string): unknown {
    const parameter = this.declarations.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!parameter) throw new ExpressionError(seeHelp(`The template parameter '${name}' is not found.`, 'https://aka.ms/arm-syntax-parameters'));
    const key = parameter.name.toLowerCase();
    if (this.values.has(key)) return this.values.get(key);
    if (this.resolving.has(key)) {
      throw validationFailed(seeHelp(`The template parameter '${parameter.name}' ${at(parameter.path)} is not valid: its default value refers to itself.`, parametersHelp), parameter.path);
    }
    this.resolving.add(key);
    try {
      const value = this.resolve(parameter);
      this.values.set(key, value);
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }

  private resolve(parameter: ParameterDeclaration): unknown {
    const suppliedKey = findKey(this.supplied, parameter.name);
    let value: unknown;
    if (suppliedKey !== undefined) {
      value = this.supplied[suppliedKey].value;
    } else if ('defaultValue' in parameter.declaration) {
      const path = `${parameter.path}.defaultValue`;
      try {
        value = evaluateJson(parameter.declaration.defaultValue, this.context!, path);
      } catch (error) {
        locate(error, path, (inner, where) =>
          validationFailed(seeHelp(`The template parameter '${parameter.name}' ${at(where)} is not valid: ${inner}.`), where),
        );
      }
    } else {
      throw validationFailed(seeHelp(`The value for the template parameter '${parameter.name}' ${at(parameter.path)} is not provided.`, parametersHelp), parameter.path);
    }
    checkParameterValue(parameter, value);
    return value;
  }

  /** Every parameter resolved, in declaration order, as the plan reports them. */
  resolveAll(): Record<string, ResolvedParameter> {
    const resolved: Record<string, ResolvedParameter> = {};
    for (const parameter of this.declarations) {
      resolved[parameter.name] = { type: parameter.type, azureType: azureTypeName(parameter.type), value: this.value(parameter.name) };
    }
    return resolved;
  }
}
