// Storage accounts through the real SDK client (@azure/arm-storage 19.1, api-version 2025-06-01):
// the seeded accounts, creating one (202, followed through Location), the answer for an identical
// existing one, the endpoints templates read with reference(), global names and name checks,
// refused sku/kind pairs, deleting; every exchange checked against the 2025-06-01 spec with oav.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, exchangesTo, expectArmError } from './resourceScenarioHelpers';
import { armJson, fast } from './armRequestSteps';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;

describe('storage accounts', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('lists the seeded accounts by subscription and by group, with their endpoints', async () => {
    const storage = await env.clients.storage(prod);
    assert.deepEqual((await collect(storage.storageAccounts.list())).map((account) => account.name), ['contosowebdiag']);
    assert.deepEqual((await collect(storage.storageAccounts.listByResourceGroup('rg-web-prod'))).map((account) => account.name), ['contosowebdiag']);
    assert.deepEqual(await collect(storage.storageAccounts.listByResourceGroup('rg-data-prod')), []);
    const devAccount = await (await env.clients.storage(dev)).storageAccounts.getProperties('rg-dev', 'contosodevartifacts');
    assert.deepEqual([devAccount.sku?.name, devAccount.sku?.tier, devAccount.kind], ['Standard_RAGRS', 'Standard', 'StorageV2']);
    assert.deepEqual([devAccount.primaryLocation, devAccount.statusOfPrimary, devAccount.secondaryLocation, devAccount.statusOfSecondary], ['northeurope', 'available', 'westeurope', 'available']);
    assert.equal(devAccount.secondaryEndpoints?.blob, 'https://contosodevartifacts-secondary.blob.core.windows.net/');
  });

  it('creates an account: 202 with a Location polled until 200 with the account, Creating until then', async () => {
    const since = (await env.requests()).length;
    const storage = await env.clients.storage(prod);
    const account = await storage.storageAccounts.beginCreateAndWait('rg-data-prod', 'contosodataexport', { location: 'westeurope', sku: { name: 'Standard_GRS' }, kind: 'StorageV2', tags: { team: 'data' } }, fast);
    assert.equal(account.provisioningState, 'Succeeded');
    assert.deepEqual(account.primaryEndpoints, {
      dfs: 'https://contosodataexport.dfs.core.windows.net/',
      web: 'https://contosodataexport.web.core.windows.net/',
      blob: 'https://contosodataexport.blob.core.windows.net/',
      queue: 'https://contosodataexport.queue.core.windows.net/',
      table: 'https://contosodataexport.table.core.windows.net/',
      file: 'https://contosodataexport.file.core.windows.net/',
    });
    assert.deepEqual([account.primaryLocation, account.statusOfPrimary, account.secondaryLocation], ['westeurope', 'available', 'northeurope']);
    assert.equal(account.secondaryEndpoints, undefined, 'GRS without read access has no secondary endpoints');
    assert.ok(account.creationTime instanceof Date);
    assert.deepEqual([account.sku?.tier, account.accessTier, account.enableHttpsTrafficOnly, account.minimumTlsVersion], ['Standard', 'Hot', true, 'TLS1_2']);
    const log = (await env.requests()).slice(since);
    const put = exchangesTo(log, 'PUT', '/storageAccounts/contosodataexport')[0]!;
    assert.equal(put.status, 202);
    assert.equal(put.responseBody, undefined);
    const location = String(put.responseHeaders.Location);
    assert.match(location, /\/subscriptions\/[^/]+\/providers\/Microsoft\.Storage\/locations\/westeurope\/asyncoperations\/[0-9a-f-]{36}\?api-version=2025-06-01&monitor=true$/);
    const polls = log.filter((exchange) => exchange.url === location);
    assert.equal(polls.at(-1)?.status, 200);
    assert.equal((polls.at(-1)!.responseBody as { name: string }).name, 'contosodataexport');
  });

  it('shows provisioningState Creating while the account is being made', async () => {
    // A slower clock (20 s of Azure time take a second) to look at the account while it is made.
    const slow = await startTestEmulator({ timeScale: 20 });
    try {
      const path = `/subscriptions/${prod}/resourceGroups/rg-data-prod/providers/Microsoft.Storage/storageAccounts/contososlowcreate?api-version=2025-06-01`;
      const put = await armJson(slow, 'PUT', path, { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' });
      assert.equal(put.status, 202);
      const during = await armJson(slow, 'GET', path);
      assert.equal((during.body?.properties as { provisioningState: string }).provisioningState, 'Creating');
      const poll = new URL(String(put.headers.location));
      assert.equal((await armJson(slow, 'GET', poll.pathname + poll.search)).status, 202);
      const done = await eventually(async () => {
        const answer = await armJson(slow, 'GET', poll.pathname + poll.search);
        return answer.status === 202 ? undefined : answer;
      }, 'the account to be made');
      assert.equal(done.status, 200);
      assert.equal((done.body?.properties as { provisioningState: string }).provisioningState, 'Succeeded');
    } finally {
      await slow.close();
    }
  });

  it('answers 200 at once for an existing account with the same sku and kind, taking new tags', async () => {
    const since = (await env.requests()).length;
    const storage = await env.clients.storage(prod);
    const account = await storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosowebdiag', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2', tags: { owner: 'web' } }, fast);
    assert.deepEqual(account.tags, { owner: 'web' });
    const puts = exchangesTo((await env.requests()).slice(since), 'PUT', '/storageAccounts/contosowebdiag');
    assert.deepEqual(puts.map((exchange) => exchange.status), [200]);
    await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosowebdiag', { location: 'westeurope', sku: { name: 'Premium_LRS' }, kind: 'StorageV2' }, fast), 400, 'InvalidValuesForRequestParameters');
    await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosowebdiag', { location: 'eastus', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, fast), 409, 'InvalidResourceLocation');
  });

  it('checks names: invalid, taken anywhere (names are global), free', async () => {
    const storage = await env.clients.storage(prod);
    const invalid = await storage.storageAccounts.checkNameAvailability({ name: 'Contoso_Logs', type: 'Microsoft.Storage/storageAccounts' });
    assert.deepEqual(invalid, {
      nameAvailable: false,
      reason: 'AccountNameInvalid',
      message: 'Contoso_Logs is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.',
    });
    const tooShort = await storage.storageAccounts.checkNameAvailability({ name: 'ab', type: 'Microsoft.Storage/storageAccounts' });
    assert.equal(tooShort.reason, 'AccountNameInvalid');
    const taken = await storage.storageAccounts.checkNameAvailability({ name: 'contosodevartifacts', type: 'Microsoft.Storage/storageAccounts' });
    assert.deepEqual(taken, { nameAvailable: false, reason: 'AlreadyExists', message: 'The storage account named contosodevartifacts is already taken.' });
    assert.deepEqual(await storage.storageAccounts.checkNameAvailability({ name: 'contosofreename', type: 'Microsoft.Storage/storageAccounts' }), { nameAvailable: true });
  });

  it('refuses a name taken in another subscription (StorageAccountAlreadyTaken) or another group of this one', async () => {
    const storage = await env.clients.storage(prod);
    const taken = await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosodevartifacts', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, fast), 409, 'StorageAccountAlreadyTaken');
    assert.equal(taken.message, 'The storage account named contosodevartifacts is already taken.');
    await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-data-prod', 'contosowebdiag', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, fast), 409, 'StorageAccountInAnotherResourceGroup');
  });

  it('refuses sku and kind pairs Azure does not make, naming them', async () => {
    const storage = await env.clients.storage(prod);
    const kind = await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosofiles', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'FileStorage' }, fast), 400, 'InvalidValuesForRequestParameters');
    assert.equal(kind.message, 'Values for request parameters are invalid: kind, sku.');
    const sku = await expectArmError(storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosofiles', { location: 'westeurope', sku: { name: 'Standard_XRS' as 'Standard_LRS' }, kind: 'StorageV2' }, fast), 400, 'InvalidValuesForRequestParameters');
    assert.equal(sku.message, 'Values for request parameters are invalid: sku.');
    const files = await storage.storageAccounts.beginCreateAndWait('rg-web-prod', 'contosofiles', { location: 'westeurope', sku: { name: 'Premium_LRS' }, kind: 'FileStorage' }, fast);
    assert.deepEqual(files.primaryEndpoints, { file: 'https://contosofiles.file.core.windows.net/' });
    assert.equal(files.sku?.tier, 'Premium');
  });

  it('deletes an account (200), then answers 204, and its name is free again', async () => {
    const storage = await env.clients.storage(prod);
    const since = (await env.requests()).length;
    await storage.storageAccounts.delete('rg-web-prod', 'contosofiles');
    await storage.storageAccounts.delete('rg-web-prod', 'contosofiles');
    assert.deepEqual(exchangesTo((await env.requests()).slice(since), 'DELETE', '/storageAccounts/contosofiles').map((exchange) => exchange.status), [200, 204]);
    await expectArmError(storage.storageAccounts.getProperties('rg-web-prod', 'contosofiles'), 404, 'ResourceNotFound');
    assert.equal((await storage.storageAccounts.checkNameAvailability({ name: 'contosofiles', type: 'Microsoft.Storage/storageAccounts' })).nameAvailable, true);
  });

  it('answers the older api-versions templates use, with the endpoints reference() reads', async () => {
    for (const version of ['2019-06-01', '2021-04-01', '2021-09-01', '2022-09-01', '2023-01-01', '2023-05-01']) {
      const answer = await armJson(env, 'GET', `/subscriptions/${prod}/resourceGroups/rg-web-prod/providers/Microsoft.Storage/storageAccounts/contosowebdiag?api-version=${version}`);
      assert.equal(answer.status, 200, version);
      assert.equal((answer.body?.properties as { primaryEndpoints: { blob: string } }).primaryEndpoints.blob, 'https://contosowebdiag.blob.core.windows.net/');
    }
  });
});

recordedTrafficConforms('the storage account scenarios', 'the storage account scenarios');
