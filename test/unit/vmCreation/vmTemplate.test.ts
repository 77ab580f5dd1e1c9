import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import { policyPropertiesFromDraft } from '../../../src/policy/policyMapping';
import { parametersForDisplay, vmDeploymentTemplate } from '../../../src/vmCreation/vmTemplate';
import { assertCommonShape, byType, nested, one, resourcesOf, summary, type Json } from './templateChecks';
import { linuxRequest, sshKey, vnetId, windowsRequest } from './vmFixtures';

describe('vmDeploymentTemplate: Linux, SSH key, new network, new vault in a new resource group, new policy', () => {
  const draft = newStandardPolicyDraft('Daily-Web');
  draft.instantRpResourceGroup = { prefix: 'rp-web-', suffix: '' };
  const request = linuxRequest({
    resourceGroup: { name: 'rg-new-app', isNew: true },
    zone: '2',
    inboundPorts: ['HTTPS', 'SSH', 'HTTP'],
    backup: { enabled: true, vault: { kind: 'new', name: 'vault-weu-a1b2', resourceGroup: { name: 'rg-backup-westeurope', isNew: true } }, policy: { kind: 'new', draft } },
  });
  const deployment = vmDeploymentTemplate(request);
  const { template } = deployment;

  it('is one deployment to the VM’s group, creating both new groups first', () => {
    assert.equal(deployment.deploymentName, 'CreateVm-web-04');
    assert.equal(deployment.resourceGroup, 'rg-new-app');
    assert.deepEqual(deployment.resourceGroupsToCreate, [{ name: 'rg-new-app', location: 'westeurope' }, { name: 'rg-backup-westeurope', location: 'westeurope' }]);
    assertCommonShape(deployment);
  });

  it('lists the network, the VM, then the vault deployment and the backup deployment', () => {
    assert.deepEqual(summary(template), [
      "Microsoft.Network/networkSecurityGroups [parameters('networkSecurityGroupName')]",
      "Microsoft.Network/virtualNetworks [parameters('virtualNetworkName')]",
      "Microsoft.Network/publicIPAddresses [parameters('publicIpName')]",
      "Microsoft.Network/networkInterfaces [parameters('networkInterfaceName')]",
      "Microsoft.Compute/virtualMachines [parameters('vmName')]",
      'Microsoft.Resources/deployments CreateVm-web-04-vault',
      'Microsoft.Resources/deployments CreateVm-web-04-backup',
    ]);
    assert.equal(deployment.resourceCount, 7);
    assert.deepEqual(deployment.resources.map((resource) => [resource.type, resource.name, resource.resourceGroup]), [
      ['Microsoft.Network/networkSecurityGroups', 'web-04-nsg', 'rg-new-app'],
      ['Microsoft.Network/virtualNetworks', 'web-04-vnet', 'rg-new-app'],
      ['Microsoft.Network/publicIPAddresses', 'web-04-ip', 'rg-new-app'],
      ['Microsoft.Network/networkInterfaces', 'web-04-nic', 'rg-new-app'],
      ['Microsoft.Compute/virtualMachines', 'web-04', 'rg-new-app'],
      ['Microsoft.Resources/deployments', 'CreateVm-web-04-vault', 'rg-backup-westeurope'],
      ['Microsoft.RecoveryServices/vaults', 'vault-weu-a1b2', 'rg-backup-westeurope'],
      ['Microsoft.RecoveryServices/vaults/backupPolicies', 'vault-weu-a1b2/Daily-Web', 'rg-backup-westeurope'],
      ['Microsoft.Resources/deployments', 'CreateVm-web-04-backup', 'rg-backup-westeurope'],
      ['Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
        'vault-weu-a1b2/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-new-app;web-04/vm;iaasvmcontainerv2;rg-new-app;web-04', 'rg-backup-westeurope'],
    ]);
  });

  it('passes every choice as a parameter, the SSH key as a plain string', () => {
    assert.deepEqual(deployment.parameters, {
      location: { value: 'westeurope' },
      vmName: { value: 'web-04' },
      computerName: { value: 'web-04' },
      vmSize: { value: 'Standard_B2s' },
      zone: { value: '2' },
      imagePublisher: { value: 'Canonical' },
      imageOffer: { value: 'ubuntu-24_04-lts' },
      imageSku: { value: 'server' },
      imageVersion: { value: 'latest' },
      osDiskType: { value: 'Premium_LRS' },
      adminUsername: { value: 'azureuser' },
      sshPublicKey: { value: sshKey },
      networkSecurityGroupName: { value: 'web-04-nsg' },
      virtualNetworkName: { value: 'web-04-vnet' },
      addressPrefix: { value: '10.0.0.0/16' },
      subnetName: { value: 'default' },
      subnetPrefix: { value: '10.0.0.0/24' },
      publicIpName: { value: 'web-04-ip' },
      networkInterfaceName: { value: 'web-04-nic' },
      vaultName: { value: 'vault-weu-a1b2' },
      vaultResourceGroup: { value: 'rg-backup-westeurope' },
      policyName: { value: 'Daily-Web' },
      policyProperties: { value: policyPropertiesFromDraft(draft, { now: new Date('2025-01-01T00:00:00Z') }) },
    });
    assert.deepEqual(deployment.secureParameterNames, []);
    const policy = deployment.parameters.policyProperties.value as unknown as Json;
    assert.deepEqual(policy.instantRPDetails, { azureBackupRGNamePrefix: 'rp-web-' });
    assert.deepEqual((template.parameters as Json).zone, { type: 'string', allowedValues: ['1', '2', '3'], metadata: { description: 'Availability zone of the VM and its public IP.' } });
  });

  it('opens the chosen ports in the portal’s order, and wires the NIC to the NSG, subnet and public IP', () => {
    const nsg = one(template, 'Microsoft.Network/networkSecurityGroups');
    const rules = ((nsg.properties as Json).securityRules as Json[]).map((rule) => {
      const properties = rule.properties as Json;
      return [rule.name, properties.priority, properties.destinationPortRange, properties.direction, properties.access, properties.protocol];
    });
    assert.deepEqual(rules, [['SSH', 300, '22', 'Inbound', 'Allow', 'Tcp'], ['HTTP', 320, '80', 'Inbound', 'Allow', 'Tcp'], ['HTTPS', 340, '443', 'Inbound', 'Allow', 'Tcp']]);
    const nic = one(template, 'Microsoft.Network/networkInterfaces');
    assert.deepEqual(nic.dependsOn, [
      "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('networkSecurityGroupName'))]",
      "[resourceId('Microsoft.Network/virtualNetworks', parameters('virtualNetworkName'))]",
      "[resourceId('Microsoft.Network/publicIPAddresses', parameters('publicIpName'))]",
    ]);
    const ipConfiguration = (((nic.properties as Json).ipConfigurations as Json[])[0].properties) as Json;
    assert.deepEqual(ipConfiguration.subnet, { id: "[variables('subnetId')]" });
    assert.equal((template.variables as Json).subnetId, "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('virtualNetworkName'), parameters('subnetName'))]");
    const publicIp = one(template, 'Microsoft.Network/publicIPAddresses');
    assert.deepEqual([publicIp.sku, publicIp.zones, (publicIp.properties as Json).publicIPAllocationMethod], [{ name: 'Standard', tier: 'Regional' }, "[createArray(parameters('zone'))]", 'Static']);
    const vnet = one(template, 'Microsoft.Network/virtualNetworks');
    assert.deepEqual(vnet.properties, {
      addressSpace: { addressPrefixes: ["[parameters('addressPrefix')]"] },
      subnets: [{ name: "[parameters('subnetName')]", properties: { addressPrefix: "[parameters('subnetPrefix')]" } }],
    });
  });

  it('creates the VM in its zone with the SSH key and password sign-in off', () => {
    const vm = one(template, 'Microsoft.Compute/virtualMachines');
    assert.equal(vm.apiVersion, '2024-07-01');
    assert.equal(vm.zones, "[createArray(parameters('zone'))]");
    assert.deepEqual(vm.dependsOn, ["[resourceId('Microsoft.Network/networkInterfaces', parameters('networkInterfaceName'))]"]);
    const properties = vm.properties as Json;
    assert.deepEqual(properties.osProfile, {
      computerName: "[parameters('computerName')]",
      adminUsername: "[parameters('adminUsername')]",
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        provisionVMAgent: true,
        ssh: { publicKeys: [{ path: "[concat('/home/', parameters('adminUsername'), '/.ssh/authorized_keys')]", keyData: "[parameters('sshPublicKey')]" }] },
      },
    });
    assert.deepEqual((properties.storageProfile as Json).imageReference, {
      publisher: "[parameters('imagePublisher')]", offer: "[parameters('imageOffer')]", sku: "[parameters('imageSku')]", version: "[parameters('imageVersion')]",
    });
    assert.deepEqual(((properties.storageProfile as Json).osDisk as Json).managedDisk, { storageAccountType: "[parameters('osDiskType')]" });
  });

  it('deploys the vault and the policy in the vault’s group, beside the VM, with the vault body of our Create Vault form', () => {
    const [vaultDeployment] = byType(template, 'Microsoft.Resources/deployments');
    assert.equal(vaultDeployment.apiVersion, '2025-03-01');
    assert.equal(vaultDeployment.resourceGroup, "[parameters('vaultResourceGroup')]");
    assert.equal(vaultDeployment.dependsOn, undefined, 'runs in parallel with the network and the VM');
    const properties = vaultDeployment.properties as Json;
    assert.deepEqual(properties.expressionEvaluationOptions, { scope: 'inner' });
    assert.equal(properties.mode, 'Incremental');
    assert.deepEqual(properties.parameters, {
      vaultName: { value: "[parameters('vaultName')]" },
      location: { value: "[parameters('location')]" },
      policyName: { value: "[parameters('policyName')]" },
      policyProperties: { value: "[parameters('policyProperties')]" },
    });
    const inner = nested(vaultDeployment);
    assert.deepEqual(resourcesOf(inner), [
      {
        type: 'Microsoft.RecoveryServices/vaults',
        apiVersion: '2024-04-01',
        name: "[parameters('vaultName')]",
        location: "[parameters('location')]",
        sku: { name: 'RS0', tier: 'Standard' },
        properties: {
          publicNetworkAccess: 'Enabled',
          redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
          securitySettings: {
            softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 14, enhancedSecurityState: 'Enabled' },
            immutabilitySettings: { state: 'Disabled' },
          },
        },
      },
      {
        type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
        apiVersion: '2023-06-01',
        name: "[concat(parameters('vaultName'), '/', parameters('policyName'))]",
        dependsOn: ["[resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName'))]"],
        properties: "[parameters('policyProperties')]",
      },
    ]);
  });

  it('protects the VM from the vault’s group once the VM and the vault deployment are done', () => {
    const [, backupDeployment] = byType(template, 'Microsoft.Resources/deployments');
    assert.equal(backupDeployment.resourceGroup, "[parameters('vaultResourceGroup')]");
    assert.deepEqual(backupDeployment.dependsOn, [
      "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
      "[resourceId(parameters('vaultResourceGroup'), 'Microsoft.Resources/deployments', 'CreateVm-web-04-vault')]",
    ]);
    // Names of the VM's group are worked out outside (inner scope's resourceGroup() is the vault's).
    assert.deepEqual((backupDeployment.properties as Json).parameters, {
      vaultName: { value: "[parameters('vaultName')]" },
      containerName: { value: "[variables('backupContainerName')]" },
      itemName: { value: "[variables('backupItemName')]" },
      policyId: { value: "[variables('backupPolicyId')]" },
      sourceResourceId: { value: "[variables('virtualMachineId')]" },
    });
    const variables = template.variables as Json;
    assert.equal(variables.backupContainerName, "[concat('iaasvmcontainer;iaasvmcontainerv2;', resourceGroup().name, ';', parameters('vmName'))]");
    assert.equal(variables.backupItemName, "[concat('vm;iaasvmcontainerv2;', resourceGroup().name, ';', parameters('vmName'))]");
    assert.equal(variables.backupPolicyId, "[resourceId(parameters('vaultResourceGroup'), 'Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]");
    assert.deepEqual(resourcesOf(nested(backupDeployment)), [
      {
        type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
        apiVersion: '2023-06-01',
        name: "[concat(parameters('vaultName'), '/Azure/', parameters('containerName'), '/', parameters('itemName'))]",
        properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId: "[parameters('policyId')]", sourceResourceId: "[parameters('sourceResourceId')]" },
      },
    ]);
  });

  it('is the same template for the same request', () => {
    assert.deepEqual(vmDeploymentTemplate(structuredClone(request)), deployment);
  });
});

