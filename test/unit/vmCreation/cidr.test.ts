import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrContains, cidrProblem, formatCidr, parseCidr } from '../../../src/vmCreation/cidr';

describe('IPv4 CIDR prefixes', () => {
  it('parses a.b.c.d/n and formats it back', () => {
    assert.deepEqual(parseCidr('10.0.0.0/16'), { address: 10 * 2 ** 24, prefixLength: 16 });
    assert.equal(formatCidr(parseCidr('192.168.10.0/24')!), '192.168.10.0/24');
    for (const text of ['10.0.0.0', '10.0.0/16', '256.0.0.0/8', '10.0.0.0/33', 'a.b.c.d/8', '10.0.0.0/-1']) assert.equal(parseCidr(text), undefined, text);
  });

  it('accepts prefix lengths /2 to /29 at their network address', () => {
    for (const text of ['10.0.0.0/16', '10.0.0.0/29', '0.0.0.0/2', '172.16.0.0/12', '192.168.1.8/29']) assert.equal(cidrProblem('Address space', text), undefined, text);
    assert.equal(cidrProblem('Address space', ''), 'Address space is required, in CIDR notation such as 10.0.0.0/16.');
    assert.equal(cidrProblem('Address space', '10.0.0.0'), "Address space '10.0.0.0' is not an IPv4 address prefix in CIDR notation, such as 10.0.0.0/16.");
    assert.equal(cidrProblem('Subnet address range', '10.0.0.0/30'), 'Subnet address range must have a prefix length from /2 to /29 (not /30).');
    assert.equal(cidrProblem('Address space', '0.0.0.0/1'), 'Address space must have a prefix length from /2 to /29 (not /1).');
  });

  it('refuses host bits, naming the network address to use', () => {
    assert.equal(cidrProblem('Subnet address range', '10.0.0.1/24'), 'Subnet address range 10.0.0.1/24 has host bits set: for a /24 it must be 10.0.0.0/24.');
    assert.equal(cidrProblem('Address space', '10.1.2.3/16'), 'Address space 10.1.2.3/16 has host bits set: for a /16 it must be 10.1.0.0/16.');
  });

  it('refuses the ranges Azure reserves', () => {
    assert.equal(cidrProblem('Address space', '224.0.0.0/8'), 'Address space 224.0.0.0/8 overlaps 224.0.0.0/4, the multicast range Azure reserves: use a private range such as 10.0.0.0/16.');
    assert.match(cidrProblem('Address space', '127.0.0.0/16')!, /overlaps 127\.0\.0\.0\/8, the loopback range/);
    assert.match(cidrProblem('Address space', '169.254.0.0/24')!, /link-local/);
    assert.match(cidrProblem('Address space', '168.63.0.0/16')!, /168\.63\.129\.16\/32, the Azure's internal DNS and health probe range/);
  });

  it('tells whether a subnet lies inside an address space', () => {
    const space = parseCidr('10.0.0.0/16')!;
    assert.equal(cidrContains(space, parseCidr('10.0.0.0/24')!), true);
    assert.equal(cidrContains(space, parseCidr('10.0.255.0/24')!), true);
    assert.equal(cidrContains(space, parseCidr('10.0.0.0/16')!), true);
    assert.equal(cidrContains(space, parseCidr('10.1.0.0/24')!), false);
    assert.equal(cidrContains(space, parseCidr('10.0.0.0/8')!), false);
  });
});
