import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilter, parseFilterTime } from '../../../emulator/http/odataFilter';
import { ArmError } from '../../../emulator/http/armError';

describe('the backup service $filter dialect', () => {
  it('reads clauses joined by and, by lower-cased name', () => {
    const filter = parseFilter("status eq 'InProgress' and operation eq 'Backup' AND backupManagementType eq 'AzureIaasVM'", ['status', 'operation', 'backupManagementType']);
    assert.deepEqual([...filter], [['status', 'InProgress'], ['operation', 'Backup'], ['backupmanagementtype', 'AzureIaasVM']]);
  });

  it('unescapes doubled quotes', () => {
    assert.equal(parseFilter("friendlyName eq 'o''brien'", ['friendlyName']).get('friendlyname'), "o'brien");
  });

  it('refuses an unknown property, naming it', () => {
    assert.throws(() => parseFilter("colour eq 'red'", ['status']), (error: ArmError) => error.status === 400 && /colour/.test(error.message));
  });

  it('refuses a clause that is not name eq value', () => {
    assert.throws(() => parseFilter("status ne 'Failed'", ['status']), (error: ArmError) => error.code === 'BMSUserErrorInvalidFilter');
  });

  it("reads the jobs filter's time format as UTC, and ISO 8601", () => {
    assert.equal(parseFilterTime('2023-10-17 04:12:58 PM'), Date.UTC(2023, 9, 17, 16, 12, 58));
    assert.equal(parseFilterTime('2023-10-17 12:00:00 AM'), Date.UTC(2023, 9, 17, 0, 0, 0));
    assert.equal(parseFilterTime('2023-10-17T16:12:58Z'), Date.UTC(2023, 9, 17, 16, 12, 58));
    assert.throws(() => parseFilterTime('yesterday'), ArmError);
  });
});
