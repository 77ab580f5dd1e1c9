// The policy editor webview's real bundle in happy-dom against a fake host: the handshake, every
// rule as the user types with its message beside the field, Enhanced hourly controls, the live
// preview, the draft kept with setState across a reload, saving, and host messages that are not
// the protocol's.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { newEnhancedPolicyDraft, newStandardPolicyDraft, type PolicyDraft } from '../../../src/policy/policyDraft';
import { previewPolicy } from '../../../src/policy/policyPreview';
import { previewDelayMs } from '../../../src/webviews/app/policyEditor/policyEditorApp';
import type { PolicyEditorInit, PolicyEditorState } from '../../../src/webviews/shared/policyEditorProtocol';
import { openWebview, type WebviewPage } from './webviewDom';

const vaultId = '/subscriptions/3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault';
const existingNames = ['DefaultPolicy', 'EnhancedPolicy', 'Hourly-Enhanced'];

function createInit(overrides: Partial<PolicyEditorInit> = {}): PolicyEditorInit {
  return { type: 'init', identity: { vaultId }, vault: { name: 'prod-weu-vault', location: 'westeurope' }, mode: 'create', draft: newStandardPolicyDraft(), existingNames, immutableVault: false, ...overrides };
}

function editInit(draft: PolicyDraft, overrides: Partial<PolicyEditorInit> = {}): PolicyEditorInit {
  return createInit({ identity: { vaultId, policyName: draft.name }, mode: 'edit', draft, original: draft, usage: { count: 2, vmNames: ['web-01', 'web-02'] }, ...overrides });
}

let page: WebviewPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const posted = (type: string) => page!.posted.filter((message) => (message as { type: string }).type === type) as Record<string, unknown>[];
const savedState = () => page!.state() as PolicyEditorState;
const isVisible = (id: string) => {
  for (let element: HTMLElement | null = page!.byId(id); element; element = element.parentElement) if (element.hidden) return false;
  return true;
};

async function openEditor(init: PolicyEditorInit = createInit(), savedState?: unknown): Promise<WebviewPage> {
  page = await openWebview('policyEditor', savedState);
  assert.deepEqual(page.posted, [{ type: 'ready' }], 'the page says ready first, and nothing else');
  await page.fromHost(init);
  return page;
}

