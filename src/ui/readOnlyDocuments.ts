import { EventEmitter, Uri, ViewColumn, window, workspace } from 'vscode';
import type { Disposable, Event, TextDocumentContentProvider } from 'vscode';

/**
 * Read-only documents the extension shows (a generated template and its parameters): named like
 * files, so VS Code picks the language from the name and the tab says what they are, and never
 * dirty, so closing them asks nothing.
 */
export class ReadOnlyDocuments implements TextDocumentContentProvider, Disposable {
  static readonly scheme = 'azure-vm-backup';
  private readonly contents = new Map<string, string>();
  private readonly changes = new EventEmitter<Uri>();
  private readonly registration: Disposable;
  readonly onDidChange: Event<Uri> = this.changes.event;

  constructor() {
    this.registration = workspace.registerTextDocumentContentProvider(ReadOnlyDocuments.scheme, this);
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows the documents side by side with the active editor, in one group, the first in front. */
  async show(documents: readonly { path: string; content: string }[]): Promise<void> {
    let column: ViewColumn | undefined;
    for (const [index, document] of documents.entries()) {
      const uri = Uri.from({ scheme: ReadOnlyDocuments.scheme, path: `/${document.path.replace(/^\/+/, '')}` });
      this.contents.set(uri.toString(), document.content);
      this.changes.fire(uri);
      const opened = await workspace.openTextDocument(uri);
      const editor = await window.showTextDocument(opened, { viewColumn: column ?? ViewColumn.Beside, preview: false, preserveFocus: index > 0 });
      column ??= editor.viewColumn;
    }
    // The first document in front, as the template is what the user asked to see.
    const first = documents[0];
    if (first && documents.length > 1) {
      const uri = Uri.from({ scheme: ReadOnlyDocuments.scheme, path: `/${first.path.replace(/^\/+/, '')}` });
      await window.showTextDocument(await workspace.openTextDocument(uri), { viewColumn: column, preview: false });
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
    this.contents.clear();
  }
}
