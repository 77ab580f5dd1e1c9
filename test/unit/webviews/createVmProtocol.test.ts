// The Create VM protocol's guards both ways, the draft's saved state (never the password) and the
// request a draft stands for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { emptyDraft, imageOf, isCreateVmState, otherImage, requestOf, vaultGroupOf } from '../../../src/webviews/shared/createVmDraft';
import { isCreateVmMessage, isHostToCreateVm } from '../../../src/webviews/shared/createVmProtocol';
import { isVmCreateRequest } from '../../../src/webviews/shared/createVmRequestGuard';
import { network, publicKey, sizes, validRequest, vaultPolicies } from './createVmFixtures';
import { subscriptionId, vaultId } from '../vmCreation/vmFixtures';

const identity = { formId: 'f-1', subscriptionId, location: 'westeurope', vaultId };

describe('create VM protocol', () => {
  it('accepts each of the host’s messages', () => {
    for (const message of [
      { type: 'init', identity, subscriptions: [{ subscriptionId, name: 'Prod' }] },
      { type: 'init', identity: { formId: 'f-2' }, subscriptions: [] },
      { type: 'resourceGroups', subscriptionId, resourceGroups: [{ name: 'rg', location: 'westeurope' }] },
      { type: 'locations', subscriptionId, locations: [], error: 'throttled' },
      { type: 'vaults', subscriptionId, vaults: [{ id: vaultId, name: 'v', resourceGroup: 'rg', location: 'westeurope' }] },
      { type: 'zones', subscriptionId, location: 'westeurope', items: ['1', '2', '3'] },
      { type: 'sizes', subscriptionId, location: 'westeurope', items: sizes },
      { type: 'networks', subscriptionId, location: 'westeurope', items: [network] },
      { type: 'policies', vaultId, policies: vaultPolicies() },
      { type: 'groupNames', subscriptionId, resourceGroup: 'rg', names: { virtualNetworks: ['a'], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] } },
      { type: 'vmNameCheck', subscriptionId, resourceGroup: 'rg', name: 'web-01', available: false, message: 'taken' },
      { type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'a:b:c:latest', found: true, osType: 'Windows' },
      { type: 'sshKey', ok: true, publicKey, fileName: '~/.ssh/id_ed25519.pub' },
      { type: 'sshKey', ok: false },
      { type: 'policyAuthored', draft: newStandardPolicyDraft('Daily-45') },
      { type: 'templateShown', ok: true, message: 'Opened.' },
      { type: 'createProgress', message: '4 of 7 resources', resources: [{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', provisioningState: 'Running' }], expectedResourceCount: 7 },
      { type: 'createResult', ok: true, vmId: '/subscriptions/x/vm', vmName: 'web-01', message: 'Created.' },
      { type: 'createResult', ok: false, message: 'Failed.', failures: [{ resourceType: 'Microsoft.Compute/virtualMachines', resourceName: 'web-01', code: 'SkuNotAvailable', message: 'No.' }] },
    ]) {
      assert.equal(isHostToCreateVm(message), true, JSON.stringify(message));
    }
  });

  it('rejects host messages with unknown types, wrong fields, mixed results and extra fields', () => {
    for (const message of [
      { type: '__proto__' },
      { type: 'init', identity: {}, subscriptions: [] },
      { type: 'zones', subscriptionId, location: 'westeurope', items: ['4'] },
      { type: 'sizes', subscriptionId, location: 'westeurope', items: [{ name: 'x', vCpus: '2', memoryMb: 1, premiumDisks: true }] },
      { type: 'imageCheck', subscriptionId, location: 'westeurope', urn: 'a:b:c:d', found: true, osType: 'BeOS' },
      { type: 'sshKey', ok: true, publicKey },
      { type: 'createResult', ok: true, message: 'both', failures: [] },
      { type: 'createResult', ok: false, message: 'no failures list' },
      { type: 'policyAuthored', draft: { ...newStandardPolicyDraft('x'), kind: 'Premium' } },
      { type: 'templateShown', ok: true, message: 'x', html: '<b>' },
    ]) {
      assert.equal(isHostToCreateVm(message), false, JSON.stringify(message));
    }
  });

  it('accepts each of the webview’s messages', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'listRegion', subscriptionId, location: 'westeurope' },
      { type: 'listPolicies', vaultId },
      { type: 'listGroupNames', subscriptionId, resourceGroup: 'rg' },
      { type: 'checkVmName', subscriptionId, resourceGroup: 'rg', name: 'web-01' },
      { type: 'checkImage', subscriptionId, location: 'westeurope', image: { publisher: 'a', offer: 'b', sku: 'c', version: 'latest' } },
      { type: 'loadSshKey' },
      { type: 'authorPolicy', vault: { kind: 'existing', vaultId } },
      { type: 'authorPolicy', vault: { kind: 'new', subscriptionId, resourceGroup: 'rg', name: 'vault-new', location: 'westeurope' }, draft: newStandardPolicyDraft('P1') },
      { type: 'viewTemplate', request: validRequest() },
      { type: 'create', request: validRequest({ zone: '2', authentication: { kind: 'password', password: 'Correct-Horse-9' } }) },
      { type: 'create', request: validRequest({ backup: { enabled: false } }) },
      { type: 'cancel' },
    ]) {
      assert.equal(isCreateVmMessage(message), true, JSON.stringify(message));
    }
  });

  it('rejects malformed webview messages: a create must have the request’s exact shape', () => {
    const request = validRequest();
    for (const message of [
      { type: 'create' },
      { type: 'create', request: { ...request, zone: '4' } },
      { type: 'create', request: { ...request, osType: 'Plan9' } },
      { type: 'create', request: { ...request, inboundPorts: ['SSH', 'FTP'] } },
      { type: 'create', request: { ...request, publicIp: 'yes' } },
      { type: 'create', request: { ...request, authentication: { kind: 'password', password: 'x', publicKey } } },
      { type: 'create', request: { ...request, network: { kind: 'existing', virtualNetworkName: 'x', subnetName: 'y' } } },
      { type: 'create', request: { ...request, backup: { enabled: false, vault: { kind: 'existing', vaultId } } } },
      { type: 'create', request: { ...request, backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'new', draft: { ...newStandardPolicyDraft('x'), instantRestoreDays: Number.NaN } } } } },
      { type: 'create', request: { ...request, customData: 'IyEvYmluL3No' } },
      { type: 'viewTemplate', request: { ...request, name: 'x'.repeat(5_000) } },
      { type: 'checkImage', subscriptionId, location: 'westeurope', urn: 'a:b:c:d' },
      { type: 'loadSshKey', path: '/etc/shadow' },
      { type: 'authorPolicy', vault: { kind: 'new', name: 'v' } },
    ]) {
      assert.equal(isCreateVmMessage(message), false, JSON.stringify(message).slice(0, 200));
    }
  });

  it('turns the draft into the request: the image, the sign-in, the ports in order, the vault and its group', () => {
    const draft = {
      ...emptyDraft({ subscriptionId, location: 'westeurope' }),
      existingResourceGroup: 'rg-web-prod',
      name: ' web-01 ',
      sshPublicKey: `${publicKey}\n`,
      inboundPorts: ['HTTPS', 'SSH'] as const,
      newVaultName: 'vault-weu',
      virtualNetworkName: 'web-01-vnet',
    };
    const request = requestOf({ ...draft, inboundPorts: [...draft.inboundPorts] });
    assert.equal(isVmCreateRequest(request), true);
    assert.equal(request.name, 'web-01');
    assert.deepEqual(request.authentication, { kind: 'sshPublicKey', publicKey });
    assert.deepEqual(request.inboundPorts, ['SSH', 'HTTPS']);
    assert.deepEqual(request.backup, { enabled: true, vault: { kind: 'new', name: 'vault-weu', resourceGroup: { name: 'rg-web-prod', isNew: false } }, policy: { kind: 'existing', name: 'DefaultPolicy' } });
    assert.equal(request.zone, undefined);
    const windows = requestOf({ ...draft, inboundPorts: [], osType: 'Windows', authKind: 'sshPublicKey' }, { password: 'Correct-Horse-9', confirmPassword: 'x' });
    assert.deepEqual(windows.authentication, { kind: 'password', password: 'Correct-Horse-9' }, 'a Windows VM signs in with a password whatever the draft says');
    assert.deepEqual(vaultGroupOf({ ...draft, inboundPorts: [], newVaultGroupMode: 'new', newVaultNewGroup: ' rg-vaults ' }), { name: 'rg-vaults', isNew: true });
    assert.deepEqual(imageOf({ ...draft, inboundPorts: [], image: otherImage, imageUrn: 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest' }), { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-g2', version: 'latest' });
    assert.deepEqual(imageOf({ ...draft, inboundPorts: [], image: otherImage, imageUrn: 'Canonical:ubuntu' }), { publisher: 'Canonical', offer: 'ubuntu', sku: '', version: '' });
  });

  it('restores only a saved state of the current shape, which has no room for the password', () => {
    const draft = emptyDraft({ subscriptionId });
    assert.equal(isCreateVmState({ identity, draft }), true);
    assert.equal(isCreateVmState({ identity, draft: { ...draft, password: 'Correct-Horse-9' } }), false);
    assert.equal(isCreateVmState({ identity: { subscriptionId }, draft }), false, 'no form id');
    assert.equal(isCreateVmState({ identity, draft: { ...draft, zone: 4 } }), false);
    assert.equal(isCreateVmState({ identity, draft: { ...draft, newPolicy: newStandardPolicyDraft('P1') } }), true);
    assert.equal(isCreateVmState(undefined), false);
  });
});
