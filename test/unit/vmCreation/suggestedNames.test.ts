import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  networkResourceNamesOf, suggestNetworkResourceNames, suggestVaultName, suggestVaultResourceGroup, suggestVirtualNetwork, uniqueName,
} from '../../../src/vmCreation/suggestedNames';
import { vaultNameProblem } from '../../../src/azure/vaultRules';
import { networkResourceNameProblem } from '../../../src/vmCreation/nameRules';

describe('suggested names', () => {
  it('names network resources as the portal does, unique in the resource group', () => {
    assert.deepEqual(suggestNetworkResourceNames('web-04'), { networkSecurityGroup: 'web-04-nsg', publicIp: 'web-04-ip', networkInterface: 'web-04-nic' });
    assert.deepEqual(
      suggestNetworkResourceNames('web-01', { networkSecurityGroups: ['WEB-01-NSG'], publicIpAddresses: ['web-01-ip', 'web-01-ip-2'], networkInterfaces: [] }),
      { networkSecurityGroup: 'web-01-nsg-2', publicIp: 'web-01-ip-3', networkInterface: 'web-01-nic' },
    );
  });

  it('uses a request’s own names when it has them', () => {
    const names = { networkSecurityGroup: 'a', publicIp: 'b', networkInterface: 'c' };
    assert.deepEqual(networkResourceNamesOf({ name: 'vm', networkResourceNames: names }), names);
    assert.deepEqual(networkResourceNamesOf({ name: 'vm' }), { networkSecurityGroup: 'vm-nsg', publicIp: 'vm-ip', networkInterface: 'vm-nic' });
  });

  it('suggests a new virtual network with a default subnet', () => {
    assert.deepEqual(suggestVirtualNetwork('web-04', ['web-04-vnet']), {
      kind: 'new', virtualNetworkName: 'web-04-vnet-2', addressPrefix: '10.0.0.0/16', subnetName: 'default', subnetPrefix: '10.0.0.0/24',
    });
    const long = suggestVirtualNetwork('x'.repeat(64)).virtualNetworkName;
    assert.equal(long.length, 64);
    assert.equal(networkResourceNameProblem('virtualNetwork', long), undefined);
  });

  it('keeps unique names within the length, never ending in a period or hyphen', () => {
    assert.equal(uniqueName('abc', ['abc'], 5), 'abc-2');
    assert.equal(uniqueName('abcdef', ['abcde'], 5), 'abc-2');
    assert.equal(uniqueName('abcd-ef', [], 5), 'abcd');
  });

  it('suggests a vault name unique in the subscription, valid by the vault rules', () => {
    const sequence = [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5];
    let index = 0;
    const random = () => sequence[index++ % sequence.length];
    const name = suggestVaultName('westeurope', ['vault-westeurope-aaaa'], random);
    assert.equal(name, 'vault-westeurope-ssss');
    assert.equal(vaultNameProblem(name), undefined);
    assert.match(suggestVaultName('southafricanorth'), /^vault-southafricanorth-[a-z0-9]{4}$/);
  });

  it('suggests rg-backup-<region> for a new vault, existing or new', () => {
    assert.deepEqual(suggestVaultResourceGroup('westeurope', ['RG-Backup-WestEurope']), { name: 'RG-Backup-WestEurope', isNew: false });
    assert.deepEqual(suggestVaultResourceGroup('eastus', ['rg-backup-westeurope']), { name: 'rg-backup-eastus', isNew: true });
  });
});
