import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import type { TemplateHost } from '../../../../emulator/templates/templateTypes';
import { fakeHost, pick, rgId, scope, subscriptionId } from './templateTestSupport';

// A template of the kind the Create Virtual Machine form generates (src/vmCreation/vmTemplate*.ts):
// NSG, new virtual network, zonal public IP, NIC, a zonal VM with a securestring password, a new
// vault and policy, and the protected item that waits for the VM, the vault and the policy.
const types = {
  nsg: 'Microsoft.Network/networkSecurityGroups',
  vnet: 'Microsoft.Network/virtualNetworks',
  ip: 'Microsoft.Network/publicIPAddresses',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
  vault: 'Microsoft.RecoveryServices/vaults',
  policy: 'Microsoft.RecoveryServices/vaults/backupPolicies',
  item: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
  deployment: 'Microsoft.Resources/deployments',
};
const id = (type: string, ...names: string[]) => `[resourceId('${type}', ${names.map((n) => `parameters('${n}')`).join(', ')})]`;
const parameterTypes = {
  location: { type: 'string' }, vmName: { type: 'string', minLength: 1, maxLength: 15 }, vmSize: { type: 'string' },
  zone: { type: 'string', allowedValues: ['1', '2', '3'] }, adminUsername: { type: 'string' }, adminPassword: { type: 'securestring' },
  networkSecurityGroupName: { type: 'string' }, virtualNetworkName: { type: 'string' }, subnetName: { type: 'string' },
  publicIpName: { type: 'string' }, networkInterfaceName: { type: 'string' }, vaultName: { type: 'string' }, policyName: { type: 'string' },
  policyProperties: { type: 'object' },
};
const policyProperties = {
  backupManagementType: 'AzureIaasVM',
  instantRpRetentionRangeInDays: 2,
  schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2025-01-01T22:00:00Z'] },
  retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: ['2025-01-01T22:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } } },
  timeZone: 'UTC',
};
const values = {
  location: 'westeurope', vmName: 'web01', vmSize: 'Standard_D2s_v5', zone: '2', adminUsername: 'azureuser', adminPassword: 'C0rrect-Horse-Battery',
  networkSecurityGroupName: 'web01-nsg', virtualNetworkName: 'rg-app-vnet', subnetName: 'default', publicIpName: 'web01-ip',
  networkInterfaceName: 'web01-nic', vaultName: 'vault-app', policyName: 'DailyPolicy', policyProperties,
};
const parameters = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
const protectedItemName = "[concat(parameters('vaultName'), '/Azure/', variables('backupContainerName'), '/', variables('backupItemName'))]";

const template = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: parameterTypes,
  variables: {
    subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('virtualNetworkName'), parameters('subnetName'))]",
    backupContainerName: "[concat('iaasvmcontainer;iaasvmcontainerv2;', resourceGroup().name, ';', parameters('vmName'))]",
    backupItemName: "[concat('vm;iaasvmcontainerv2;', resourceGroup().name, ';', parameters('vmName'))]",
  },
  resources: [
    { type: types.nsg, apiVersion: '2024-05-01', name: "[parameters('networkSecurityGroupName')]", location: "[parameters('location')]", properties: { securityRules: [{ name: 'SSH', properties: { priority: 300, protocol: 'Tcp', access: 'Allow', direction: 'Inbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } }] } },
    { type: types.vnet, apiVersion: '2024-05-01', name: "[parameters('virtualNetworkName')]", location: "[parameters('location')]", properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, subnets: [{ name: "[parameters('subnetName')]", properties: { addressPrefix: '10.1.0.0/24' } }] } },
    { type: types.ip, apiVersion: '2024-05-01', name: "[parameters('publicIpName')]", location: "[parameters('location')]", sku: { name: 'Standard', tier: 'Regional' }, zones: "[createArray(parameters('zone'))]", properties: { publicIPAllocationMethod: 'Static' } },
    {
      type: types.nic, apiVersion: '2024-05-01', name: "[parameters('networkInterfaceName')]", location: "[parameters('location')]",
      dependsOn: [id(types.nsg, 'networkSecurityGroupName'), id(types.vnet, 'virtualNetworkName'), id(types.ip, 'publicIpName')],
      properties: {
        ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: { id: "[variables('subnetId')]" }, privateIPAllocationMethod: 'Dynamic', publicIPAddress: { id: id(types.ip, 'publicIpName') } } }],
        networkSecurityGroup: { id: id(types.nsg, 'networkSecurityGroupName') },
      },
    },
    {
      type: types.vm, apiVersion: '2024-07-01', name: "[parameters('vmName')]", location: "[parameters('location')]", zones: "[createArray(parameters('zone'))]",
      dependsOn: [id(types.nic, 'networkInterfaceName')],
      properties: {
        hardwareProfile: { vmSize: "[parameters('vmSize')]" },
        storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }, osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } } },
        osProfile: { computerName: "[parameters('vmName')]", adminUsername: "[parameters('adminUsername')]", adminPassword: "[parameters('adminPassword')]", linuxConfiguration: { disablePasswordAuthentication: false, provisionVMAgent: true } },
        networkProfile: { networkInterfaces: [{ id: id(types.nic, 'networkInterfaceName') }] },
      },
    },
    { type: types.vault, apiVersion: '2024-04-01', name: "[parameters('vaultName')]", location: "[parameters('location')]", sku: { name: 'RS0', tier: 'Standard' }, properties: { publicNetworkAccess: 'Enabled' } },
    { type: types.policy, apiVersion: '2023-06-01', name: "[concat(parameters('vaultName'), '/', parameters('policyName'))]", dependsOn: [id(types.vault, 'vaultName')], properties: "[parameters('policyProperties')]" },
    {
      type: types.item, apiVersion: '2023-06-01', name: protectedItemName,
      dependsOn: [id(types.vm, 'vmName'), id(types.vault, 'vaultName'), id(types.policy, 'vaultName', 'policyName')],
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: id(types.policy, 'vaultName', 'policyName'), sourceResourceId: id(types.vm, 'vmName') },
    },
  ],
  outputs: {
    virtualMachineId: { type: 'string', value: id(types.vm, 'vmName') },
    adminPassword: { type: 'securestring', value: "[parameters('adminPassword')]" },
  },
};

