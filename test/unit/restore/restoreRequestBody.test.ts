import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { recoveryTypes, restoreRequestBody, restoreResourceBody, validateRestoreBody } from '../../../src/restore/restoreRequestBody';
import { restoreSourceOf, type RestoreRequest } from '../../../src/restore/restoreRequest';
import { specsAvailable, specsFolder } from '../../support/conformance';
import { accountId, newVmRequest, source, sourceVmId, subscription, vaultId, vnetId } from './restoreFixtures';

type Json = Record<string, unknown>;
const stable = 'specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable';

/** The request body of one of Azure's TriggerRestore examples. */
function exampleBody(version: string, file: string): Json {
  const example = JSON.parse(fs.readFileSync(path.join(specsFolder, stable, version, 'examples/AzureIaasVm', file), 'utf8')) as { parameters: { parameters: { properties: Json } } };
  return example.parameters.parameters.properties;
}

/** What this extension never sends: managed-identity restore (identityInfo, identityBasedRestoreDetails). */
function withoutIdentity(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'identityInfo' && key !== 'identityBasedRestoreDetails'));
}

/** ARM ids compare without case: the ALR examples spell the VM's type 'virtualmachines'. */
function idsInLowerCase(body: object): Json {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' && value.startsWith('/subscriptions/') ? value.toLowerCase() : value]));
}

function needsSpecs(context: TestContext): boolean {
  if (specsAvailable()) return true;
  context.skip(`no Azure specs at ${specsFolder}`);
  return false;
}

const restoreDisks = (overrides: Partial<RestoreRequest> = {}): RestoreRequest =>
  newVmRequest({ type: 'restoreDisks', targetResourceGroup: 'testingRg', stagingStorageAccountId: accountId('testAccount', 'testingRg'), ...overrides });

describe('restore request body: Azure\'s TriggerRestore examples', () => {
  it('Create a new VM is the ALR example of 2023-04-01 (IaasVMRestoreRequest, AlternateLocation)', (context) => {
    if (!needsSpecs(context)) return;
    assert.deepEqual(idsInLowerCase(restoreRequestBody(newVmRequest())), idsInLowerCase(withoutIdentity(exampleBody('2023-04-01', 'TriggerRestore_ALR_IaasVMRestoreRequest.json'))));
  });

  it('Create a new VM from an archived point is the ALR rehydration example of 2023-02-01 (High priority)', (context) => {
    if (!needsSpecs(context)) return;
    const request = newVmRequest({ source: source({ tier: 'archive' }), rehydration: { priority: 'High', days: 7 } });
    assert.deepEqual(idsInLowerCase(restoreRequestBody(request)), idsInLowerCase(exampleBody('2023-02-01', 'TriggerRestore_ALR_IaasVMRestoreWithRehydrationRequest.json')));
  });

  it('Restore disks of an unmanaged VM is the RestoreDisks example of 2023-02-01, except createNewCloudService (false, as the REST guide and the CLI send)', (context) => {
    if (!needsSpecs(context)) return;
    const body = restoreRequestBody(restoreDisks({ source: source({ managed: false }) }));
    const example = withoutIdentity(exampleBody('2023-02-01', 'TriggerRestore_RestoreDisks_IaasVMRestoreRequest.json'));
    assert.equal(example['createNewCloudService'], true);
    assert.deepEqual(body, { ...example, createNewCloudService: false });
  });

  it('Restore disks of an archived, unmanaged VM is the 2023-06-01 rehydration example (Standard, P7D), except createNewCloudService', (context) => {
    if (!needsSpecs(context)) return;
    const body = restoreRequestBody(restoreDisks({ source: source({ managed: false, tier: 'archive' }), rehydration: { priority: 'Standard', days: 7 } }));
    const example = exampleBody('2023-06-01', 'TriggerRestore_RestoreDisks_IaasVMRestoreWithRehydrationRequest.json');
    assert.deepEqual(body, { ...example, createNewCloudService: false });
  });

  it('Restore disks of a managed VM sends the target resource group, as the 2023-04-01 identity example does', (context) => {
    if (!needsSpecs(context)) return;
    const example = exampleBody('2023-04-01', 'TriggerRestore_RestoreDisks_IaasVMRestoreRequest_IdentityBasedRestoreDetails.json');
    const body = restoreRequestBody(restoreDisks());
    assert.equal(body.targetResourceGroupId, `/subscriptions/${subscription}/resourceGroups/testingRg`);
    assert.equal(body.storageAccountId, (example['identityBasedRestoreDetails'] as Json)['targetStorageAccountId'], 'the staging account the identity example names');
    assert.equal(body.recoveryType, example['recoveryType']);
  });
});

