import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeclaredResource } from '../../../../emulator/templates/evaluationContext';
import { supportedFunctionNames } from '../../../../emulator/templates/functionLibrary';
import { errorMessage, evaluate, fakeHost, help, rgId, subscriptionId } from './templateTestSupport';

const storageId = `${rgId}/providers/Microsoft.Storage/storageAccounts/store1`;
const declared: DeclaredResource[] = [
  { key: 'resources[0]', name: 'store1', type: 'Microsoft.Storage/storageAccounts', id: storageId, apiVersion: '2019-06-01' },
];

describe('template deployment and scope functions', () => {
  it('resourceGroup(), subscription(), tenant() describe the deployment scope', () => {
    assert.deepEqual(evaluate('[resourceGroup()]'), {
      id: rgId,
      name: 'rg-app',
      type: 'Microsoft.Resources/resourceGroups',
      location: 'westeurope',
      tags: { env: 'test' },
      properties: { provisioningState: 'Succeeded' },
    });
    assert.equal(evaluate('[resourceGroup().location]'), 'westeurope');
    assert.equal(evaluate('[subscription().subscriptionId]'), subscriptionId);
    assert.equal(evaluate('[subscription().id]'), `/subscriptions/${subscriptionId}`);
    assert.equal(evaluate('[tenant().tenantId]'), '72f988bf-86f1-41af-91ab-2d7cd011db47');
    assert.match(errorMessage(() => evaluate("[resourceGroup('other')]")), /function requires 0 argument\(s\) while 1 were provided/);
  });

  it('deployment() and environment()', () => {
    assert.equal(evaluate('[deployment().name]'), 'deploy-1');
    assert.equal(evaluate('[deployment().properties.template.contentVersion]'), '1.0.0.0');
    assert.equal(evaluate('[environment().suffixes.storage]'), 'core.windows.net');
    assert.match(errorMessage(() => evaluate("[deployment('x')]")), /function requires 0 argument\(s\)/);
  });

  it('parameters() and variables() read the template’s values; variables() is refused in parameter defaults', () => {
    assert.equal(evaluate("[parameters('p')]", { parameters: { p: 'v' } }), 'v');
    assert.equal(evaluate("[variables('x').a]", { variables: { x: { a: 1 } } }), 1);
    assert.equal(
      errorMessage(() => evaluate("[variables('x')]", { place: 'parameterDefault', variables: { x: 1 } })),
      `The template function 'variables' is not expected at this location. ${help}`,
    );
    assert.match(errorMessage(() => evaluate('[parameters(1)]', { parameters: {} })), /expects its first parameter to be of type 'String'/);
  });

  it('copyIndex counts the loop it is in, with an offset and by loop name', () => {
    const loops = [
      { kind: 'resource' as const, name: 'vms', index: 2 },
      { kind: 'property' as const, name: 'disks', index: 1 },
    ];
    assert.equal(evaluate('[copyIndex()]', { loops }), 2);
    assert.equal(evaluate('[copyIndex(1)]', { loops }), 3);
    assert.equal(evaluate("[copyIndex('disks')]", { loops }), 1);
    assert.equal(evaluate("[copyIndex('DISKS', 10)]", { loops }), 11);
    assert.equal(
      errorMessage(() => evaluate('[copyIndex()]')),
      `The template function 'copyIndex' is not expected at this location. The function can only be used in a resource with copy specified. Please see https://aka.ms/arm-copy for usage details. ${help}`,
    );
    assert.match(errorMessage(() => evaluate("[copyIndex('nics')]", { loops })), /the copy loop 'nics' was not found/);
  });
});

