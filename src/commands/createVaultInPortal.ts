import { env, Uri } from 'vscode';
import type { ExtensionServices } from './services';

/** Opens the portal's "Create Recovery Services vault" page (until the create form lands here). */
export async function createVaultInPortal(services: ExtensionServices): Promise<void> {
  const portal = services.tree.access?.portalUrl ?? 'https://portal.azure.com';
  await env.openExternal(Uri.parse(`${portal}/#create/Microsoft.RecoveryServices`));
}
