import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { Subscription } from '../../../src/azure/model';
import { TemplateDeployments } from '../../../src/azure/templateDeployments';
import { deployTemplate } from '../../../src/commands/deployTemplate';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';
import { templateFolder, type TemplateFolder } from './deployTemplateFolder';

const prod = demoSubscriptions.production;
const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const secret = 'Approval-7f3c9d2e';

/** Protects one existing VM in an existing vault, as Azure's quickstart templates do; with comments, as templates may have. */
const protectVmTemplate = `{
  "$schema": "${schema}",
  "contentVersion": "1.0.0.0",
  // Which vault protects which VM
  "parameters": {
    "vaultName": { "type": "string" },
    "vmResourceGroup": { "type": "string", "defaultValue": "rg-web-prod" },
    "vmName": { "type": "string", "allowedValues": ["web-03", "jumpbox"] },
    "policyName": { "type": "string", "defaultValue": "DefaultPolicy" },
    /* A secure value the deployment needs, never shown */
    "approvalCode": { "type": "securestring" }
  },
  "variables": {
    "container": "[concat('iaasvmcontainer;iaasvmcontainerv2;', parameters('vmResourceGroup'), ';', parameters('vmName'))]",
    "item": "[concat('vm;iaasvmcontainerv2;', parameters('vmResourceGroup'), ';', parameters('vmName'))]"
  },
  "resources": [
    {
      "condition": "[not(empty(parameters('approvalCode')))]",
      "type": "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
      "apiVersion": "2021-03-01",
      "name": "[concat(parameters('vaultName'), '/Azure/', variables('container'), '/', variables('item'))]",
      "properties": {
        "protectedItemType": "Microsoft.Compute/virtualMachines",
        "policyId": "[resourceId('Microsoft.RecoveryServices/vaults/backupPolicies', parameters('vaultName'), parameters('policyName'))]",
        "sourceResourceId": "[resourceId(parameters('vmResourceGroup'), 'Microsoft.Compute/virtualMachines', parameters('vmName'))]"
      }
    }
  ],
  "outputs": { "protectedItemName": { "type": "string", "value": "[variables('item')]" } }
}`;

const storageTemplate = {
  $schema: schema,
  contentVersion: '1.0.0.0',
  parameters: { storageName: { type: 'string', minLength: 3, maxLength: 24 } },
  resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2019-06-01', name: "[parameters('storageName')]", location: '[resourceGroup().location]', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }],
};

let env: TestEmulator;
let files: TemplateFolder;

beforeEach(async () => {
  env = await startTestEmulator();
  files = templateFolder();
});
afterEach(async () => {
  files.remove();
  await env.close();
});

async function run(script: ScriptStep[], argument?: unknown): Promise<TestFlowServices> {
  const services = await testFlowServices(env, script);
  const deployments = new TemplateDeployments(services.azure().reader, { pollDelayMs: 5, minPollDelayMs: 5, maxPollDelayMs: 20 });
  const subscriptions = () => services.azure().reader.listSubscriptions(demoTenantId) as Promise<Subscription[]>;
  await deployTemplate(services, { subscriptions, files, deployments }, argument);
  services.prompts.assertDone();
  return services;
}

/** Requests that change something (not reads, not the emulator's own controls). */
async function writes(): Promise<string[]> {
  return (await env.requests()).filter((exchange) => exchange.method !== 'GET' && !exchange.url.includes('/_emulator/')).map((exchange) => `${exchange.method} ${decodeURIComponent(exchange.url)}`);
}

function deploymentPuts(requests: string[]): string[] {
  return requests.filter((request) => /^PUT .*\/providers\/Microsoft\.Resources\/deployments\/[^/?]+\?/.test(request));
}

const protectSteps: ScriptStep[] = [
  { pickOne: 'Deploy protect-vm.json', answer: label('Contoso Production') },
  { pickOne: 'Deploy protect-vm.json', answer: label('rg-backup-prod') },
  { pickOne: 'Deploy protect-vm.json', answer: label('Use protect-vm.parameters.json') },
  { input: 'Deploy protect-vm.json: vmResourceGroup (1 of 4)', answer: 'rg-web-prod' },
  { pickOne: 'Deploy protect-vm.json: vmName (2 of 4)', answer: label('web-03') },
  { input: 'Deploy protect-vm.json: policyName (3 of 4)', answer: 'DefaultPolicy' },
  { input: 'Deploy protect-vm.json: approvalCode (4 of 4)', answer: secret },
];

