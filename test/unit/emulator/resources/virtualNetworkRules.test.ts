import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { virtualNetworkProblem } from '../../../../emulator/resources/network/virtualNetworkRules';
import { networkNamePattern } from '../../../../emulator/resources/network/networkNames';

const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet';
const subnet = (name: string, addressPrefix: string) => ({ name, properties: { addressPrefix } });
const problem = (prefixes: string[], subnets: Record<string, unknown>[]) => {
  const error = virtualNetworkProblem(id, 'vnet', prefixes, subnets);
  return error && { code: error.code, message: error.message };
};

describe('virtual network rules', () => {
  it('accepts subnets inside the address space that do not overlap, in either spelling of their prefixes', () => {
    assert.equal(problem(['10.0.0.0/16', '10.1.0.0/16'], [subnet('a', '10.0.0.0/24'), subnet('b', '10.1.0.0/24'), { name: 'c', properties: { addressPrefixes: ['10.0.9.0/29'] } }]), undefined);
  });

  it('refuses each problem with its code, in Azure’s order', () => {
    assert.deepEqual(problem(['10.0.0.1/16'], []), {
      code: 'InvalidCIDRNotation',
      message: `The address prefix 10.0.0.1/16 in resource ${id} has an invalid CIDR notation. For the given prefix length, the address prefix should be 10.0.0.0/16.`,
    });
    assert.equal(problem(['10.0.0.0/16'], [subnet('bad name', '10.0.0.0/24')])?.code, 'InvalidResourceName');
    assert.equal(problem(['10.0.0.0/16'], [{ name: 'none', properties: {} }])?.code, 'NetcfgInvalidSubnet');
    assert.equal(problem(['10.0.0.0/16'], [subnet('small', '10.0.0.0/30')])?.code, 'NetcfgInvalidSubnet');
    assert.equal(problem(['10.0.0.0/16'], [subnet('out', '10.2.0.0/24')])?.code, 'NetcfgSubnetRangeOutsideVnet');
    assert.equal(problem(['10.0.0.0/16'], [subnet('a', '10.0.0.0/24'), subnet('b', '10.0.0.128/25')])?.code, 'NetcfgSubnetRangesOverlap');
    assert.equal(problem(['10.0.0.0/16'], [subnet('skew', '10.0.0.9/24')])?.code, 'InvalidCIDRNotation');
  });

  it('names resources as Azure allows: 1-80 characters, starting with a letter or digit, ending with one or an underscore', () => {
    for (const good of ['a', 'vnet-web_prod.1', 'x_', 'A'.repeat(80)]) assert.ok(networkNamePattern.test(good), good);
    for (const bad of ['', '-vnet', '_vnet', 'vnet.', 'vnet-', 'has space', 'a'.repeat(81), 'ümlaut']) assert.ok(!networkNamePattern.test(bad), bad);
  });
});
