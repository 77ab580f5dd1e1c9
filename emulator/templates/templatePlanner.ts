/**
 * Plans one template: shape and limits, every expression checked, parameters and variables
 * resolved, resources expanded, dependencies found (explicit, parent, serial copies, and implicit
 * ones from a dry run of each body), cycles refused. What needs the deployed world — bodies,
 * nested templates' parameters, outputs — is left as functions of the host.
 */
import type { EvaluationContext, TemplateEnvironment } from './evaluationContext';
import { checkCycles, explicitDependencies, matchInstances } from './dependencies';
import { isDeploymentType } from './nestedTemplateOptions';
import { nestedOptions, planNested, type TemplatePlanRequest } from './nestedDeployments';
import { evaluateOutputs, readOutputDeclarations } from './outputs';
import { checkSuppliedParameters, ParameterTable, readParameterDeclarations } from './parameters';
import { dryRunBody, evaluateBody } from './resourceBodies';
import { expandResources, type ResourceInstance } from './resourceExpansion';
import { sameId } from './resourceIds';
import { checkTemplateExpressions } from './staticCheck';
import { at, limitsHelp, seeHelp, validationFailed } from './templateErrors';
import { checkTemplateShape } from './templateShape';
import type { DeploymentPlan, PlannedResource, ResolvedParameter } from './templateTypes';
import { isObject, type JsonObject } from './templateValues';
import { readUserFunctions } from './userFunctions';
import { VariableTable } from './variables';

export const resourceLimit = 800;

/** The environment of a template with its own parameters and variables (top level, or inner scope). */
function ownEnvironment(template: JsonObject, own: NonNullable<TemplatePlanRequest['own']>): { env: TemplateEnvironment; parameters: Record<string, ResolvedParameter> } {
  const userFunctions = readUserFunctions(template.functions);
  checkTemplateExpressions(template, userFunctions);
  const declarations = readParameterDeclarations(template.parameters);
  checkSuppliedParameters(declarations, own.parameters);
  const parameterTable = new ParameterTable(declarations, own.parameters);
  const variableTable = new VariableTable(template.variables);
  const header: Record<string, unknown> = { contentVersion: template.contentVersion ?? '1.0.0.0' };
  if (template.$schema !== undefined) header.$schema = template.$schema;
  if (template.metadata !== undefined) header.metadata = template.metadata;
  const env: TemplateEnvironment = {
    scope: own.scope,
    now: own.scope.now ?? new Date(),
    deployment: { template: header, suppliedParameters: own.parameters },
    parameter: (name) => parameterTable.value(name),
    variable: (name) => variableTable.value(name),
    userFunctions,
    resources: [],
  };
  parameterTable.attach({ env, place: 'parameterDefault', loops: [] });
  variableTable.attach({ env, place: 'variable', loops: [] });
  const parameters = parameterTable.resolveAll();
  variableTable.resolveAll();
  return { env, parameters };
}

function copyLoopNames(resources: unknown[], into = new Set<string>()): Set<string> {
  for (const resource of resources) {
    if (!isObject(resource)) continue;
    if (isObject(resource.copy) && typeof resource.copy.name === 'string') into.add(resource.copy.name.toLowerCase());
    if (Array.isArray(resource.resources)) copyLoopNames(resource.resources, into);
  }
  return into;
}

function checkDuplicates(instances: ResourceInstance[]): void {
  const deployed = instances.filter((instance) => instance.condition);
  deployed.forEach((instance, i) => {
    if (deployed.slice(0, i).some((other) => sameId(other.id, instance.id))) {
      throw validationFailed(seeHelp(`The resource '${instance.id}' ${at(instance.path)} is defined multiple times in a template.`, 'https://aka.ms/arm-template/#resources'), instance.path);
    }
  });
}

export function planTemplate(request: TemplatePlanRequest): DeploymentPlan {
  const template = checkTemplateShape(request.template, request.pathPrefix ? request.pathPrefix.replace(/\.$/, '') : 'properties.template');
  let env: TemplateEnvironment;
  let parameters: Record<string, ResolvedParameter> = {};
  if (request.own) {
    ({ env, parameters } = ownEnvironment(template, request.own));
  } else {
    const parent = request.parent!;
    checkTemplateExpressions(template, parent.userFunctions);
    // Outer scope: the parent's parameters, variables and scope; the nested template's own resources.
    env = { ...parent, resources: [...parent.resources] };
  }
  const outputs = readOutputDeclarations(template.outputs);

  const header: EvaluationContext = { env, place: 'resourceHeader', loops: [] };
  const instances = expandResources((template.resources as unknown[] | undefined) ?? [], header, request.target, '');
  if (instances.length > resourceLimit) {
    throw validationFailed(seeHelp(`The number of template resources limit exceeded. Limit: '${resourceLimit}' and actual: '${instances.length}'.`, limitsHelp), 'resources');
  }
  env.resources = [
    ...instances.map(({ key, name, type, id, apiVersion, copy }) => ({ key, name, type, id, apiVersion, copyName: copy?.name })),
    ...(request.own ? [] : request.parent!.resources),
  ];
  checkDuplicates(instances);

  const dependencies = explicitDependencies(
    instances,
    (instance) => ({ env, place: 'resourceHeader', loops: instance.loops }),
    copyLoopNames((template.resources as unknown[] | undefined) ?? []),
  );
  for (const instance of instances) {
    if (!instance.condition) continue;
    const references: string[] = [];
    const record = (id: string) => {
      references.push(id);
      request.onReference?.(id);
    };
    const dryRun = dryRunBody(instance, env);
    dryRun.references.forEach(record);
    if (isDeploymentType(instance.type)) {
      const options = nestedOptions(instance);
      // Validate the nested template now when its parameters are known without reference().
      if (options.scope === 'outer' || !dryRun.deferred) {
        planNested(instance, env, dryRun.body.properties as JsonObject | undefined, undefined, planTemplate, record);
      }
    }
    const waits = dependencies.get(instance.key)!;
    for (const id of references) {
      for (const match of matchInstances(instances, id)) if (match.key !== instance.key) waits.add(match.key);
    }
  }
  checkCycles(instances, dependencies);

  const resources = instances.map((instance): PlannedResource => {
    const planned: PlannedResource = {
      key: instance.key,
      copyName: instance.copy?.name,
      type: instance.type,
      apiVersion: instance.apiVersion,
      name: instance.name,
      id: instance.id,
      condition: instance.condition,
      dependsOn: [...dependencies.get(instance.key)!],
      body: (host) => evaluateBody(instance, env, host),
    };
    if (isDeploymentType(instance.type)) {
      planned.nested = (host) => {
        const body = evaluateBody(instance, env, host);
        return planNested(instance, env, body.properties as JsonObject | undefined, host, planTemplate);
      };
    }
    return planned;
  });
  return { parameters, resources, outputs: (host) => evaluateOutputs(outputs, env, host) };
}