describe('policy editor webview', () => {
  it('starts from the host’s draft: a Standard daily policy, with the preview of what it keeps', async () => {
    await openEditor();
    assert.equal(page!.byId('kind-Standard').checked, true);
    assert.equal(page!.byId('frequency-Daily').checked, true);
    assert.equal(page!.byId('schedule-time').value, '22:30');
    assert.equal(page!.byId('time-zone').value, 'UTC');
    assert.equal(page!.byId('daily-days').value, '30');
    assert.equal(isVisible('hourly-schedule'), false, 'no hourly controls for a daily schedule');
    assert.match(page!.shownText('editor-heading'), /New backup policy in prod-weu-vault/);
    const expected = previewPolicy(newStandardPolicyDraft(), Date.now()).peakRetained;
    assert.equal(page!.shownText('preview-count'), `${expected} of the 9,999 Azure allows`);
    assert.match(page!.shownText('preview-gap'), /^24 hours/);
    assert.notEqual(page!.shownText('preview-first'), '');
    const svg = page!.document.getElementById('preview-timeline')!;
    assert.equal(svg.getAttribute('role'), 'img');
    assert.match(svg.querySelector('title')!.textContent!, /Timeline of the recovery points/);
    assert.match(svg.querySelector('desc')!.textContent!, /Daily: 365 backups, each kept 30 days/);
    assert.deepEqual(Array.from(svg.querySelectorAll('g.row')).map((row) => row.getAttribute('class')), ['row tier-snapshot', 'row tier-daily']);
    const days = page!.document.getElementById('preview-days')!;
    assert.match(days.querySelector('desc')!.textContent!, /^[23] backups, at \S+/, 'the next 3 days, one backup a day');
    assert.ok(days.querySelectorAll('rect.tick.kept').length >= 2);
  });

  it('says to name the policy before Save, then checks the name as it is typed', async () => {
    await openEditor();
    assert.equal(page!.byId('save').disabled, true);
    assert.equal(page!.shownText('policy-name-message'), '', 'no red message for a name not typed yet');
    assert.match(page!.shownText('save-blockers'), /Name the policy to save it/);
    await page!.type('policy-name', 'hourly-enhanced');
    assert.match(page!.shownText('policy-name-message'), /Policy name 'hourly-enhanced' is already used in this vault/);
    assert.equal(page!.byId('policy-name').getAttribute('aria-invalid'), 'true');
    await page!.type('policy-name', 'Daily-60');
    assert.equal(page!.shownText('policy-name-message'), '');
    assert.equal(page!.byId('policy-name').getAttribute('aria-invalid'), null);
    assert.equal(page!.byId('save').disabled, false);
  });

  it('shows an out-of-range daily retention beside its field and disables Save; fixing it clears both', async () => {
    await openEditor();
    await page!.type('policy-name', 'Daily-Short');
    await page!.type('daily-days', '5');
    assert.match(page!.shownText('daily-days-message'), /Daily retention must be 7 to 9999 days, not 5\./);
    assert.equal(page!.byId('daily-days').getAttribute('aria-invalid'), 'true');
    assert.match(page!.byId('daily-days').getAttribute('aria-describedby')!, /daily-days-message/);
    assert.equal(page!.byId('save').disabled, true);
    assert.match(page!.shownText('save-blockers'), /Fix the problem marked in the form to save/);
    await page!.type('daily-days', '');
    assert.match(page!.shownText('daily-days-message'), /Daily retention must be 7 to 9999 days\./, 'an empty field is explained too');
    await page!.type('daily-days', '30');
    assert.equal(page!.shownText('daily-days-message'), '');
    assert.equal(page!.byId('daily-days').getAttribute('aria-invalid'), null);
    assert.equal(page!.byId('save').disabled, false);
    assert.equal(page!.shownText('save-blockers'), '');
  });

  it('offers the hourly controls for an Enhanced policy and checks the window against the interval', async () => {
    await openEditor();
    await page!.click('frequency-Hourly');
    assert.match(page!.shownText('frequency-message'), /Hourly needs an Enhanced policy/);
    await page!.click('kind-Enhanced');
    assert.equal(page!.shownText('frequency-message'), '');
    assert.equal(isVisible('hourly-schedule'), true);
    assert.equal(isVisible('schedule-time'), false, 'no single backup time for an hourly schedule');
    assert.equal(page!.byId('instant-restore-days').value, '7', 'a new Enhanced policy keeps snapshots 7 days by default');
    assert.equal(isVisible('tiering-body'), true, 'archive tiering is offered for Enhanced');
    await page!.choose('hourly-interval', '8');
    await page!.type('hourly-window-duration', '12');
    assert.match(page!.shownText('hourly-window-duration-message'), /must be a multiple of the 8-hour interval \(8, 16 or 24 hours\), not 12/);
    await page!.type('hourly-window-duration', '16');
    assert.equal(page!.shownText('hourly-window-duration-message'), '');
    const draft = savedState().draft;
    assert.deepEqual([draft.kind, draft.schedule.frequency, draft.schedule.hourly.intervalHours, draft.schedule.hourly.windowDurationHours], ['Enhanced', 'Hourly', 8, 16]);
  });

  it('draws the preview again once typing pauses, with the new count of kept points', async () => {
    await openEditor();
    const before = page!.shownText('preview-count');
    await page!.type('daily-days', '90');
    await page!.type('daily-days', '365');
    assert.equal(page!.shownText('preview-count'), before, 'not redrawn on every keystroke');
    await page!.settle(previewDelayMs + 50);
    const draft = savedState().draft;
    assert.equal(draft.retention.daily?.days, 365);
    const expected = previewPolicy(draft, Date.now()).peakRetained;
    assert.equal(page!.shownText('preview-count'), `${expected.toLocaleString()} of the 9,999 Azure allows`);
    assert.notEqual(page!.shownText('preview-count'), before);
  });

  it('says when the policy keeps more than 9,999 points per VM, and blocks Save', async () => {
    await openEditor();
    await page!.type('policy-name', 'Too-Much');
    await page!.click('kind-Enhanced');
    await page!.click('frequency-Hourly');
    await page!.type('instant-restore-days', '30');
    await page!.type('daily-days', '9999');
    await page!.click('weekly-enabled');
    await page!.type('weekly-weeks', '5163');
    await page!.settle(previewDelayMs + 200);
    assert.match(page!.shownText('preview-count'), /too many, shorten retention/);
    assert.match(page!.shownText('retention-message'), /keeps up to \d+ recovery points per VM; Azure keeps at most 9999/);
    assert.equal(page!.byId('save').disabled, true);
  });

  it('keeps the draft with setState and restores it after a reload of the same policy', async () => {
    await openEditor();
    await page!.type('policy-name', 'Weekly-Keep');
    await page!.click('frequency-Weekly');
    await page!.type('weekly-weeks', '');
    const saved = page!.state();
    assert.deepEqual(savedState().identity, { vaultId });
    assert.deepEqual(savedState().touched.sort(), ['name', 'retention.weekly.weeks', 'schedule.frequency']);
    await page!.close();

    // The reload: VS Code's state went through JSON (the empty field's NaN became null).
    await openEditor(createInit(), JSON.parse(JSON.stringify(saved)));
    assert.equal(page!.byId('policy-name').value, 'Weekly-Keep');
    assert.equal(page!.byId('frequency-Weekly').checked, true);
    assert.equal(page!.byId('weekly-weeks').value, '');
    assert.match(page!.shownText('weekly-weeks-message'), /Weekly retention must be 1 to 5163 weeks\./);
    assert.equal(page!.byId('daily-enabled').checked, false, 'a weekly schedule keeps no daily backups');
  });

  it('takes the host’s draft when the saved state is of another policy', async () => {
    const other = { identity: { vaultId, policyName: 'Other' }, draft: newEnhancedPolicyDraft('Other'), touched: ['name'] };
    await openEditor(createInit(), other);
    assert.equal(page!.byId('policy-name').value, '');
    assert.equal(page!.byId('kind-Standard').checked, true);
    assert.deepEqual(savedState().identity, { vaultId });
  });

  it('saves: posts the draft, shows progress, keeps the draft when Azure refuses, and shows the host’s problems', async () => {
    await openEditor();
    await page!.type('policy-name', 'Daily-45');
    await page!.type('daily-days', '45');
    await page!.click('save');
    const [save] = posted('save');
    assert.equal((save!.draft as PolicyDraft).retention.daily?.days, 45);
    assert.equal(page!.byId('save').disabled, true, 'no second save while one runs');
    await page!.fromHost({ type: 'saveProgress', message: 'Saving policy Daily-45…' });
    assert.match(page!.shownText('save-progress'), /Saving policy Daily-45…/);
    await page!.fromHost({ type: 'saveResult', ok: false, message: 'Not saved: Daily retention must be 7 to 9999 days, not 3.', problems: [{ field: 'retention.daily.days', message: 'Daily retention must be 7 to 9999 days, not 3.', severity: 'error' }] });
    assert.match(page!.shownText('save-result'), /Not saved/);
    assert.match(page!.shownText('daily-days-message'), /not 3/, 'the host’s problem shows beside its field');
    assert.equal(page!.byId('daily-days').value, '45', 'nothing typed is lost');
    assert.equal(page!.shownText('save-progress'), '');
    await page!.type('daily-days', '46');
    assert.equal(page!.shownText('save-result'), '', 'a change clears the last outcome');
    assert.equal(page!.byId('save').disabled, false);
  });

  it('edits a policy: the name is fixed, who uses it is said, a retention cut warns but may be saved', async () => {
    const original = newEnhancedPolicyDraft('Hourly-Enhanced');
    original.retention.daily = { days: 60 };
    await openEditor(editInit(original));
    assert.equal(page!.byId('policy-name').readonly, true);
    assert.equal(page!.byId('kind-Standard').disabled, true, 'Enhanced cannot go back to Standard');
    assert.match(page!.shownText('policy-usage'), /2 VMs use this policy: web-01, web-02/);
    await page!.type('daily-days', '30');
    assert.match(page!.shownText('daily-days-message'), /Daily retention shrinks from 60 to 30 days: older recovery points are deleted when you save/);
    assert.equal(page!.byId('daily-days').getAttribute('aria-invalid'), null, 'a warning is not an error');
    assert.equal(page!.byId('save').disabled, false);
  });

  it('ignores messages from the host that are not the protocol’s', async () => {
    await openEditor();
    await page!.type('policy-name', 'Mine');
    // The preview redraws once typing pauses: let it, so only the host's messages could change the page.
    await page!.settle(previewDelayMs + 200);
    const before = page!.document.getElementById('app')!.innerHTML;
    for (const message of [
      'init',
      null,
      { type: 'init', identity: { vaultId }, draft: 'everything' },
      { ...createInit(), draft: { ...newStandardPolicyDraft(), kind: 'Premium' } },
      { ...createInit(), extra: true },
      { type: 'saveResult', ok: true },
      { type: 'saveProgress', message: 42 },
      { type: 'evaluate', code: 'alert(1)' },
    ]) {
      await page!.fromHost(message);
    }
    assert.equal(page!.document.getElementById('app')!.innerHTML, before, 'nothing changed');
    assert.equal(savedState().draft.name, 'Mine');
    assert.deepEqual(page!.posted, [{ type: 'ready' }]);
  });

  it('says when the policy could not be loaded, and retries with another ready', async () => {
    page = await openWebview('policyEditor');
    await page.fromHost({ type: 'loadFailed', identity: { vaultId }, message: 'It no longer exists in Azure.' });
    assert.match(page.shownText('load-error'), /could not be loaded: It no longer exists in Azure/);
    await page.click('retry');
    assert.deepEqual(page.posted, [{ type: 'ready' }, { type: 'ready' }]);
    assert.equal(isVisible('load-error'), false);
  });
});
