// Template files for Deploy Template flow tests: a temporary folder read with node:fs, standing in
// for the vscode workspace (templateWorkspace.ts). An Explorer click is a path string here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TemplateFile, TemplateFiles } from '../../../src/commands/deployTemplate';

export interface TemplateFolder extends TemplateFiles {
  folder: string;
  /** Writes a file (JSON values are serialized) and answers its path. */
  write(name: string, content: unknown): string;
  /** What showJson opened. */
  shown: { title: string; value: unknown }[];
  remove(): void;
}

export function templateFolder(): TemplateFolder {
  const folder = mkdtempSync(join(tmpdir(), 'avb-templates-'));
  const fileAt = (path: string): TemplateFile => ({ uri: pathToFileURL(path).href, name: basename(path) });
  const shown: TemplateFolder['shown'] = [];
  return {
    folder,
    shown,
    write(name, content) {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
    fromArgument: (argument) => (typeof argument === 'string' && /\.jsonc?$/i.test(argument) ? fileAt(argument) : undefined),
    candidates: async () =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.json') && /deploymentTemplate\.json/.test(readFileSync(join(folder, name), 'utf8')))
        .sort()
        .map((name) => fileAt(join(folder, name))),
    read: async (file) => readFileSync(fileURLToPath(file.uri), 'utf8'),
    siblings: async (file) => {
      const where = dirname(fileURLToPath(file.uri));
      return readdirSync(where).map((name) => fileAt(join(where, name)));
    },
    showJson: async (title, value) => {
      shown.push({ title, value });
    },
  };
}