describe('vmDeploymentTemplate: Windows, password, existing network and vault in other groups, DefaultPolicy', () => {
  const deployment = vmDeploymentTemplate(windowsRequest());
  const { template } = deployment;

  it('uses the existing subnet by id, has no public IP, and creates no group', () => {
    assertCommonShape(deployment);
    assert.deepEqual(deployment.resourceGroupsToCreate, []);
    assert.deepEqual(summary(template), [
      "Microsoft.Network/networkSecurityGroups [parameters('networkSecurityGroupName')]",
      "Microsoft.Network/networkInterfaces [parameters('networkInterfaceName')]",
      "Microsoft.Compute/virtualMachines [parameters('vmName')]",
      'Microsoft.Resources/deployments CreateVm-sql-02-backup',
    ]);
    assert.equal((template.variables as Json).subnetId, "[concat(parameters('virtualNetworkId'), '/subnets/', parameters('subnetName'))]");
    assert.deepEqual([deployment.parameters.virtualNetworkId, deployment.parameters.subnetName], [{ value: vnetId }, { value: 'workloads' }]);
    const nic = one(template, 'Microsoft.Network/networkInterfaces');
    assert.deepEqual(nic.dependsOn, ["[resourceId('Microsoft.Network/networkSecurityGroups', parameters('networkSecurityGroupName'))]"]);
    assert.equal((((nic.properties as Json).ipConfigurations as Json[])[0].properties as Json).publicIPAddress, undefined);
    const rules = (one(template, 'Microsoft.Network/networkSecurityGroups').properties as Json).securityRules as Json[];
    assert.deepEqual(rules.map((rule) => [rule.name, (rule.properties as Json).destinationPortRange]), [['RDP', '3389']]);
  });

  it('signs in with a securestring password that the parameters for display leave out', () => {
    assert.deepEqual((template.parameters as Json).adminPassword, { type: 'securestring', metadata: { description: 'Administrator password.' } });
    assert.deepEqual(deployment.secureParameterNames, ['adminPassword']);
    assert.equal(deployment.parameters.adminPassword.value, 'Correct-Horse-42');
    const shown = parametersForDisplay(deployment);
    assert.equal(shown.$schema, 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#');
    assert.equal((shown.parameters as Json).adminPassword, undefined);
    assert.equal(JSON.stringify(shown).includes('Correct-Horse-42'), false, 'no secret anywhere in what is shown');
    assert.equal(JSON.stringify(template).includes('Correct-Horse-42'), false, 'no secret in the template');
    assert.deepEqual(Object.keys(shown.parameters as Json).length, Object.keys(deployment.parameters).length - 1);
    const osProfile = (one(template, 'Microsoft.Compute/virtualMachines').properties as Json).osProfile;
    assert.deepEqual(osProfile, {
      computerName: "[parameters('computerName')]",
      adminUsername: "[parameters('adminUsername')]",
      adminPassword: "[parameters('adminPassword')]",
      windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true },
    });
    assert.equal(one(template, 'Microsoft.Compute/virtualMachines').zones, undefined);
  });

  it('protects the VM with DefaultPolicy of the existing vault, from the vault’s group', () => {
    assert.deepEqual([deployment.parameters.vaultName, deployment.parameters.vaultResourceGroup, deployment.parameters.policyName], [
      { value: 'prod-weu-vault' }, { value: 'rg-backup-prod' }, { value: 'DefaultPolicy' },
    ]);
    assert.equal(deployment.parameters.policyProperties, undefined);
    const backup = one(template, 'Microsoft.Resources/deployments');
    assert.deepEqual(backup.dependsOn, ["[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]"]);
    assert.deepEqual(deployment.resources.at(-1), {
      type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
      name: 'prod-weu-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-data-prod;sql-02/vm;iaasvmcontainerv2;rg-data-prod;sql-02',
      resourceGroup: 'rg-backup-prod',
    });
    assert.deepEqual(template.outputs, {
      virtualMachineId: { type: 'string', value: "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]" },
      vaultId: { type: 'string', value: "[resourceId(parameters('vaultResourceGroup'), 'Microsoft.RecoveryServices/vaults', parameters('vaultName'))]" },
      backupPolicyId: { type: 'string', value: "[variables('backupPolicyId')]" },
    });
  });
});

describe('vmDeploymentTemplate: backup off', () => {
  it('deploys the network and the VM only', () => {
    const deployment = vmDeploymentTemplate(linuxRequest({ backup: { enabled: false }, inboundPorts: [], publicIp: false }));
    assertCommonShape(deployment);
    assert.deepEqual(summary(deployment.template), [
      "Microsoft.Network/networkSecurityGroups [parameters('networkSecurityGroupName')]",
      "Microsoft.Network/virtualNetworks [parameters('virtualNetworkName')]",
      "Microsoft.Network/networkInterfaces [parameters('networkInterfaceName')]",
      "Microsoft.Compute/virtualMachines [parameters('vmName')]",
    ]);
    assert.deepEqual((one(deployment.template, 'Microsoft.Network/networkSecurityGroups').properties as Json).securityRules, [], 'no port: no inbound rule');
    for (const name of ['vaultName', 'policyName', 'vaultResourceGroup']) assert.equal(deployment.parameters[name], undefined, name);
    assert.deepEqual(Object.keys(deployment.template.variables as Json), ['subnetId', 'virtualMachineId']);
    assert.deepEqual(Object.keys(deployment.template.outputs as Json), ['virtualMachineId']);
  });
});
