import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSeed, demoSubscriptions } from '../../../emulator/seed/demoSeed';
import { ArmError } from '../../../emulator/http/armError';
import { blobUrl, parseBlobUrl, putBlob } from '../../../emulator/resources/storage/blobStore';
import { serviceSasRoutes } from '../../../emulator/resources/storage/serviceSas';
import { linkedContent } from '../../../emulator/deployments/templateLinks';
import { inProcessArm } from './resources/inProcessArm';

const sub = demoSubscriptions.production;
const sasPath = `/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Storage/storageAccounts/contosowebdiag/ListServiceSas?api-version=2025-06-01`;

function arranged() {
  const arm = inProcessArm(demoSeed(Date.now()), serviceSasRoutes);
  const template = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] };
  putBlob(arm.context, { account: 'contosowebdiag', container: 'restore-1', name: 'azuredeploy1.json', contentType: 'application/json', content: JSON.stringify(template), createdAt: Date.now() });
  putBlob(arm.context, { account: 'contosowebdiag', container: 'restore-1', name: 'params.json', contentType: 'application/json', content: JSON.stringify({ parameters: { VirtualMachineName: { value: 'vm-a' } } }), createdAt: Date.now() });
  putBlob(arm.context, { account: 'contosowebdiag', container: 'restore-1', name: 'notes.txt', contentType: 'text/plain', content: 'not json', createdAt: Date.now() });
  const sas = async (parameters: Record<string, unknown>) => {
    const answer = await arm.call('POST', sasPath, { signedResource: 'b', signedPermission: 'r', signedExpiry: new Date(Date.now() + 3600_000).toISOString(), ...parameters });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return String(answer.body!.serviceSasToken);
  };
  const link = (blob: string, token?: string) => `${blobUrl('contosowebdiag', 'restore-1', blob)}${token ? `?${token}` : ''}`;
  const refusal = (properties: Record<string, unknown>, now = Date.now()) => {
    try {
      linkedContent(arm.context, properties, now);
    } catch (error) {
      assert.ok(error instanceof ArmError);
      return error;
    }
    return assert.fail('the link was downloaded');
  };
  return { arm, template, sas, link, refusal };
}

describe('blob URLs', () => {
  it('reads account, container, blob and query from a blob URL of the public cloud only', () => {
    assert.deepEqual(parseBlobUrl('https://contosowebdiag.blob.core.windows.net/c-1/dir/file%20a.json?sv=1&sig=x'), { account: 'contosowebdiag', container: 'c-1', blob: 'dir/file a.json', query: 'sv=1&sig=x' });
    assert.equal(parseBlobUrl('http://contosowebdiag.blob.core.windows.net/c/b'), undefined);
    assert.equal(parseBlobUrl('https://contosowebdiag.file.core.windows.net/c/b'), undefined);
    assert.equal(parseBlobUrl('https://contosowebdiag.blob.core.windows.net/onlycontainer'), undefined);
    assert.equal(parseBlobUrl('not a url'), undefined);
  });
});

