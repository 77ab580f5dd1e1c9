import { homedir } from 'node:os';
import { join } from 'node:path';
import { l10n, Uri, ViewColumn, window, workspace } from 'vscode';

/** What the Create VM backend asks of the editor itself: documents and a file dialog. Tests hand it fakes. */
export interface CreateVmPorts {
  /** Opens JSON as an untitled document (language json) beside the form. */
  openJson(content: string): Promise<void>;
  /** Asks for a public key file, in ~/.ssh first; its name and bytes, or undefined when the dialog was closed. */
  pickPublicKeyFile(): Promise<{ fileName: string; bytes: Uint8Array } | undefined>;
}

export const vscodeCreateVmPorts: CreateVmPorts = {
  async openJson(content) {
    const document = await workspace.openTextDocument({ language: 'json', content });
    await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preview: false });
  },
  async pickPublicKeyFile() {
    const picked = await window.showOpenDialog({
      title: l10n.t('Load an SSH public key'),
      defaultUri: Uri.file(join(homedir(), '.ssh')),
      canSelectMany: false,
      canSelectFolders: false,
      openLabel: l10n.t('Use This Key'),
      filters: { [l10n.t('SSH public keys')]: ['pub'], [l10n.t('All files')]: ['*'] },
    });
    const uri = picked?.[0];
    if (!uri) return undefined;
    return { fileName: uri.fsPath, bytes: await workspace.fs.readFile(uri) };
  },
};
