// The Create VM webview's real bundle in happy-dom against a fake host, as the app's tests drive
// it: open the form (the handshake and the init), answer what it asks for as the host would, type
// and let the debounced checks go, fill a valid form.
import assert from 'node:assert/strict';
import { checkDelayMs } from '../../../src/webviews/app/createVm/createVmApp';
import type { CreateVmState } from '../../../src/webviews/shared/createVmDraft';
import { groups, locations, network, publicKey, sizes, subscription, vaultPolicies, vaults } from './createVmFixtures';
import { subscriptionId } from '../vmCreation/vmFixtures';
import { openWebview, type WebviewPage } from './webviewDom';
export type Message = Record<string, unknown> & { type: string };

let page: WebviewPage | undefined;

/** The open form (after openForm). */
export function openPage(): WebviewPage {
  assert.ok(page, 'no form is open');
  return page;
}

/** Closes the open form; for afterEach. */
export async function closeForm(): Promise<void> {
  await page?.close();
  page = undefined;
}

export const posted = (type: string) => page!.posted.filter((message) => (message as Message).type === type) as Message[];
export const lastPosted = (type: string) => posted(type).at(-1);
export const savedState = () => page!.state() as CreateVmState;
export const isVisible = (id: string) => {
  for (let element: HTMLElement | null = page!.byId(id); element; element = element.parentElement) if (element.hidden) return false;
  return true;
};

/** VM names the fake host says are taken in their resource group. */
let takenVmNames: string[] = [];
let answered = 0;

/** From now on the fake host says these VM names are taken. */
export function setTakenVmNames(names: string[]): void {
  takenVmNames = names;
}

/** Answers what the page asked for since the last call, as the host would. */
export async function serve(): Promise<void> {
  while (answered < page!.posted.length) {
    const message = page!.posted[answered++] as Message;
    const { subscriptionId: sub, location } = message as unknown as { subscriptionId: string; location: string };
    switch (message.type) {
      case 'listResourceGroups':
        await page!.fromHost({ type: 'resourceGroups', subscriptionId: sub, resourceGroups: groups });
        break;
      case 'listLocations':
        await page!.fromHost({ type: 'locations', subscriptionId: sub, locations });
        break;
      case 'listVaults':
        await page!.fromHost({ type: 'vaults', subscriptionId: sub, vaults });
        break;
      case 'listRegion':
        await page!.fromHost({ type: 'zones', subscriptionId: sub, location, items: location === 'westeurope' ? ['1', '2', '3'] : [] });
        await page!.fromHost({ type: 'sizes', subscriptionId: sub, location, items: sizes });
        await page!.fromHost({ type: 'networks', subscriptionId: sub, location, items: location === 'westeurope' ? [network] : [] });
        break;
      case 'listPolicies':
        await page!.fromHost({ type: 'policies', vaultId: message.vaultId, policies: vaultPolicies() });
        break;
      case 'listGroupNames':
        await page!.fromHost({ type: 'groupNames', subscriptionId: sub, resourceGroup: message.resourceGroup, names: { virtualNetworks: ['web-01-vnet'], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] } });
        break;
      case 'checkVmName': {
        const taken = takenVmNames.includes(String(message.name));
        await page!.fromHost({ type: 'vmNameCheck', subscriptionId: sub, resourceGroup: message.resourceGroup, name: message.name, available: !taken, ...(taken ? { message: `A VM named '${String(message.name)}' already exists in resource group ${String(message.resourceGroup)}: choose another name.` } : {}) });
        break;
      }
      default:
        break;
    }
  }
}

export async function openForm(savedState?: unknown, identity: Record<string, string> = { formId: 'form-1', subscriptionId, location: 'westeurope' }): Promise<WebviewPage> {
  takenVmNames = [];
  answered = 0;
  page = await openWebview('createVm', savedState);
  assert.deepEqual(page.posted, [{ type: 'ready' }], 'the page says ready first, and nothing else');
  answered = 1;
  await page.fromHost({ type: 'init', identity, subscriptions: [subscription] });
  await serve();
  return page;
}

/** Types and lets the debounced check go to the host, then answers it. */
export async function typeAndCheck(id: string, text: string): Promise<void> {
  await page!.type(id, text);
  await page!.settle(checkDelayMs + 50);
  await serve();
}

/** A complete, valid Linux form: existing group, a free name, an SSH key; backup to a new vault with DefaultPolicy. */
export async function fillValidForm(): Promise<void> {
  await page!.choose('resource-group', 'rg-web-prod');
  await serve();
  await typeAndCheck('vm-name', 'web-01');
  await page!.type('ssh-public-key', publicKey);
}
