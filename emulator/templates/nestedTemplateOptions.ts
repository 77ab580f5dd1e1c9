/**
 * How a nested deployment (a Microsoft.Resources/deployments resource) asks to be run: inline
 * template only (a templateLink would need the network: refused), expression scope 'outer' (the
 * default: the parent's parameters and variables) or 'inner' (its own, from properties.parameters),
 * and its mode.
 */
import { at, seeHelp, syntaxHelp, validationFailed } from './templateErrors';
import { TemplateError } from './templateTypes';
import { isObject, type JsonObject } from './templateValues';

export const deploymentType = 'Microsoft.Resources/deployments';

export function isDeploymentType(type: unknown): boolean {
  return typeof type === 'string' && type.toLowerCase() === deploymentType.toLowerCase();
}

export interface NestedTemplateOptions {
  scope: 'inner' | 'outer';
  mode: 'Incremental' | 'Complete';
  template: JsonObject;
  /** properties.parameters as written (evaluated in the parent for scope 'inner'). */
  parameters: unknown;
}

const nestedHelp = 'https://aka.ms/arm-nested-templates';

/** Reads the raw `properties` of a deployments resource; throws what Azure (or the emulator's limits) answer. */
export function readNestedTemplateOptions(properties: unknown, name: string, path: string): NestedTemplateOptions {
  const where = `${path}.properties`;
  if (!isObject(properties)) throw validationFailed(seeHelp(`The nested deployment '${name}' ${at(where)} must have properties.`, nestedHelp), where);
  if (properties.templateLink !== undefined) {
    const uri = isObject(properties.templateLink) ? String(properties.templateLink.uri ?? properties.templateLink.id ?? '') : '';
    throw new TemplateError(
      'InvalidContentLink',
      `Unable to download deployment content from '${uri}': the emulator has no network access. Put the template inline in properties.template of the nested deployment '${name}'.`,
      `${where}.templateLink`,
    );
  }
  if (!isObject(properties.template)) {
    throw validationFailed(seeHelp(`The nested deployment '${name}' ${at(where)} must have an inline 'template' object.`, nestedHelp), `${where}.template`);
  }
  const options = properties.expressionEvaluationOptions;
  const scopeValue = isObject(options) && typeof options.scope === 'string' ? options.scope.toLowerCase() : 'outer';
  if (scopeValue !== 'inner' && scopeValue !== 'outer') {
    throw validationFailed(
      seeHelp(`The nested deployment '${name}' ${at(`${where}.expressionEvaluationOptions.scope`)} has an invalid scope '${String(isObject(options) ? options.scope : '')}'; it must be 'inner' or 'outer'.`, nestedHelp),
      `${where}.expressionEvaluationOptions.scope`,
    );
  }
  const modeValue = typeof properties.mode === 'string' ? properties.mode.toLowerCase() : 'incremental';
  if (modeValue !== 'incremental' && modeValue !== 'complete') {
    throw validationFailed(seeHelp(`The nested deployment '${name}' ${at(`${where}.mode`)} has an invalid mode '${String(properties.mode)}'.`, syntaxHelp), `${where}.mode`);
  }
  return {
    scope: scopeValue,
    mode: modeValue === 'complete' ? 'Complete' : 'Incremental',
    template: properties.template,
    parameters: properties.parameters,
  };
}
