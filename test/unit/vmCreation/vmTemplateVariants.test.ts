import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import type { VmCreateRequest } from '../../../src/vmCreation/vmCreateRequest';
import { vmDeploymentName, vmDeploymentTemplate } from '../../../src/vmCreation/vmTemplate';
import { assertCommonShape, assertExpressionsSound, byType, nested, one, resourcesOf, summary, type Json } from './templateChecks';
import { linuxRequest, vaultId, windowsRequest } from './vmFixtures';

describe('vmDeploymentTemplate: vault in the VM’s own group', () => {
  const sameGroup = (backup: VmCreateRequest['backup']) => vmDeploymentTemplate(linuxRequest({ backup }));

  it('a new vault with DefaultPolicy: vault and protected item at the top level, no nested deployment', () => {
    const deployment = sameGroup({ enabled: true, vault: { kind: 'new', name: 'web-vault', resourceGroup: { name: 'RG-WEB-PROD', isNew: false } }, policy: { kind: 'existing', name: 'DefaultPolicy' } });
    assertCommonShape(deployment);
    assert.deepEqual(summary(deployment.template).slice(-2), [
      "Microsoft.RecoveryServices/vaults [parameters('vaultName')]",
      "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems [concat(parameters('vaultName'), '/Azure/', variables('backupContainerName'), '/', variables('backupItemName'))]",
    ]);
    assert.equal(deployment.parameters.vaultResourceGroup, undefined);
    const item = one(deployment.template, 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems');
    assert.deepEqual(item.dependsOn, [
      "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
      "[resourceId('Microsoft.RecoveryServices/vaults', parameters('vaultName'))]",
    ]);
    assert.deepEqual(item.properties, {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      policyId: "[variables('backupPolicyId')]",
      sourceResourceId: "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
    });
    assert.equal((deployment.template.variables as Json).backupPolicyId, "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]");
  });

  it('an existing vault there with a new policy: the item waits for the policy', () => {
    const existing = vaultId.replace('rg-backup-prod', 'rg-web-prod');
    const deployment = sameGroup({ enabled: true, vault: { kind: 'existing', vaultId: existing }, policy: { kind: 'new', draft: newStandardPolicyDraft('Daily-Web') } });
    assertCommonShape(deployment);
    const policy = one(deployment.template, 'Microsoft.RecoveryServices/vaults/backupPolicies');
    assert.equal(policy.dependsOn, undefined, 'the vault exists already');
    assert.equal(byType(deployment.template, 'Microsoft.RecoveryServices/vaults').length, 0);
    assert.deepEqual(one(deployment.template, 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems').dependsOn, [
      "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
      "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]",
    ]);
  });

  it('an existing vault in another group with a new policy: the vault deployment holds only the policy', () => {
    const deployment = vmDeploymentTemplate(windowsRequest({ backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'new', draft: newStandardPolicyDraft('Daily-Sql') } } }));
    assertCommonShape(deployment);
    const [vaultDeployment] = byType(deployment.template, 'Microsoft.Resources/deployments');
    assert.deepEqual(resourcesOf(nested(vaultDeployment)).map((resource) => [resource.type, resource.dependsOn]), [['Microsoft.RecoveryServices/vaults/backupPolicies', undefined]]);
    assert.deepEqual(Object.keys((vaultDeployment.properties as Json).parameters as Json), ['vaultName', 'policyName', 'policyProperties']);
  });
});

describe('vmDeploymentName', () => {
  it('keeps room for the nested suffixes and only allowed characters', () => {
    assert.equal(vmDeploymentName('web_01.prod'), 'CreateVm-web_01.prod');
    assert.equal(vmDeploymentName('x'.repeat(64)).length, 57);
    assert.equal(vmDeploymentTemplate(linuxRequest(), { deploymentName: 'attempt-2' }).deploymentName, 'attempt-2');
  });

  it('a Linux name with underscores gets a host name without them', () => {
    assert.equal(vmDeploymentTemplate(linuxRequest({ name: 'web_04' })).parameters.computerName.value, 'web04');
  });
});

describe('the template walk itself', () => {
  it('catches a function the emulator lacks, an undeclared parameter and unbalanced parentheses, nested templates included', () => {
    const deployment = vmDeploymentTemplate(windowsRequest());
    const broken = structuredClone(deployment);
    const backup = one(broken.template, 'Microsoft.Resources/deployments');
    resourcesOf(nested(backup))[0].name = "[concat(deployment().name, parameters('vmName'))]";
    assert.throws(() => assertExpressionsSound(broken), /deployment\(\) is not allowed/);
    resourcesOf(nested(backup))[0].name = "[parameters('vmName')]";
    assert.throws(() => assertExpressionsSound(broken), /properties\.template\.resources\[0\]\.name: undeclared parameter vmName/);
    resourcesOf(nested(backup))[0].name = "[concat(parameters('vaultName')]";
    assert.throws(() => assertExpressionsSound(broken), /unbalanced/);
  });
});
