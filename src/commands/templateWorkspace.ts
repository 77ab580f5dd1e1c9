import { FileType, Uri, window, workspace } from 'vscode';
import type { TemplateFile, TemplateFiles } from './deployTemplate';

/** How many workspace JSON files the palette looks into for templates. */
const maxWorkspaceFiles = 500;
/** A template says so in its $schema, near the top. */
const templateSchema = /deploymentTemplate\.json/i;

/** The Deploy Template command's files, through the vscode API (so remote and virtual workspaces work too). */
export const vscodeTemplateFiles: TemplateFiles = {
  fromArgument(argument) {
    const uri = argument instanceof Uri ? argument : (argument as { resourceUri?: unknown } | undefined)?.resourceUri;
    return uri instanceof Uri && /\.jsonc?$/i.test(uri.path) ? fileOf(uri) : undefined;
  },

  async candidates() {
    const found = new Map<string, TemplateFile>();
    const add = (uri: Uri, text: string) => {
      if (/\.jsonc?$/i.test(uri.path) && templateSchema.test(text.slice(0, 4_000)) && !found.has(uri.toString())) found.set(uri.toString(), fileOf(uri));
    };
    const active = window.activeTextEditor?.document;
    if (active) add(active.uri, active.getText());
    for (const document of workspace.textDocuments) add(document.uri, document.getText());
    const files = await workspace.findFiles('**/*.{json,jsonc}', '**/{node_modules,.git}/**', maxWorkspaceFiles);
    for (const uri of files.sort((a, b) => a.path.localeCompare(b.path))) {
      if (found.has(uri.toString())) continue;
      try {
        add(uri, new TextDecoder().decode((await workspace.fs.readFile(uri)).subarray(0, 4_000)));
      } catch {
        // unreadable: not offered
      }
    }
    return [...found.values()];
  },

  async read(file) {
    const open = workspace.textDocuments.find((document) => document.uri.toString() === file.uri);
    if (open) return open.getText();
    return new TextDecoder().decode(await workspace.fs.readFile(Uri.parse(file.uri)));
  },

  async siblings(file) {
    const folder = Uri.joinPath(Uri.parse(file.uri), '..');
    const entries = await workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => type === FileType.File).map(([name]) => fileOf(Uri.joinPath(folder, name)));
  },

  async showJson(_title, value) {
    const document = await workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(value, null, 2)}\n` });
    await window.showTextDocument(document, { preview: false });
  },
};

function fileOf(uri: Uri): TemplateFile {
  const name = uri.path.split('/').at(-1) ?? uri.path;
  const relative = workspace.asRelativePath(Uri.joinPath(uri, '..'), true);
  return { uri: uri.toString(), name, ...(relative ? { description: relative } : {}) };
}
