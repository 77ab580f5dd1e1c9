import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { fakeHost, scope, templateError } from './templateTestSupport';

const base = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0' };
/** Plans a template whose single output 'o' shows `value`, and returns the output. */
function output(value: unknown, extra: Record<string, unknown> = {}, type = 'object'): unknown {
  const plan = planDeployment({ ...base, resources: [], ...extra, outputs: { o: { type, value } } }, {}, scope);
  return plan.outputs(fakeHost({}).host).o.value;
}

describe('template variables', () => {
  it('evaluates values and expressions, variables using variables in any order', () => {
    const variables = {
      full: "[concat(variables('prefix'), '-', parameters('name'))]",
      prefix: "[toUpper('app')]",
      settings: { name: "[variables('full')]", list: [1, "[length(variables('prefix'))]"] },
    };
    assert.deepEqual(
      planDeployment({ ...base, parameters: { name: { type: 'string', defaultValue: 'web' } }, variables, resources: [], outputs: { o: { type: 'object', value: "[variables('settings')]" } } }, {}, scope)
        .outputs(fakeHost({}).host).o.value,
      { name: 'APP-web', list: [1, 3] },
    );
  });

  it('builds array variables from a variables copy loop, and property copies inside a variable', () => {
    const variables = {
      copy: [{ name: 'disks', count: 3, input: { lun: "[copyIndex('disks')]", name: "[concat('disk', copyIndex('disks', 1))]" } }],
      nic: { copy: [{ name: 'ipConfigurations', count: 2, input: { name: "[concat('ip', copyIndex('ipConfigurations'))]" } }] },
    };
    assert.deepEqual(output("[createObject('disks', variables('disks'), 'nic', variables('nic'))]", { variables }), {
      disks: [{ lun: 0, name: 'disk1' }, { lun: 1, name: 'disk2' }, { lun: 2, name: 'disk3' }],
      nic: { ipConfigurations: [{ name: 'ip0' }, { name: 'ip1' }] },
    });
  });

  it('refuses a variable that refers to itself', () => {
    const error = templateError(() => planDeployment({ ...base, variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [] }, {}, scope));
    assert.match(error.message, /The template variable '(a|b)' at path 'variables\.(a|b)' is not valid: the variable refers to itself \('a' -> 'b' -> 'a'\)\./);
  });

  it('fails validation on a bad variable even when nothing uses it', () => {
    const error = templateError(() => planDeployment({ ...base, variables: { unused: "[createArray(1)[3]]" }, resources: [] }, {}, scope));
    assert.equal(error.code, 'InvalidTemplate');
    assert.equal(
      error.message,
      "Deployment template validation failed: 'The template variable 'unused' at path 'variables.unused' is not valid: The language expression property array index '3' is out of bounds.. Please see https://aka.ms/arm-template-expressions for usage details.'.",
    );
  });

  it('refuses an unknown variable and reference() in a variable', () => {
    assert.match(
      templateError(() => planDeployment({ ...base, resources: [], outputs: { o: { type: 'string', value: "[variables('nope')]" } } }, {}, scope).outputs(fakeHost({}).host)).message,
      /Unable to evaluate template outputs: 'o'/,
    );
    assert.match(
      templateError(() => planDeployment({ ...base, variables: { a: "[reference('x').y]" }, resources: [] }, {}, scope)).message,
      /The template variable 'a' at path 'variables\.a' is not valid: The template function 'reference' is not expected at this location\./,
    );
  });
});

describe('template shape and limits', () => {
  it('refuses an unknown top-level member as Azure fails to deserialize it', () => {
    const error = templateError(() => planDeployment({ ...base, resources: [], output: {} }, {}, scope));
    assert.equal(error.code, 'InvalidRequestContent');
    assert.equal(
      error.message,
      "The request content was invalid and could not be deserialized: 'Could not find member 'output' on object of type 'Template'. Path 'properties.template.output'.'.",
    );
  });

  it('accepts metadata, apiProfile and an empty functions array; refuses languageVersion 2.0', () => {
    assert.deepEqual(planDeployment({ ...base, metadata: { a: 1 }, apiProfile: '2018-06-01-profile', functions: [], resources: [] }, {}, scope).resources, []);
    assert.match(templateError(() => planDeployment({ ...base, languageVersion: '2.0', resources: {} }, {}, scope)).message, /languageVersion 2\.0/);
  });

  it('refuses a template that is not an object, or resources that are not an array', () => {
    assert.equal(templateError(() => planDeployment('nope', {}, scope)).code, 'InvalidRequestContent');
    assert.match(templateError(() => planDeployment({ ...base, resources: 'x' }, {}, scope)).message, /The template 'resources' property must be an array/);
  });

  it('refuses a template over 4 MB', () => {
    const error = templateError(() => planDeployment({ ...base, variables: { big: 'x'.repeat(4 * 1024 * 1024) }, resources: [] }, {}, scope));
    assert.equal(error.code, 'RequestContentTooLarge');
    assert.match(error.message, /^The request content size exceeds the maximum size of 4 MB\./);
  });

  it('refuses more than 800 resources after copy loops are expanded', () => {
    const resource = (count: number) => ({
      type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2020-06-01', name: "[concat('nsg', copyIndex())]", location: 'westeurope',
      copy: { name: 'nsgs', count },
    });
    assert.equal(planDeployment({ ...base, resources: [resource(800)] }, {}, scope).resources.length, 800);
    const error = templateError(() => planDeployment({ ...base, resources: [resource(800), { ...resource(1), name: 'extra', copy: undefined }] }, {}, scope));
    assert.match(error.message, /The number of template resources limit exceeded\. Limit: '800' and actual: '801'\./);
  });

  it('refuses more than 256 variables and more than 64 outputs', () => {
    const variables = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`v${i}`, i]));
    assert.match(templateError(() => planDeployment({ ...base, variables, resources: [] }, {}, scope)).message, /variables limit exceeded\. Limit: '256' and actual: '257'/);
    const outputs = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`o${i}`, { type: 'int', value: i }]));
    assert.match(templateError(() => planDeployment({ ...base, outputs, resources: [] }, {}, scope)).message, /outputs limit exceeded\. Limit: '64' and actual: '65'/);
  });
});
