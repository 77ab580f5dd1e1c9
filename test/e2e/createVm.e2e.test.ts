import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';
import { poll } from './harness/workbench';
import { choose, chosenLabel, textOf, valueOf, waitForText, webviewContent } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
const vmName = 'e2e-vm-01';

/** An OpenSSH ed25519 public key line, as ~/.ssh/id_ed25519.pub holds it. */
function ed25519PublicKey(): string {
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(randomBytes(32))]).toString('base64')} e2e@test`;
}

describe('Create a virtual machine with backup, in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    // Azure's time at a tenth: the VM takes some seconds, so the progress can be watched.
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' }, emulator: { timeScale: 10 } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('opens from a vault preset to it, explains an invalid and a taken name, shows the template, creates the VM through one deployment with per-resource progress, and backs it up', async () => {
    await vscode.expand(production);
    const start = await vscode.emulator.lastSequence();
    await vscode.contextMenu([production, vault], 'Create Virtual Machine…');

    const page = webviewContent(vscode.page);
    await page.locator('#subscription').waitFor({ timeout: 30_000 });
    await vscode.page.getByRole('tab', { name: /Create Virtual Machine/ }).waitFor();
    // Preset from the vault: its subscription, its region, and the vault itself for backup.
    await poll(async () => ((await valueOf(page.locator('#subscription'))) === demoSubscriptions.production ? true : undefined), 'the subscription preset', 15_000);
    await poll(async () => ((await valueOf(page.locator('#location'))) === 'westeurope' ? true : undefined), 'the region preset', 15_000);
    await poll(async () => ((await chosenLabel(page.locator('#existing-vault'))).includes(vault) ? true : undefined), 'the vault preset', 15_000);

    await choose(page.locator('#resource-group'), 'rg-web-prod');
    const name = page.locator('#vm-name input');
    const nameMessage = page.locator('#vm-name-message');
    await name.fill('web_01-');
    await waitForText(nameMessage, /\S/, 'the invalid-name message');
    assert.match(await textOf(nameMessage), /end/i, 'the message says how the name may not end');
    await page.locator('#vm-name').scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vm-invalid-name');
    await name.fill('web-01');
    await waitForText(nameMessage, /taken|already|exists/i, 'the taken-name message');
    await name.fill(vmName);
    await poll(async () => (/taken|already|must|cannot|invalid/i.test(await textOf(nameMessage)) ? undefined : true), 'the name to be accepted', 15_000);

    await choose(page.locator('#size'), /Standard_B2s\b/);
    await page.locator('#admin-username input').fill('azureuser');
    await page.locator('#auth-kind-sshPublicKey').click();
    await page.locator('#ssh-public-key input').fill(ed25519PublicKey());
    await waitForText(page.locator('#restore-point-group'), /AzureBackupRG_westeurope_1/, 'the restore point collection group name');
    await page.locator('h1').first().scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vm-form');

    await page.locator('#review').click();
    const summary = await waitForText(page.locator('#review-summary'), new RegExp(vmName), 'the review summary');
    for (const part of ['rg-web-prod', 'Standard_B2s', vault, 'DefaultPolicy']) assert.ok(summary.includes(part), `the summary shows ${part}: ${summary}`);
    await waitForText(page.locator('#review-restore-point-group'), /AzureBackupRG_westeurope_1/, 'the restore point group on review');
    await waitForText(page.locator('#preview-first'), /\S/, 'the estimated first backup');
    await vscode.screenshot('create-vm-review');

    // View template: the template and its parameters as JSON, read-only, before anything is sent.
    await page.locator('#view-template').click();
    await waitForText(page.locator('#view-template-message'), /Nothing has been sent/, 'the form saying the template is open');
    const templateTab = vscode.page.getByRole('tab', { name: /^azuredeploy\.json/ });
    const parametersTab = vscode.page.getByRole('tab', { name: /^azuredeploy\.parameters\.json/ });
    await templateTab.waitFor({ timeout: 20_000 });
    await parametersTab.waitFor({ timeout: 20_000 });
    const editorText = async () => (await vscode.page.locator('.editor-instance .view-lines').filter({ visible: true }).last().innerText()).replace(/\s+/g, ' ');
    await poll(async () => (/deploymentTemplate\.json/.test(await editorText()) ? true : undefined), 'the template in front', 10_000);
    await vscode.screenshot('create-vm-view-template');
    await parametersTab.click();
    await poll(async () => (/deploymentParameters\.json/.test(await editorText()) && /azureuser/.test(await editorText()) ? true : undefined), 'the parameters document', 10_000);
    await vscode.screenshot('create-vm-view-parameters');
    const sentBeforeCreate = (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'PUT' && exchange.url.includes('/deployments/'));
    assert.equal(sentBeforeCreate.length, 0, 'viewing the template sends nothing');
    await vscode.page.getByRole('tab', { name: /Create Virtual Machine/ }).click();

    await page.locator('#create').click();
    // The deployment's notification counts the resources as Azure reaches them, until it has created them all.
    const created = vscode.notification(new RegExp(`Created the virtual machine ${vmName}`));
    const counts = new Set<string>();
    let progressShown = false;
    await poll(async () => {
      for (const text of await vscode.notifications()) {
        const count = /(\d+) of (\d+) resources/.exec(text);
        if (!count) continue;
        counts.add(`${count[1]} of ${count[2]}`);
        if (count[1] !== '0' && !progressShown) {
          progressShown = true;
          await vscode.screenshot('create-vm-progress');
        }
      }
      return (await created.isVisible()) ? true : undefined;
    }, 'the VM to be created', 180_000);
    assert.ok(counts.size >= 2, `the notification counted the resources as they were created: ${[...counts].join(', ')}`);
    const row = await vscode.findTreeItem([production, vault, vmName], 30_000);
    assert.match(await row.innerText(), /Initial backup pending/);
    await vscode.screenshot('create-vm-created');

    const deploymentPuts = (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'PUT' && /\/providers\/Microsoft\.Resources\/deployments\/[^/?]+\?/.test(exchange.url));
    assert.equal(deploymentPuts.length, 1, 'one template deployment');
    const template = (deploymentPuts[0]!.requestBody as { properties: { template: { resources: { type: string }[] } } }).properties.template;
    const types = template.resources.map((resource) => resource.type);
    for (const type of ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/virtualNetworks', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/virtualMachines']) assert.ok(types.includes(type), `the template deploys ${type}: ${types.join(', ')}`);

    // Back Up Now from the notification: the existing flow (retain-until date), one backup.
    await created.getByRole('button', { name: 'Back Up Now' }).click();
    await vscode.quickInput().locator('input.input').waitFor();
    await vscode.acceptInput();
    await poll(async () => (/backup job/.test(await vscode.statusBarText()) ? true : undefined), 'the backup job in the status bar', 30_000);
    await vscode.screenshot('create-vm-back-up-now');
    const backups = (await vscode.emulator.requests(start)).filter((exchange) => exchange.method === 'POST' && exchange.url.includes(`${vmName}/backup?`));
    assert.equal(backups.length, 1, 'one backup request');

    await vscode.page.getByRole('tab', { name: /Create Virtual Machine/ }).click();
    await page.locator('#close').click();
    await vscode.page.getByRole('tab', { name: /Create Virtual Machine/ }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('fails on a size the region lists but cannot give (SkuNotAvailable): names the VM resource and keeps the draft to fix and retry', async () => {
    await vscode.runCommand('Azure VM Backup: Create Virtual Machine…');
    const page = webviewContent(vscode.page);
    await page.locator('#subscription').waitFor({ timeout: 30_000 });
    await choose(page.locator('#subscription'), /Contoso Production/);
    await choose(page.locator('#resource-group'), 'rg-web-prod');
    await choose(page.locator('#location'), 'West Europe');
    await page.locator('#vm-name input').fill('e2e-gpu-01');
    await choose(page.locator('#size'), /Standard_NC6s_v3/);
    await page.locator('#admin-username input').fill('azureuser');
    await page.locator('#auth-kind-sshPublicKey').click();
    await page.locator('#ssh-public-key input').fill(ed25519PublicKey());
    // Backup off: this deployment is about the VM's size.
    await page.locator('#backup').click();
    await page.locator('#backup-off').waitFor();
    await page.locator('#review').click();
    await waitForText(page.locator('#review-summary'), /e2e-gpu-01/, 'the review summary');
    await page.locator('#create').click();

    const failures = await waitForText(page.locator('#create-failures'), /SkuNotAvailable/, 'the failed resource in the form', 120_000);
    assert.match(failures, /e2e-gpu-01/, 'the failure names the VM resource');
    await poll(async () => ((await vscode.notifications()).some((text) => /e2e-gpu-01/.test(text) && /SkuNotAvailable|not available/.test(text)) ? true : undefined), 'the failure notification naming the resource', 20_000);
    await vscode.screenshot('create-vm-failed');

    await page.locator('#back').click();
    await page.locator('#vm-name').waitFor();
    assert.equal(await page.locator('#vm-name input').inputValue(), 'e2e-gpu-01', 'the draft keeps the name');
    assert.match(await chosenLabel(page.locator('#size')), /Standard_NC6s_v3/, 'and the size, to change it');
    await choose(page.locator('#size'), /Standard_B2s\b/);
    await page.locator('#vm-name').scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vm-failed-draft-kept');
  });

  it('keeps its draft through a window reload (its serializer restores it) and follows the dark theme; the password is asked again', async () => {
    await vscode.runCommand('Azure VM Backup: Create Virtual Machine…');
    let page = webviewContent(vscode.page);
    await page.locator('#subscription').waitFor({ timeout: 30_000 });
    await choose(page.locator('#subscription'), /Contoso Production/);
    await choose(page.locator('#resource-group'), 'rg-web-prod');
    await choose(page.locator('#location'), 'West Europe');
    await page.locator('#vm-name input').fill('draft-vm-01');
    await choose(page.locator('#image'), /Windows Server 2022/);
    await page.locator('#admin-username input').fill('contosoadmin');
    await page.locator('#password input').fill('Str0ng-Passw0rd!');

    await vscode.runCommand('Developer: Reload Window');
    await vscode.page.waitForEvent('load', { timeout: 30_000 });
    await vscode.ready();
    page = webviewContent(vscode.page);
    await page.locator('#vm-name').waitFor({ timeout: 60_000 });
    await poll(async () => ((await page.locator('#vm-name input').inputValue()) === 'draft-vm-01' ? true : undefined), 'the draft name after the reload', 15_000);
    assert.match(await chosenLabel(page.locator('#image')), /Windows Server 2022/, 'the image is kept');
    assert.equal(await page.locator('#admin-username input').inputValue(), 'contosoadmin');
    assert.equal(await page.locator('#password input').inputValue(), '', 'a password is never saved with the draft');
    await page.locator('#password-not-kept').waitFor();

    await vscode.switchColorTheme('Dark Modern');
    await poll(async () => ((await vscode.page.locator('.monaco-workbench').getAttribute('class'))?.includes('vs-dark') ? true : undefined), 'the dark theme', 10_000);
    await page.locator('#admin-username').scrollIntoViewIfNeeded();
    await vscode.screenshot('create-vm-draft-after-reload-dark');
    await page.locator('#cancel').click();
    await vscode.page.getByRole('tab', { name: /Create Virtual Machine/ }).waitFor({ state: 'detached', timeout: 10_000 });
  });
});
