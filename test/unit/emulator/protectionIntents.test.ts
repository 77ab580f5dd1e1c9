// The protection intent answers the published spec does not document (it declares 200 and 204
// only), checked on the handlers themselves rather than over HTTP, whose traffic must conform.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EmulatorContext, defaultOptions } from '../../../emulator/context';
import { demoSeed, demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { protectionIntentRoutes } from '../../../emulator/backup/protectionIntents';
import { ArmError } from '../../../emulator/http/armError';
import type { ArmRequest, ArmResponse } from '../../../emulator/http/armHttp';

const sub = demoSubscriptions.production;
const now = Date.UTC(2026, 10, 22);
const context = new EmulatorContext({ ...defaultOptions, caFile: '/dev/null' }, demoSeed(now));
const routes = protectionIntentRoutes(context);
const vmId = `/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-03`;

function call(method: string, intent: string, body?: unknown, fabricName = 'Azure'): ArmResponse {
  const route = routes.find((candidate) => candidate.method === method)!;
  const request: ArmRequest = {
    method,
    url: new URL('https://127.0.0.1/intent'),
    origin: 'https://127.0.0.1',
    parameters: { subscriptionId: sub, resourceGroupName: 'rg-backup-prod', vaultName: 'prod-weu-vault', fabricName, intentObjectName: intent },
    headers: {},
    body,
    apiVersion: '2023-06-01',
    now,
  };
  return route.handler(request) as ArmResponse;
}

function refusal(action: () => unknown): ArmError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ArmError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

describe('protection intents: the answers the spec leaves out', () => {
  const intent = { properties: { protectionIntentItemType: 'AzureResourceItem', policyId: `/subscriptions/${sub}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault/backupPolicies/DefaultPolicy`, sourceResourceId: vmId } };

  it('answers 404 BMSUserErrorDataSourceObjectNotFound for an intent never put', () => {
    const error = refusal(() => call('GET', 'vm;iaasvmcontainerv2;rg-web-prod;web-03'));
    assert.deepEqual([error.status, error.code], [404, 'BMSUserErrorDataSourceObjectNotFound']);
  });

  it('refuses an intent of another type (400 UserErrorInvalidRequestParameter) or fabric (400 BMSUserErrorInvalidInput), keeping nothing', () => {
    const other = refusal(() => call('PUT', 'vm;iaasvmcontainerv2;rg-web-prod;web-03', { properties: { ...intent.properties, protectionIntentItemType: 'RecoveryServiceVaultItem' } }));
    assert.deepEqual([other.status, other.code, other.message], [400, 'UserErrorInvalidRequestParameter', 'Parameter protectionIntentItemType in request is invalid.']);
    const fabric = refusal(() => call('PUT', 'vm;iaasvmcontainerv2;rg-web-prod;web-03', intent, 'Other'));
    assert.deepEqual([fabric.status, fabric.code], [400, 'BMSUserErrorInvalidInput']);
    refusal(() => call('GET', 'vm;iaasvmcontainerv2;rg-web-prod;web-03'));
  });

  it('answers 404 again once an intent is deleted', () => {
    assert.equal(call('PUT', 'vm;iaasvmcontainerv2;rg-web-prod;web-03', intent).status, 200);
    assert.equal(call('GET', 'vm;iaasvmcontainerv2;rg-web-prod;web-03').status, 200);
    assert.equal(call('DELETE', 'VM;iaasvmcontainerv2;rg-web-prod;web-03').status, 204);
    assert.equal(refusal(() => call('GET', 'vm;iaasvmcontainerv2;rg-web-prod;web-03')).status, 404);
  });
});