const providers = `${rgId}/providers`;

describe('a Create VM template of the kind the form generates', () => {
  const plan = planDeployment(template, parameters, scope);
  const { host } = fakeHost({});
  const byType = (type: string) => plan.resources.find((resource) => resource.type === type)!;

  it('plans network, VM, vault, policy and protected item in order, with their ids', () => {
    assert.deepEqual(plan.resources.map((r) => r.id), [
      `${providers}/${types.nsg}/web01-nsg`,
      `${providers}/${types.vnet}/rg-app-vnet`,
      `${providers}/${types.ip}/web01-ip`,
      `${providers}/${types.nic}/web01-nic`,
      `${providers}/${types.vm}/web01`,
      `${providers}/${types.vault}/vault-app`,
      `${providers}/Microsoft.RecoveryServices/vaults/vault-app/backupPolicies/DailyPolicy`,
      `${providers}/Microsoft.RecoveryServices/vaults/vault-app/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;web01/protectedItems/vm;iaasvmcontainerv2;rg-app;web01`,
    ]);
  });

  it('orders the deployment: NIC after NSG, vnet and IP; VM after NIC; protected item after VM, vault and policy', () => {
    assert.deepEqual(byType(types.nic).dependsOn, ['resources[0]', 'resources[1]', 'resources[2]']);
    assert.deepEqual(byType(types.vm).dependsOn, ['resources[3]']);
    assert.deepEqual(byType(types.policy).dependsOn, ['resources[5]']);
    assert.deepEqual(byType(types.item).dependsOn, ['resources[4]', 'resources[5]', 'resources[6]']);
  });

  it('keeps the password a securestring parameter, and marks the secure output so the engine omits it', () => {
    assert.equal(plan.parameters.adminPassword.type, 'securestring');
    assert.equal(plan.parameters.adminPassword.azureType, 'SecureString');
    const outputs = plan.outputs(host);
    assert.deepEqual(outputs.virtualMachineId, { type: 'String', value: `${providers}/${types.vm}/web01`, secure: false });
    assert.equal(outputs.adminPassword.secure, true);
  });

  it('builds the VM body with its zone, size and subnet, and the policy body from an object parameter', () => {
    const vm = byType(types.vm).body(host);
    assert.deepEqual(vm.zones, ['2']);
    assert.equal(vm.location, 'westeurope');
    assert.equal(pick(vm, 'properties.hardwareProfile.vmSize'), 'Standard_D2s_v5');
    assert.equal(pick(vm, 'properties.osProfile.adminPassword'), 'C0rrect-Horse-Battery');
    const nic = byType(types.nic).body(host);
    assert.equal(pick(nic, 'properties.ipConfigurations.0.properties.subnet.id'), `${providers}/${types.vnet}/rg-app-vnet/subnets/default`);
    assert.deepEqual(byType(types.policy).body(host), { properties: policyProperties });
    assert.deepEqual(byType(types.item).body(host), {
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        policyId: `${providers}/Microsoft.RecoveryServices/vaults/vault-app/backupPolicies/DailyPolicy`,
        sourceResourceId: `${providers}/${types.vm}/web01`,
      },
    });
  });

  it('puts the vault in its own resource group through an inner-scope nested deployment', () => {
    const vaultGroup = { id: `/subscriptions/${subscriptionId}/resourceGroups/rg-backup`, name: 'rg-backup', location: 'westeurope' };
    const groupHost: TemplateHost = { reference: host.reference, resourceGroup: () => vaultGroup };
    const nestedTemplate = {
      $schema: template.$schema,
      contentVersion: '1.0.0.0',
      parameters: { vaultName: { type: 'string' }, containerName: { type: 'string' }, itemName: { type: 'string' }, sourceResourceId: { type: 'string' } },
      resources: [
        { type: types.vault, apiVersion: '2024-04-01', name: "[parameters('vaultName')]", location: '[resourceGroup().location]', sku: { name: 'RS0', tier: 'Standard' }, properties: {} },
        {
          type: types.item, apiVersion: '2023-06-01',
          name: "[concat(parameters('vaultName'), '/Azure/', parameters('containerName'), '/', parameters('itemName'))]",
          dependsOn: ["[resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName'))]"],
          properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), 'DefaultPolicy')]", sourceResourceId: "[parameters('sourceResourceId')]" },
        },
      ],
    };
    const withNested = {
      ...template,
      resources: [
        ...template.resources.slice(0, 5),
        {
          type: types.deployment, apiVersion: '2025-03-01', name: 'CreateVm-web01-backup', resourceGroup: 'rg-backup',
          dependsOn: [id(types.vm, 'vmName')],
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: {
              vaultName: { value: "[parameters('vaultName')]" },
              containerName: { value: "[variables('backupContainerName')]" },
              itemName: { value: "[variables('backupItemName')]" },
              sourceResourceId: { value: id(types.vm, 'vmName') },
            },
            template: nestedTemplate,
          },
        },
      ],
    };
    const nestedPlan = planDeployment(withNested, parameters, scope);
    const deployment = nestedPlan.resources[5];
    assert.equal(deployment.id, `/subscriptions/${subscriptionId}/resourceGroups/rg-backup/providers/${types.deployment}/CreateVm-web01-backup`);
    assert.deepEqual(deployment.dependsOn, ['resources[4]']);
    const inner = deployment.nested!(groupHost);
    assert.equal(inner.resourceGroup, 'rg-backup');
    const vaultProviders = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup/providers`;
    assert.deepEqual(inner.plan.resources.map((r) => [r.id, r.dependsOn]), [
      [`${vaultProviders}/${types.vault}/vault-app`, []],
      [`${vaultProviders}/Microsoft.RecoveryServices/vaults/vault-app/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;web01/protectedItems/vm;iaasvmcontainerv2;rg-app;web01`, ['resources[0]']],
    ]);
    assert.equal(pick(inner.plan.resources[1].body(groupHost), 'properties.sourceResourceId'), `${providers}/${types.vm}/web01`);
  });
});
