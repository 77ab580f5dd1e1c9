import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatUtcOffset, isWindowsTimeZone, windowsTimeZoneIds, windowsTimeZoneOffset, windowsTimeZones } from '../../../src/policy/windowsTimeZones';
import { windowsTimeZoneIds as emulatorTimeZoneIds } from '../../../emulator/backup/windowsTimeZones';

describe('windows time zones', () => {
  it('knows the same ids as the emulated service, each once', () => {
    assert.deepEqual([...windowsTimeZoneIds].sort(), [...emulatorTimeZoneIds].sort());
    assert.equal(new Set(windowsTimeZoneIds).size, windowsTimeZoneIds.length);
  });

  it('gives base offsets, without daylight saving', () => {
    assert.equal(windowsTimeZoneOffset('UTC'), 0);
    assert.equal(windowsTimeZoneOffset('W. Europe Standard Time'), 60);
    assert.equal(windowsTimeZoneOffset('Pacific Standard Time'), -480);
    assert.equal(windowsTimeZoneOffset('India Standard Time'), 330);
    assert.equal(windowsTimeZoneOffset('Nepal Standard Time'), 345);
    assert.equal(windowsTimeZoneOffset('Chatham Islands Standard Time'), 765);
    assert.equal(windowsTimeZoneOffset('Europe/Paris'), undefined);
    assert.equal(isWindowsTimeZone('Line Islands Standard Time'), true);
  });

  it('lists them west to east with picker labels', () => {
    const offsets = windowsTimeZones.map((zone) => zone.utcOffsetMinutes);
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
    assert.equal(windowsTimeZones[0]!.label, '(UTC-12:00) Dateline Standard Time');
    assert.equal(windowsTimeZones.find((zone) => zone.id === 'Newfoundland Standard Time')!.label, '(UTC-03:30) Newfoundland Standard Time');
    assert.equal(formatUtcOffset(0), 'UTC');
  });
});