describe("a deployment's templateLink and parametersLink to a blob the emulator holds", () => {
  it("downloads the template with a blob SAS, and with its container's SAS, and the parameters file's parameters", async () => {
    const { sas, link, arm, template } = arranged();
    const blobSas = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/azuredeploy1.json' });
    assert.deepEqual(linkedContent(arm.context, { templateLink: { uri: link('azuredeploy1.json', blobSas) } }, Date.now()).template, template);
    const containerSas = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1', signedResource: 'c', signedPermission: 'rl' });
    const both = linkedContent(arm.context, { templateLink: { uri: link('azuredeploy1.json'), queryString: containerSas }, parametersLink: { uri: link('params.json', containerSas) } }, Date.now());
    assert.deepEqual(both.parameters, { VirtualMachineName: { value: 'vm-a' } });
    assert.deepEqual(both.templateLink, { uri: link('azuredeploy1.json') });
    assert.deepEqual(both.parametersLink, { uri: link('params.json') });
  });

  it('refuses, as ARM cannot download it, a link without SAS, with a SAS of another blob, expired, not yet valid, without read, or tampered', async () => {
    const { sas, link, refusal } = arranged();
    const other = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/params.json' });
    const expired = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/azuredeploy1.json', signedExpiry: new Date(Date.now() - 1000).toISOString() });
    const later = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/azuredeploy1.json', signedStart: new Date(Date.now() + 600_000).toISOString() });
    const writeOnly = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/azuredeploy1.json', signedPermission: 'w' });
    const good = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/azuredeploy1.json' });
    const tampered = good.replace('sp=r', 'sp=rw');
    const why: Record<string, RegExp> = {
      [link('azuredeploy1.json')]: /no shared access signature/,
      [link('azuredeploy1.json', other)]: /does not match this blob/,
      [link('azuredeploy1.json', expired)]: /expired/,
      [link('azuredeploy1.json', later)]: /valid from/,
      [link('azuredeploy1.json', writeOnly)]: /does not allow reading/,
      [link('azuredeploy1.json', tampered)]: /does not match/,
    };
    for (const [uri, reason] of Object.entries(why)) {
      const error = refusal({ templateLink: { uri } });
      assert.equal(error.code, 'InvalidContentLink');
      assert.match(error.message, reason);
      assert.ok(!error.message.includes('sig='), 'the SAS is not echoed');
    }
  });

  it('refuses a blob that is not there or not JSON, a link elsewhere, a template spec, and a template given both ways', async () => {
    const { sas, link, refusal } = arranged();
    const missing = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/gone.json' });
    assert.match(refusal({ templateLink: { uri: link('gone.json', missing) } }).message, /does not exist/);
    const notes = await sas({ canonicalizedResource: '/blob/contosowebdiag/restore-1/notes.txt' });
    assert.match(refusal({ templateLink: { uri: link('notes.txt', notes) } }).message, /not a JSON object/);
    assert.equal(refusal({ templateLink: { uri: 'https://raw.githubusercontent.com/a/b/azuredeploy.json' } }).code, 'InvalidContentLink');
    assert.equal(refusal({ templateLink: { id: '/subscriptions/x/resourceGroups/g/providers/Microsoft.Resources/templateSpecs/s/versions/1' } }).code, 'InvalidContentLink');
    assert.equal(refusal({ template: {}, templateLink: { uri: link('azuredeploy1.json') } }).code, 'InvalidRequestContent');
    assert.equal(refusal({ parameters: {}, parametersLink: { uri: link('params.json') } }).code, 'InvalidRequestContent');
  });
});

describe('StorageAccounts_ListServiceSAS', () => {
  it("signs a read SAS for a blob of the account, and refuses another account's resource, an unknown resource type, no expiry", async () => {
    const { arm } = arranged();
    const answer = await arm.call('POST', sasPath, { canonicalizedResource: '/blob/contosowebdiag/c/b.json', signedResource: 'b', signedPermission: 'r', signedExpiry: '2030-01-01T00:00:00.123Z', signedProtocol: 'https' });
    assert.match(String(answer.body!.serviceSasToken), /^sv=2022-11-02&sr=b&se=2030-01-01T00%3A00%3A00Z&sp=r&spr=https&sig=[A-Za-z0-9%]+$/);
    for (const [body, invalid] of [
      [{ canonicalizedResource: '/blob/otheraccount/c/b', signedResource: 'b', signedPermission: 'r', signedExpiry: '2030-01-01T00:00:00Z' }, 'canonicalizedResource'],
      [{ canonicalizedResource: '/blob/contosowebdiag/c', signedResource: 'b', signedPermission: 'r', signedExpiry: '2030-01-01T00:00:00Z' }, 'canonicalizedResource'],
      [{ canonicalizedResource: '/file/contosowebdiag/s/f', signedResource: 'f', signedPermission: 'r', signedExpiry: '2030-01-01T00:00:00Z' }, 'canonicalizedResource, signedResource'],
      [{ canonicalizedResource: '/blob/contosowebdiag/c/b', signedResource: 'b', signedPermission: 'r' }, 'signedExpiry'],
    ] as const) {
      const refused = await arm.call('POST', sasPath, body);
      assert.equal(refused.status, 400);
      assert.deepEqual((refused.body as { error: unknown }).error, { code: 'InvalidValuesForRequestParameters', message: `Values for request parameters are invalid: ${invalid}.` });
    }
    assert.equal((await arm.call('POST', sasPath.replace('contosowebdiag', 'nosuchaccount'), {})).status, 404);
  });
});
