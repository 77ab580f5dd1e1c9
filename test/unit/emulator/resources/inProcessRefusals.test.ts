// Refusals no SDK client can provoke (its own checks stop the request first), and a resource group
// whose vault holds only soft-deleted items, called on the routes in-process.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoSeed, demoSubscriptions } from '../../../../emulator/seed/demoSeed';
import { storageAccountRoutes } from '../../../../emulator/resources/storage/storageAccounts';
import { resourceGroupRoutes } from '../../../../emulator/resources/resourceGroups';
import { isSoftDeleted } from '../../../../emulator/backup/protectedItemState';
import { errorOf, inProcessArm } from './inProcessArm';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;

describe('refusals the SDK clients would not send', () => {
  it('refuses a storage account name of the wrong shape with AccountNameInvalid', async () => {
    const { call } = inProcessArm(demoSeed(Date.now()), storageAccountRoutes);
    for (const name of ['Contoso-Logs', 'ab', 'x'.repeat(25)]) {
      const answer = await call('PUT', `/subscriptions/${prod}/resourceGroups/rg-web-prod/providers/Microsoft.Storage/storageAccounts/${name}?api-version=2025-06-01`, { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' });
      assert.equal(answer.status, 400, name);
      assert.deepEqual(errorOf(answer), {
        code: 'AccountNameInvalid',
        message: `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
      });
    }
  });
});

describe('deleting a group whose vault holds only soft-deleted items', () => {
  it('fails with ResourceGroupDeletionBlocked carrying the vault’s soft-delete refusal', async () => {
    const state = demoSeed(Date.now());
    const vault = Object.values(state.vaults).find((candidate) => candidate.resource.name === 'dev-neu-vault')!;
    for (const [key, item] of Object.entries(vault.protectedItems)) if (!isSoftDeleted(item)) delete vault.protectedItems[key];
    assert.equal(Object.keys(vault.protectedItems).length, 1, 'legacy-api is soft-deleted');
    const { call } = inProcessArm(state, resourceGroupRoutes);
    const start = Date.now();
    const deletion = await call('DELETE', `/subscriptions/${dev}/resourcegroups/rg-dev?api-version=2025-03-01`, undefined, start);
    assert.equal(deletion.status, 202);
    const poll = new URL(deletion.headers.Location!);
    const answer = await call('GET', poll.pathname + poll.search, undefined, start + 10 * 60_000);
    assert.equal(answer.status, 409);
    const error = errorOf(answer);
    assert.equal(error.code, 'ResourceGroupDeletionBlocked');
    assert.deepEqual(error.details?.map((detail) => detail.code), ['ServiceResourceNotEmptyWithBackendMessage']);
    assert.match(error.details![0]!.message, /backup items still present in soft delete state/);
    assert.ok(Object.values(state.vaults).some((candidate) => candidate.resource.name === 'dev-neu-vault'));
    assert.ok(!Object.values(state.virtualMachines).some((vm) => vm.resourceGroup === 'rg-dev'), 'the group’s VMs were deleted');
  });
});
