import { EventEmitter } from 'vscode';
import { ArmClients } from '../azure/armClients';
import { staticTokenCredential } from '../azure/armConnection';
import type { ArmConnection } from '../azure/armConnection';
import { collectPages } from '../azure/requestLimiter';
import { toAzureError } from '../azure/azureError';
import type { AzureAccess, TenantInfo } from './azureAccess';

/**
 * The local Azure Resource Manager emulator: the same SDK clients as for Azure, with its
 * endpoint, its certificate authority and a token it accepts. Always signed in.
 */
export class EmulatorAccess implements AzureAccess {
  readonly kind = 'emulator';
  readonly description: string;
  readonly portalUrl = 'https://portal.azure.com';
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly clients: ArmClients;

  constructor(endpoint: string, ca: string | undefined) {
    const connection: ArmConnection = { endpoint, credential: staticTokenCredential(), ...(ca ? { ca } : {}) };
    this.clients = new ArmClients(connection);
    this.description = `Azure Resource Manager emulator at ${endpoint}`;
  }

  isSignedIn(): Promise<boolean> {
    return Promise.resolve(true);
  }

  signIn(): Promise<boolean> {
    return Promise.resolve(true);
  }

  signInToTenant(): Promise<boolean> {
    return Promise.resolve(true);
  }

  async tenants(signal?: AbortSignal): Promise<TenantInfo[]> {
    try {
      const client = await this.clients.subscriptions();
      const tenants = await collectPages(client.tenants.list({ abortSignal: signal }), signal);
      return tenants.flatMap((tenant) => (tenant.tenantId ? [{ tenantId: tenant.tenantId, ...optionalName(tenant.displayName), signedIn: true }] : []));
    } catch (error) {
      throw toAzureError(error);
    }
  }

  clientsForTenant(): ArmClients {
    return this.clients;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function optionalName(displayName: string | undefined): { displayName?: string } {
  return displayName ? { displayName } : {};
}
