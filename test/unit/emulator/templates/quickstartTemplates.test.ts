import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDeployment } from '../../../../emulator/templates/deploymentPlan';
import { fakeHost, pick, rgId, scope, subscriptionId, templateError } from './templateTestSupport';

// Azure's own quickstart templates, kept unchanged (see test/fixtures/quickstart-templates/README.md).
const fixture = (folder: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/quickstart-templates', folder, 'azuredeploy.json'), 'utf8')) as unknown;

describe("Azure's quickstart template: create a VM and configure its backup", () => {
  const template = fixture('recovery-services-create-vm-and-configure-backup');
  const parameters = {
    projectName: { value: 'demo' },
    adminUsername: { value: 'azureuser' },
    adminPassword: { value: 'Sup3r-Secret!' },
    dnsLabelPrefix: { value: 'demo-dns' },
  };
  const plan = planDeployment(template, parameters, scope);
  const byType = (type: string) => plan.resources.find((resource) => resource.type === type)!;
  const providers = `${rgId}/providers`;

  it('resolves its parameters, defaults included', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(plan.parameters).map(([name, p]) => [name, p.value])),
      {
        projectName: 'demo', location: 'westeurope', adminUsername: 'azureuser', adminPassword: 'Sup3r-Secret!', dnsLabelPrefix: 'demo-dns',
        vmSize: 'Standard_A2', windowsOSVersion: '2016-Datacenter',
      },
    );
    assert.equal(plan.parameters.adminPassword.azureType, 'SecureString');
  });

  it('plans its eight resources with their names and ids', () => {
    assert.deepEqual(plan.resources.map((r) => [r.key, r.name, r.id]), [
      ['resources[0]', 'demostore', `${providers}/Microsoft.Storage/storageAccounts/demostore`],
      ['resources[1]', 'demo-ip', `${providers}/Microsoft.Network/publicIPAddresses/demo-ip`],
      ['resources[2]', 'default-NSG', `${providers}/Microsoft.Network/networkSecurityGroups/default-NSG`],
      ['resources[3]', 'demo-vnet', `${providers}/Microsoft.Network/virtualNetworks/demo-vnet`],
      ['resources[4]', 'demo-nic', `${providers}/Microsoft.Network/networkInterfaces/demo-nic`],
      ['resources[5]', 'demo-vm', `${providers}/Microsoft.Compute/virtualMachines/demo-vm`],
      ['resources[6]', 'demo-vault', `${providers}/Microsoft.RecoveryServices/vaults/demo-vault`],
      [
        'resources[7]',
        'demo-vault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-app;demo-vm/vm;iaasvmcontainerv2;rg-app;demo-vm',
        `${providers}/Microsoft.RecoveryServices/vaults/demo-vault/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;demo-vm/protectedItems/vm;iaasvmcontainerv2;rg-app;demo-vm`,
      ],
    ]);
    assert.ok(plan.resources.every((r) => r.condition));
  });

  it('makes the protected item wait for the VM and the vault, and the VM for its NIC and storage account', () => {
    const waits = Object.fromEntries(plan.resources.map((r) => [r.name, r.dependsOn]));
    assert.deepEqual(waits['demo-vault'], []);
    assert.deepEqual(byType('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems').dependsOn, ['resources[6]', 'resources[5]']);
    assert.deepEqual(waits['demo-vm'], ['resources[4]', 'resources[0]']);
    assert.deepEqual(waits['demo-nic'], ['resources[1]', 'resources[3]']);
    assert.deepEqual(waits['demo-vnet'], ['resources[2]']);
  });

  it("resolves the VM's boot diagnostics URI with reference(...).primaryEndpoints.blob", () => {
    const storageId = `${providers}/Microsoft.Storage/storageAccounts/demostore`;
    const { host, calls } = fakeHost({ [storageId.toLowerCase()]: { properties: { primaryEndpoints: { blob: 'https://demostore.blob.core.windows.net/' } } } });
    const body = byType('Microsoft.Compute/virtualMachines').body(host);
    assert.equal(body.location, 'westeurope');
    assert.equal(pick(body, 'properties.diagnosticsProfile.bootDiagnostics.storageUri'), 'https://demostore.blob.core.windows.net/');
    assert.deepEqual(calls, [{ id: storageId, apiVersion: '2021-06-01', full: false }]);
    assert.equal(pick(body, 'properties.osProfile.adminPassword'), 'Sup3r-Secret!');
    assert.deepEqual(pick(body, 'properties.networkProfile.networkInterfaces'), [{ id: `${providers}/Microsoft.Network/networkInterfaces/demo-nic` }]);
  });

  it('builds the protected item’s body with the policy and VM ids', () => {
    const { host } = fakeHost({});
    assert.deepEqual(byType('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems').body(host), {
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        policyId: `${providers}/Microsoft.RecoveryServices/vaults/demo-vault/backupPolicies/DefaultPolicy`,
        sourceResourceId: `${providers}/Microsoft.Compute/virtualMachines/demo-vm`,
      },
    });
  });

  it('refuses a project name over its maxLength of 8, as Azure does', () => {
    const error = templateError(() => planDeployment(template, { ...parameters, projectName: { value: 'toolongname' } }, scope));
    assert.match(error.message, /The provided value for the template parameter 'projectName' at path 'parameters\.projectName' is not valid\. Length of the value should be less than or equal to '8'\./);
  });
});

