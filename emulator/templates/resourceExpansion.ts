/**
 * From the template's resource declarations to resource instances: copy loops expanded (one
 * instance per copyIndex), resources declared inside a parent's `resources` flattened (their type
 * and name prefixed by the parent's), and each instance's type, apiVersion, name, condition and
 * id evaluated. References are not allowed in any of these (the static check refused them).
 */
import { withLoop, type EvaluationContext, type LoopFrame } from './evaluationContext';
import { evaluateJson } from './expressionEvaluator';
import { isDeploymentType } from './nestedTemplateOptions';
import { buildResourceId, nameSegments, resourceGroupId, segmentsMatch, typeSegments } from './resourceIds';
import { at, copyHelp, ExpressionError, locate, resourceInvalid, seeHelp, syntaxHelp, validationFailed } from './templateErrors';
import { isInteger, isObject, type JsonObject } from './templateValues';

/** Where a resource deploys: the deployment's resource group, or a nested deployment's own. */
export interface DeploymentTarget {
  subscriptionId: string;
  resourceGroup: string;
}

export interface ResourceInstance {
  key: string;
  /** Where its declaration is in the template (errors say so). */
  path: string;
  declaration: JsonObject;
  loops: LoopFrame[];
  copy?: { name: string; index: number; serial: boolean; batchSize: number };
  parentKey?: string;
  type: string;
  apiVersion: string;
  name: string;
  id: string;
  condition: boolean;
  /** For a nested deployment: where its template deploys. */
  deploysTo?: DeploymentTarget;
}

const copyLimit = 800;
const resourcesHelp = 'https://aka.ms/arm-syntax-resources';

function headerString(value: unknown, member: string, context: EvaluationContext, path: string): string {
  const result = evaluateJson(value, context, `${path}.${member}`);
  if (typeof result !== 'string' || result === '') {
    throw new ExpressionError(`The resource property '${member}' must be a non-empty string; it is ${JSON.stringify(result ?? null)}.`);
  }
  return result;
}

function readCopy(declaration: JsonObject, context: EvaluationContext, path: string): { name: string; count: number; serial: boolean; batchSize: number } {
  const copy = declaration.copy;
  const where = `${path}.copy`;
  if (!isObject(copy) || typeof copy.name !== 'string' || copy.name === '' || !('count' in copy)) {
    throw new ExpressionError(seeHelp(`The copy ${at(where)} must have a 'name' and a 'count'.`, copyHelp));
  }
  const count = evaluateJson(copy.count, context, `${where}.count`);
  if (!isInteger(count) || count < 0 || count > copyLimit) {
    throw new ExpressionError(
      seeHelp(`The copy count of '${copy.name}' must be a non-negative integer value and cannot exceed '${copyLimit}'; it is '${JSON.stringify(count)}'.`, copyHelp),
    );
  }
  const mode = copy.mode === undefined ? 'parallel' : String(evaluateJson(copy.mode, context, `${where}.mode`)).toLowerCase();
  if (mode !== 'parallel' && mode !== 'serial') {
    throw new ExpressionError(seeHelp(`The copy mode of '${copy.name}' must be 'Parallel' or 'Serial'; it is '${String(copy.mode)}'.`, copyHelp));
  }
  const batchSize = copy.batchSize === undefined ? 1 : evaluateJson(copy.batchSize, context, `${where}.batchSize`);
  if (!isInteger(batchSize) || batchSize < 1 || batchSize > copyLimit) {
    throw new ExpressionError(seeHelp(`The copy batch size of '${copy.name}' must be an integer from 1 to ${copyLimit}; it is '${JSON.stringify(batchSize)}'.`, copyHelp));
  }
  return { name: copy.name, count, serial: mode === 'serial', batchSize };
}

interface Parent {
  instance: ResourceInstance;
}

function expandOne(
  declaration: unknown,
  path: string,
  keyBase: string,
  context: EvaluationContext,
  target: DeploymentTarget,
  parent: Parent | undefined,
  into: ResourceInstance[],
): void {
  const label = isObject(declaration) && typeof declaration.name === 'string' ? declaration.name : path;
  const fail = (inner: string, where: string) => resourceInvalid(label, inner, where);
  if (!isObject(declaration)) throw resourceInvalid(label, 'a resource must be a JSON object', path);
  for (const member of ['type', 'apiVersion', 'name']) {
    if (declaration[member] === undefined) throw fail(`the required property '${member}' is missing`, path);
  }
  if (declaration.scope !== undefined) {
    throw fail("extension resources ('scope') are not supported by the emulator; declare the resource with its full type and name", `${path}.scope`);
  }
  let copy: ReturnType<typeof readCopy> | undefined;
  try {
    if (declaration.copy !== undefined) {
      if (parent) throw new ExpressionError(seeHelp('A resource declared inside another resource cannot have a copy loop; declare it at the top level.', copyHelp));
      copy = readCopy(declaration, context, path);
    }
  } catch (error) {
    locate(error, `${path}.copy`, fail);
  }
  const indexes = copy ? Array.from({ length: copy.count }, (_, i) => i) : [undefined];
  for (const index of indexes) {
    const loopContext = copy && index !== undefined ? withLoop(context, { kind: 'resource', name: copy.name, index }) : context;
    const key = index === undefined ? keyBase : `${keyBase}[${index}]`;
    const instance = evaluateHeader(declaration, path, key, loopContext, target, parent, label);
    if (copy && index !== undefined) instance.copy = { name: copy.name, index, serial: copy.serial, batchSize: copy.batchSize };
    into.push(instance);
    if (Array.isArray(declaration.resources)) {
      declaration.resources.forEach((child, j) =>
        expandOne(child, `${path}.resources[${j}]`, `${key}.resources[${j}]`, loopContext, target, { instance }, into),
      );
    }
  }
}

