import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Router } from '../../../emulator/http/router';

const handler = () => ({ status: 200 });

describe('the emulator router', () => {
  const router = new Router();
  router.add(
    { method: 'GET', template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}', apiVersions: ['2021-04-01'], handler },
    { method: 'GET', template: '/v/{vaultName}/protectionContainers/{containerName}/protectedItems/{protectedItemName}', apiVersions: ['x'], handler },
  );

  it('matches literal segments case-insensitively, as ARM does', () => {
    const { match } = router.match('GET', '/SUBSCRIPTIONS/s1/resourcegroups/Rg-One');
    assert.deepEqual(match?.parameters, { subscriptionId: 's1', resourceGroupName: 'Rg-One' });
  });

  it('accepts ; raw or percent-encoded in names', () => {
    const encoded = router.match('GET', '/v/x/protectionContainers/IaasVMContainer%3Biaasvmcontainerv2%3Brg%3Bvm/protectedItems/VM%3biaasvmcontainerv2%3brg%3bvm').match;
    const raw = router.match('GET', '/v/x/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm/protectedItems/VM;iaasvmcontainerv2;rg;vm').match;
    assert.equal(encoded?.parameters.containerName, 'IaasVMContainer;iaasvmcontainerv2;rg;vm');
    assert.deepEqual(encoded?.parameters, raw?.parameters);
  });

  it('tells a known path with another method from an unknown path', () => {
    assert.deepEqual(router.match('DELETE', '/subscriptions/s1/resourceGroups/rg'), { pathKnown: true });
    assert.deepEqual(router.match('GET', '/subscriptions/s1/other/rg'), { pathKnown: false });
  });
});
