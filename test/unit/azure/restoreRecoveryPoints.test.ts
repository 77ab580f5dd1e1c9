import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseServiceTime, tierOf, toRecoveryPoint, type RecoveryPointJson } from '../../../src/azure/recoveryPointMappers';
import { recentRecoveryPointRange, recoveryPointFilter } from '../../../src/azure/recoveryPoints';
import { restoredDisksDeploymentInput } from '../../../src/azure/restoredDiskTemplates';
import { specsAvailable, specsFolder } from '../../support/conformance';

const examples = 'specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable/2023-06-01/examples/AzureIaasVm';

function exampleResponse(file: string): unknown {
  return (JSON.parse(fs.readFileSync(path.join(specsFolder, examples, file), 'utf8')) as { responses: { 200: { body: unknown } } }).responses[200].body;
}

const valid = (type: string) => ({ type, status: 'Valid' });

describe('recovery point tiers, as Azure\'s CLI and PowerShell read them', () => {
  it('snapshot and vault, snapshot only, vault only', () => {
    assert.deepEqual(tierOf([valid('InstantRP'), valid('HardenedRP')]), { tier: 'snapshotAndVault', rehydrated: false });
    assert.deepEqual(tierOf([valid('InstantRP')]), { tier: 'snapshot', rehydrated: false });
    assert.deepEqual(tierOf([{ type: 'InstantRP', status: 'Deleted' }, valid('HardenedRP')]), { tier: 'vault', rehydrated: false });
    assert.deepEqual(tierOf([]), { tier: 'vault', rehydrated: false }, 'older points without tier details are vault points');
  });

  it('archive: not rehydrated, rehydrated with its expiry, or with a vault copy beside it', () => {
    assert.deepEqual(tierOf([{ type: 'HardenedRP', status: 'Deleted' }, valid('ArchivedRP')]), { tier: 'archive', rehydrated: false });
    assert.deepEqual(tierOf([{ type: 'ArchivedRP', status: 'Rehydrated', extendedInfo: { RehydratedRPExpiryTime: '2020-12-21T22:48:25.4353958Z' } }]), {
      tier: 'archive',
      rehydrated: true,
      rehydratedUntil: new Date('2020-12-21T22:48:25.435Z'),
    });
    assert.deepEqual(tierOf([valid('HardenedRP'), valid('ArchivedRP')]), { tier: 'archive', rehydrated: true });
    assert.deepEqual(tierOf([valid('InstantRP'), valid('ArchivedRP')]), { tier: 'snapshot', rehydrated: false }, 'the snapshot restores without rehydrating');
  });

  it('reads the numeric enums of older answers (type 1 InstantRP, 2 HardenedRP; status 1 Valid), as the REST guide shows them', () => {
    assert.deepEqual(tierOf([{ type: 1, status: 1 }, { type: 2, status: 1 }]), { tier: 'snapshotAndVault', rehydrated: false });
    assert.deepEqual(tierOf([{ type: 3, status: 4 }]), { tier: 'archive', rehydrated: true });
  });
});

