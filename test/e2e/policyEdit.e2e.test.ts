import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LoggedExchange } from '../../emulator/http/requestLog';
import { poll } from './harness/workbench';
import { webviewContent, textOf, waitForText } from './harness/webviewForm';
import { startVsCodeSession, viewContainerTitle, type VsCodeSession } from './harness/vscodeSession';

const production = 'Contoso Production';
const vault = 'prod-weu-vault';
const policies = 'Backup policies';
const policy = 'DefaultPolicy';
/** The demo data protects web-01 and web-02 in prod-weu-vault with DefaultPolicy (daily, kept 30 days). */
const usedBy = ['web-01', 'web-02'];

/** PUTs of the policy: what saving it sends. */
function policyPuts(exchanges: readonly LoggedExchange[], name: string): LoggedExchange[] {
  return exchanges.filter((exchange) => exchange.method === 'PUT' && new URL(exchange.url).pathname.toLowerCase().endsWith(`/backuppolicies/${name.toLowerCase()}`));
}

describe('Edit a backup policy in VS Code', () => {
  let vscode: VsCodeSession;

  before(async () => {
    vscode = await startVsCodeSession({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await vscode.openView(viewContainerTitle);
    await vscode.tree('Backups').waitFor();
  });
  afterEach(async (t) => vscode?.recordFailure(t));
  after(async () => vscode?.stop());

  it('lowers DefaultPolicy’s retention: the form names its VMs, a modal warns of the cut, Cancel keeps the draft and sends nothing, Save sends one PUT', async () => {
    await vscode.expand(production);
    await vscode.expand([production, vault]);
    await vscode.expand([production, vault, policies]);
    const row = await vscode.findTreeItem([production, vault, policies, policy]);
    assert.match(await row.innerText(), /Daily · 2 VMs/);
    await vscode.contextMenu([production, vault, policies, policy], 'Edit Policy…');
    await vscode.clearHover();

    const page = webviewContent(vscode.page);
    const days = page.locator('#daily-days input');
    await days.waitFor({ timeout: 30_000 });
    await waitForText(page.locator('#editor-heading'), /DefaultPolicy in prod-weu-vault/, 'the editor heading');
    await vscode.page.getByRole('tab', { name: /Policy DefaultPolicy · prod-weu-vault/ }).waitFor();
    // Who the policy affects, said before anything is changed.
    const usage = await waitForText(page.locator('#policy-usage'), /2 VMs use this policy/, 'the usage note');
    assert.match(usage, /2 VMs use this policy: web-01, web-02\. Saving changes their backups; a shorter retention deletes their older recovery points\./);
    assert.equal(await days.inputValue(), '30');

    // A cut is a warning beside the field, not an error: Save stays available.
    await days.fill('10');
    const daysMessage = page.locator('#daily-days-message');
    await waitForText(daysMessage, /Daily retention shrinks from 30 to 10 days: older recovery points are deleted when you save\./, 'the retention-cut warning');
    await poll(async () => ((await page.locator('#save').getAttribute('disabled')) === null ? true : undefined), 'Save to stay enabled', 10_000);

    // Save: the host asks first, in VS Code's modal dialog, naming the VMs that use the policy.
    const start = await vscode.emulator.lastSequence();
    await page.locator('#save').click();
    const dialog = vscode.dialog();
    await dialog.waitFor({ timeout: 15_000 });
    const question = await textOf(dialog);
    assert.match(question, /Save policy DefaultPolicy\? 2 VMs use this policy: web-01, web-02\./);
    assert.match(question, /Daily retention shrinks from 30 to 10 days: older recovery points are deleted when you save\./);
    for (const vm of usedBy) assert.ok(question.includes(vm), `the dialog names ${vm}`);
    await vscode.screenshot('policy-edit-retention-cut');

    // Cancel: nothing reaches Azure, and the form still holds the draft.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(page.locator('#save-result'), /Not saved: your changes are still here\./, 'the not-saved message');
    assert.equal(await days.inputValue(), '10', 'the draft keeps the lowered retention');
    assert.match(await textOf(daysMessage), /shrinks from 30 to 10 days/);
    assert.deepEqual(policyPuts(await vscode.emulator.requests(start), policy), [], 'Cancel sent nothing');

    // Save again and confirm: one PUT with the new retention.
    await poll(async () => ((await page.locator('#save').getAttribute('disabled')) === null ? true : undefined), 'Save to be enabled again', 10_000);
    await page.locator('#save').click();
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(page.locator('#save-result'), /Saved policy DefaultPolicy\./, 'the saved message', 60_000);
    // The form goes on editing the policy as Azure has it now: 10 days is no longer a cut.
    await poll(async () => ((await textOf(daysMessage)) === '' ? true : undefined), 'the cut warning to clear once 10 days is the saved value', 15_000);
    assert.equal(await days.inputValue(), '10');

    const puts = policyPuts(await vscode.emulator.requests(start), policy);
    assert.equal(puts.length, 1, 'one confirmed save, one PUT');
    const properties = (puts[0]!.requestBody as { properties: { policyType?: string; retentionPolicy: { dailySchedule: { retentionDuration: { count: number; durationType: string } } } } }).properties;
    assert.deepEqual(properties.retentionPolicy.dailySchedule.retentionDuration, { count: 10, durationType: 'Days' });
    assert.notEqual(properties.policyType, 'V2', 'still a Standard policy');

    // The tree shows the saved policy: selected, its VMs still counted, its tooltip with the new retention.
    const saved = await vscode.findTreeItem([production, vault, policies, policy], 20_000);
    await poll(async () => ((await saved.getAttribute('aria-selected')) === 'true' ? true : undefined), 'the saved policy to be selected', 10_000);
    assert.match(await saved.innerText(), /Daily · 2 VMs/);
    const tooltip = await poll(async () => {
      await (await vscode.findTreeItem([production, vault, policies, policy])).locator('.label-name').hover();
      const hover = vscode.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Daily points kept' }).first();
      await hover.waitFor({ timeout: 2_000 }).catch(() => undefined);
      const text = await textOf(hover);
      if (/Daily points kept: 10 days/.test(text)) return text;
      // An old tooltip: move away so the next hover renders it again.
      await vscode.clearHover();
      return undefined;
    }, 'the policy tooltip to say 10 days', 20_000);
    assert.match(tooltip, /Protected VMs: 2/);
    // The hover fades in: shoot it once its animation is over.
    await poll(async () => ((await vscode.page.evaluate(() => {
      const hover = Array.from(document.querySelectorAll('.monaco-hover, .workbench-hover')).find((element) => element.textContent?.includes('Daily points kept'));
      const container = hover?.closest('.workbench-hover-container') ?? hover?.parentElement ?? undefined;
      return container ? container.getAnimations({ subtree: true }).every((animation: Animation) => animation.playState !== 'running') : false;
    })) ? true : undefined), 'the tooltip to finish fading in', 5_000);
    await vscode.screenshot('policy-edit-saved');
    await vscode.clearHover();
  });

  it('stays usable in a High Contrast theme: field messages show beside their fields and Save follows them', async () => {
    await vscode.switchColorTheme('Dark High Contrast');
    await poll(async () => ((await vscode.page.locator('.monaco-workbench').getAttribute('class'))?.includes('hc-black') ? true : undefined), 'the high contrast theme', 10_000);
    const page = webviewContent(vscode.page);
    await poll(async () => ((await page.locator('body').getAttribute('class'))?.includes('vscode-high-contrast') ? true : undefined), 'the webview to take the high contrast theme', 10_000);

    const days = page.locator('#daily-days input');
    const daysMessage = page.locator('#daily-days-message');
    await days.fill('5');
    await waitForText(daysMessage, /Daily retention must be 7 to 9999 days, not 5\./, 'the out-of-range message');
    assert.ok(await daysMessage.isVisible(), 'the message is on screen');
    assert.equal(await page.locator('#daily-days').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#save').getAttribute('disabled'), '', 'Save is disabled while a rule is broken');
    await waitForText(page.locator('#save-blockers'), /Fix the problem marked in the form to save\./, 'the blocker next to Save');
    // Readable in high contrast: its text stands out from what is behind it, and its error border shows.
    const look = await daysMessage.evaluate((element) => {
      const style = getComputedStyle(element);
      const behind = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : style.backgroundColor;
      return { text: style.color, behind, border: style.borderLeftColor, borderWidth: style.borderLeftWidth };
    });
    assert.ok(contrast(look.text, look.behind) >= 7, `the message text contrasts with its background at 7:1 or more (${JSON.stringify(look)})`);
    assert.ok(contrast(look.border, look.behind) >= 3 && look.borderWidth !== '0px', `the error border shows (${JSON.stringify(look)})`);
    await page.locator('#daily-tier').scrollIntoViewIfNeeded();
    await vscode.screenshot('policy-editor-high-contrast');

    // Fixed with the keyboard: the message goes, Save comes back; nothing is saved.
    const start = await vscode.emulator.lastSequence();
    await days.fill('14');
    await poll(async () => ((await textOf(daysMessage)) === '' ? true : undefined), 'the out-of-range message to clear', 10_000);
    await poll(async () => ((await page.locator('#save').getAttribute('disabled')) === null ? true : undefined), 'Save to be enabled', 10_000);
    await page.locator('#cancel').click();
    await vscode.page.getByRole('tab', { name: /Policy DefaultPolicy/ }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(policyPuts(await vscode.emulator.requests(start), policy), [], 'closing the editor saved nothing');
  });
});

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string): number => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
