// The network and compute part of the Create VM template, as the portal deploys it: a network
// security group with the chosen inbound rules (attached to the NIC), a new virtual network with
// its subnet or an existing subnet by id (possibly in another resource group), a Standard static
// public IP in the VM's zone, the NIC, and the VM itself.
import { computerNameFor, vmNameLength } from './nameRules';
import { networkResourceNamesOf } from './suggestedNames';
import { expr, literal, param, templateApiVersions, types, variable, type Json, type TemplateParameters } from './templateParts';
import type { InboundPort, VmCreateRequest } from './vmCreateRequest';
import { osDiskTypes } from './vmImages';
import { inboundPortNumbers } from './vmRules';

/** The portal's order and priorities for the inbound rules it creates. */
const portOrder: readonly InboundPort[] = ['SSH', 'RDP', 'HTTP', 'HTTPS'];

export interface TemplatePart {
  variables: Json;
  resources: Json[];
}

/** Parameters, variables and resources of everything but backup. Adds its parameters to `parameters`. */
export function computePart(request: VmCreateRequest, parameters: TemplateParameters): TemplatePart {
  const names = networkResourceNamesOf(request);
  const location = parameters.add('location', { type: 'string', description: 'Region of the VM and its network resources.' }, request.location);
  parameters.add('vmName', { type: 'string', description: 'Name of the virtual machine.', minLength: 1, maxLength: vmNameLength[request.osType].max }, request.name);
  parameters.add('computerName', { type: 'string', description: 'Host name of the VM.' }, computerNameFor(request.name, request.osType));
  parameters.add('vmSize', { type: 'string', description: 'VM size, offered in the region.' }, request.size);
  if (request.zone) parameters.add('zone', { type: 'string', description: 'Availability zone of the VM and its public IP.', allowedValues: ['1', '2', '3'] }, request.zone);
  parameters.add('imagePublisher', { type: 'string', description: 'Marketplace image publisher.' }, request.image.publisher);
  parameters.add('imageOffer', { type: 'string', description: 'Marketplace image offer.' }, request.image.offer);
  parameters.add('imageSku', { type: 'string', description: 'Marketplace image SKU.' }, request.image.sku);
  parameters.add('imageVersion', { type: 'string', description: "Image version, or 'latest'." }, request.image.version);
  parameters.add('osDiskType', { type: 'string', description: 'Storage type of the OS disk.', allowedValues: osDiskTypes.map((info) => info.type) }, request.osDiskType);
  parameters.add('adminUsername', { type: 'string', description: 'Administrator account of the VM.' }, request.adminUsername);
  if (request.authentication.kind === 'password') {
    parameters.add('adminPassword', { type: 'securestring', description: 'Administrator password.' }, request.authentication.password);
  } else {
    parameters.add('sshPublicKey', { type: 'string', description: 'SSH public key of the administrator (OpenSSH one-line format).' }, request.authentication.publicKey.trim());
  }
  parameters.add('networkSecurityGroupName', { type: 'string', description: 'Network security group of the NIC.' }, names.networkSecurityGroup);
  const network = request.network;
  if (network.kind === 'new') {
    parameters.add('virtualNetworkName', { type: 'string', description: 'New virtual network.' }, network.virtualNetworkName);
    parameters.add('addressPrefix', { type: 'string', description: 'Address space of the new virtual network.' }, network.addressPrefix);
    parameters.add('subnetName', { type: 'string', description: 'Subnet of the new virtual network.' }, network.subnetName);
    parameters.add('subnetPrefix', { type: 'string', description: 'Address range of the subnet.' }, network.subnetPrefix);
  } else {
    parameters.add('virtualNetworkId', { type: 'string', description: 'Existing virtual network (any resource group of the subscription, same region).' }, network.virtualNetworkId);
    parameters.add('subnetName', { type: 'string', description: 'Existing subnet of that virtual network.' }, network.subnetName);
  }
  if (request.publicIp) parameters.add('publicIpName', { type: 'string', description: 'Public IP address of the VM.' }, names.publicIp);
  parameters.add('networkInterfaceName', { type: 'string', description: 'Network interface of the VM.' }, names.networkInterface);

  const ids = {
    nsg: `resourceId('${types.nsg}', ${param('networkSecurityGroupName')})`,
    vnet: `resourceId('${types.vnet}', ${param('virtualNetworkName')})`,
    publicIp: `resourceId('${types.publicIp}', ${param('publicIpName')})`,
    nic: `resourceId('${types.nic}', ${param('networkInterfaceName')})`,
    vm: `resourceId('${types.vm}', ${param('vmName')})`,
  };
  const variables: Json = {
    subnetId: network.kind === 'new'
      ? expr(`resourceId('${types.subnet}', ${param('virtualNetworkName')}, ${param('subnetName')})`)
      : expr(`concat(${param('virtualNetworkId')}, '/subnets/', ${param('subnetName')})`),
    virtualMachineId: expr(ids.vm),
  };
  const zones = request.zone ? { zones: expr(`createArray(${param('zone')})`) } : {};
  const resources: Json[] = [networkSecurityGroup(request.inboundPorts, location)];
  if (network.kind === 'new') resources.push(virtualNetwork(location));
  if (request.publicIp) resources.push(publicIpAddress(location, zones));
  resources.push(networkInterface(request, location, ids));
  resources.push(virtualMachine(request, location, zones, ids.nic));
  return { variables, resources };
}

