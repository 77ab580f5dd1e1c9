import { window } from 'vscode';
import type { QuickPickItem } from 'vscode';

export interface PickItem<T> extends QuickPickItem {
  value: T;
}

/**
 * Every question the extension asks goes through here, so tests answer from a script and an
 * unexpected question fails the test instead of hanging. Undefined means the user cancelled.
 */
export interface UserPrompts {
  pickOne<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T[] | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

export const vscodePrompts: UserPrompts = {
  async pickOne(items, options) {
    const picked = await window.showQuickPick([...items], { title: options.title, placeHolder: options.placeholder, ignoreFocusOut: true, matchOnDescription: true });
    return picked?.value;
  },
  async pickMany(items, options) {
    const picked = await window.showQuickPick([...items], { title: options.title, placeHolder: options.placeholder, ignoreFocusOut: true, canPickMany: true, matchOnDescription: true });
    return picked?.map((item) => item.value);
  },
  info: (message, ...actions) => Promise.resolve(window.showInformationMessage(message, ...actions)),
  error: (message, ...actions) => Promise.resolve(window.showErrorMessage(message, ...actions)),
};
