// The Restore webview's real bundle in happy-dom against a fake host: open the form (the handshake,
// init and targets), answer what it asks for as the host would, fill a valid "new VM" form.
import assert from 'node:assert/strict';
import type { RestoreSource } from '../../../src/restore/restoreRequest';
import type { RestoreState } from '../../../src/webviews/shared/restoreDraft';
import type { RestoreTargetsInfo } from '../../../src/webviews/shared/restoreProtocol';
import { details, identity, network, source, targets } from './restoreFixtures';
import { openWebview, type WebviewPage } from './webviewDom';

export type Message = Record<string, unknown> & { type: string };

let page: WebviewPage | undefined;
let answered = 0;

export function openPage(): WebviewPage {
  assert.ok(page, 'no form is open');
  return page;
}

export async function closeForm(): Promise<void> {
  await page?.close();
  page = undefined;
}

export const posted = (type: string) => page!.posted.filter((message) => (message as Message).type === type) as Message[];
export const lastPosted = (type: string) => posted(type).at(-1);
export const savedState = () => page!.state() as RestoreState;
export const isVisible = (id: string) => {
  for (let element: HTMLElement | null = page!.byId(id); element; element = element.parentElement) if (element.hidden) return false;
  return true;
};

/** Answers the name lists the page asked for since the last call: web-01 and web-02 are taken in rg-web-prod. */
export async function serve(): Promise<void> {
  while (answered < page!.posted.length) {
    const message = page!.posted[answered++] as Message;
    if (message.type === 'listVmNames') {
      await page!.fromHost({ type: 'vmNames', resourceGroup: message.resourceGroup, names: message.resourceGroup === 'rg-web-prod' ? ['web-01', 'web-02'] : [] });
    }
  }
}

/** Opens the form for a point (a fresh page, or `savedState` as after a reload), as the host answers ready. */
export async function openForm(options: { savedState?: unknown; source?: RestoreSource; targets?: RestoreTargetsInfo } = {}): Promise<WebviewPage> {
  answered = 0;
  page = await openWebview('restore', options.savedState);
  assert.deepEqual(page.posted, [{ type: 'ready' }], 'the page says ready first, and nothing else');
  answered = 1;
  await page.fromHost({ type: 'init', identity, source: options.source ?? source(), details });
  await page.fromHost({ type: 'targets', targets: options.targets ?? targets() });
  await serve();
  return page;
}

/** A complete "Create a new VM": a free name, the region's network (its first subnet), an accepted staging account. */
export async function fillNewVm(): Promise<void> {
  await page!.type('target-vm-name', 'web-01-restored');
  await page!.choose('virtual-network', network.id);
  await page!.choose('staging-account', targets().storageAccounts[0]!.id);
  await serve();
}
