import { EventEmitter, l10n } from 'vscode';
import type { TokenCredential } from '@azure/core-auth';
import { ArmClients } from '../azure/armClients';
import { AzureError, toAzureError } from '../azure/azureError';
import { collectPages } from '../azure/requestLimiter';
import type { AzureAccess, TenantInfo } from './azureAccess';
import type { CloudEnvironment } from './cloudEnvironment';

/**
 * @azure/identity for people who prefer it: environment variables (a service principal) first,
 * then the Azure CLI's `az login`. Loaded lazily: activation does not pay for it.
 */
export class IdentityAccess implements AzureAccess {
  readonly kind = 'azureIdentity';
  readonly description: string;
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly clientsByTenant = new Map<string, ArmClients>();
  private baseCredential: Promise<TokenCredential> | undefined;

  constructor(
    private readonly cloud: CloudEnvironment,
    /** Shows how to sign in with the Azure CLI (a terminal with `az login`). */
    private readonly promptCliLogin: () => Promise<boolean>,
  ) {
    this.description = l10n.t('{0} (Azure CLI or environment credentials)', cloud.name);
  }

  get portalUrl(): string {
    return this.cloud.portalUrl;
  }

  async isSignedIn(): Promise<boolean> {
    try {
      await (await this.base()).getToken(this.cloud.scope);
      return true;
    } catch {
      return false;
    }
  }

  async signIn(): Promise<boolean> {
    if (await this.isSignedIn()) return true;
    const done = await this.promptCliLogin();
    this.changed.fire();
    return done && (await this.isSignedIn());
  }

  signInToTenant(): Promise<boolean> {
    return this.signIn();
  }

  async tenants(signal?: AbortSignal): Promise<TenantInfo[]> {
    if (!(await this.isSignedIn())) throw new AzureError('notSignedIn', 'NotSignedIn', l10n.t('No Azure CLI login or environment credentials were found.'));
    try {
      const client = await this.clientsForTenant('').subscriptions();
      const tenants = await collectPages(client.tenants.list({ abortSignal: signal }), signal);
      return tenants.flatMap((tenant) => (tenant.tenantId ? [{ tenantId: tenant.tenantId, ...(tenant.displayName ? { displayName: tenant.displayName } : {}), signedIn: true }] : []));
    } catch (error) {
      throw toAzureError(error);
    }
  }

  clientsForTenant(tenantId: string): ArmClients {
    let clients = this.clientsByTenant.get(tenantId);
    if (!clients) {
      const credential: TokenCredential = {
        getToken: async (scopes, options) => (await this.base()).getToken(scopes, { ...options, ...(tenantId ? { tenantId } : {}) }),
      };
      clients = new ArmClients({ endpoint: this.cloud.resourceManagerEndpoint, credential, credentialScope: this.cloud.scope });
      this.clientsByTenant.set(tenantId, clients);
    }
    return clients;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private base(): Promise<TokenCredential> {
    this.baseCredential ??= import('@azure/identity').then(({ ChainedTokenCredential, EnvironmentCredential, AzureCliCredential }) => {
      const options = { additionallyAllowedTenants: ['*'] };
      return new ChainedTokenCredential(new EnvironmentCredential(options), new AzureCliCredential(options));
    });
    return this.baseCredential;
  }
}
