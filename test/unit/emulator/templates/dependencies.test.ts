import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { rgId, scope, templateError } from './templateTestSupport';

const base = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0' };
const plan = (resources: unknown[]) => planDeployment({ ...base, resources }, {}, scope);
const resource = (type: string, name: string, more: Record<string, unknown> = {}) => ({ type, apiVersion: '2020-06-01', name, location: 'westeurope', properties: {}, ...more });
const nsg = (name: string, more: Record<string, unknown> = {}) => resource('Microsoft.Network/networkSecurityGroups', name, more);
const waits = (resources: { name: string; dependsOn: string[] }[]) => Object.fromEntries(resources.map((r) => [r.name, r.dependsOn]));

describe('template dependencies', () => {
  it('resolves dependsOn by name, by type/name and by resource id', () => {
    const resources = plan([
      nsg('a'),
      nsg('b'),
      nsg('c'),
      nsg('d', { dependsOn: ['a', 'Microsoft.Network/networkSecurityGroups/b', "[resourceId('Microsoft.Network/networkSecurityGroups', 'c')]"] }),
    ]).resources;
    assert.deepEqual(resources[3].dependsOn, ['resources[0]', 'resources[1]', 'resources[2]']);
  });

  it('resolves dependsOn on a copy loop’s name to all of its members, and on one member by its name', () => {
    const resources = plan([
      nsg("[concat('n', copyIndex())]", { copy: { name: 'nsgs', count: 3 } }),
      nsg('after-all', { dependsOn: ['nsgs'] }),
      nsg('after-one', { dependsOn: ['n1'] }),
      nsg('empty-loop-member', { copy: { name: 'none', count: 0 } }),
      nsg('after-empty', { dependsOn: ['none'] }),
    ]).resources;
    assert.deepEqual(waits(resources), {
      n0: [], n1: [], n2: [],
      'after-all': ['resources[0][0]', 'resources[0][1]', 'resources[0][2]'],
      'after-one': ['resources[0][1]'],
      'after-empty': [],
    });
  });

  it('evaluates dependsOn per copy member', () => {
    const resources = plan([
      nsg("[concat('a', copyIndex())]", { copy: { name: 'as', count: 2 } }),
      nsg("[concat('b', copyIndex())]", { copy: { name: 'bs', count: 2 }, dependsOn: ["[concat('a', copyIndex())]"] }),
    ]).resources;
    assert.deepEqual(waits(resources), { a0: [], a1: [], b0: ['resources[0][0]'], b1: ['resources[0][1]'] });
  });

  it('refuses a dependency on a resource the template does not declare', () => {
    const error = templateError(() => plan([nsg('a', { dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'elsewhere')]"] })]));
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(error.target, 'resources[0].dependsOn[0]');
    assert.equal(
      error.message,
      `Deployment template validation failed: 'The resource '${rgId}/providers/Microsoft.Network/virtualNetworks/elsewhere' is not defined in the template. Please see https://aka.ms/arm-syntax for usage details.'.`,
    );
  });

  it('keeps a dependency on a resource whose condition is false (the engine treats it as met)', () => {
    const resources = plan([nsg('skipped', { condition: false }), nsg('b', { dependsOn: ['skipped'] })]).resources;
    assert.deepEqual(resources[1].dependsOn, ['resources[0]']);
  });

  it('adds an implicit dependency for each resource the body reads with reference() by name, not by id (as Azure)', () => {
    const storage = resource('Microsoft.Storage/storageAccounts', 'store1', { kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    const ip = resource('Microsoft.Network/publicIPAddresses', 'ip1');
    const vm = resource('Microsoft.Compute/virtualMachines', 'vm1', {
      properties: {
        diagnosticsProfile: { bootDiagnostics: { storageUri: "[reference(resourceId('Microsoft.Storage/storageAccounts', 'store1')).primaryEndpoints.blob]" } },
        note: "[if(true(), reference('ip1').ipAddress, 'none')]",
      },
    });
    const resources = plan([storage, ip, vm]).resources;
    assert.deepEqual(resources[2].dependsOn, ['resources[1]']);
  });

  it('adds implicit dependencies per copy member, and none for a resource that is not deployed', () => {
    const resources = plan([
      nsg("[concat('n', copyIndex())]", { copy: { name: 'nsgs', count: 2 } }),
      nsg("[concat('reader', copyIndex())]", { copy: { name: 'readers', count: 2 }, properties: { x: "[reference(concat('n', copyIndex())).provisioningState]" } }),
      nsg('off', { condition: false, properties: { x: "[reference('n0').y]" } }),
    ]).resources;
    assert.deepEqual(waits(resources), { n0: [], n1: [], reader0: ['resources[0][0]'], reader1: ['resources[0][1]'], off: [] });
  });

  it('refuses a dependency cycle, naming a resource on it', () => {
    const error = templateError(() => plan([nsg('a', { dependsOn: ['c'] }), nsg('b', { dependsOn: ['a'] }), nsg('c', { dependsOn: ['b'] })]));
    const id = (name: string) => `${rgId}/providers/Microsoft.Network/networkSecurityGroups/${name}`;
    assert.equal(
      error.message,
      `Deployment template validation failed: 'Circular dependency detected on resource: '${id('a')}' at path 'resources[0]' ('${id('a')}' -> '${id('c')}' -> '${id('b')}' -> '${id('a')}'). Please see https://aka.ms/arm-template/#resources for usage details.'.`,
    );
    assert.match(
      templateError(() => plan([nsg('a', { properties: { x: "[reference('b').y]" } }), nsg('b', { dependsOn: ['a'] })])).message,
      /Circular dependency detected on resource/,
    );
  });

  it('refuses dependsOn that is not an array of strings', () => {
    assert.match(templateError(() => plan([nsg('a', { dependsOn: 'b' })])).message, /the 'dependsOn' property must be an array/);
    assert.match(templateError(() => plan([nsg('a', { dependsOn: [1] })])).message, /a dependsOn entry must be a non-empty string; it is 1/);
  });
});
