import { ProgressLocation, window } from 'vscode';
import type { QuickPickItem } from 'vscode';

export interface PickItem<T> extends QuickPickItem {
  value: T;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  value?: string;
  placeholder?: string;
  /** Answers the message to show while the value is not acceptable, undefined when it is. */
  validate?: (value: string) => string | undefined;
  /** Masks what is typed (secrets: a securestring template parameter). */
  password?: boolean;
}

/** Reports what a long task is doing now, e.g. 'Waiting for the ConfigureBackup job…'. */
export type ProgressReport = (message: string) => void;

/**
 * Every question the extension asks goes through here, so tests answer from a script and an
 * unexpected question fails the test instead of hanging. Undefined means the user cancelled.
 */
export interface UserPrompts {
  pickOne<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string }): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal warning: the answer is one of the actions, or undefined when dismissed. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Runs a task with a cancellable progress notification; cancelling aborts the signal. */
  progress<T>(title: string, task: (report: ProgressReport, signal: AbortSignal) => Promise<T>): Promise<T>;
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
  input: (options) =>
    Promise.resolve(
      window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        value: options.value,
        placeHolder: options.placeholder,
        ignoreFocusOut: true,
        password: options.password ?? false,
        validateInput: options.validate ? (value) => options.validate!(value) : undefined,
      }),
    ),
  confirm: (message, detail, ...actions) => Promise.resolve(window.showWarningMessage(message, { modal: true, detail }, ...actions)),
  info: (message, ...actions) => Promise.resolve(window.showInformationMessage(message, ...actions)),
  warn: (message, ...actions) => Promise.resolve(window.showWarningMessage(message, ...actions)),
  error: (message, ...actions) => Promise.resolve(window.showErrorMessage(message, ...actions)),
  progress: (title, task) =>
    Promise.resolve(
      window.withProgress({ location: ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort(new CancelledByUser()));
        try {
          return await task((message) => progress.report({ message }), controller.signal);
        } finally {
          subscription.dispose();
        }
      }),
    ),
};

/** The reason a task's signal aborts when the user cancels its progress notification. */
export class CancelledByUser extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'AbortError';
  }
}
