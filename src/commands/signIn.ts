import type { ExtensionServices } from './services';
import type { SignInTenantNode } from '../tree/messageNodes';

export async function signIn(services: ExtensionServices): Promise<void> {
  if (await services.tree.access?.signIn()) services.tree.refresh();
}

export async function signInToTenant(services: ExtensionServices, node: SignInTenantNode | undefined): Promise<void> {
  if (!node) {
    await signIn(services);
    return;
  }
  if (await services.tree.access?.signInToTenant(node.tenantId)) services.tree.refresh();
}
