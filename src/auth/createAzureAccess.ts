import { readFile } from 'node:fs/promises';
import { commands, l10n, window, workspace } from 'vscode';
import type { AzureAccess } from './azureAccess';
import { EmulatorAccess } from './emulatorAccess';
import { IdentityAccess } from './identityAccess';
import { VsCodeAccess } from './vscodeAccess';
import { resolveCloud } from './cloudEnvironment';

/** Settings that decide where credentials come from; a change to any of them rebuilds the access. */
export const accessSettings = ['azureVmBackup.authentication', 'azureVmBackup.emulator', 'microsoft-sovereign-cloud'];

/**
 * Builds the AzureAccess the settings ask for: the emulator when an endpoint is set, else
 * @azure/identity or VS Code's Microsoft account (default), in the configured cloud.
 */
export async function createAzureAccess(): Promise<AzureAccess> {
  const settings = workspace.getConfiguration('azureVmBackup');
  const emulatorEndpoint = settings.get<string>('emulator.endpoint', '').trim();
  if (emulatorEndpoint) {
    if (!/^https:\/\//i.test(emulatorEndpoint)) {
      throw new Error(l10n.t('azureVmBackup.emulator.endpoint must be an https URL (the emulator serves HTTPS), not "{0}".', emulatorEndpoint));
    }
    const caFile = settings.get<string>('emulator.caFile', '').trim();
    let ca: string | undefined;
    if (caFile) {
      try {
        ca = await readFile(caFile, 'utf8');
      } catch (error) {
        throw new Error(l10n.t('Cannot read the emulator CA file "{0}" (azureVmBackup.emulator.caFile): {1}', caFile, (error as Error).message));
      }
    }
    return new EmulatorAccess(emulatorEndpoint, ca);
  }
  const sovereign = workspace.getConfiguration('microsoft-sovereign-cloud');
  const cloud = resolveCloud(sovereign.get<string>('environment'), sovereign.get('customEnvironment'));
  if (settings.get<string>('authentication') === 'azureIdentity') return new IdentityAccess(cloud, promptCliLogin);
  return new VsCodeAccess(cloud);
}

async function promptCliLogin(): Promise<boolean> {
  const openTerminal = l10n.t('Run az login');
  const answer = await window.showInformationMessage(
    l10n.t('No Azure CLI login or AZURE_* environment credentials were found. Sign in with "az login", then refresh the Azure Backup view.'),
    openTerminal,
  );
  if (answer !== openTerminal) return false;
  const terminal = window.createTerminal({ name: 'az login' });
  terminal.show();
  terminal.sendText('az login');
  await commands.executeCommand('workbench.action.terminal.focus');
  return false;
}
