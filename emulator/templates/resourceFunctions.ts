/**
 * resourceId() and its siblings, and reference() (learn.microsoft.com "Resource functions for ARM
 * templates"). resourceId([subscriptionId], [resourceGroupName], type, name1, name2…): the first
 * argument with a '/' is the type; one argument before it is a resource group, two are a
 * subscription and a resource group. reference() may be used only in a resource's body and in
 * outputs; for a resource the template deploys, its api-version defaults to the declaration's.
 */
import type { DeclaredResource } from './evaluationContext';
import { expectString, expectStrings, type FunctionCall, type FunctionTable } from './functionRegistry';
import { buildResourceId, nameSegments, resourceGroupId, sameId, subscriptionId, typeSegments } from './resourceIds';
import { ExpressionError, functionError, notExpectedHere, seeHelp } from './templateErrors';

/** Splits `[prefix…], type, names…` at the type; checks name count against the type's segments. */
function typeAndNames(call: FunctionCall, args: string[], maxPrefix: number): { prefix: string[]; type: string; names: string[] } {
  const typeIndex = args.findIndex((arg) => arg.includes('/'));
  if (typeIndex < 0 || typeIndex > maxPrefix) {
    throw functionError(call.name, `a fully qualified resource type such as 'Microsoft.Network/virtualNetworks' is expected among the first ${maxPrefix + 1} argument(s).`);
  }
  const type = args[typeIndex];
  const names = args.slice(typeIndex + 1).flatMap(nameSegments);
  const expected = typeSegments(type).length - 1;
  if (names.length !== expected || names.some((name) => name === '')) {
    throw functionError(call.name, `the type '${type}' requires '${expected}' resource name argument(s).`);
  }
  return { prefix: args.slice(0, typeIndex), type, names };
}

function resourceId(args: unknown[], call: FunctionCall): string {
  const { prefix, type, names } = typeAndNames(call, expectStrings(call, args), 2);
  const { scope } = call.context.env;
  const subscription = prefix.length === 2 ? prefix[0] : scope.subscriptionId;
  const group = prefix.length >= 1 ? prefix[prefix.length - 1] : scope.resourceGroup.name;
  return buildResourceId(resourceGroupId(subscription, group), type, names);
}

function subscriptionResourceId(args: unknown[], call: FunctionCall): string {
  const { prefix, type, names } = typeAndNames(call, expectStrings(call, args), 1);
  return buildResourceId(subscriptionId(prefix[0] ?? call.context.env.scope.subscriptionId), type, names);
}

function tenantResourceId(args: unknown[], call: FunctionCall): string {
  const { type, names } = typeAndNames(call, expectStrings(call, args), 0);
  return buildResourceId('', type, names);
}

function extensionResourceId(args: unknown[], call: FunctionCall): string {
  const [scopeId, ...rest] = expectStrings(call, args);
  const { type, names } = typeAndNames(call, rest, 0);
  return buildResourceId(scopeId.replace(/\/$/, ''), type, names);
}

const referenceHelp = 'https://aka.ms/arm-function-reference';

/** The template's resource a reference('name') means. */
function declaredByName(call: FunctionCall, name: string): DeclaredResource {
  const matches = call.context.env.resources.filter((resource) => resource.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 0) {
    throw new ExpressionError(seeHelp(`The template reference '${name}' is not valid: could not find template resource or resource copy with this name.`, referenceHelp));
  }
  if (new Set(matches.map((m) => m.id.toLowerCase())).size > 1) {
    throw new ExpressionError(
      seeHelp(`The template reference '${name}' is ambiguous: resources of types '${matches.map((m) => m.type).join(', ')}' have this name. Use resourceId().`, referenceHelp),
    );
  }
  return matches[0];
}

function reference(args: unknown[], call: FunctionCall): unknown {
  const target = expectString(call, args, 0);
  const apiVersion = args.length > 1 ? expectString(call, args, 1) : undefined;
  const option = args.length > 2 ? expectString(call, args, 2) : undefined;
  if (option !== undefined && option.toLowerCase() !== 'full') {
    throw functionError(call.name, `the third argument must be 'Full'; it is '${option}'.`);
  }
  const declared = target.startsWith('/')
    ? call.context.env.resources.find((resource) => sameId(resource.id, target))
    : declaredByName(call, target);
  const id = declared?.id ?? target;
  const version = apiVersion ?? declared?.apiVersion;
  if (version === undefined) {
    throw functionError(call.name, `the api-version must be given for resource '${id}', which this template does not deploy.`);
  }
  const { host } = call.context;
  if (!host) throw notExpectedHere(call.name);
  call.context.onReference?.(id, !target.startsWith('/'));
  return host.reference(id, version, option !== undefined);
}

export const resourceFunctions: FunctionTable = {
  resourceId: { minArgs: 2, maxArgs: Infinity, evaluate: resourceId },
  subscriptionResourceId: { minArgs: 2, maxArgs: Infinity, evaluate: subscriptionResourceId },
  tenantResourceId: { minArgs: 2, maxArgs: Infinity, evaluate: tenantResourceId },
  extensionResourceId: { minArgs: 3, maxArgs: Infinity, evaluate: extensionResourceId },
  reference: { minArgs: 1, maxArgs: 3, places: ['resourceBody', 'output'], evaluate: reference },
};
