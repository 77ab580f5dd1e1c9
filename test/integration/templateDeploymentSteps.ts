// Steps the template deployment tests share: a TemplateDeployments over a fresh emulator, a
// storage account + network + VM template, Azure's quickstart templates, and deployment targets.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorOptions } from '../../emulator/context';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { BackupReader } from '../../src/azure/backupReader';
import type { DeploymentInput, DeploymentTarget } from '../../src/azure/deploymentModel';
import { TemplateDeployments } from '../../src/azure/templateDeployments';
import { startTestEmulator, type TestEmulator } from '../support/testEmulator';
import { schema } from './deploymentSteps';
import { tenantId } from './operationSteps';

export const prod = demoSubscriptions.production;
export const secret = 'Tr0ub4dor&3-horse-battery';
export const fast = { pollDelayMs: 5, minPollDelayMs: 5, maxPollDelayMs: 50 };

/** What a describe block deploys with: the emulator, a reader that listed the subscriptions, and TemplateDeployments over it. */
export interface DeploymentsUnderTest {
  env: TestEmulator;
  reader: BackupReader;
  deployments: TemplateDeployments;
}

/** For a describe block: a fresh emulator (with `options`) before its tests, closed after them; `ready` receives what to deploy with. */
export function deploymentsOverEmulator(ready: (under: DeploymentsUnderTest) => void, options: Partial<EmulatorOptions> = {}): void {
  let env: TestEmulator | undefined;
  before(async () => {
    env = await startTestEmulator(options);
    const started = env;
    const reader = new BackupReader(() => started.clients);
    await reader.listSubscriptions(tenantId);
    ready({ env, reader, deployments: new TemplateDeployments(reader, fast) });
  });
  after(async () => {
    await env?.close();
  });
}

export function quickstart(folder: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join('test', 'fixtures', 'quickstart-templates', folder, 'azuredeploy.json'), 'utf8')) as Record<string, unknown>;
}

/** A storage account, a network with a subnet, a NIC and a Linux VM; outputs read through reference(). */
export function vmTemplate(): Record<string, unknown> {
  const location = '[resourceGroup().location]';
  return {
    $schema: schema,
    contentVersion: '1.0.0.0',
    parameters: {
      vmName: { type: 'string' },
      vmSize: { type: 'string', defaultValue: 'Standard_B2s' },
      adminPassword: { type: 'securestring', minLength: 12 },
    },
    variables: { storageName: "[concat('diag', uniqueString(resourceGroup().id, parameters('vmName')))]", vnetName: "[concat(parameters('vmName'), '-vnet')]", nicName: "[concat(parameters('vmName'), '-nic')]" },
    resources: [
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2019-06-01', name: "[variables('storageName')]", location, sku: { name: 'Standard_LRS' }, kind: 'StorageV2' },
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2020-06-01',
        name: "[variables('vnetName')]",
        location,
        properties: { addressSpace: { addressPrefixes: ['10.90.0.0/16'] }, subnets: [{ name: 'default', properties: { addressPrefix: '10.90.0.0/24' } }] },
      },
      {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2020-06-01',
        name: "[variables('nicName')]",
        location,
        dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]"],
        properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('vnetName'), 'default')]" } } }] },
      },
      {
        type: 'Microsoft.Compute/virtualMachines',
        apiVersion: '2020-06-01',
        name: "[parameters('vmName')]",
        location,
        dependsOn: ["[resourceId('Microsoft.Network/networkInterfaces', variables('nicName'))]", "[resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))]"],
        properties: {
          hardwareProfile: { vmSize: "[parameters('vmSize')]" },
          osProfile: { computerName: "[parameters('vmName')]", adminUsername: 'azureops', adminPassword: "[parameters('adminPassword')]" },
          storageProfile: { imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' }, osDisk: { createOption: 'FromImage' } },
          networkProfile: { networkInterfaces: [{ id: "[resourceId('Microsoft.Network/networkInterfaces', variables('nicName'))]" }] },
          diagnosticsProfile: { bootDiagnostics: { enabled: true, storageUri: "[reference(variables('storageName')).primaryEndpoints.blob]" } },
        },
      },
    ],
    outputs: {
      blobEndpoint: { type: 'string', value: "[reference(variables('storageName')).primaryEndpoints.blob]" },
      vmId: { type: 'string', value: "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]" },
    },
  };
}

export function vmInput(vmName: string, extra: Record<string, { value: unknown }> = {}): DeploymentInput {
  return { template: vmTemplate(), parameters: { vmName: { value: vmName }, adminPassword: { value: secret }, ...extra }, secureParameterNames: ['adminPassword'] };
}

let deploymentCount = 0;
export function targetIn(resourceGroup: string, extra: Partial<DeploymentTarget> = {}): DeploymentTarget {
  return { subscriptionId: prod, resourceGroup, deploymentName: `it-${++deploymentCount}-${Date.now()}`, ...extra };
}
