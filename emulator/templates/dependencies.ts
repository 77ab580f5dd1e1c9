/**
 * What each resource instance waits for: its explicit dependsOn (a resource name, `type/name`, a
 * resource id, or a copy loop's name meaning all of its members), its parent when declared inside
 * one, the previous batch of a serial copy loop, and the resources its body reads with
 * reference('name') (found by the plan's dry run; by id, Azure creates no implicit dependency). A dependency on something the template does not declare, and a
 * cycle, fail validation with Azure's sentences.
 */
import type { EvaluationContext } from './evaluationContext';
import { evaluateJson } from './expressionEvaluator';
import type { ResourceInstance } from './resourceExpansion';
import { sameId } from './resourceIds';
import { at, locate, resourceInvalid, seeHelp, validationFailed } from './templateErrors';

const resourcesHelp = 'https://aka.ms/arm-template/#resources';

/** The instances a dependsOn entry (or a reference target) names. */
export function matchInstances(instances: ResourceInstance[], entry: string): ResourceInstance[] {
  const lower = entry.toLowerCase();
  const loop = instances.filter((instance) => instance.copy?.name.toLowerCase() === lower);
  if (loop.length > 0) return loop;
  if (entry.startsWith('/')) return instances.filter((instance) => sameId(instance.id, entry));
  return instances.filter(
    (instance) => instance.name.toLowerCase() === lower || `${instance.type}/${instance.name}`.toLowerCase() === lower,
  );
}

/**
 * `declaredLoopNames`: the template's copy loop names, lower-cased — a loop with no members is
 * still declared, and a dependsOn on it is satisfied at once.
 */
export function explicitDependencies(
  instances: ResourceInstance[],
  contextFor: (instance: ResourceInstance) => EvaluationContext,
  declaredLoopNames: Set<string>,
): Map<string, Set<string>> {
  const dependencies = new Map<string, Set<string>>();
  for (const instance of instances) {
    const waits = new Set<string>();
    dependencies.set(instance.key, waits);
    if (instance.parentKey) waits.add(instance.parentKey);
    if (instance.copy?.serial) {
      const { name, index, batchSize } = instance.copy;
      const batch = Math.floor(index / batchSize);
      for (const other of instances) {
        if (other.copy?.name === name && other.path === instance.path && Math.floor(other.copy.index / batchSize) === batch - 1) waits.add(other.key);
      }
    }
    const dependsOn = instance.declaration.dependsOn;
    if (dependsOn === undefined) continue;
    const path = `${instance.path}.dependsOn`;
    const fail = (inner: string, where: string) => resourceInvalid(instance.name, inner, where);
    if (!Array.isArray(dependsOn)) throw fail("the 'dependsOn' property must be an array of resource names or ids", path);
    dependsOn.forEach((raw, i) => {
      const where = `${path}[${i}]`;
      let entry: unknown;
      try {
        entry = evaluateJson(raw, contextFor(instance), where);
      } catch (error) {
        locate(error, where, fail);
      }
      if (typeof entry !== 'string' || entry === '') throw fail(`a dependsOn entry must be a non-empty string; it is ${JSON.stringify(entry)}`, where);
      const matches = matchInstances(instances, entry);
      if (matches.length === 0 && !declaredLoopNames.has(entry.toLowerCase())) {
        throw validationFailed(seeHelp(`The resource '${entry}' is not defined in the template.`, 'https://aka.ms/arm-syntax'), where);
      }
      for (const match of matches) if (match.key !== instance.key) waits.add(match.key);
    });
  }
  return dependencies;
}

/** Throws InvalidTemplate naming a resource on a dependency cycle. */
export function checkCycles(instances: ResourceInstance[], dependencies: Map<string, Set<string>>): void {
  const byKey = new Map(instances.map((instance) => [instance.key, instance]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(key)), key].map((k) => byKey.get(k)!.id);
      const resource = byKey.get(key)!;
      throw validationFailed(
        seeHelp(`Circular dependency detected on resource: '${resource.id}' ${at(resource.path)} (${cycle.map((id) => `'${id}'`).join(' -> ')}).`, resourcesHelp),
        resource.path,
      );
    }
    state.set(key, 'visiting');
    for (const next of dependencies.get(key) ?? []) visit(next, [...trail, key]);
    state.set(key, 'done');
  };
  for (const instance of instances) visit(instance.key, []);
}
