import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import type { ParameterValues } from '../../../../emulator/templates/templateTypes';
import { fakeHost, rgId, scope, templateError } from './templateTestSupport';

const base = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0' };
const plan = (resources: unknown[], extra: Record<string, unknown> = {}, values: ParameterValues = {}) =>
  planDeployment({ ...base, ...extra, resources }, values, scope);
const nsg = (name: string, more: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2020-06-01', name, location: 'westeurope', properties: {}, ...more,
});
const { host } = fakeHost({});

describe('template resources', () => {
  it('plans each resource with its key, type, api-version, full name and id', () => {
    const [resource] = plan([nsg('web-nsg', { comments: 'why', tags: { a: "[resourceGroup().name]" } })]).resources;
    assert.deepEqual(
      { key: resource.key, copyName: resource.copyName, type: resource.type, apiVersion: resource.apiVersion, name: resource.name, id: resource.id, condition: resource.condition, dependsOn: resource.dependsOn },
      {
        key: 'resources[0]', copyName: undefined, type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2020-06-01', name: 'web-nsg',
        id: `${rgId}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`, condition: true, dependsOn: [],
      },
    );
    assert.deepEqual(resource.body(host), { location: 'westeurope', properties: {}, tags: { a: 'rg-app' } });
  });

  it('evaluates property names that are expressions, and keeps [[ escapes as literal text', () => {
    const [resource] = plan([nsg('n', { tags: { "[concat('env-', resourceGroup().name)]": 'yes', note: "[[not an expression]" } })]).resources;
    assert.deepEqual(resource.body(host).tags, { 'env-rg-app': 'yes', note: '[not an expression]' });
  });

  it('expands a copy loop into instances with copyIndex, named by the loop', () => {
    const resources = plan(
      [nsg("[concat('nsg-', parameters('names')[copyIndex()], '-', copyIndex(1))]", { copy: { name: 'nsgLoop', count: "[length(parameters('names'))]" } })],
      { parameters: { names: { type: 'array' } } },
      { names: { value: ['a', 'b', 'c'] } },
    ).resources;
    assert.deepEqual(resources.map((r) => [r.key, r.copyName, r.name]), [
      ['resources[0][0]', 'nsgLoop', 'nsg-a-1'],
      ['resources[0][1]', 'nsgLoop', 'nsg-b-2'],
      ['resources[0][2]', 'nsgLoop', 'nsg-c-3'],
    ]);
  });

  it('plans no instance for a copy count of 0 and refuses a negative count or one over 800', () => {
    assert.deepEqual(plan([nsg("[concat('n', copyIndex())]", { copy: { name: 'none', count: 0 } })]).resources, []);
    const error = templateError(() => plan([nsg("[concat('n', copyIndex())]", { copy: { name: 'bad', count: -1 } })]));
    assert.equal(error.target, 'resources[0].copy');
    assert.match(error.message, /The template resource '\[concat\('n', copyIndex\(\)\)\]' at path 'resources\[0\]\.copy' is not valid: The copy count of 'bad' must be a non-negative integer value and cannot exceed '800'; it is '-1'\./);
    assert.match(templateError(() => plan([nsg('x', { copy: { name: 'big', count: 801 } })])).message, /cannot exceed '800'; it is '801'/);
  });

  it('makes each member of a serial copy loop wait for the previous batch', () => {
    const resources = plan([nsg("[concat('n', copyIndex())]", { copy: { name: 'serial', count: 5, mode: 'Serial', batchSize: 2 } })]).resources;
    assert.deepEqual(resources.map((r) => r.dependsOn), [[], [], ['resources[0][0]', 'resources[0][1]'], ['resources[0][0]', 'resources[0][1]'], ['resources[0][2]', 'resources[0][3]']]);
    assert.match(templateError(() => plan([nsg('x', { copy: { name: 'c', count: 1, mode: 'Sometimes' } })])).message, /The copy mode of 'c' must be 'Parallel' or 'Serial'/);
  });

  it('turns a copy array inside properties into array properties, with copyIndex by loop name', () => {
    const vm = {
      type: 'Microsoft.Compute/virtualMachines', apiVersion: '2020-06-01', name: "[concat('vm', copyIndex())]", location: 'westeurope',
      copy: { name: 'vms', count: 2 },
      properties: {
        storageProfile: {
          copy: [{ name: 'dataDisks', count: "[add(copyIndex(), 1)]", input: { lun: "[copyIndex('dataDisks')]", name: "[concat('vm', copyIndex(), '-disk', copyIndex('dataDisks'))]", createOption: 'Empty' } }],
          osDisk: { createOption: 'FromImage' },
        },
      },
    };
    const [first, second] = plan([vm]).resources;
    assert.deepEqual(first.body(host).properties, {
      storageProfile: { dataDisks: [{ lun: 0, name: 'vm0-disk0', createOption: 'Empty' }], osDisk: { createOption: 'FromImage' } },
    });
    assert.deepEqual((second.body(host).properties as { storageProfile: { dataDisks: unknown[] } }).storageProfile.dataDisks.length, 2);
  });

  it('plans a resource whose condition is false with condition false, and refuses a condition that is not a boolean', () => {
    const resources = plan(
      [nsg('maybe', { condition: "[parameters('create')]" }), nsg('always', { condition: true })],
      { parameters: { create: { type: 'bool', defaultValue: false } } },
    ).resources;
    assert.deepEqual(resources.map((r) => [r.name, r.condition]), [['maybe', false], ['always', true]]);
    assert.match(templateError(() => plan([nsg('x', { condition: "[concat('yes')]" })])).message, /condition must evaluate to a boolean; it is "yes"/);
  });

  it('flattens child resources with the parent’s type and name, waiting for the parent', () => {
    const resources = plan([
      {
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2020-06-01', name: 'vnet', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
        resources: [
          { type: 'subnets', apiVersion: '2020-06-01', name: 'default', properties: { addressPrefix: '10.0.0.0/24' } },
          { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2020-06-01', name: 'vnet/second', properties: { addressPrefix: '10.0.1.0/24' } },
        ],
      },
    ]).resources;
    assert.deepEqual(resources.map((r) => [r.key, r.type, r.name, r.dependsOn]), [
      ['resources[0]', 'Microsoft.Network/virtualNetworks', 'vnet', []],
      ['resources[0].resources[0]', 'Microsoft.Network/virtualNetworks/subnets', 'vnet/default', ['resources[0]']],
      ['resources[0].resources[1]', 'Microsoft.Network/virtualNetworks/subnets', 'vnet/second', ['resources[0]']],
    ]);
    assert.equal(resources[1].id, `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`);
    assert.deepEqual(resources[0].body(host), { location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } } });
  });

  it('refuses a name whose segments do not match the type, with Azure’s sentence', () => {
    const error = templateError(() => plan([{ type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2020-06-01', name: 'default' }]));
    assert.equal(
      error.message,
      "Deployment template validation failed: 'The template resource 'default' for type 'Microsoft.Network/virtualNetworks/subnets' at path 'resources[0]' has incorrect segment lengths. A nested resource type must have identical number of segments as its resource name. A root resource type must have segment length one greater than its resource name. Please see https://aka.ms/arm-syntax-resources for usage details.'.",
    );
    assert.match(
      templateError(() => plan([{ ...nsg('parent'), resources: [{ type: 'securityRules', apiVersion: '2020-06-01', name: 'a/b' }] }])).message,
      /The template resource 'a\/b' for type 'securityRules' at path 'resources\[0\]\.resources\[0\]' has incorrect segment lengths/,
    );
  });

  it('refuses a resource without type, apiVersion or name, and extension resources', () => {
    assert.match(templateError(() => plan([{ type: 'Microsoft.Network/networkSecurityGroups', name: 'x' }])).message, /The template resource 'x' at path 'resources\[0\]' is not valid: the required property 'apiVersion' is missing\./);
    assert.match(templateError(() => plan([nsg('x', { scope: 'Microsoft.Compute/virtualMachines/vm' })])).message, /extension resources \('scope'\) are not supported by the emulator/);
    assert.match(templateError(() => plan([nsg('x', { resourceGroup: 'other' })])).message, /Only nested deployments \(Microsoft\.Resources\/deployments\) may set 'resourceGroup' or 'subscriptionId'/);
  });

  it('refuses the same resource twice, but not when one of them is not deployed', () => {
    assert.match(
      templateError(() => plan([nsg('twin'), nsg('TWIN')])).message,
      new RegExp(`The resource '${rgId}/providers/Microsoft.Network/networkSecurityGroups/TWIN' at path 'resources\\[1\\]' is defined multiple times in a template\\.`),
    );
    assert.equal(plan([nsg('twin', { condition: false }), nsg('twin')]).resources.length, 2);
  });

  it('evaluates a body only when asked, failing with Azure’s deploy-time sentence', () => {
    const { host: missingHost } = fakeHost({});
    const resources = plan([
      nsg('a'),
      nsg('b', { properties: { x: "[reference(resourceId('Microsoft.Network/networkSecurityGroups', 'a')).nothing]" } }),
    ]).resources;
    const error = templateError(() => resources[1].body(missingHost));
    assert.equal(error.code, 'ResourceNotFound');
    const reading = templateError(() => resources[1].body(fakeHost({ [resources[0].id.toLowerCase()]: { properties: { other: 1 } } }).host));
    assert.equal(reading.code, 'InvalidTemplate');
    assert.equal(reading.target, 'resources[1].properties.x');
    assert.equal(
      reading.message,
      `Unable to process template language expressions for resource '${resources[1].id}' at path 'resources[1].properties.x'. 'The language expression property 'nothing' doesn't exist, available properties are 'other'.'`,
    );
  });
});