describe('recovery points from Azure\'s examples', () => {
  it('maps RecoveryPoints_List: crash-consistent points in the vault, archived and rehydrated, and an encrypted premium one', (context) => {
    if (!specsAvailable()) {
      context.skip(`no Azure specs at ${specsFolder}`);
      return;
    }
    const body = exampleResponse('RecoveryPoints_List.json') as { value: RecoveryPointJson[] };
    const points = body.value.map((json) => toRecoveryPoint(json)!);
    assert.deepEqual(
      points.map((point) => [point.name, point.time.toISOString(), point.consistency, point.tier, point.rehydrated, point.zones, point.vmSize, point.managed, point.encrypted, point.premiumDisks]),
      [
        ['22244821112382', '2017-12-21T22:48:25.435Z', 'crash', 'vault', false, [], 'Standard_D1', true, false, false],
        ['24977149827250', '2017-12-20T22:49:44.331Z', 'crash', 'archive', true, ['1'], 'Standard_D1', true, false, false],
        ['70477518625276', '2023-09-22T20:02:00.122Z', 'crash', 'snapshotAndVault', false, [], 'Standard_D2s_v3', true, true, true],
      ],
    );
    assert.equal(points[1]!.rehydratedUntil?.toISOString(), '2020-12-21T22:48:25.435Z');
    assert.equal(points[2]!.osType, 'Windows');
    assert.equal(points[0]!.raw, body.value[0], 'the point as Azure sent it');
  });

  it('maps RecoveryPoints_Get', (context) => {
    if (!specsAvailable()) {
      context.skip(`no Azure specs at ${specsFolder}`);
      return;
    }
    const point = toRecoveryPoint(exampleResponse('RecoveryPoints_Get.json') as RecoveryPointJson)!;
    assert.deepEqual([point.name, point.tier, point.zones, point.expiry], ['26083826328862', 'vault', ['1'], undefined]);
  });

  it('reads the consistency and the expiry, and skips what is not an IaaS VM point', () => {
    const json = (recoveryPointType: string): RecoveryPointJson => ({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i/recoveryPoints/1',
      properties: { objectType: 'IaasVMRecoveryPoint', recoveryPointType, recoveryPointTime: '2024-05-01T10:00:00Z', recoveryPointProperties: { expiryTime: '2024-06-01T10:00:00Z' } },
    });
    assert.deepEqual(['AppConsistent', 'FileSystemConsistent', 'CrashConsistent', 'Full'].map((type) => toRecoveryPoint(json(type))!.consistency), ['application', 'fileSystem', 'crash', 'unknown']);
    assert.equal(toRecoveryPoint(json('AppConsistent'))!.expiry?.toISOString(), '2024-06-01T10:00:00.000Z');
    assert.equal(toRecoveryPoint(json('AppConsistent'))!.name, '1', 'named from its id when the answer has no name');
    assert.equal(toRecoveryPoint({ ...json('Full'), properties: { objectType: 'AzureWorkloadSQLRecoveryPoint', recoveryPointTime: '2024-05-01T10:00:00Z' } }), undefined);
    assert.equal(toRecoveryPoint({ ...json('Full'), properties: { objectType: 'IaasVMRecoveryPoint' } }), undefined, 'no time');
  });

  it('reads the service\'s times: ISO 8601, and M/d/yyyy h:mm:ss tt in UTC', () => {
    assert.equal(parseServiceTime('2023-09-22T20:02:00.1225746Z')?.toISOString(), '2023-09-22T20:02:00.122Z');
    assert.equal(parseServiceTime('12/25/2019 10:07:11 PM')?.toISOString(), '2019-12-25T22:07:11.000Z');
    assert.equal(parseServiceTime('1/2/2024 12:00:00 AM')?.toISOString(), '2024-01-02T00:00:00.000Z');
    assert.equal(parseServiceTime('1/2/2024 12:30:00 PM')?.toISOString(), '2024-01-02T12:30:00.000Z');
    assert.equal(parseServiceTime(''), undefined);
    assert.equal(parseServiceTime('soon'), undefined);
  });
});

describe('recovery point date filter', () => {
  it("writes startDate and endDate as 'yyyy-MM-dd hh:mm:ss tt' in UTC, as the SDKs and the portal send them", () => {
    const filter = recoveryPointFilter({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-31T13:05:09Z') });
    assert.equal(filter, "startDate eq '2024-01-01 12:00:00 AM' and endDate eq '2024-01-31 01:05:09 PM'");
    assert.equal(recoveryPointFilter({ from: new Date('2024-03-10T12:00:00Z'), to: new Date('2024-03-10T23:59:59Z') }), "startDate eq '2024-03-10 12:00:00 PM' and endDate eq '2024-03-10 11:59:59 PM'");
  });

  it('defaults to the last 30 days, the end a minute ahead', () => {
    const now = new Date('2024-05-31T10:00:00Z');
    const range = recentRecoveryPointRange(now);
    assert.equal(range.from.toISOString(), '2024-05-01T10:00:00.000Z');
    assert.equal(range.to.toISOString(), '2024-05-31T10:01:00.000Z');
  });
});

describe('the deployment of restored disks', () => {
  it('sends the template link and the parameters as { value }', () => {
    const input = restoredDisksDeploymentInput({ uri: 'https://stage1.blob.core.windows.net/c/azuredeploy.json?sv=1&sig=x', expiresOn: new Date() }, { VirtualMachineName: 'web-01-restored', Subnet: 'default' });
    assert.deepEqual(input, {
      template: {},
      templateLink: { uri: 'https://stage1.blob.core.windows.net/c/azuredeploy.json?sv=1&sig=x' },
      parameters: { VirtualMachineName: { value: 'web-01-restored' }, Subnet: { value: 'default' } },
    });
  });
});
