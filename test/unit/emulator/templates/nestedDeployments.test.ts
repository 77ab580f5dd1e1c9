import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { TemplateError, type TemplateHost } from '../../../../emulator/templates/templateTypes';
import { fakeHost, rgId, scope, subscriptionId, templateError } from './templateTestSupport';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const nsg = (name: string, more: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2020-06-01', name, location: 'westeurope', properties: {}, ...more,
});
const nested = (name: string, properties: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', ...properties }, ...more,
});
const plan = (template: Record<string, unknown>, parameters = {}) =>
  planDeployment({ $schema: schema, contentVersion: '1.0.0.0', resources: [], ...template }, parameters, scope);
const { host } = fakeHost({});

describe('nested deployments', () => {
  it('with the default outer scope, uses the parent’s parameters and variables', () => {
    const resources = plan({
      parameters: { prefix: { type: 'string', defaultValue: 'app' } },
      variables: { nsgName: "[concat(parameters('prefix'), '-nsg')]" },
      resources: [nested('inner-deploy', { template: { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg("[variables('nsgName')]")] } })],
    }).resources;
    const [deployment] = resources;
    assert.equal(deployment.type, 'Microsoft.Resources/deployments');
    assert.equal(deployment.id, `${rgId}/providers/Microsoft.Resources/deployments/inner-deploy`);
    const child = deployment.nested!(host);
    assert.deepEqual({ name: child.name, resourceGroup: child.resourceGroup, subscriptionId: child.subscriptionId, mode: child.mode }, {
      name: 'inner-deploy', resourceGroup: 'rg-app', subscriptionId, mode: 'Incremental',
    });
    assert.deepEqual(child.plan.resources.map((r) => [r.name, r.id]), [['app-nsg', `${rgId}/providers/Microsoft.Network/networkSecurityGroups/app-nsg`]]);
    assert.deepEqual(child.plan.parameters, {});
  });

  it('leaves the nested template unevaluated in the deployment’s body', () => {
    const template = { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg("[variables('x')]")] };
    const [deployment] = plan({ variables: { x: 'n' }, resources: [nested('d', { template })] }).resources;
    assert.deepEqual(deployment.body(host), { properties: { mode: 'Incremental', template } });
  });

  it('with inner scope, gets its own parameters from the parent, evaluated in the parent', () => {
    const storageId = `${rgId}/providers/Microsoft.Storage/storageAccounts/store1`;
    const inner = {
      $schema: schema,
      contentVersion: '1.0.0.0',
      parameters: { blob: { type: 'string' }, count: { type: 'int', defaultValue: 1 } },
      variables: { name: "[concat('nsg-', resourceGroup().name)]" },
      resources: [nsg("[variables('name')]", { tags: { blob: "[parameters('blob')]" } })],
      outputs: { echo: { type: 'string', value: "[parameters('blob')]" } },
    };
    const resources = plan({
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2019-06-01', name: 'store1', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' } },
        nested('d', {
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: { blob: { value: "[reference('store1').primaryEndpoints.blob]" } },
          template: inner,
        }),
      ],
    }).resources;
    assert.deepEqual(resources[1].dependsOn, ['resources[0]']);
    const { host: storageHost } = fakeHost({ [storageId.toLowerCase()]: { properties: { primaryEndpoints: { blob: 'https://store1.blob.core.windows.net/' } } } });
    const child = resources[1].nested!(storageHost);
    assert.deepEqual(child.plan.parameters, {
      blob: { type: 'string', azureType: 'String', value: 'https://store1.blob.core.windows.net/' },
      count: { type: 'int', azureType: 'Int', value: 1 },
    });
    assert.equal(child.plan.resources[0].name, 'nsg-rg-app');
    assert.deepEqual(child.plan.resources[0].body(storageHost).tags, { blob: 'https://store1.blob.core.windows.net/' });
    assert.deepEqual(child.plan.outputs(storageHost), { echo: { type: 'String', value: 'https://store1.blob.core.windows.net/', secure: false } });
  });

  it('deploys to its own resource group, where inner resourceGroup() answers the host’s group', () => {
    const otherGroup = { id: `/subscriptions/${subscriptionId}/resourceGroups/rg-vault`, name: 'rg-vault', location: 'northeurope' };
    const groupHost: TemplateHost = { reference: host.reference, resourceGroup: (sub, name) => (name === 'rg-vault' && sub === subscriptionId ? otherGroup : undefined) };
    const [deployment] = plan({
      resources: [
        nested('vault-deploy', {
          expressionEvaluationOptions: { scope: 'inner' },
          template: { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg('n', { location: '[resourceGroup().location]' })] },
        }, { resourceGroup: 'rg-vault' }),
      ],
    }).resources;
    assert.equal(deployment.id, `/subscriptions/${subscriptionId}/resourceGroups/rg-vault/providers/Microsoft.Resources/deployments/vault-deploy`);
    const child = deployment.nested!(groupHost);
    assert.equal(child.resourceGroup, 'rg-vault');
    assert.equal(child.plan.resources[0].id, `/subscriptions/${subscriptionId}/resourceGroups/rg-vault/providers/Microsoft.Network/networkSecurityGroups/n`);
    assert.equal(child.plan.resources[0].body(groupHost).location, 'northeurope');
  });

  it('with outer scope, resources deploy to the nested group while resourceGroup() stays the parent’s', () => {
    const [deployment] = plan({
      resources: [nested('d', { template: { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg('n', { tags: { rg: '[resourceGroup().name]' } })] } }, { resourceGroup: 'rg-other' })],
    }).resources;
    const child = deployment.nested!(host);
    assert.equal(child.plan.resources[0].id, `/subscriptions/${subscriptionId}/resourceGroups/rg-other/providers/Microsoft.Network/networkSecurityGroups/n`);
    assert.deepEqual(child.plan.resources[0].body(host).tags, { rg: 'rg-app' });
  });

  it('makes the nested deployment wait for parent resources its outer-scope template reads', () => {
    const resources = plan({
      resources: [
        nsg('source'),
        nested('d', { template: { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg('n', { properties: { s: "[reference('source').provisioningState]" } })] } }),
      ],
    }).resources;
    assert.deepEqual(resources[1].dependsOn, ['resources[0]']);
  });

  it('refuses a templateLink, an outer scope with its own parameters, and a bad scope', () => {
    const link = templateError(() => plan({ resources: [nested('linked', { templateLink: { uri: 'https://example.com/t.json' } })] }));
    assert.equal(link.code, 'InvalidContentLink');
    assert.match(link.message, /^Unable to download deployment content from 'https:\/\/example\.com\/t\.json': the emulator has no network access\./);
    const outer = templateError(() =>
      plan({ resources: [nested('d', { template: { $schema: schema, contentVersion: '1.0.0.0', parameters: { p: { type: 'string' } }, resources: [] } })] }),
    );
    assert.match(outer.message, /its template declares parameters, but its expressionEvaluationOptions scope is 'outer'/);
    assert.match(
      templateError(() => plan({ resources: [nested('d', { expressionEvaluationOptions: { scope: 'middle' }, template: { resources: [] } })] })).message,
      /has an invalid scope 'middle'; it must be 'inner' or 'outer'/,
    );
  });

  it('fails validation on an error inside the nested template, saying where', () => {
    const error = templateError(() =>
      plan({ resources: [nested('d', { expressionEvaluationOptions: { scope: 'inner' }, template: { $schema: schema, contentVersion: '1.0.0.0', resources: [nsg("[nope()]")] } })] }),
    );
    assert.ok(error instanceof TemplateError);
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(error.target, 'resources[0].properties.template.resources[0].name');
    assert.match(error.message, /^The nested deployment 'd' at path 'resources\[0\]' failed: Deployment template validation failed: 'The template resource '\[nope\(\)\]' at path 'resources\[0\]\.name' is not valid: The template function 'nope' is not valid\./);
    const missing = templateError(() =>
      plan({ resources: [nested('d', { expressionEvaluationOptions: { scope: 'inner' }, template: { parameters: { p: { type: 'string' } }, resources: [] } })] }),
    );
    assert.match(missing.message, /The value for the template parameter 'p' at path 'parameters\.p' is not provided\./);
  });
});
