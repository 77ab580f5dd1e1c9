import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applySubscriptionFilter, effectiveSubscriptionFilter, filterEntryFor } from '../../../src/auth/subscriptionFilter';
import type { Subscription } from '../../../src/azure/model';

const subscription = (subscriptionId: string, name: string): Subscription => ({ subscriptionId, id: `/subscriptions/${subscriptionId}`, name, tenantId: 'tenant-1', state: 'Enabled' });
const production = subscription('3F2C6A51-8D7E-4B0A-9C1D-2E5F6A7B8C90', 'Production');
const development = subscription('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'Development');

describe('subscription filter', () => {
  it('shows everything when nothing is selected', () => {
    assert.deepEqual(applySubscriptionFilter([production, development], []), [production, development]);
  });

  it('matches tenantId/subscriptionId entries (the Azure Resources format) and bare ids, ignoring case', () => {
    assert.deepEqual(applySubscriptionFilter([production, development], ['tenant-1/3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90']), [production]);
    assert.deepEqual(applySubscriptionFilter([production, development], ['9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D']), [development]);
    assert.deepEqual(applySubscriptionFilter([production, development], ['tenant-1/unknown']), []);
  });

  it('prefers our own selection, then the Azure Resources extension\'s, then none', () => {
    assert.deepEqual(effectiveSubscriptionFilter(['a/1'], ['b/2']), { source: 'own', selected: ['a/1'] });
    assert.deepEqual(effectiveSubscriptionFilter([], ['b/2']), { source: 'azureResources', selected: ['b/2'] });
    assert.deepEqual(effectiveSubscriptionFilter(undefined, undefined), { source: 'none', selected: [] });
  });

  it('writes entries in the tenantId/subscriptionId form', () => {
    assert.equal(filterEntryFor(development), 'tenant-1/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
  });
});
