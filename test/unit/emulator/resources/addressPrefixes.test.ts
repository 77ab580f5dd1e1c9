import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alignedPrefix, contains, hostAddress, isAligned, overlaps, parsePrefix } from '../../../../emulator/resources/network/addressPrefixes';

const prefix = (text: string) => parsePrefix(text)!;

describe('IPv4 address prefixes', () => {
  it('reads a.b.c.d/n and refuses what is not one', () => {
    assert.deepEqual(parsePrefix('10.0.0.0/16'), { first: 0x0a000000, length: 16 });
    for (const bad of ['10.0.0/16', '10.0.0.256/24', '10.0.0.0/33', '10.0.0.0', 'ten.0.0.0/8', ' ']) assert.equal(parsePrefix(bad), undefined, bad);
  });

  it('tells aligned prefixes from ones with host bits, and what they should have been', () => {
    assert.equal(isAligned(prefix('10.1.2.0/24')), true);
    assert.equal(isAligned(prefix('10.1.2.7/24')), false);
    assert.equal(alignedPrefix(prefix('10.1.2.7/24')), '10.1.2.0/24');
    assert.equal(alignedPrefix(prefix('192.168.17.5/20')), '192.168.16.0/20');
  });

  it('knows containment and overlap', () => {
    assert.equal(contains(prefix('10.0.0.0/16'), prefix('10.0.5.0/24')), true);
    assert.equal(contains(prefix('10.0.0.0/16'), prefix('10.1.0.0/24')), false);
    assert.equal(contains(prefix('10.0.5.0/24'), prefix('10.0.0.0/16')), false, 'the larger is not inside the smaller');
    assert.equal(overlaps(prefix('10.0.0.0/23'), prefix('10.0.1.0/24')), true);
    assert.equal(overlaps(prefix('10.0.0.0/24'), prefix('10.0.1.0/24')), false);
  });

  it('gives interfaces the fifth address on (Azure keeps the first four and the last)', () => {
    const subnet = prefix('10.60.0.0/24');
    assert.equal(hostAddress(subnet, 0), '10.60.0.4');
    assert.equal(hostAddress(subnet, 1), '10.60.0.5');
    assert.equal(hostAddress(subnet, 250), '10.60.0.254');
    assert.equal(hostAddress(subnet, 251), undefined, '.255 is reserved');
    assert.equal(hostAddress(prefix('10.0.0.0/29'), 2), '10.0.0.6');
    assert.equal(hostAddress(prefix('10.0.0.0/29'), 3), undefined, 'a /29 has three usable addresses');
  });
});
