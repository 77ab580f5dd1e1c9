import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { innermostError, toDeploymentResult, toResourceProgress, type DeploymentOperationJson } from '../../../src/azure/deploymentMappers';
import { describeParameters, secretRedactor } from '../../../src/azure/deploymentSecrets';

const none = (text: string) => text;
const vmId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-web-01';

function operation(properties: NonNullable<DeploymentOperationJson['properties']>): DeploymentOperationJson {
  return { id: `op/${Math.random()}`, properties };
}

describe('deployment operations as per-resource progress', () => {
  it('keeps one entry per resource, the latest operation winning, in the order the deployment reached them; skips operations without a target', () => {
    const progress = toResourceProgress(
      [
        operation({ provisioningState: 'Succeeded', timestamp: '2025-01-01T00:00:01Z', targetResource: { id: '/x/vnet', resourceType: 'Microsoft.Network/virtualNetworks', resourceName: 'vnet' } }),
        operation({ provisioningState: 'Running', timestamp: '2025-01-01T00:00:02Z', targetResource: { id: vmId, resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'vm-web-01' } }),
        operation({ provisioningOperation: 'EvaluateDeploymentOutput', provisioningState: 'Succeeded', timestamp: '2025-01-01T00:00:03Z' }),
        operation({ provisioningState: 'Succeeded', timestamp: '2025-01-01T00:00:04Z', targetResource: { id: vmId.toUpperCase(), resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'vm-web-01' } }),
      ],
      none,
    );
    assert.deepEqual(progress.map((resource) => [resource.resourceName, resource.provisioningState]), [['vnet', 'Succeeded'], ['vm-web-01', 'Succeeded']]);
  });

  it("reads a failed resource's error from statusMessage in each shape providers send", () => {
    const failed = (statusMessage: unknown, statusCode = 'Conflict') =>
      toResourceProgress([operation({ provisioningState: 'Failed', statusCode, statusMessage, targetResource: { id: vmId, resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'vm-web-01' } })], none)[0]!.error;
    assert.deepEqual(failed({ status: 'Failed', error: { code: 'ResourceDeploymentFailure', message: 'terminal state Failed', details: [{ code: 'OSProvisioningTimedOut', message: 'OS provisioning timed out.' }] } }), {
      code: 'OSProvisioningTimedOut',
      message: 'OS provisioning timed out.',
    });
    assert.deepEqual(failed({ error: { code: 'NotFound', message: 'The NIC was not found.' } }), { code: 'NotFound', message: 'The NIC was not found.' });
    assert.deepEqual(failed({ code: 'InvalidParameter', message: 'adminUsername is not allowed.' }), { code: 'InvalidParameter', message: 'adminUsername is not allowed.' });
    assert.deepEqual(failed('The resource operation failed.'), { code: 'Conflict', message: 'The resource operation failed.' });
  });

  it('goes down through wrapper codes only', () => {
    assert.equal(innermostError({ code: 'DeploymentFailed', details: [{ code: 'ResourceDeploymentFailure', details: [{ code: 'SkuNotAvailable' }] }] }).code, 'SkuNotAvailable');
    assert.equal(innermostError({ code: 'BadRequest', details: [{ code: 'Inner' }] }).code, 'BadRequest');
  });
});

describe('a deployment that ended, as a result', () => {
  it('names each failed resource from the operations, else from the error details (a failure before any resource)', () => {
    const result = toDeploymentResult(
      { id: '/d', properties: { provisioningState: 'Failed', error: { code: 'InvalidTemplate', message: "Unable to process template language expressions for resource 'vm'.", details: [] } } },
      [],
      none,
    );
    assert.equal(result.provisioningState, 'Failed');
    assert.deepEqual(result.error, { code: 'InvalidTemplate', message: "Unable to process template language expressions for resource 'vm'.", details: [{ code: 'InvalidTemplate', message: "Unable to process template language expressions for resource 'vm'." }] });
  });

  it('answers outputs and output resources of a success, and no error', () => {
    const result = toDeploymentResult({ id: '/d', properties: { provisioningState: 'Succeeded', outputs: { hostname: { type: 'String', value: 'web.example' } }, outputResources: [{ id: vmId }, {}] } }, [], none);
    assert.deepEqual(result, { provisioningState: 'Succeeded', deploymentId: '/d', resources: [], outputs: { hostname: { type: 'String', value: 'web.example' } }, outputResourceIds: [vmId] });
  });
});

describe('secure parameter values', () => {
  const input = {
    parameters: { adminPassword: { value: 'P@ssw0rd-123456' }, settings: { value: { key: 'k3y-value', nested: ['inner-secret'] } }, vmName: { value: 'vm-web-01' }, pin: { value: 'ab' } },
    secureParameterNames: ['AdminPassword', 'settings', 'pin'],
  };

  it('are replaced in any text, secureObject leaves included; names are matched without case', () => {
    const redact = secretRedactor(input);
    assert.equal(redact('password P@ssw0rd-123456 and k3y-value and inner-secret for vm-web-01'), 'password *** and *** and *** for vm-web-01');
    // Too short to replace inside text without garbling it.
    assert.equal(redact('about'), 'about');
  });

  it('show as *** in a parameters line, whatever their value', () => {
    assert.equal(describeParameters(input), 'adminPassword=***, settings=***, vmName="vm-web-01", pin=***');
  });
});
