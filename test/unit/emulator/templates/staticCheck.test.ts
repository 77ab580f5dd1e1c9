import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { fakeHost, help, scope, templateError } from './templateTestSupport';

const base = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0' };
const nsg = (name: string, more: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2020-06-01', name, location: 'westeurope', properties: {}, ...more,
});
const plan = (template: Record<string, unknown>) => planDeployment({ ...base, resources: [], ...template }, {}, scope);

describe('template validation of every expression before anything runs', () => {
  it('refuses an unknown function in a resource, naming the function, the resource and the path', () => {
    const error = templateError(() => plan({ resources: [nsg('web', { properties: { securityRules: [{ name: "[frobnicate('x')]" }] } })] }));
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(error.target, 'resources[0].properties.securityRules[0].name');
    assert.equal(
      error.message,
      `Deployment template validation failed: 'The template resource 'web' at path 'resources[0].properties.securityRules[0].name' is not valid: The template function 'frobnicate' is not valid. ${help}. ${help}'.`,
    );
  });

  it('refuses an unknown function even in an if() branch never taken and in outputs', () => {
    assert.match(templateError(() => plan({ variables: { v: "[if(true(), 'a', nope())]" } })).message, /The template variable 'v' at path 'variables\.v' is not valid: The template function 'nope' is not valid\./);
    assert.match(templateError(() => plan({ outputs: { o: { type: 'string', value: "[nope()]" } } })).message, /The template output 'o' at path 'outputs\.o\.value' is not valid: The template function 'nope' is not valid\./);
    assert.match(
      templateError(() => plan({ parameters: { p: { type: 'string', defaultValue: "[nope()]" } } })).message,
      /The template parameter 'p' at path 'parameters\.p\.defaultValue' is not valid: The template function 'nope' is not valid\./,
    );
  });

  it('refuses a wrong number of arguments before evaluating anything', () => {
    assert.match(
      templateError(() => plan({ resources: [nsg('web', { condition: false, properties: { x: "[substring('a')]" } })] })).message,
      /The template resource 'web' at path 'resources\[0\]\.properties\.x' is not valid: Unable to evaluate template language function 'substring': function requires 2 to 3 argument\(s\) while 1 were provided\./,
    );
  });

  it('refuses reference() in names, types, api-versions, conditions, copy counts, dependsOn and resource groups', () => {
    const reference = "[reference('other').value]";
    const cases: [Record<string, unknown>, string][] = [
      [nsg(reference), 'resources[0].name'],
      [{ ...nsg('a'), type: reference }, 'resources[0].type'],
      [{ ...nsg('a'), apiVersion: reference }, 'resources[0].apiVersion'],
      [nsg('a', { condition: "[equals(reference('other').x, 1)]" }), 'resources[0].condition'],
      [nsg('a', { copy: { name: 'c', count: "[length(reference('other').list)]" } }), 'resources[0].copy.count'],
      [nsg('a', { dependsOn: [reference] }), 'resources[0].dependsOn[0]'],
    ];
    for (const [resource, path] of cases) {
      const error = templateError(() => plan({ resources: [resource, nsg('other')] }));
      assert.equal(error.target, path);
      assert.match(error.message, /The template function 'reference' is not expected at this location\./, path);
    }
  });

  it('refuses reference() in location, tags and the other top-level members of a resource', () => {
    for (const member of ['location', 'tags', 'sku', 'zones']) {
      const error = templateError(() => plan({ resources: [nsg('other'), nsg('a', { [member]: "[reference('other').x]" })] }));
      assert.equal(error.target, `resources[1].${member}`);
      assert.match(error.message, /The template resource 'a' at path 'resources\[1\]\.\w+' is not valid: The template function 'reference' is not expected at this location\./);
    }
  });

  it('allows reference() in a resource’s properties and in outputs', () => {
    const resources = plan({
      resources: [nsg('other'), nsg('a', { properties: { state: "[reference('other').provisioningState]" } })],
      outputs: { state: { type: 'string', value: "[reference('other').provisioningState]" } },
    }).resources;
    assert.deepEqual(resources[1].dependsOn, ['resources[0]']);
  });

  it('refuses copyIndex() where there is no copy loop', () => {
    const error = templateError(() => plan({ resources: [nsg('a', { properties: { x: '[copyIndex()]' } })] }));
    assert.equal(error.target, 'resources[0].properties.x');
    assert.match(error.message, /The template function 'copyIndex' is not expected at this location\. The function can only be used in a resource with copy specified\./);
  });

  it('runs user-defined functions with only their own parameters', () => {
    const functions = [{
      namespace: 'naming',
      members: {
        prefixed: { parameters: [{ name: 'name', type: 'string' }], output: { type: 'string', value: "[concat('app-', toLower(parameters('name')))]" } },
      },
    }];
    const { host } = fakeHost({});
    const outputs = plan({ functions, outputs: { o: { type: 'string', value: "[naming.prefixed('WEB')]" } } }).outputs(host);
    assert.equal(outputs.o.value, 'app-web');
    assert.match(templateError(() => plan({ functions, variables: { v: "[naming.other('x')]" } })).message, /The template function 'naming\.other' is not valid\./);
    assert.match(
      templateError(() => plan({ functions, outputs: { o: { type: 'string', value: '[naming.prefixed(1)]' } } }).outputs(host)).details[0].message,
      /The template language function 'naming\.prefixed' expects its parameter 'name' to be of type 'string'\. The provided value is of type 'Integer'\./,
    );
    const usesVariables = [{ namespace: 'n', members: { f: { parameters: [], output: { type: 'string', value: "[variables('v')]" } } } }];
    assert.match(
      templateError(() => plan({ functions: usesVariables, variables: { v: 'x' } })).message,
      /The user-defined function 'n\.f' at path 'functions\.n\.f\.output\.value' is not valid: The template function 'variables' is not expected at this location\./,
    );
  });
});