function networkSecurityGroup(ports: readonly InboundPort[], location: string): Json {
  const rules = portOrder.filter((port) => ports.includes(port)).map((port, index) => ({
    name: port,
    properties: {
      priority: 300 + index * 20,
      protocol: 'Tcp',
      access: 'Allow',
      direction: 'Inbound',
      sourceAddressPrefix: '*',
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: String(inboundPortNumbers[port]),
    },
  }));
  return { type: types.nsg, apiVersion: templateApiVersions.network, name: expr(param('networkSecurityGroupName')), location, properties: { securityRules: rules } };
}

function virtualNetwork(location: string): Json {
  return {
    type: types.vnet,
    apiVersion: templateApiVersions.network,
    name: expr(param('virtualNetworkName')),
    location,
    properties: {
      addressSpace: { addressPrefixes: [expr(param('addressPrefix'))] },
      subnets: [{ name: expr(param('subnetName')), properties: { addressPrefix: expr(param('subnetPrefix')) } }],
    },
  };
}

function publicIpAddress(location: string, zones: Json): Json {
  return {
    type: types.publicIp,
    apiVersion: templateApiVersions.network,
    name: expr(param('publicIpName')),
    location,
    sku: { name: 'Standard', tier: 'Regional' },
    ...zones,
    properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' },
  };
}

function networkInterface(request: VmCreateRequest, location: string, ids: Record<'nsg' | 'vnet' | 'publicIp', string>): Json {
  const dependsOn = [expr(ids.nsg)];
  if (request.network.kind === 'new') dependsOn.push(expr(ids.vnet));
  if (request.publicIp) dependsOn.push(expr(ids.publicIp));
  return {
    type: types.nic,
    apiVersion: templateApiVersions.network,
    name: expr(param('networkInterfaceName')),
    location,
    dependsOn,
    properties: {
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            subnet: { id: expr(variable('subnetId')) },
            privateIPAllocationMethod: 'Dynamic',
            ...(request.publicIp ? { publicIPAddress: { id: expr(ids.publicIp) } } : {}),
          },
        },
      ],
      networkSecurityGroup: { id: expr(ids.nsg) },
    },
  };
}

function virtualMachine(request: VmCreateRequest, location: string, zones: Json, nicId: string): Json {
  const password = request.authentication.kind === 'password';
  const osProfile: Json = { computerName: expr(param('computerName')), adminUsername: expr(param('adminUsername')) };
  if (password) osProfile.adminPassword = expr(param('adminPassword'));
  if (request.osType === 'Windows') {
    osProfile.windowsConfiguration = { provisionVMAgent: true, enableAutomaticUpdates: true };
  } else {
    // The VM agent must run: Azure Backup takes its snapshots through it.
    osProfile.linuxConfiguration = password
      ? { disablePasswordAuthentication: false, provisionVMAgent: true }
      : {
          disablePasswordAuthentication: true,
          provisionVMAgent: true,
          ssh: { publicKeys: [{ path: expr(`concat(${literal('/home/')}, ${param('adminUsername')}, ${literal('/.ssh/authorized_keys')})`), keyData: expr(param('sshPublicKey')) }] },
        };
  }
  return {
    type: types.vm,
    apiVersion: templateApiVersions.virtualMachines,
    name: expr(param('vmName')),
    location,
    ...zones,
    dependsOn: [expr(nicId)],
    properties: {
      hardwareProfile: { vmSize: expr(param('vmSize')) },
      storageProfile: {
        imageReference: { publisher: expr(param('imagePublisher')), offer: expr(param('imageOffer')), sku: expr(param('imageSku')), version: expr(param('imageVersion')) },
        osDisk: { createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: expr(param('osDiskType')) }, deleteOption: 'Delete' },
      },
      osProfile,
      networkProfile: { networkInterfaces: [{ id: expr(nicId), properties: { deleteOption: 'Delete' } }] },
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
    },
  };
}
