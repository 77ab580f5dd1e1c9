/** Shared scaffolding for the template language tests: a scope, a direct evaluator, error capture. */
import assert from 'node:assert/strict';
import type { DeclaredResource, LoopFrame, Place, TemplateEnvironment } from '../../../../emulator/templates/evaluationContext';
import { evaluateString } from '../../../../emulator/templates/expressionEvaluator';
import { ExpressionError } from '../../../../emulator/templates/templateErrors';
import { TemplateError, type DeploymentScope, type TemplateHost } from '../../../../emulator/templates/templateTypes';

export const subscriptionId = '00000000-0000-0000-0000-000000000001';

export const scope: DeploymentScope = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  subscriptionId,
  subscriptionDisplayName: 'Emulated subscription',
  resourceGroup: { id: `/subscriptions/${subscriptionId}/resourceGroups/rg-app`, name: 'rg-app', location: 'westeurope', tags: { env: 'test' } },
  deploymentName: 'deploy-1',
  now: new Date(Date.UTC(2026, 2, 14, 9, 5, 7, 123)),
};

export const rgId = `/subscriptions/${subscriptionId}/resourceGroups/rg-app`;

export interface EvaluateOptions {
  place?: Place;
  parameters?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  loops?: LoopFrame[];
  host?: TemplateHost;
  resources?: DeclaredResource[];
}

/** Evaluates one template string (e.g. "[toLower('A')]") as an output would, without a template around it. */
export function evaluate(text: string, options: EvaluateOptions = {}): unknown {
  const lookup = (kind: string, table: Record<string, unknown> | undefined) => (name: string) => {
    if (!table || !(name in table)) throw new ExpressionError(`The template ${kind} '${name}' is not found.`);
    return table[name];
  };
  const env: TemplateEnvironment = {
    scope,
    now: scope.now!,
    deployment: { template: { contentVersion: '1.0.0.0' }, suppliedParameters: {} },
    parameter: lookup('parameter', options.parameters),
    variable: lookup('variable', options.variables),
    userFunctions: new Map(),
    resources: options.resources ?? [],
  };
  return evaluateString(text, { env, place: options.place ?? 'output', loops: options.loops ?? [], host: options.host }, 'test');
}

/** The message of the error `run` throws (an ExpressionError or a TemplateError). */
export function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError || error instanceof TemplateError) return error.message;
    throw error;
  }
  assert.fail('expected an error');
}

/** The TemplateError `run` throws. */
export function templateError(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  assert.fail('expected a TemplateError');
}

/** A host answering reference() from a table keyed by lower-cased id; records each call. */
export function fakeHost(resources: Record<string, { properties: Record<string, unknown>; [key: string]: unknown }>) {
  const calls: { id: string; apiVersion: string | undefined; full: boolean }[] = [];
  const host: TemplateHost = {
    reference(id, apiVersion, full) {
      calls.push({ id, apiVersion, full });
      const resource = resources[id.toLowerCase()];
      if (!resource) throw new TemplateError('ResourceNotFound', `The Resource '${id}' was not found.`);
      return full ? resource : resource.properties;
    },
  };
  return { host, calls };
}

export const help = 'Please see https://aka.ms/arm-template-expressions for usage details.';

/** Azure's InvalidTemplate message for an argument of the wrong type. */
export const typeMessage = (fn: string, which: string, expected: string, actual: string) =>
  `The template language function '${fn}' expects its ${which} parameter to be of type '${expected}'. The provided value is of type '${actual}'. ${help}`;

/** The value at a dotted path (`properties.osProfile.adminPassword`, `a.0.b`) of a JSON value. */
export function pick(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}
