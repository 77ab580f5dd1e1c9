import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { poll } from './harness/workbench';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
/** Azure's quickstart that protects existing VMs with a copy loop, as published. */
const quickstart = resolve(__dirname, '..', 'fixtures', 'quickstart-templates', 'recovery-services-backup-vms', 'azuredeploy.json');

describe('Deploy Template on a workspace template with its parameters file, in VS Code', () => {
  let vscode: VsCodeSession;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'avb-e2e-templates-'));
    copyFileSync(quickstart, join(folder, 'protect-vms.json'));
    writeFileSync(
      join(folder, 'protect-vms.parameters.json'),
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: { existingVirtualMachinesResourceGroup: { value: 'rg-web-prod' }, existingVirtualMachines: { value: ['web-03'] }, vaultName: { value: vault } },
      }, null, 2),
    );
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' }, workspaceFolder: folder });
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => {
    await vscode?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('deploys Azure’s quickstart unchanged from the Explorer: parameters from the file beside it, validated by Azure, and the VM it protects appears in the tree', async () => {
    await vscode.openView('Explorer');
    const start = await vscode.emulator.lastSequence();
    await vscode.contextMenu('protect-vms.json', 'Deploy Template…');

    await vscode.pick(production);
    await vscode.pick('rg-backup-prod');
    const labels = await poll(async () => {
      const shown = await vscode.quickPickLabels();
      return shown.some((label) => label.includes('protect-vms.parameters.json')) ? shown : undefined;
    }, 'the parameters-file choice', 15_000);
    assert.ok(labels.includes('Enter the values one by one'), `the file or asking each: ${labels.join(', ')}`);
    await vscode.screenshot('deploy-template-parameters-file');
    await vscode.pick(/protect-vms\.parameters\.json/);

    // What the file lacks has a default in the template: each is offered with it, Enter takes it.
    const asked: string[] = [];
    const deployed = vscode.notification(/Deployed protect-vms\.json to rg-backup-prod/);
    await poll(async () => {
      if (await deployed.isVisible()) return true;
      const input = vscode.quickInput();
      if (await input.isVisible()) {
        const title = (await input.locator('.quick-input-title').innerText().catch(() => '')).trim();
        if (title && !asked.includes(title)) {
          asked.push(title);
          if (asked.length === 1) await vscode.screenshot('deploy-template-default-parameter');
        }
        await input.locator('input.input').press('Enter').catch(() => undefined);
      }
      return undefined;
    }, 'the deployment to end', 120_000);
    assert.ok(asked.every((title) => /Deploy protect-vms\.json/.test(title)), `only the template's own questions: ${asked.join(' | ')}`);
    assert.ok(!asked.some((title) => /existingVirtualMachines\b|vaultName/.test(title)), `what the parameters file gives is not asked: ${asked.join(' | ')}`);
    await deployed.getByRole('button', { name: 'Back Up Now' }).waitFor();
    await vscode.screenshot('deploy-template-deployed');

    const log = await vscode.emulator.requests(start);
    const validations = log.filter((exchange) => exchange.method === 'POST' && /\/deployments\/[^/]+\/validate\?/.test(exchange.url));
    const puts = log.filter((exchange) => exchange.method === 'PUT' && /\/providers\/Microsoft\.Resources\/deployments\/[^/?]+\?/.test(exchange.url));
    assert.equal(validations.length, 1, 'Azure validates the deployment first');
    assert.equal(puts.length, 1, 'one deployment');
    assert.ok(log.indexOf(validations[0]!) < log.indexOf(puts[0]!), 'validation comes before the deployment');
    const sent = puts[0]!.requestBody as { properties: { template: unknown; parameters: Record<string, { value: unknown }> } };
    assert.deepEqual(sent.properties.template, JSON.parse(readFileSync(quickstart, 'utf8')), 'the quickstart template, unchanged');
    assert.deepEqual(sent.properties.parameters.existingVirtualMachines, { value: ['web-03'] });

    await vscode.dismissNotification(/Deployed protect-vms\.json/);
    await vscode.openView(viewContainerTitle);
    await vscode.expand(production);
    await vscode.expand([production, vault]);
    const row = await vscode.findTreeItem([production, vault, 'web-03'], 30_000);
    assert.match(await row.innerText(), /Initial backup pending/);
    await vscode.screenshot('deploy-template-protected-vm');
  });
});
