import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseServiceDuration } from '../../../src/azure/duration';

describe('parseServiceDuration', () => {
  it('reads ISO 8601 durations as jobs write them', () => {
    assert.equal(parseServiceDuration('PT12.4272909S'), 12_427);
    assert.equal(parseServiceDuration('PT1H2M3.5S'), 3_723_500);
    assert.equal(parseServiceDuration('PT22M'), 1_320_000);
    assert.equal(parseServiceDuration('P1DT2H'), 93_600_000);
    assert.equal(parseServiceDuration('P14D'), 14 * 86_400_000);
    assert.equal(parseServiceDuration('PT0S'), 0);
  });

  it('reads .NET TimeSpan durations as task lists and soft-delete times write them', () => {
    assert.equal(parseServiceDuration('00:09:35.08'), 575_080);
    assert.equal(parseServiceDuration('01:00:00'), 3_600_000);
    assert.equal(parseServiceDuration('1.02:03:04.5'), 93_784_500);
    assert.equal(parseServiceDuration('13.23:59:59'), 13 * 86_400_000 + 86_399_000);
  });

  it('gives undefined for nothing and for anything else', () => {
    for (const garbage of [undefined, '', 'P', 'PT', 'soon', '12', 'PT5', 'P1W', 'PT-5S', '1:2:3', '00:60', '1.2.03:04:05', ' PT1S']) {
      assert.equal(parseServiceDuration(garbage), undefined, `"${garbage}"`);
    }
  });
});