function evaluateHeader(
  declaration: JsonObject,
  path: string,
  key: string,
  context: EvaluationContext,
  target: DeploymentTarget,
  parent: Parent | undefined,
  label: string,
): ResourceInstance {
  let type = '';
  let name = '';
  try {
    type = headerString(declaration.type, 'type', context, path);
    name = headerString(declaration.name, 'name', context, path);
    const apiVersion = headerString(declaration.apiVersion, 'apiVersion', context, path);
    const condition = declaration.condition === undefined ? true : evaluateJson(declaration.condition, context, `${path}.condition`);
    if (typeof condition !== 'boolean') {
      throw new ExpressionError(`The template resource condition must evaluate to a boolean; it is ${JSON.stringify(condition)}.`);
    }
    let fullType = type;
    let fullName = name;
    if (parent && !type.includes('/')) {
      // Declared inside its parent with a relative type: the name is relative too.
      if (typeSegments(type).length !== nameSegments(name).length) throw segmentError(name, type, path);
      fullType = `${parent.instance.type}/${type}`;
      fullName = `${parent.instance.name}/${name}`;
    } else if (!segmentsMatch(type, name)) {
      throw segmentError(name, type, path);
    }
    const deploysTo = readDeploymentTarget(declaration, context, path, target, fullType);
    const scopeTarget = deploysTo ?? target;
    return {
      key,
      path,
      declaration,
      loops: context.loops,
      parentKey: parent?.instance.key,
      type: fullType,
      apiVersion,
      name: fullName,
      id: buildResourceId(resourceGroupId(scopeTarget.subscriptionId, scopeTarget.resourceGroup), fullType, nameSegments(fullName)),
      condition,
      deploysTo,
    };
  } catch (error) {
    return locate(error, path, (inner, where) => resourceInvalid(name || label, inner, where));
  }
}

function segmentError(name: string, type: string, path: string) {
  return validationFailed(
    seeHelp(
      `The template resource '${name}' for type '${type}' ${at(path)} has incorrect segment lengths. A nested resource type must have identical number of segments as its resource name. A root resource type must have segment length one greater than its resource name.`,
      resourcesHelp,
    ),
    path,
  );
}

/** A nested deployment's own `resourceGroup` / `subscriptionId`; only deployments may have them. */
function readDeploymentTarget(declaration: JsonObject, context: EvaluationContext, path: string, target: DeploymentTarget, type: string): DeploymentTarget | undefined {
  const hasOwn = declaration.resourceGroup !== undefined || declaration.subscriptionId !== undefined;
  if (!isDeploymentType(type)) {
    if (hasOwn) throw new ExpressionError(seeHelp("Only nested deployments (Microsoft.Resources/deployments) may set 'resourceGroup' or 'subscriptionId'.", syntaxHelp));
    return undefined;
  }
  if (!hasOwn) return { ...target };
  if (declaration.resourceGroup === undefined) {
    throw new ExpressionError(seeHelp('The emulator deploys templates at resource-group scope only: a nested deployment with a subscriptionId must also name its resourceGroup.', syntaxHelp));
  }
  return {
    subscriptionId: declaration.subscriptionId === undefined ? target.subscriptionId : headerString(declaration.subscriptionId, 'subscriptionId', context, path),
    resourceGroup: headerString(declaration.resourceGroup, 'resourceGroup', context, path),
  };
}

/** Every instance of every resource, in template order (a parent before its children, copies by index). */
export function expandResources(resources: unknown[], context: EvaluationContext, target: DeploymentTarget, pathPrefix: string): ResourceInstance[] {
  const instances: ResourceInstance[] = [];
  resources.forEach((declaration, i) => expandOne(declaration, `${pathPrefix}resources[${i}]`, `resources[${i}]`, context, target, undefined, instances));
  return instances;
}