describe('restore request body per type', () => {
  it('maps the three types to AlternateLocation, RestoreDisks and OriginalLocation', () => {
    assert.deepEqual(recoveryTypes, { newVm: 'AlternateLocation', restoreDisks: 'RestoreDisks', replaceDisks: 'OriginalLocation' });
  });

  it('Replace existing disks names only the point, the VM, the staging account and the region (as the REST guide)', () => {
    const body = restoreRequestBody(newVmRequest({ type: 'replaceDisks', confirmVmName: 'netvmtestv2vm1', zone: '2' }));
    assert.deepEqual(body, {
      objectType: 'IaasVMRestoreRequest',
      recoveryPointId: '348916168024334',
      recoveryType: 'OriginalLocation',
      sourceResourceId: sourceVmId,
      storageAccountId: accountId('testingAccount'),
      region: 'southeastasia',
      createNewCloudService: false,
      originalStorageAccountOption: false,
      encryptionDetails: { encryptionEnabled: false },
    });
  });

  it('sends a chosen zone as zones: [zone], and none when not chosen', () => {
    assert.deepEqual(restoreRequestBody(newVmRequest({ zone: '3' })).zones, ['3']);
    assert.equal('zones' in restoreRequestBody(newVmRequest()), false);
    assert.deepEqual(restoreRequestBody(restoreDisks({ zone: '1' })).zones, ['1']);
  });

  it('sends rehydration only for a point still in the archive tier (Azure refuses it on any other)', () => {
    const rehydration = { priority: 'Standard' as const, days: 15 };
    const archived = restoreRequestBody(newVmRequest({ source: source({ tier: 'archive' }), rehydration }));
    assert.equal(archived.objectType, 'IaasVMRestoreWithRehydrationRequest');
    assert.deepEqual(archived.recoveryPointRehydrationInfo, { rehydrationRetentionDuration: 'P15D', rehydrationPriority: 'Standard' });
    for (const point of [source({ tier: 'archive', rehydrated: true }), source({ tier: 'vault' })]) {
      const body = restoreRequestBody(newVmRequest({ source: point, rehydration }));
      assert.equal(body.objectType, 'IaasVMRestoreRequest');
      assert.equal('recoveryPointRehydrationInfo' in body, false);
    }
  });

  it('builds the new VM and subnet ids in the vault\'s subscription', () => {
    const body = restoreRequestBody(newVmRequest({ vmName: 'web-restored', targetResourceGroup: 'rg-restore', subnetName: 'backend' }));
    assert.equal(body.targetVirtualMachineId, `/subscriptions/${subscription}/resourceGroups/rg-restore/providers/Microsoft.Compute/virtualMachines/web-restored`);
    assert.equal(body.targetResourceGroupId, `/subscriptions/${subscription}/resourceGroups/rg-restore`);
    assert.equal(body.subnetId, `${vnetId}/subnets/backend`);
  });

  it('wraps the properties for Restores_Trigger, and for Operation_Validate as 2023-06-01 defines it (the point id, then the request)', () => {
    const request = newVmRequest();
    assert.deepEqual(restoreResourceBody(request), { properties: restoreRequestBody(request) });
    assert.deepEqual(validateRestoreBody(request), {
      id: request.source.point.id,
      properties: { objectType: 'ValidateIaasVMRestoreOperationRequest', restoreRequest: restoreRequestBody(request) },
    });
  });
});

describe('restore source of a recovery point', () => {
  it('keeps the vault, the VM and the facts of the point that decide the restore: no dates, no raw JSON', () => {
    const point = {
      id: `${vaultId}/backupFabrics/Azure/protectionContainers/c/protectedItems/i/recoveryPoints/42`,
      name: '42',
      time: new Date('2024-05-01T10:00:00Z'),
      consistency: 'application' as const,
      tier: 'archive' as const,
      rehydrated: true,
      rehydratedUntil: new Date('2024-05-20T10:00:00Z'),
      expiry: new Date('2025-05-01T10:00:00Z'),
      zones: ['2'],
      vmSize: 'Standard_D2s_v5',
      osType: 'Windows' as const,
      managed: true,
      encrypted: false,
      premiumDisks: true,
      raw: { secret: 'not copied' },
    };
    const restored = restoreSourceOf({ id: vaultId, location: 'southeastasia' }, { virtualMachineId: sourceVmId, name: 'netvmtestv2vm1' }, point);
    assert.deepEqual(restored, {
      vaultId,
      vaultLocation: 'southeastasia',
      virtualMachineId: sourceVmId,
      vmName: 'netvmtestv2vm1',
      point: { id: point.id, name: '42', tier: 'archive', rehydrated: true, zones: ['2'], managed: true, encrypted: false, premiumDisks: true, osType: 'Windows' },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(restored)), restored, 'survives the webview message');
  });
});
