// Microsoft.Network's refusals through the real SDK client, with Azure's codes and messages:
// bad names, missing or far-away references, bad address prefixes, taken DNS names, and deleting
// what is still in use. Nothing refused is stored.
import { recordedTrafficConforms } from '../support/recordedTrafficConforms';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { collect, expectArmError } from './resourceScenarioHelpers';
import { fast } from './armRequestSteps';

const prod = demoSubscriptions.production;
const dev = demoSubscriptions.development;
const networkId = (subscriptionId: string, rg: string, type: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network/${type}/${name}`;
const devSubnet = `${networkId(dev, 'rg-dev', 'virtualNetworks', 'vnet-dev')}/subnets/default`;

describe('Microsoft.Network refusals', () => {
  let env: TestEmulator;
  before(async () => {
    env = await startTestEmulator();
  });
  after(async () => {
    await env?.close();
  });

  it('refuses names Azure does not allow with InvalidResourceName and its message', async () => {
    const network = await env.clients.network(dev);
    const error = await expectArmError(network.virtualNetworks.beginCreateOrUpdateAndWait('rg-dev', '-vnet', { location: 'northeurope' }, fast), 400, 'InvalidResourceName');
    assert.equal(
      error.message,
      "Resource name -vnet is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.",
    );
    await expectArmError(network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-dev', 'ip.', { location: 'northeurope' }, fast), 400, 'InvalidResourceName');
    await expectArmError(network.networkSecurityGroups.beginCreateOrUpdateAndWait('rg-dev', 'n'.repeat(81), { location: 'northeurope' }, fast), 400, 'InvalidResourceName');
    await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'bad subnet', { addressPrefix: '10.60.9.0/24' }, fast), 400, 'InvalidResourceName');
    assert.ok((await network.networkSecurityGroups.get('rg-dev', 'dev-nsg')).name, 'names of 1-80 allowed characters pass');
    assert.equal((await collect(network.virtualNetworks.list('rg-dev'))).length, 1, 'nothing refused was stored');
  });

  it('refuses subnets outside the address space, overlapping, malformed or not aligned', async () => {
    const network = await env.clients.network(dev);
    const outside = await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'far', { addressPrefix: '10.61.0.0/24' }, fast), 400, 'NetcfgSubnetRangeOutsideVnet');
    assert.equal(outside.message, "Subnet 'far' is not valid because its IP address range is outside the IP address range of virtual network 'vnet-dev'.");
    const overlap = await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'twin', { addressPrefix: '10.60.0.128/25' }, fast), 400, 'NetcfgSubnetRangesOverlap');
    assert.equal(overlap.message, "Subnet 'twin' is not valid because its IP address range overlaps with that of an existing subnet in virtual network 'vnet-dev'.");
    const tiny = await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'tiny', { addressPrefix: '10.60.5.0/30' }, fast), 400, 'NetcfgInvalidSubnet');
    assert.equal(tiny.message, "Subnet 'tiny' is not valid in virtual network 'vnet-dev'.");
    await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'junk', { addressPrefix: 'ten.0.0.0/24' }, fast), 400, 'NetcfgInvalidSubnet');
    const unaligned = await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-dev', 'vnet-dev', 'skew', { addressPrefix: '10.60.3.7/24' }, fast), 400, 'InvalidCIDRNotation');
    assert.match(unaligned.message, /The address prefix 10\.60\.3\.7\/24 in resource .*\/subnets\/skew has an invalid CIDR notation\. For the given prefix length, the address prefix should be 10\.60\.3\.0\/24\./);
    await expectArmError(
      network.virtualNetworks.beginCreateOrUpdateAndWait('rg-dev', 'vnet-two', { location: 'northeurope', addressSpace: { addressPrefixes: ['10.90.0.0/16'] }, subnets: [{ name: 'a', addressPrefix: '10.90.0.0/24' }, { name: 'b', addressPrefix: '10.90.0.0/23' }] }, fast),
      400,
      'NetcfgSubnetRangesOverlap',
    );
    assert.deepEqual((await collect(network.subnets.list('rg-dev', 'vnet-dev'))).map((subnet) => subnet.name), ['default']);
  });

  it('refuses an interface whose subnet, public IP or security group is missing or in another region (InvalidResourceReference)', async () => {
    const network = await env.clients.network(dev);
    const nicId = networkId(dev, 'rg-dev', 'networkInterfaces', 'nic-x');
    const missingSubnet = `${networkId(dev, 'rg-dev', 'virtualNetworks', 'vnet-dev')}/subnets/nope`;
    const missing = await expectArmError(network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', 'nic-x', { location: 'northeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: missingSubnet } }] }, fast), 400, 'InvalidResourceReference');
    assert.equal(missing.message, `Resource ${missingSubnet} referenced by resource ${nicId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
    // vnet-dev is in North Europe: an interface in West Europe cannot use it.
    const elsewhere = await expectArmError(network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', 'nic-x', { location: 'westeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: devSubnet } }] }, fast), 400, 'InvalidResourceReference');
    assert.match(elsewhere.message, /both resources are in the same region/);
    const missingIp = networkId(dev, 'rg-dev', 'publicIPAddresses', 'nope-ip');
    const ip = await expectArmError(
      network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', 'nic-x', { location: 'northeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: devSubnet }, publicIPAddress: { id: missingIp } }] }, fast),
      400,
      'InvalidResourceReference',
    );
    assert.equal(ip.message, `Resource ${missingIp} referenced by resource ${nicId}/ipConfigurations/ipconfig1 was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
    await expectArmError(
      network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', 'nic-x', { location: 'northeurope', networkSecurityGroup: { id: networkId(dev, 'rg-dev', 'networkSecurityGroups', 'nope-nsg') }, ipConfigurations: [{ name: 'ipconfig1', subnet: { id: devSubnet } }] }, fast),
      400,
      'InvalidResourceReference',
    );
    const held = networkId(dev, 'rg-dev', 'publicIPAddresses', 'legacy-api-ip');
    const taken = await expectArmError(
      network.networkInterfaces.beginCreateOrUpdateAndWait('rg-dev', 'nic-x', { location: 'northeurope', ipConfigurations: [{ name: 'ipconfig1', subnet: { id: devSubnet }, publicIPAddress: { id: held } }] }, fast),
      400,
      'PublicIPAddressInUse',
    );
    assert.equal(taken.message, `Resource ${nicId}/ipConfigurations/ipconfig1 is referencing public IP address ${held} that is already allocated to resource ${networkId(dev, 'rg-dev', 'networkInterfaces', 'legacy-api-nic')}/ipConfigurations/ipconfig1.`);
    await expectArmError(network.networkInterfaces.get('rg-dev', 'nic-x'), 404, 'ResourceNotFound');
  });

  it('refuses a DNS label another public IP has in the region, in any subscription; the same label elsewhere is free', async () => {
    const network = await env.clients.network(prod);
    const taken = await expectArmError(
      network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-app-eastus', 'copy-ip', { location: 'northeurope', dnsSettings: { domainNameLabel: 'contoso-legacy-api' } }, fast),
      400,
      'DnsRecordInUse',
    );
    assert.equal(taken.message, 'DNS record contoso-legacy-api.northeurope.cloudapp.azure.com is already used by another public IP.');
    const elsewhere = await network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-app-eastus', 'copy-ip', { location: 'eastus', dnsSettings: { domainNameLabel: 'contoso-legacy-api' } }, fast);
    assert.equal(elsewhere.dnsSettings?.fqdn, 'contoso-legacy-api.eastus.cloudapp.azure.com');
    await expectArmError(network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-app-eastus', 'bad-label-ip', { location: 'eastus', dnsSettings: { domainNameLabel: 'Upper_Case' } }, fast), 400, 'InvalidDomainNameLabel');
  });

  it('refuses a Standard public IP that is not static, and a Basic one in a zone', async () => {
    const network = await env.clients.network(prod);
    const dynamic = await expectArmError(
      network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-app-eastus', 'std-ip', { location: 'eastus', sku: { name: 'Standard' }, publicIPAllocationMethod: 'Dynamic' }, fast),
      400,
      'StandardSkuPublicIPAddressesMustBeStatic',
    );
    assert.equal(dynamic.message, `Standard sku publicIp ${networkId(prod, 'rg-app-eastus', 'publicIPAddresses', 'std-ip')} must have AllocationMethod set to Static.`);
    await expectArmError(network.publicIPAddresses.beginCreateOrUpdateAndWait('rg-app-eastus', 'zonal-ip', { location: 'eastus', zones: ['1'] }, fast), 400, 'ZonesNotAllowedInBasicSkuResource');
  });

  it('refuses security rules outside priorities 100-4096', async () => {
    const network = await env.clients.network(prod);
    const rule = { name: 'TooEarly', protocol: 'Tcp', access: 'Allow', direction: 'Inbound', priority: 50, sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' };
    const error = await expectArmError(network.networkSecurityGroups.beginCreateOrUpdateAndWait('rg-app-eastus', 'bad-nsg', { location: 'eastus', securityRules: [rule] }, fast), 400, 'SecurityRuleInvalidPriority');
    assert.equal(error.message, 'Security rule has invalid Priority. Value provided: 50 Allowed range 100-4096.');
  });

  it('refuses to delete what is in use, each with its own code and message', async () => {
    const network = await env.clients.network(prod);
    const rg = 'rg-web-prod';
    const used = `${networkId(prod, rg, 'networkInterfaces', 'web-01-nic')}/ipConfigurations/ipconfig1`;
    const subnet = await expectArmError(network.subnets.beginDeleteAndWait(rg, 'vnet-web-prod', 'web', fast), 400, 'InUseSubnetCannotBeDeleted');
    assert.equal(subnet.message, `Subnet web is in use by ${used} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`);
    await expectArmError(network.virtualNetworks.beginDeleteAndWait(rg, 'vnet-web-prod', fast), 400, 'InUseSubnetCannotBeDeleted');
    // A PUT that leaves a used subnet out removes it: refused the same way.
    await expectArmError(network.virtualNetworks.beginCreateOrUpdateAndWait(rg, 'vnet-web-prod', { location: 'westeurope', addressSpace: { addressPrefixes: ['10.10.0.0/16'] }, subnets: [{ name: 'app', addressPrefix: '10.10.2.0/24' }] }, fast), 400, 'InUseSubnetCannotBeDeleted');
    const nsg = await expectArmError(network.networkSecurityGroups.beginDeleteAndWait(rg, 'web-nsg', fast), 400, 'InUseNetworkSecurityGroupCannotBeDeleted');
    assert.equal(
      nsg.message,
      `Network security group ${networkId(prod, rg, 'networkSecurityGroups', 'web-nsg')} cannot be deleted because it is in use by the following resources: ${networkId(prod, rg, 'virtualNetworks', 'vnet-web-prod')}/subnets/web. In order to delete the Network security group, remove the association with the resource(s). To learn how to do this, see aka.ms/deletensg.`,
    );
    const ip = await expectArmError(network.publicIPAddresses.beginDeleteAndWait(rg, 'web-01-ip', fast), 400, 'PublicIPAddressCannotBeDeleted');
    assert.equal(
      ip.message,
      `Public IP address ${networkId(prod, rg, 'publicIPAddresses', 'web-01-ip')} can not be deleted since it is still allocated to resource ${used}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.  To learn how to do this, see aka.ms/deletepublicip.`,
    );
    const nic = await expectArmError(network.networkInterfaces.beginDeleteAndWait(rg, 'web-01-nic', fast), 400, 'NicInUse');
    assert.equal(
      nic.message,
      `Network Interface ${networkId(prod, rg, 'networkInterfaces', 'web-01-nic')} is used by existing resource /subscriptions/${prod}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/web-01. In order to delete the network interface, it must be dissociated from the resource. To learn more, see aka.ms/deletenic.`,
    );
    assert.equal((await network.subnets.get(rg, 'vnet-web-prod', 'web')).ipConfigurations?.length, 3, 'all still there');
  });

  it('answers 404 for what is not there: the group, the network, a subnet', async () => {
    const network = await env.clients.network(prod);
    await expectArmError(network.virtualNetworks.get('rg-missing', 'vnet'), 404, 'ResourceGroupNotFound');
    await expectArmError(network.virtualNetworks.get('rg-web-prod', 'vnet-missing'), 404, 'ResourceNotFound');
    await expectArmError(network.subnets.get('rg-web-prod', 'vnet-web-prod', 'nope'), 404, 'NotFound');
    await expectArmError(network.subnets.beginCreateOrUpdateAndWait('rg-web-prod', 'vnet-missing', 'default', { addressPrefix: '10.0.0.0/24' }, fast), 404, 'ResourceNotFound');
    await expectArmError(network.virtualNetworks.beginCreateOrUpdateAndWait('rg-web-prod', 'vnet-nowhere', { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }, fast), 400, 'LocationRequired');
    await expectArmError(network.virtualNetworks.beginCreateOrUpdateAndWait('rg-web-prod', 'vnet-web-prod', { location: 'eastus', addressSpace: { addressPrefixes: ['10.10.0.0/16'] } }, fast), 409, 'InvalidResourceLocation');
  });
});

recordedTrafficConforms('the network refusal scenarios', 'the network refusal scenarios (Microsoft.Network counted apart as unknown)');
