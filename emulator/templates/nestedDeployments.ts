/**
 * Plans the template of a nested deployment (learn.microsoft.com "Using linked and nested
 * templates"): with expressionEvaluationOptions.scope 'inner' the nested template has its own
 * parameters (properties.parameters, evaluated in the parent) and variables, and resourceGroup()
 * answers the group it deploys to; with 'outer' (the default) its expressions use the parent's
 * parameters, variables and scope, so it may not declare its own. Either way its resources deploy
 * to the nested deployment's resource group.
 */
import type { TemplateEnvironment } from './evaluationContext';
import { readNestedTemplateOptions, type NestedTemplateOptions } from './nestedTemplateOptions';
import type { DeploymentTarget, ResourceInstance } from './resourceExpansion';
import { resourceGroupId } from './resourceIds';
import { at, seeHelp, validationFailed } from './templateErrors';
import { TemplateError, type DeploymentPlan, type DeploymentScope, type NestedDeployment, type ParameterValues, type TemplateHost } from './templateTypes';
import { isObject, type JsonObject } from './templateValues';

/** What the planner needs to plan a template; injected to keep this module free of a cycle. */
export interface TemplatePlanRequest {
  template: unknown;
  target: DeploymentTarget;
  /** Where the template sits in the outermost one (errors' targets start with it). */
  pathPrefix: string;
  /** Inner scope / top level: its own parameters in this scope. Outer: the parent's environment. */
  own?: { parameters: ParameterValues; scope: DeploymentScope };
  parent?: TemplateEnvironment;
  /** Receives every reference() target of the template's dry runs (the parent's implicit dependencies). */
  onReference?: (resourceId: string) => void;
}

export type PlanTemplate = (request: TemplatePlanRequest) => DeploymentPlan;

const nestedHelp = 'https://aka.ms/arm-nested-templates';

/** Reads and checks the nested deployment's options (at plan time: templateLink and bad scopes fail validation). */
export function nestedOptions(instance: ResourceInstance): NestedTemplateOptions {
  const options = readNestedTemplateOptions(instance.declaration.properties, instance.name, instance.path);
  if (options.scope === 'outer') {
    const where = `${instance.path}.properties`;
    const declares = ['parameters', 'variables', 'functions'].filter((member) => {
      const section = options.template[member];
      return Array.isArray(section) ? section.length > 0 : isObject(section) && Object.keys(section).length > 0;
    });
    if (declares.length > 0 || (isObject(options.parameters) && Object.keys(options.parameters).length > 0)) {
      const what = declares.length > 0 ? `its template declares ${declares.join(', ')}` : 'it passes parameters';
      throw validationFailed(
        seeHelp(
          `The nested deployment '${instance.name}' ${at(where)} is not valid: ${what}, but its expressionEvaluationOptions scope is 'outer', where the template uses the parent's parameters and variables. Set expressionEvaluationOptions.scope to 'inner'.`,
          nestedHelp,
        ),
        where,
      );
    }
  }
  return options;
}

function nestedScope(instance: ResourceInstance, parent: TemplateEnvironment, target: DeploymentTarget, host: TemplateHost | undefined): DeploymentScope {
  const parentScope = parent.scope;
  const sameGroup = target.subscriptionId.toLowerCase() === parentScope.subscriptionId.toLowerCase()
    && target.resourceGroup.toLowerCase() === parentScope.resourceGroup.name.toLowerCase();
  const resourceGroup = sameGroup
    ? parentScope.resourceGroup
    : host?.resourceGroup?.(target.subscriptionId, target.resourceGroup)
      ?? { id: resourceGroupId(target.subscriptionId, target.resourceGroup), name: target.resourceGroup, location: parentScope.resourceGroup.location };
  return { ...parentScope, subscriptionId: target.subscriptionId, resourceGroup, deploymentName: instance.name, now: parent.now };
}

/** The `{ name: { value } }` parameters an inner-scope nested template gets from its parent's evaluated body. */
function passedParameters(instance: ResourceInstance, evaluated: unknown): ParameterValues {
  if (evaluated === undefined || evaluated === null) return {};
  if (!isObject(evaluated)) {
    const where = `${instance.path}.properties.parameters`;
    throw validationFailed(seeHelp(`The nested deployment '${instance.name}' ${at(where)} must pass its parameters as an object.`, nestedHelp), where);
  }
  return evaluated as ParameterValues;
}

/**
 * Surfaces a nested template's error on the parent, saying which nested deployment it came from;
 * its target (a path inside the nested template) is prefixed with where that template is.
 */
function fromNested(instance: ResourceInstance, error: unknown, pathPrefix: string): never {
  if (error instanceof TemplateError) {
    const target = error.target === undefined ? `${instance.path}.properties.template` : `${pathPrefix}${error.target}`;
    throw new TemplateError(error.code, `The nested deployment '${instance.name}' ${at(instance.path)} failed: ${error.message}`, target, error.details);
  }
  throw error;
}

/**
 * Plans the nested deployment. `evaluatedProperties` is the instance's body `properties` evaluated
 * in the parent (for its `parameters`).
 */
export function planNested(
  instance: ResourceInstance,
  parent: TemplateEnvironment,
  evaluatedProperties: JsonObject | undefined,
  host: TemplateHost | undefined,
  planTemplate: PlanTemplate,
  onReference?: (resourceId: string) => void,
): NestedDeployment {
  const options = nestedOptions(instance);
  const target = instance.deploysTo!;
  const pathPrefix = `${instance.path}.properties.template.`;
  try {
    const plan =
      options.scope === 'inner'
        ? planTemplate({
          template: options.template,
          target,
          pathPrefix,
          own: { parameters: passedParameters(instance, evaluatedProperties?.parameters), scope: nestedScope(instance, parent, target, host) },
          onReference,
        })
        : planTemplate({ template: options.template, target, pathPrefix, parent, onReference });
    return { name: instance.name, resourceGroup: target.resourceGroup, subscriptionId: target.subscriptionId, mode: options.mode, plan };
  } catch (error) {
    return fromNested(instance, error, pathPrefix);
  }
}
