import { homedir } from 'node:os';
import { join } from 'node:path';
import { l10n, Uri, window, workspace } from 'vscode';
import type { ReadOnlyDocuments } from '../ui/readOnlyDocuments';

/** What the Create VM backend asks of the editor itself: documents and a file dialog. Tests hand it fakes. */
export interface CreateVmPorts {
  /** Shows JSON documents (read-only, named like files) beside the form, in one editor group. */
  showJson(documents: readonly { path: string; content: string }[]): Promise<void>;
  /** Asks for a public key file, in ~/.ssh first; its name and bytes, or undefined when the dialog was closed. */
  pickPublicKeyFile(): Promise<{ fileName: string; bytes: Uint8Array } | undefined>;
}

export const vscodeCreateVmPorts = (documents: ReadOnlyDocuments): CreateVmPorts => ({
  showJson: (shown) => documents.show(shown),
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
});