function writeProtectVm(): string {
  files.write('protect-vm.parameters.json', { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { vaultName: { value: 'prod-weu-vault' } } });
  return files.write('protect-vm.json', protectVmTemplate);
}

describe('Deploy Template', () => {
  it('deploys a template from the Explorer with its parameters file, shows the VM it protected and offers Back Up Now', async () => {
    const path = writeProtectVm();
    const services = await run([...protectSteps, { info: /^Deployed protect-vm\.json to rg-backup-prod\. Backup is on for web-03: the first backup runs at the policy's next scheduled time/ }], path);

    const { reader } = services.azure();
    const vault = (await reader.listVaults(prod)).find((candidate) => candidate.name === 'prod-weu-vault')!;
    const item = (await reader.listProtectedVms(vault)).find((candidate) => candidate.name === 'web-03');
    assert.ok(item, 'web-03 is protected');
    assert.equal(item.health, 'initialBackupPending');
    assert.deepEqual(services.revealed, [[`/subscriptions/${prod}`, vault.id, item.id]]);
    assert.ok(services.refreshed.includes(`/subscriptions/${prod}`));

    const puts = deploymentPuts(await writes());
    assert.equal(puts.length, 1, 'one deployment');
    const put = (await env.requests()).find((exchange) => exchange.method === 'PUT' && /\/deployments\/protect-vm-\d{14}\?/.test(exchange.url))!;
    const parameters = (put.requestBody as { properties: { parameters: Record<string, unknown> } }).properties.parameters;
    assert.deepEqual(Object.keys(parameters).sort(), ['approvalCode', 'vaultName', 'vmName'], 'defaults kept are left to Azure');
    assert.deepEqual(services.prompts.progressLog.slice(0, 3), ['Deploying protect-vm.json', '  Validating with Azure…', '  Starting the deployment…']);
    assert.equal(services.prompts.progressLog.at(-1), '  1 of 1 resources');
    assert.ok(services.logged.some((line) => /^info: {3}Succeeded Microsoft\.RecoveryServices\/vaults\/backupFabrics\/protectionContainers\/protectedItems \/subscriptions\/.*\/protectedItems\/vm;iaasvmcontainerv2;rg-web-prod;web-03$/.test(line)), services.logged.join('\n'));
    for (const line of [...services.logged, ...services.prompts.asked, ...services.prompts.progressLog]) assert.ok(!line.includes(secret), `secure value in: ${line}`);
    for (const exchange of await env.requests()) if (exchange.method === 'GET') assert.ok(!JSON.stringify(exchange.responseBody ?? '').includes(secret), `secure value answered by ${exchange.url}`);
  });

  it('backs the protected VM up at once when asked', async () => {
    const path = writeProtectVm();
    const services = await run([...protectSteps, { info: /^Deployed protect-vm\.json/, answer: 'Back Up Now' }, { input: 'Back Up web-03 Now', answer: '2099-01-01' }], path);
    assert.deepEqual(services.followed.map((followed) => [followed.job.label, followed.final.operation, followed.final.status]), [['Back up web-03', 'Backup', 'Completed']]);
  });

  for (const [index, step] of protectSteps.entries()) {
    it(`sends nothing to Azure when question ${index + 1} (${Object.values(step)[0]}) is cancelled`, async () => {
      const path = writeProtectVm();
      const cancelled: ScriptStep = 'input' in step ? { input: step.input, answer: undefined } : { pickOne: (step as { pickOne: string }).pickOne, answer: () => undefined };
      await run([...protectSteps.slice(0, index), cancelled], path);
      assert.deepEqual(await writes(), []);
    });
  }

  it('from the palette, offers the templates of the workspace and leaves the other JSON files out', async () => {
    writeProtectVm();
    files.write('package.json', { name: 'not-a-template' });
    const services = await run([{ pickOne: 'Deploy Template', answer: () => undefined }]);
    assert.deepEqual(services.prompts.offered[0]!.labels, ['protect-vm.json']);
  });

  it('refuses a JSON file that is not a deployment template, saying why, before asking anything', async () => {
    const path = files.write('package.json', { name: 'not-a-template', version: '1.0.0' });
    await run([{ error: 'package.json is not an Azure Resource Manager deployment template: a template has a $schema ending in deploymentTemplate.json and a resources section.' }], path);
    await run([{ error: /^Deploy Template works on a template file \(\.json\)/ }], 'notes.txt');
    assert.deepEqual(await writes(), []);
  });

  it('creates a new resource group (name checked, region asked) and deploys into it', async () => {
    const path = files.write('storage.json', storageTemplate);
    await run(
      [
        { pickOne: 'Deploy storage.json', answer: label('Contoso Production') },
        { pickOne: 'Deploy storage.json', answer: label(/Create new resource group/) },
        {
          input: 'Deploy storage.json: new resource group',
          answer: 'rg-deploy-new',
          refuses: [
            { value: 'rg-web-prod', message: 'The subscription already has a resource group named rg-web-prod: pick it from the list instead.' },
            { value: 'bad name!', message: /can contain only letters, digits, underscores, parentheses, hyphens and periods/ },
          ],
        },
        { pickOne: 'Deploy storage.json: region of rg-deploy-new', answer: label('West Europe') },
        { input: 'Deploy storage.json: storageName (1 of 1)', answer: 'deploynew01', refuses: [{ value: 'ab', message: 'storageName needs at least 3 characters.' }] },
        { info: 'Deployed storage.json to rg-deploy-new.' },
      ],
      path,
    );
    const resources = await env.clients.resources(prod);
    assert.equal((await resources.resourceGroups.get('rg-deploy-new')).location, 'westeurope');
    const order = (await writes()).map((request) => request.replace(/\?.*$/, '').replace(/^(\w+) .*\/resourcegroups\//i, '$1 '));
    assert.match(order[0]!, /^PUT rg-deploy-new$/);
    assert.match(order[1]!, /^POST rg-deploy-new\/providers\/Microsoft\.Resources\/deployments\/storage-\d{14}\/validate$/);
    assert.match(order[2]!, /^PUT rg-deploy-new\/providers\/Microsoft\.Resources\/deployments\/storage-\d{14}$/);
  });

  it("opens the deployment's outputs as JSON when asked", async () => {
    const withOutputs = { ...storageTemplate, outputs: { blob: { type: 'string', value: "[reference(parameters('storageName')).primaryEndpoints.blob]" } } };
    const path = files.write('outputs.json', withOutputs);
    await run(
      [
        { pickOne: 'Deploy outputs.json', answer: label('Contoso Production') },
        { pickOne: 'Deploy outputs.json', answer: label('rg-web-prod') },
        { input: 'Deploy outputs.json: storageName (1 of 1)', answer: 'outputstore01' },
        { info: 'Deployed outputs.json to rg-web-prod.', answer: 'Show Outputs' },
      ],
      path,
    );
    assert.equal(files.shown.length, 1);
    assert.match(files.shown[0]!.title, /^Outputs of outputs-\d{14}$/);
    assert.deepEqual(files.shown[0]!.value, { blob: { type: 'String', value: 'https://outputstore01.blob.core.windows.net/' } });
  });

  it("shows Azure's validation error in words and deploys nothing", async () => {
    const broken = { ...storageTemplate, resources: [{ ...storageTemplate.resources[0], name: "[noSuchFunction(parameters('storageName'))]" }] };
    const path = files.write('broken.json', broken);
    await run(
      [
        { pickOne: 'Deploy broken.json', answer: label('Contoso Production') },
        { pickOne: 'Deploy broken.json', answer: label('rg-web-prod') },
        { input: 'Deploy broken.json: storageName (1 of 1)', answer: 'brokenstore01' },
        { error: /^Azure refused the template \(InvalidTemplate\): .*noSuchFunction/ },
      ],
      path,
    );
    assert.deepEqual(deploymentPuts(await writes()), []);
  });
});