describe("Azure's quickstart template: back up existing VMs with a copy loop", () => {
  const template = fixture('recovery-services-backup-vms');
  const parameters = {
    existingVirtualMachinesResourceGroup: { value: 'rg-vms' },
    existingVirtualMachines: { value: ['vm1', 'vm2', 'vm3'] },
  };
  const vaultId = `${rgId}/providers/Microsoft.RecoveryServices/vaults/RecoveryServicesVault`;

  it('plans the vault and policy with condition false when isNewVault and isNewPolicy are false (defaults)', () => {
    const plan = planDeployment(template, parameters, scope);
    assert.deepEqual(plan.resources.slice(0, 2).map((r) => [r.type, r.name, r.condition]), [
      ['Microsoft.RecoveryServices/vaults', 'RecoveryServicesVault', false],
      ['Microsoft.RecoveryServices/vaults/backupPolicies', 'RecoveryServicesVault/DefaultPolicy', false],
    ]);
  });

  it('expands the protectedItems copy loop into one protected item per VM', () => {
    const plan = planDeployment(template, parameters, scope);
    const items = plan.resources.slice(2);
    assert.deepEqual(items.map((r) => [r.key, r.copyName, r.name, r.condition]), [1, 2, 3].map((n, i) => [
      `resources[2][${i}]`, 'protectedItems', `RecoveryServicesVault/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-vms;vm${n}/vm;iaasvmcontainerv2;rg-vms;vm${n}`, true,
    ]));
    assert.ok(items.every((item) => item.dependsOn.join() === 'resources[1],resources[0]'));
    const { host } = fakeHost({});
    assert.deepEqual(items[1].body(host), {
      location: 'westeurope',
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        policyId: `${vaultId}/backupPolicies/DefaultPolicy`,
        sourceResourceId: `/subscriptions/${subscriptionId}/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/vm2`,
      },
    });
  });

  it('deploys the vault and policy when isNewVault and isNewPolicy are true', () => {
    const plan = planDeployment(template, { ...parameters, isNewVault: { value: true }, isNewPolicy: { value: true }, vaultName: { value: 'vault-new' } }, scope);
    assert.deepEqual(plan.resources.slice(0, 2).map((r) => [r.name, r.condition]), [['vault-new', true], ['vault-new/DefaultPolicy', true]]);
    const { host } = fakeHost({});
    assert.deepEqual(pick(plan.resources[1].body(host), 'properties.schedulePolicy.scheduleRunTimes'), ['2017-01-26T05:30:00Z']);
    assert.deepEqual(plan.resources[1].dependsOn, ['resources[0]']);
  });

  it('plans no protected item for an empty VM list, and refuses a list that is not an array', () => {
    assert.equal(planDeployment(template, { ...parameters, existingVirtualMachines: { value: [] } }, scope).resources.length, 2);
    assert.match(
      templateError(() => planDeployment(template, { ...parameters, existingVirtualMachines: { value: 'vm1' } }, scope)).message,
      /Expected a value of type 'Array', but received a value of type 'String'/,
    );
  });
});
