// Lets unit tests build tree items in plain Node: `import '../../support/vscodeTreeStub'` first.
// Adds to the stand-in vscode module (vscodeStub.ts) the few value classes tree nodes construct
// (TreeItem, ThemeIcon, ThemeColor, MarkdownString), env.language and an EventEmitter, each
// holding what it was given so tests can read it back. Only tree tests load it: command flows keep
// the bare stand-in, where reaching for more of the API fails.
import { vscodeStub } from './vscodeStub';

class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string };

  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class MarkdownString {
  supportThemeIcons = false;

  constructor(public value = '') {}

  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }

  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
}

class EventEmitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener), 1) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.length = 0;
  }
}

Object.assign(vscodeStub, {
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeColor,
  ThemeIcon,
  MarkdownString,
  EventEmitter,
  env: { language: 'en-US' },
});

/** A tree item's tooltip as text: a plain string, or a MarkdownString's value without its escapes. */
export function tooltipText(item: { tooltip?: unknown }): string {
  const tooltip = item.tooltip;
  return typeof tooltip === 'string' ? tooltip : ((tooltip as { value?: string } | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
}
