import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Where screenshots and failure logs go (git-ignored). */
export const artifactsDir = resolve(__dirname, '..', '..', '..', 'artifacts', 'e2e');

/** A tree item by its label, or by the labels from an ancestor down to it. */
export type TreePath = string | readonly string[];

/**
 * The VS Code workbench as a user sees it, in words a test reads: views by their title, tree items
 * by their label, commands by their palette title. Selectors of VS Code's DOM live here only.
 */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the workbench has laid out its parts. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: timeoutMs });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: timeoutMs });
  }

  /** The activity-bar tab of a view container, e.g. 'Azure Backup' (its name is the icon's label). */
  activityTab(title: string): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: title }).first();
  }

  /** Shows the side bar view container with this activity-bar title (clicking a shown one would hide it). */
  async openView(title: string): Promise<Locator> {
    const tab = this.activityTab(title);
    await tab.waitFor();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await this.sideBar().getByRole('heading', { name: title }).first().waitFor();
    return this.sideBar();
  }

  sideBar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  /** A tree in the side bar by its view name, e.g. 'Backups'. */
  tree(viewName: string): Locator {
    return this.sideBar().getByRole('tree', { name: viewName, exact: true });
  }

  /** The side-bar tree row whose label is exactly `label` (the first, if several). */
  treeItem(label: string): Locator {
    return this.treeRows()
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) })
      .first();
  }

  /**
   * The row at `path` (labels from an ancestor down, e.g. ['Contoso Production', 'Virtual machines
   * without backup']), once it is shown. Rows are found by their place in the list: use the
   * locator right away, as expanding or collapsing rows above it moves it.
   */
  async findTreeItem(path: TreePath, timeoutMs = 15_000): Promise<Locator> {
    const labels = typeof path === 'string' ? [path] : [...path];
    if (labels.length === 1) {
      const row = this.treeItem(labels[0]!);
      await row.waitFor({ timeout: timeoutMs });
      return row;
    }
    const index = await poll(() => this.rowIndexAt(labels), `tree item ${labels.join(' › ')}`, timeoutMs);
    return this.treeRows().and(this.page.locator(`[data-index="${index}"]`));
  }

  /** Labels of the shown children of the row at `path`, in order (expand it first). */
  async treeChildren(path: TreePath): Promise<string[]> {
    const labels = typeof path === 'string' ? [path] : path;
    const rows = await this.shownRows();
    const parent = rowPosition(rows, labels);
    if (parent === undefined) throw new Error(`no tree item ${labels.join(' › ')} is shown`);
    return childPositions(rows, parent).map((child) => rows[child]!.label);
  }

  /** Expands a tree item (no-op when already expanded) and waits until it says so. */
  async expand(path: TreePath): Promise<Locator> {
    return this.setExpanded(path, true);
  }

  async collapse(path: TreePath): Promise<Locator> {
    return this.setExpanded(path, false);
  }

  /** Right-clicks a tree item and picks `itemText` from its context menu. */
  async contextMenu(path: TreePath, itemText: string): Promise<void> {
    const row = await this.findTreeItem(path);
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    const item = menu.getByRole('menuitem', { name: itemText }).first();
    // VS Code ignores a click that comes right after the menu opened; hover and Enter do not race.
    await item.hover();
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }

  /** Runs a command from the palette by its title (with or without its category). */
  async runCommand(title: string): Promise<void> {
    const input = await this.openPalette();
    await input.fill(`>${title}`);
    await this.quickInput().locator('.monaco-list-row').filter({ hasText: title }).first().waitFor();
    await input.press('Enter');
  }

  /**
   * Picks a colour theme with "Preferences: Color Theme", clicking the exact rows: Enter could
   * take a near match such as "Browse Color Themes in Marketplace".
   */
  async switchColorTheme(theme: string): Promise<void> {
    const input = await this.openPalette();
    await input.fill('>Preferences: Color Theme');
    await this.pick('Preferences: Color Theme');
    await this.typeInput(theme);
    await this.pick(theme);
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Moves the mouse to an empty spot of the status bar and waits for any hover (a tree item's tooltip) to go. */
  async clearHover(): Promise<void> {
    const box = await this.page.locator('.part.statusbar').boundingBox();
    if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }

  /** The command palette's input, opened (F1, again if a first press was lost). */
  private async openPalette(): Promise<Locator> {
    const input = this.quickInput().locator('input.input');
    for (let attempt = 0; attempt < 3 && !(await input.isVisible()); attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    return input;
  }

  /** The quick pick / input box that commands show. */
  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Picks the quick pick item whose label is `label` (waits for it; ignores codicons in the label). */
  async pick(label: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const input = this.quickInput().locator('input.input');
    await input.waitFor({ timeout: timeoutMs });
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: typeof label === 'string' }) })
      .first();
    await row.waitFor({ timeout: timeoutMs });
    await row.click();
  }

  /** Labels of the quick pick's items on screen now. */
  async quickPickLabels(): Promise<string[]> {
    await this.quickInput().locator('.monaco-list-row').first().waitFor();
    // The first label of each row: an item's detail line renders a .label-name of its own.
    return this.quickInput()
      .locator('.monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => (row.querySelector('.label-name') as HTMLElement | null)?.innerText.trim() ?? ''));
  }

  /** Types into the input box a command shows (replacing what is there), without accepting. */
  async typeInput(text: string, title?: string | RegExp): Promise<void> {
    if (title !== undefined) await this.quickInput().filter({ hasText: title }).waitFor();
    const input = this.quickInput().locator('input.input');
    await input.waitFor();
    await input.fill(text);
  }

  /** The validation message the input box shows now ('' when none). */
  async inputMessage(): Promise<string> {
    const message = this.quickInput().locator('.quick-input-message');
    return (await message.isVisible()) ? (await message.innerText()).trim() : '';
  }

  /** What the input box holds now (a command's default value, or what was typed). */
  async inputValue(): Promise<string> {
    const input = this.quickInput().locator('input.input');
    await input.waitFor();
    return input.inputValue();
  }

  /** Waits until the input box's message matches `text` (validation runs after each change) and returns it. */
  async waitForInputMessage(text: RegExp, timeoutMs = 10_000): Promise<string> {
    return poll(async () => {
      const message = await this.inputMessage();
      return text.test(message) ? message : undefined;
    }, `the input box message ${text}`, timeoutMs);
  }

  /** Accepts the input box or quick pick (Enter). */
  async acceptInput(): Promise<void> {
    await this.quickInput().locator('input.input').press('Enter');
  }

  /** Status bar entries; with `text`, the first one showing it. */
  statusBarItem(text?: string | RegExp): Locator {
    const items = this.page.locator('.part.statusbar .statusbar-item');
    return text === undefined ? items : items.filter({ hasText: text }).first();
  }

  async statusBarText(): Promise<string> {
    return (await this.page.locator('.part.statusbar').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Messages of the notification toasts on screen now. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  /** A notification toast showing `text`, to wait for or to click its buttons. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  }

  /** Closes a notification toast with its Clear button (its message resolves with no answer). */
  async dismissNotification(text: string | RegExp): Promise<void> {
    const toast = this.notification(text);
    await toast.hover();
    await toast.getByRole('button', { name: /Clear Notification/i }).click();
    await toast.waitFor({ state: 'hidden' });
  }

  /** The modal dialog on screen (modal messages; VS Code also shows a failed command's error here). */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Saves a PNG of the whole window as artifacts/e2e/NAME(.png) and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(artifactsDir, { recursive: true });
    const file = join(artifactsDir, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private treeRows(): Locator {
    // Rows of the list proper, not copies in a sticky-scroll header.
    return this.sideBar().locator('.monaco-list-rows > .monaco-list-row[role="treeitem"]');
  }

  private async setExpanded(path: TreePath, expanded: boolean): Promise<Locator> {
    const want = String(expanded);
    // A refresh that lands right after the click re-renders the row in its old state: click again
    // when the row still is not as wanted a while after the last click.
    let clickedAt = 0;
    return poll(
      async () => {
        const row = await this.findTreeItem(path);
        if ((await row.getAttribute('aria-expanded')) === want) return row;
        if (Date.now() - clickedAt > 3_000) {
          await row.locator('.monaco-tl-twistie').click();
          clickedAt = Date.now();
        }
        return undefined;
      },
      `${Array.isArray(path) ? path.join(' › ') : String(path)} to be ${expanded ? 'expanded' : 'collapsed'}`,
      20_000,
    );
  }

  /** data-index of the row at `labels`, if it is shown. */
  private async rowIndexAt(labels: readonly string[]): Promise<number | undefined> {
    const rows = await this.shownRows();
    const position = rowPosition(rows, labels);
    return position === undefined ? undefined : rows[position]!.index;
  }

  /** The rendered rows of the side bar's list, in list order. */
  private shownRows(): Promise<ShownRow[]> {
    return this.treeRows().evaluateAll((elements) =>
      elements
        .map((row) => ({
          index: Number(row.getAttribute('data-index')),
          level: Number(row.getAttribute('aria-level')),
          label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        }))
        .sort((a, b) => a.index - b.index),
    );
  }
}

interface ShownRow {
  index: number;
  level: number;
  label: string;
}

/** Where `labels` leads in `rows`: each label a child (one level deeper) of the one before. */
function rowPosition(rows: readonly ShownRow[], labels: readonly string[]): number | undefined {
  let position = rows.findIndex((row) => row.label === labels[0]);
  for (const label of labels.slice(1)) {
    if (position < 0) return undefined;
    position = childPositions(rows, position).find((child) => rows[child]!.label === label) ?? -1;
  }
  return position < 0 ? undefined : position;
}

function childPositions(rows: readonly ShownRow[], parent: number): number[] {
  const children: number[] = [];
  for (let i = parent + 1; i < rows.length && rows[i]!.level > rows[parent]!.level; i++) {
    if (rows[i]!.level === rows[parent]!.level + 1) children.push(i);
  }
  return children;
}

/** Calls `check` until it returns a value; fails after `timeoutMs` naming what it waited for. */
export async function poll<T>(check: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
