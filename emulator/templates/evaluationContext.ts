/**
 * What an expression can see while it is evaluated: the template's environment (scope,
 * parameters, variables, user functions, the resources it declares), where in the template it
 * stands (which decides the functions allowed), the copy loops around it, and — only while a
 * resource body or an output is evaluated — the host that answers reference().
 */
import type { DeploymentScope, TemplateHost } from './templateTypes';

/** Where an expression stands; Azure allows some functions only in some places. */
export type Place =
  | 'parameterDefault'
  | 'variable'
  /** name, type, apiVersion, condition, copy, dependsOn, resourceGroup, subscriptionId of a resource */
  | 'resourceHeader'
  | 'resourceBody'
  | 'output'
  | 'userFunction';

export interface LoopFrame {
  kind: 'resource' | 'property' | 'variable' | 'output';
  name: string;
  index: number;
}

export interface UserFunction {
  /** `namespace.member` as declared. */
  name: string;
  parameters: { name: string; type: string }[];
  output: { type: string; value: unknown };
}

/** A resource the template declares, as reference() and dependsOn look for it. */
export interface DeclaredResource {
  key: string;
  name: string;
  type: string;
  id: string;
  apiVersion: string;
  copyName?: string;
}

export interface TemplateEnvironment {
  scope: DeploymentScope;
  now: Date;
  /** The template's header and the parameters as supplied: what deployment() answers. */
  deployment: { template: Record<string, unknown>; suppliedParameters: Record<string, unknown> };
  /** parameters('name'): throws ExpressionError when there is none. */
  parameter(name: string): unknown;
  /** variables('name'): throws ExpressionError when there is none. */
  variable(name: string): unknown;
  userFunctions: Map<string, UserFunction>;
  /** Filled once the resources are expanded; reference('name') looks here. */
  resources: DeclaredResource[];
}

export interface EvaluationContext {
  env: TemplateEnvironment;
  place: Place;
  loops: LoopFrame[];
  host?: TemplateHost;
  /** Inside a user-defined function: its arguments, which parameters() answers instead. */
  functionArguments?: Map<string, unknown>;
  /** The plan's dry run listens to reference() calls: which resource, and whether named (not by id). */
  onReference?: (resourceId: string, byName: boolean) => void;
}

export function withLoop(context: EvaluationContext, frame: LoopFrame): EvaluationContext {
  return { ...context, loops: [...context.loops, frame] };
}

/**
 * Thrown by reference() during the plan's dry run of a resource body: the value is not known
 * before deployment. It aborts the one string being evaluated; no error is reported for it.
 */
export class DeferredValue {
  readonly deferred = true;
}
