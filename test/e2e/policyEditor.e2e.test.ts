import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { poll } from './harness/workbench';
import { webviewContent, choose, textOf } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
const policies = 'Backup policies';
const newPolicy = 'Hourly-E2E';

describe('Author a backup policy in the policy editor in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('creates an Enhanced hourly policy: explains an out-of-range retention, saves once fixed, and shows it under the vault', async () => {
    await vscode.expand(production);
    await vscode.expand([production, vault]);
    await vscode.contextMenu([production, vault, policies], 'Create Policy…');
    const page = webviewContent(vscode.page);
    const name = page.locator('#policy-name input');
    await name.waitFor({ timeout: 30_000 });
    assert.match(await textOf(page.locator('#editor-heading')), /New backup policy in prod-weu-vault/);

    await name.fill(newPolicy);
    await page.locator('#kind-Enhanced').click();
    await page.locator('#frequency-Hourly').click();
    await page.locator('#hourly-schedule').waitFor();
    await choose(page.locator('#hourly-interval'), '6 hours');
    await page.locator('#hourly-window-duration input').fill('10');
    await poll(async () => (/multiple of the 6-hour interval/.test(await textOf(page.locator('#hourly-window-duration-message'))) ? true : undefined), 'the window message', 10_000);
    await page.locator('#hourly-window-duration input').fill('12');
    await poll(async () => ((await textOf(page.locator('#hourly-window-duration-message'))) === '' ? true : undefined), 'the window message to clear', 10_000);
    await choose(page.locator('#time-zone'), /W\. Europe Standard Time/);

    // An out-of-range daily retention: the message beside the field, and no Save.
    const days = page.locator('#daily-days input');
    const message = page.locator('#daily-days-message');
    await days.fill('5');
    await poll(async () => (/Daily retention must be 7 to 9999 days, not 5\./.test(await textOf(message)) ? true : undefined), 'the daily retention message', 10_000);
    assert.equal(await page.locator('#save').getAttribute('disabled'), '', 'Save is disabled while a rule is broken');
    assert.equal(await page.locator('#daily-days').getAttribute('aria-invalid'), 'true');
    // The preview beside the form has drawn the hourly schedule.
    await poll(async () => (/of the 9,999 Azure allows/.test(await textOf(page.locator('#preview-count'))) ? true : undefined), 'the preview count', 10_000);
    assert.match(await textOf(page.locator('#preview-gap')), /outside the backup window/);
    assert.ok((await page.locator('#preview-timeline g.row').count()) >= 2, 'the timeline has its rows');
    await page.locator('#daily-tier').scrollIntoViewIfNeeded();
    await vscode.screenshot('policy-editor-light');

    await vscode.switchColorTheme('Dark Modern');
    await poll(async () => ((await vscode.page.locator('.monaco-workbench').getAttribute('class'))?.includes('vs-dark') ? true : undefined), 'the dark theme', 10_000);
    await message.waitFor();
    await page.locator('#daily-tier').scrollIntoViewIfNeeded();
    await vscode.screenshot('policy-editor-dark');

    // Fixed: the message goes, Save comes back, and the policy is created.
    const start = await vscode.emulator.lastSequence();
    await days.fill('30');
    await poll(async () => ((await textOf(message)) === '' ? true : undefined), 'the message to clear', 10_000);
    await poll(async () => ((await page.locator('#save').getAttribute('disabled')) === null ? true : undefined), 'Save to be enabled', 10_000);
    await page.locator('#save').click();
    await poll(async () => (/Created policy Hourly-E2E/.test(await textOf(page.locator('#save-result'))) ? true : undefined), 'the policy to be created', 60_000);
    await poll(async () => (/Policy Hourly-E2E in prod-weu-vault/.test(await textOf(page.locator('#editor-heading'))) ? true : undefined), 'the editor to switch to editing it', 20_000);
    await vscode.screenshot('policy-editor-saved');

    const row = await vscode.findTreeItem([production, vault, policies, newPolicy], 20_000);
    await poll(async () => ((await row.getAttribute('aria-selected')) === 'true' ? true : undefined), 'the new policy to be selected', 10_000);
    assert.match(await row.innerText(), /Hourly · Enhanced · 0 VMs/);

    const log = await vscode.emulator.requests(start);
    const puts = log.filter((exchange) => exchange.method === 'PUT' && new URL(exchange.url).pathname.endsWith(`/backupPolicies/${newPolicy}`));
    assert.equal(puts.length, 1, 'one policy PUT');
    const properties = (puts[0]!.requestBody as { properties: Record<string, unknown> }).properties as {
      policyType: string;
      timeZone: string;
      schedulePolicy: { hourlySchedule: { interval: number; scheduleWindowDuration: number } };
      retentionPolicy: { dailySchedule: { retentionDuration: { count: number } } };
    };
    assert.equal(properties.policyType, 'V2');
    assert.equal(properties.timeZone, 'W. Europe Standard Time');
    assert.deepEqual([properties.schedulePolicy.hourlySchedule.interval, properties.schedulePolicy.hourlySchedule.scheduleWindowDuration], [6, 12]);
    assert.equal(properties.retentionPolicy.dailySchedule.retentionDuration.count, 30);
  });
});
