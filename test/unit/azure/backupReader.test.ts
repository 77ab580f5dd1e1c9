import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jobFilter } from '../../../src/azure/backupReader';

describe('jobFilter', () => {
  it("writes the service's filter with times as 'yyyy-MM-dd hh:mm:ss AM/PM' in UTC", () => {
    const filter = jobFilter({ since: new Date('2023-10-17T16:12:58Z'), until: new Date('2023-10-18T04:05:06Z'), status: 'InProgress', operation: 'Backup' });
    assert.equal(
      filter,
      "backupManagementType eq 'AzureIaasVM' and status eq 'InProgress' and operation eq 'Backup' and startTime eq '2023-10-17 04:12:58 PM' and endTime eq '2023-10-18 04:05:06 AM'",
    );
  });

  it('writes midnight as 12 AM and noon as 12 PM', () => {
    const filter = jobFilter({ since: new Date('2024-01-05T00:30:00Z'), until: new Date('2024-01-05T12:00:09Z') });
    assert.equal(filter, "backupManagementType eq 'AzureIaasVM' and startTime eq '2024-01-05 12:30:00 AM' and endTime eq '2024-01-05 12:00:09 PM'");
  });

  it('leaves out status and operation when not asked, and ends a minute from now by default', () => {
    const before = new Date();
    const filter = jobFilter({ since: new Date('2024-02-29T23:59:59Z') });
    const after = new Date();
    const match = /^backupManagementType eq 'AzureIaasVM' and startTime eq '2024-02-29 11:59:59 PM' and endTime eq '(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)'$/.exec(filter);
    assert.ok(match, filter);
    const [, year, month, date, hours, minutes, seconds, half] = match;
    const hours24 = (Number(hours) % 12) + (half === 'PM' ? 12 : 0);
    const endTime = Date.UTC(Number(year), Number(month) - 1, Number(date), hours24, Number(minutes), Number(seconds));
    assert.ok(endTime >= Math.floor(before.getTime() / 1000) * 1000 + 60_000 && endTime <= after.getTime() + 60_000, `endTime ${match[0]}`);
  });
});
