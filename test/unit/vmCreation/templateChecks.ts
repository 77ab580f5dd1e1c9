// Assertions over a generated template shared by the template tests: its resources by type, and
// the soundness of every expression in it (allowed functions only, declared names only).
import assert from 'node:assert/strict';
import { allowedTemplateFunctions } from '../../../src/vmCreation/templateParts';
import type { VmDeployment } from '../../../src/vmCreation/vmTemplate';
import { balanced, expressionsOf, functionsIn, referencesIn } from './templateWalk';

export type Json = Record<string, unknown>;

export const resourcesOf = (template: Json) => template.resources as Json[];
export const summary = (template: Json) => resourcesOf(template).map((resource) => `${String(resource.type)} ${String(resource.name)}`);
export const byType = (template: Json, type: string) => resourcesOf(template).filter((resource) => resource.type === type);
export const one = (template: Json, type: string) => {
  const found = byType(template, type);
  assert.equal(found.length, 1, type);
  return found[0];
};
export const nested = (deployment: Json) => (deployment.properties as Json).template as Json;

/** Every expression calls only allowed functions, balances, and reads only parameters and variables its template declares. */
export function assertExpressionsSound(deployment: VmDeployment): void {
  const expressions = expressionsOf(deployment.template);
  assert.ok(expressions.length > 20, 'the walk finds the expressions');
  for (const { path, expression, scope } of expressions) {
    for (const fn of functionsIn(expression)) assert.ok(allowedTemplateFunctions.includes(fn), `${path}: ${fn}() is not allowed in ${expression}`);
    assert.ok(balanced(expression), `${path}: unbalanced ${expression}`);
    const { parameters, variables } = referencesIn(expression);
    for (const name of parameters) assert.ok(name in (scope.parameters as Json), `${path}: undeclared parameter ${name}`);
    for (const name of variables) assert.ok(name in ((scope.variables as Json | undefined) ?? {}), `${path}: undeclared variable ${name}`);
  }
  // Every parameter declared is given a value, and every value is declared.
  assert.deepEqual(Object.keys(deployment.parameters), Object.keys(deployment.template.parameters as Json));
}

export function assertCommonShape(deployment: VmDeployment): void {
  assert.equal(deployment.template.$schema, 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
  assert.equal(deployment.template.contentVersion, '1.0.0.0');
  assert.equal(deployment.resourceCount, resourcesOf(deployment.template).length);
  assertExpressionsSound(deployment);
}
