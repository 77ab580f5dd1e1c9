import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { fakeHost, rgId, scope, templateError } from './templateTestSupport';

const base = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0' };
const storage = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2019-06-01', name: 'store1', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' } };
const storageId = `${rgId}/providers/Microsoft.Storage/storageAccounts/store1`;
const plan = (outputs: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  planDeployment({ ...base, resources: [storage], ...extra, outputs }, { secret: { value: 'hunter2' } }, scope);
const extra = { parameters: { secret: { type: 'securestring' } } };

describe('template outputs', () => {
  it('evaluates outputs after deployment, with reference(), in Azure’s type names', () => {
    const { host, calls } = fakeHost({ [storageId.toLowerCase()]: { properties: { primaryEndpoints: { blob: 'https://store1.blob.core.windows.net/' } } } });
    const deployment = plan(
      {
        blob: { type: 'string', value: "[reference('store1').primaryEndpoints.blob]" },
        count: { type: 'int', value: '[length(createArray(1, 2))]' },
        ok: { type: 'bool', value: true },
        ids: { type: 'array', value: ["[resourceId('Microsoft.Storage/storageAccounts', 'store1')]"] },
        settings: { type: 'object', value: { a: 1 } },
      },
      extra,
    );
    assert.equal(calls.length, 0, 'nothing is read at plan time');
    assert.deepEqual(deployment.outputs(host), {
      blob: { type: 'String', value: 'https://store1.blob.core.windows.net/', secure: false },
      count: { type: 'Int', value: 2, secure: false },
      ok: { type: 'Bool', value: true, secure: false },
      ids: { type: 'Array', value: [storageId], secure: false },
      settings: { type: 'Object', value: { a: 1 }, secure: false },
    });
  });

  it('marks securestring and secureObject outputs secure, so the engine leaves their values out', () => {
    const { host } = fakeHost({});
    const outputs = plan({ pw: { type: 'securestring', value: "[parameters('secret')]" }, obj: { type: 'secureObject', value: { k: 'v' } } }, extra).outputs(host);
    assert.deepEqual(outputs, { pw: { type: 'SecureString', value: 'hunter2', secure: true }, obj: { type: 'SecureObject', value: { k: 'v' }, secure: true } });
  });

  it('builds an array output from a copy, and leaves out an output whose condition is false', () => {
    const { host } = fakeHost({});
    const outputs = plan(
      {
        names: { type: 'array', copy: { count: 3, input: "[concat('vm', copyIndex())]" } },
        skipped: { type: 'string', condition: false, value: 'never' },
      },
      extra,
    ).outputs(host);
    assert.deepEqual(outputs, { names: { type: 'Array', value: ['vm0', 'vm1', 'vm2'], secure: false } });
  });

  it('fails with DeploymentOutputEvaluationFailed naming each failed output', () => {
    const { host } = fakeHost({});
    const error = templateError(() =>
      plan({ wrong: { type: 'int', value: 'text' }, missing: { type: 'string', value: "[reference('store1').x]" }, fine: { type: 'string', value: 'ok' } }, extra).outputs(host),
    );
    assert.equal(error.code, 'DeploymentOutputEvaluationFailed');
    assert.equal(
      error.message,
      "Unable to evaluate template outputs: 'wrong, missing'. Please see error details and deployment operations. Please see https://aka.ms/arm-common-errors for usage details.",
    );
    assert.deepEqual(error.details, [
      {
        code: 'DeploymentOutputEvaluationFailed',
        target: 'wrong',
        message: "The template output 'wrong' at path 'outputs.wrong' is not valid: Template output JToken type is not valid. Expected 'Int'. Actual 'String'.. Please see https://aka.ms/arm-template-expressions for usage details.",
      },
      { code: 'ResourceNotFound', target: 'missing', message: `The Resource '${storageId}' was not found.` },
    ]);
  });

  it('refuses an output without a valid type or without a value', () => {
    assert.match(templateError(() => plan({ o: { type: 'text', value: 1 } }, extra)).message, /The template output 'o' at path 'outputs\.o' is not valid: its 'type' must be one of/);
    assert.match(templateError(() => plan({ o: { type: 'string' } }, extra)).message, /it must have a 'value' or a 'copy'/);
  });
});