describe('template resource functions', () => {
  it('resourceId with type and names, in the deployment’s resource group', () => {
    assert.equal(evaluate("[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"), `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet`);
    assert.equal(
      evaluate("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]"),
      `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`,
    );
    assert.equal(
      evaluate("[resourceId('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', 'v', 'Azure', 'c;1', 'vm;1')]"),
      `${rgId}/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c;1/protectedItems/vm;1`,
    );
  });

  it('resourceId with a resource group, and with a subscription and a resource group', () => {
    assert.equal(
      evaluate("[resourceId('other-rg', 'Microsoft.Compute/virtualMachines', 'vm1')]"),
      `/subscriptions/${subscriptionId}/resourceGroups/other-rg/providers/Microsoft.Compute/virtualMachines/vm1`,
    );
    assert.equal(
      evaluate("[resourceId('sub2', 'rg2', 'Microsoft.Compute/virtualMachines', 'vm1')]"),
      '/subscriptions/sub2/resourceGroups/rg2/providers/Microsoft.Compute/virtualMachines/vm1',
    );
  });

  it('resourceId refuses a name count that does not match the type', () => {
    assert.equal(
      errorMessage(() => evaluate("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')]")),
      `Unable to evaluate template language function 'resourceId': the type 'Microsoft.Network/virtualNetworks/subnets' requires '2' resource name argument(s). ${help}`,
    );
    assert.match(errorMessage(() => evaluate("[resourceId('a', 'b', 'c', 'Microsoft.Compute/virtualMachines', 'vm')]")), /expected among the first 3 argument/);
    assert.match(errorMessage(() => evaluate("[resourceId('Microsoft.Compute/virtualMachines', 1)]")), /expects its second parameter to be of type 'String'/);
  });

  it('subscriptionResourceId, tenantResourceId and extensionResourceId', () => {
    assert.equal(
      evaluate("[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg1')]"),
      `/subscriptions/${subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg1`,
    );
    assert.equal(
      evaluate("[subscriptionResourceId('sub9', 'Microsoft.Authorization/roleDefinitions', 'r1')]"),
      '/subscriptions/sub9/providers/Microsoft.Authorization/roleDefinitions/r1',
    );
    assert.equal(evaluate("[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]"), '/providers/Microsoft.Management/managementGroups/mg');
    assert.equal(
      evaluate("[extensionResourceId(resourceId('Microsoft.Compute/virtualMachines', 'vm'), 'Microsoft.Authorization/locks', 'lock')]"),
      `${rgId}/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.Authorization/locks/lock`,
    );
    assert.match(errorMessage(() => evaluate("[subscriptionResourceId('a', 'b', 'Microsoft.X/y', 'n')]")), /expected among the first 2 argument/);
  });

  it('reference by name or id reads the host, with the declared api-version by default', () => {
    const { host, calls } = fakeHost({ [storageId.toLowerCase()]: { properties: { primaryEndpoints: { blob: 'https://store1.blob.core.windows.net/' } }, location: 'westeurope' } });
    assert.equal(evaluate("[reference('store1').primaryEndpoints.blob]", { host, resources: declared }), 'https://store1.blob.core.windows.net/');
    assert.equal(
      evaluate("[reference(resourceId('Microsoft.Storage/storageAccounts', 'store1')).primaryEndpoints.blob]", { host, resources: declared }),
      'https://store1.blob.core.windows.net/',
    );
    assert.equal(evaluate("[reference('store1', '2023-01-01', 'Full').location]", { host, resources: declared }), 'westeurope');
    assert.deepEqual(calls, [
      { id: storageId, apiVersion: '2019-06-01', full: false },
      { id: storageId, apiVersion: '2019-06-01', full: false },
      { id: storageId, apiVersion: '2023-01-01', full: true },
    ]);
  });

  it('reference refuses an unknown name, a missing api-version, a bad third argument and what the host refuses', () => {
    const { host } = fakeHost({});
    assert.equal(
      errorMessage(() => evaluate("[reference('nope')]", { host, resources: declared })),
      "The template reference 'nope' is not valid: could not find template resource or resource copy with this name. Please see https://aka.ms/arm-function-reference for usage details.",
    );
    assert.match(
      errorMessage(() => evaluate("[reference('/subscriptions/s/resourceGroups/r/providers/A.B/c/d')]", { host })),
      /the api-version must be given for resource '\/subscriptions\/s\/resourceGroups\/r\/providers\/A\.B\/c\/d', which this template does not deploy/,
    );
    assert.match(errorMessage(() => evaluate("[reference('store1', '2019-06-01', 'All')]", { host, resources: declared })), /the third argument must be 'Full'/);
    assert.equal(errorMessage(() => evaluate("[reference('store1')]", { host, resources: declared })), `The Resource '${storageId}' was not found.`);
  });

  it('reference is refused outside resource bodies and outputs', () => {
    for (const place of ['resourceHeader', 'variable', 'parameterDefault'] as const) {
      assert.equal(
        errorMessage(() => evaluate("[reference('store1')]", { place, resources: declared })),
        `The template function 'reference' is not expected at this location. ${help}`,
      );
    }
  });

  it('refuses any function it does not know, naming it', () => {
    assert.equal(errorMessage(() => evaluate("[frobnicate('a')]")), `The template function 'frobnicate' is not valid. ${help}`);
    assert.equal(
      errorMessage(() => evaluate("[listKeys('x', '2019-06-01')]")),
      `The template function 'listKeys' is not valid. (Azure has this function; the emulator does not implement it.) ${help}`,
    );
    assert.equal(errorMessage(() => evaluate("[concat('a', nope())]")), `The template function 'nope' is not valid. ${help}`);
  });

  it('matches function names ignoring case', () => {
    assert.equal(evaluate("[TOLOWER('A')]"), 'a');
    assert.equal(evaluate("[ResourceGroup().name]"), 'rg-app');
  });

  it('implements every function the issue names', () => {
    const named = [
      'concat', 'format', 'resourceId', 'subscriptionResourceId', 'resourceGroup', 'subscription', 'reference', 'uniqueString', 'guid',
      'toLower', 'toUpper', 'string', 'int', 'bool', 'if', 'equals', 'not', 'and', 'or', 'empty', 'length', 'contains', 'union',
      'createObject', 'createArray', 'split', 'replace', 'substring', 'first', 'last', 'copyIndex',
    ];
    assert.deepEqual(named.filter((name) => !supportedFunctionNames.includes(name)), []);
  });
});
