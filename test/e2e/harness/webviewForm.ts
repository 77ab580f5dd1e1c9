// Reading and filling our webview forms (vscode-elements inside VS Code's webview frames).
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { poll } from './workbench';

/** The active webview's content: it sits two frames deep in the workbench. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Picks an option of a vscode-single-select by its label, as a user does: open the list, click. */
export async function choose(select: Locator, label: string | RegExp): Promise<void> {
  await select.click();
  await select.getByRole('option', { name: label }).first().click();
}

/** A vscode-single-select's value (its option's value, e.g. a subscription ID or 'westus2'). */
export function valueOf(select: Locator): Promise<string> {
  return select.evaluate((element) => (element as HTMLElement & { value: string }).value);
}

/** The label of a vscode-single-select's chosen option, as the closed select shows it. */
export function chosenLabel(select: Locator): Promise<string> {
  return select.evaluate((element) => {
    const value = (element as HTMLElement & { value: string }).value;
    const option = Array.from(element.querySelectorAll('vscode-option')).find((candidate) => candidate.getAttribute('value') === value);
    return option?.textContent?.trim() ?? '';
  });
}

/** An element's text with white space collapsed ('' when it is not there). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

/** Waits until `locator`'s text matches `pattern`, and returns it. */
export function waitForText(locator: Locator, pattern: RegExp, what: string, timeoutMs = 15_000): Promise<string> {
  return poll(
    async () => {
      const text = await textOf(locator);
      return pattern.test(text) ? text : undefined;
    },
    `${what} to match ${pattern}`,
    timeoutMs,
  );
}
