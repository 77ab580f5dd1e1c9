import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import type { ParameterValues } from '../../../../emulator/templates/templateTypes';
import { scope, templateError } from './templateTestSupport';

const template = (parameters: Record<string, unknown>) => ({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters,
  resources: [],
});
const plan = (parameters: Record<string, unknown>, values: ParameterValues = {}) => planDeployment(template(parameters), values, scope);
const fileHelp = 'Please see https://aka.ms/arm-create-parameter-file for usage details.';

describe('template parameters', () => {
  it('resolves supplied values and defaults, and reports each with its declared and Azure type', () => {
    const { parameters } = plan(
      {
        name: { type: 'string' },
        count: { type: 'int', defaultValue: 2 },
        location: { type: 'string', defaultValue: '[resourceGroup().location]' },
        password: { type: 'secureString' },
        settings: { type: 'object', defaultValue: { a: "[parameters('name')]" } },
      },
      { name: { value: 'web' }, password: { value: 's3cret!' } },
    );
    assert.deepEqual(parameters, {
      name: { type: 'string', azureType: 'String', value: 'web' },
      count: { type: 'int', azureType: 'Int', value: 2 },
      location: { type: 'string', azureType: 'String', value: 'westeurope' },
      password: { type: 'securestring', azureType: 'SecureString', value: 's3cret!' },
      settings: { type: 'object', azureType: 'Object', value: { a: 'web' } },
    });
  });

  it('matches supplied names ignoring case, and defaults may use parameters declared later', () => {
    const { parameters } = plan({ prefix: { type: 'string', defaultValue: "[concat(parameters('base'), '-x')]" }, base: { type: 'string' } }, { BASE: { value: 'b' } });
    assert.equal(parameters.prefix.value, 'b-x');
    assert.equal(parameters.base.value, 'b');
  });

  it('refuses a missing required parameter', () => {
    const error = templateError(() => plan({ adminPassword: { type: 'securestring' } }));
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(error.target, 'parameters.adminPassword');
    assert.equal(
      error.message,
      "Deployment template validation failed: 'The value for the template parameter 'adminPassword' at path 'parameters.adminPassword' is not provided. Please see https://aka.ms/arm-pass-parameter-values for usage details.'.",
    );
  });

  it('refuses a value of the wrong type, without converting it', () => {
    const error = templateError(() => plan({ count: { type: 'int' } }, { count: { value: '3' } }));
    assert.equal(
      error.message,
      `Deployment template validation failed: 'The provided value for the template parameter 'count' at path 'parameters.count' is not valid. Expected a value of type 'Int', but received a value of type 'String'. ${fileHelp}'.`,
    );
    assert.match(templateError(() => plan({ on: { type: 'bool' } }, { on: { value: 'true' } })).message, /Expected a value of type 'Bool', but received a value of type 'String'/);
    assert.match(templateError(() => plan({ list: { type: 'array' } }, { list: { value: {} } })).message, /Expected a value of type 'Array', but received a value of type 'Object'/);
  });

  it('refuses a value not in allowedValues, showing it unless the parameter is secure', () => {
    const declaration = { size: { type: 'string', allowedValues: ['Small', 'Large'] } };
    assert.equal(plan(declaration, { size: { value: 'Large' } }).parameters.size.value, 'Large');
    assert.equal(
      templateError(() => plan(declaration, { size: { value: 'large' } })).message,
      `Deployment template validation failed: 'The provided value 'large' for the template parameter 'size' at path 'parameters.size' is not valid. The parameter value is not part of the allowed value(s): 'Small,Large'. ${fileHelp}'.`,
    );
    const secret = templateError(() => plan({ key: { type: 'securestring', allowedValues: ['a'] } }, { key: { value: 'b' } }));
    assert.match(secret.message, /^Deployment template validation failed: 'The provided value for the template parameter 'key'/);
    assert.doesNotMatch(secret.message, /'b'/);
  });

  it('holds each member of an array parameter to allowedValues', () => {
    const declaration = { zones: { type: 'array', allowedValues: ['1', '2', '3'] } };
    assert.deepEqual(plan(declaration, { zones: { value: ['1', '3'] } }).parameters.zones.value, ['1', '3']);
    assert.match(templateError(() => plan(declaration, { zones: { value: ['1', '4'] } })).message, /is not part of the allowed value\(s\): '1,2,3'/);
  });

  it('checks allowedValues on a default value too', () => {
    assert.match(templateError(() => plan({ tier: { type: 'string', defaultValue: 'Gold', allowedValues: ['Free'] } })).message, /The provided value 'Gold' for the template parameter 'tier'/);
  });

  it('holds strings and arrays to minLength and maxLength at the edges', () => {
    const declaration = { name: { type: 'string', minLength: 3, maxLength: 8 } };
    assert.equal(plan(declaration, { name: { value: 'abc' } }).parameters.name.value, 'abc');
    assert.equal(plan(declaration, { name: { value: 'abcdefgh' } }).parameters.name.value, 'abcdefgh');
    assert.match(
      templateError(() => plan(declaration, { name: { value: 'abcdefghi' } })).message,
      /The provided value for the template parameter 'name' at path 'parameters.name' is not valid\. Length of the value should be less than or equal to '8'\./,
    );
    assert.match(templateError(() => plan(declaration, { name: { value: 'ab' } })).message, /Length of the value should be greater than or equal to '3'\./);
    const list = { vms: { type: 'array', minLength: 1, maxLength: 2 } };
    assert.deepEqual(plan(list, { vms: { value: ['a', 'b'] } }).parameters.vms.value, ['a', 'b']);
    assert.match(templateError(() => plan(list, { vms: { value: [] } })).message, /greater than or equal to '1'/);
    assert.match(templateError(() => plan(list, { vms: { value: ['a', 'b', 'c'] } })).message, /less than or equal to '2'/);
  });

  it('holds integers to minValue and maxValue at the edges', () => {
    const declaration = { count: { type: 'int', minValue: 1, maxValue: 3 } };
    assert.equal(plan(declaration, { count: { value: 1 } }).parameters.count.value, 1);
    assert.equal(plan(declaration, { count: { value: 3 } }).parameters.count.value, 3);
    assert.match(templateError(() => plan(declaration, { count: { value: 0 } })).message, /The value should be greater than or equal to '1'\./);
    assert.match(templateError(() => plan(declaration, { count: { value: 4 } })).message, /The value should be less than or equal to '3'\./);
  });

  it('refuses parameters the template does not declare, listing those it does', () => {
    const error = templateError(() => plan({ a: { type: 'string' }, b: { type: 'int' } }, { a: { value: 'x' }, c: { value: 1 }, d: { value: 2 } }));
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(
      error.message,
      "Deployment template validation failed: 'The template parameters 'c, d' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time. The only supported parameters for this template are 'a, b'. Please see https://aka.ms/arm-pass-parameter-values for usage details.'.",
    );
  });

  it('refuses a Key Vault reference and a null value clearly', () => {
    const keyVault = templateError(() =>
      plan({ secret: { type: 'securestring' } }, { secret: { reference: { keyVault: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv' }, secretName: 'pw' } } }),
    );
    assert.equal(keyVault.code, 'KeyVaultParameterReferenceNotFound');
    assert.match(keyVault.message, /The specified KeyVault '\/subscriptions\/s\/resourceGroups\/r\/providers\/Microsoft\.KeyVault\/vaults\/kv' could not be found: the emulator has no Key Vault/);
    const empty = templateError(() => plan({ a: { type: 'string' } }, { a: { value: null } }));
    assert.equal(empty.code, 'InvalidDeploymentParameterValue');
    assert.match(empty.message, /^The value of deployment parameter 'a' is null\. Please specify the value or use the parameter reference\./);
  });

  it('refuses an unknown declared type, a default that refers to itself and a bad default expression', () => {
    assert.match(templateError(() => plan({ a: { type: 'text' } })).message, /The template parameter 'a' at path 'parameters.a' has an invalid type "text"/);
    assert.match(
      templateError(() => plan({ a: { type: 'string', defaultValue: "[parameters('b')]" }, b: { type: 'string', defaultValue: "[parameters('a')]" } })).message,
      /The template parameter '(a|b)' at path 'parameters\.(a|b)' is not valid: its default value refers to itself\./,
    );
    const bad = templateError(() => plan({ a: { type: 'string', defaultValue: "[parameters('missing')]" } }));
    assert.equal(bad.target, 'parameters.a.defaultValue');
    assert.match(bad.message, /The template parameter 'a' at path 'parameters\.a\.defaultValue' is not valid: The template parameter 'missing' is not found\./);
  });

  it('allows utcNow() in a default value but refuses variables() there', () => {
    assert.equal(plan({ stamp: { type: 'string', defaultValue: "[utcNow('yyyyMMdd')]" } }).parameters.stamp.value, '20260314');
    assert.match(
      templateError(() => planDeployment({ ...template({ a: { type: 'string', defaultValue: "[variables('v')]" } }), variables: { v: 'x' } }, {}, scope)).message,
      /The template parameter 'a' at path 'parameters\.a\.defaultValue' is not valid: The template function 'variables' is not expected at this location\./,
    );
  });

  it('refuses more than 256 parameters', () => {
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`p${i}`, { type: 'int', defaultValue: i }]));
    assert.match(templateError(() => plan(many)).message, /The number of template parameters limit exceeded\. Limit: '256' and actual: '257'\./);
    const limit = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`p${i}`, { type: 'int', defaultValue: i }]));
    assert.equal(Object.keys(plan(limit).parameters).length, 256);
  });
});
