/**
 * A resource instance's request body: every member of its declaration but the template-only ones
 * (type, name, apiVersion, dependsOn, copy, condition, comments, child resources, resourceGroup,
 * subscriptionId), evaluated in its copy loop. Property copy loops and reference() work inside
 * `properties` only (Azure refuses reference() in location, tags and other top-level members). A
 * nested deployment's `properties.template` is left as written: its expressions belong to the
 * nested template, not to this one.
 *
 * The plan evaluates every body once in a dry run, before deployment: reference() then records
 * what it would read by name (an implicit dependency) and defers, and any other error fails
 * validation, as Azure's validation does.
 */
import { DeferredValue, type EvaluationContext, type TemplateEnvironment } from './evaluationContext';
import { evaluateJson, type JsonEvaluationOptions } from './expressionEvaluator';
import { isDeploymentType } from './nestedTemplateOptions';
import type { ResourceInstance } from './resourceExpansion';
import { locate, resourceExpressionsFailed, resourceInvalid } from './templateErrors';
import type { TemplateError, TemplateHost } from './templateTypes';
import { isObject } from './templateValues';

const templateOnlyMembers = new Set([
  'type', 'name', 'apiversion', 'dependson', 'copy', 'condition', 'comments', 'resources', 'resourcegroup', 'subscriptionid',
]);

function evaluateMembers(instance: ResourceInstance, context: EvaluationContext, options: JsonEvaluationOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [member, value] of Object.entries(instance.declaration)) {
    if (templateOnlyMembers.has(member.toLowerCase())) continue;
    const path = `${instance.path}.${member}`;
    if (member !== 'properties') {
      // location, tags, sku, zones…: no reference() there (the static check refused it).
      body[member] = evaluateJson(value, { ...context, place: 'resourceHeader' }, path, options);
    } else if (isDeploymentType(instance.type) && isObject(value)) {
      const { template, ...rest } = value;
      const evaluated = evaluateJson(rest, context, path, { ...options, propertyCopy: true }) as Record<string, unknown>;
      body.properties = template === undefined ? evaluated : { ...evaluated, template: structuredClone(template) };
    } else {
      body[member] = evaluateJson(value, context, path, { ...options, propertyCopy: true });
    }
  }
  return body;
}

/** The body at deployment time; reference() asks `host`. Throws TemplateError. */
export function evaluateBody(instance: ResourceInstance, env: TemplateEnvironment, host: TemplateHost): Record<string, unknown> {
  const context: EvaluationContext = { env, place: 'resourceBody', loops: instance.loops, host };
  try {
    return evaluateMembers(instance, context, {});
  } catch (error) {
    return locate(error, instance.path, (inner, path): TemplateError => resourceExpressionsFailed(instance.id, inner, path));
  }
}

export interface DryRun {
  body: Record<string, unknown>;
  /** Some value waited on reference(): the body is not complete. */
  deferred: boolean;
  /**
   * The ids of the resources its reference() calls named by name. Azure's docs ("Define the order
   * for deploying resources"): "To enforce an implicit dependency, refer to the resource by name,
   * not resource ID. If you pass the resource ID into the reference or list functions, an implicit
   * reference isn't created."
   */
  references: string[];
}

/** Evaluates the body with a host that only records reference() targets; fails validation on any other error. */
export function dryRunBody(instance: ResourceInstance, env: TemplateEnvironment): DryRun {
  const references: string[] = [];
  const host: TemplateHost = {
    reference() {
      throw new DeferredValue();
    },
  };
  const dryRun = { deferred: false };
  const onReference = (resourceId: string, byName: boolean) => {
    if (byName) references.push(resourceId);
  };
  const context: EvaluationContext = { env, place: 'resourceBody', loops: instance.loops, host, onReference };
  try {
    const body = evaluateMembers(instance, context, { dryRun });
    return { body, deferred: dryRun.deferred, references };
  } catch (error) {
    return locate(error, instance.path, (inner, path) => resourceInvalid(instance.name, inner, path));
  }
}
