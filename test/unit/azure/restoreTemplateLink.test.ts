import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentTarget } from '../../../src/azure/deploymentModel';
import { secretRedactor } from '../../../src/azure/deploymentSecrets';
import { restoredDisksDeploymentInput } from '../../../src/azure/restoredDiskTemplates';
import { TemplateDeployments } from '../../../src/azure/templateDeployments';
import { failureOf } from '../../support/azureFailure';
import { FakeArm, subscriptionId } from './templateDeploymentsFakeArm';

const sas = 'sv=2022-11-02&spr=https&se=2026-12-08T02%3A00%3A00Z&sr=b&sp=r&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
const link = { uri: `https://stage1.blob.core.windows.net/web-01-abc/azuredeploy-1.json?${sas}`, expiresOn: new Date('2026-12-08T02:00:00Z') };
const target: DeploymentTarget = { subscriptionId, resourceGroup: 'rg-web', deploymentName: 'web-01-restored-20261208000000' };
const fast = { pollDelayMs: 1, minPollDelayMs: 0, maxPollDelayMs: 5 };

describe('TemplateDeployments with a linked template (the restore\'s template behind a SAS)', () => {
  it('validates and deploys with templateLink instead of template, the parameters as given', async () => {
    const arm = new FakeArm([{ type: 'Microsoft.Compute/virtualMachines', name: 'web-01-restored' }]);
    const deployments = new TemplateDeployments(arm.reader(), fast);
    const input = restoredDisksDeploymentInput(link, { VirtualMachineName: 'web-01-restored' });
    await deployments.validate(target, input);
    const result = await deployments.follow(await deployments.start(target, input), () => undefined);
    assert.equal(result.provisioningState, 'Succeeded');
    const bodies = arm.exchanges.filter((exchange) => exchange.method !== 'GET').map((exchange) => JSON.parse(exchange.body ?? '{}') as { properties: Record<string, unknown> });
    assert.equal(bodies.length, 2, 'validate and PUT');
    for (const body of bodies) {
      assert.deepEqual(body.properties, { mode: 'Incremental', templateLink: { uri: link.uri }, parameters: { VirtualMachineName: { value: 'web-01-restored' } } });
    }
  });

  it('never shows the SAS in an error: ARM quotes the link it could not read', async () => {
    const arm = new FakeArm([]);
    arm.validation = { error: { error: { code: 'InvalidContentLink', message: `Unable to download deployment content from '${link.uri}'.` } } };
    const deployments = new TemplateDeployments(arm.reader(), fast);
    const error = await failureOf(() => deployments.validate(target, restoredDisksDeploymentInput(link)));
    assert.equal(error.code, 'InvalidContentLink');
    assert.ok(!error.message.includes('sig='), error.message);
    assert.equal(error.message, "Unable to download deployment content from 'https://stage1.blob.core.windows.net/web-01-abc/azuredeploy-1.json?***'.");
    assert.equal(secretRedactor({ parameters: {}, templateLink: { uri: link.uri } })(`GET ${link.uri}`), 'GET https://stage1.blob.core.windows.net/web-01-abc/azuredeploy-1.json?***');
  });
});
