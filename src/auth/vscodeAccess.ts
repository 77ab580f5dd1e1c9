import { authentication, EventEmitter, l10n } from 'vscode';
import type { AuthenticationSession, Disposable } from 'vscode';
import type { TokenCredential } from '@azure/core-auth';
import { ArmClients } from '../azure/armClients';
import { AzureError, toAzureError } from '../azure/azureError';
import { collectPages } from '../azure/requestLimiter';
import type { AzureAccess, TenantInfo } from './azureAccess';
import type { CloudEnvironment } from './cloudEnvironment';
import { tokenExpiry } from './cloudEnvironment';

/**
 * VS Code's built-in Microsoft authentication: one session per tenant (the `VSCODE_TENANT:`
 * scope), the public or sovereign cloud from `microsoft-sovereign-cloud.*`.
 */
export class VsCodeAccess implements AzureAccess {
  readonly kind = 'vscode';
  readonly description: string;
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly clientsByTenant = new Map<string, ArmClients>();
  private readonly subscription: Disposable;

  constructor(private readonly cloud: CloudEnvironment) {
    this.description = l10n.t('{0} (VS Code account)', cloud.name);
    this.subscription = authentication.onDidChangeSessions((event) => {
      if (event.provider.id === cloud.authProviderId) this.changed.fire();
    });
  }

  get portalUrl(): string {
    return this.cloud.portalUrl;
  }

  async isSignedIn(): Promise<boolean> {
    try {
      return (await this.session(undefined, 'silent')) !== undefined;
    } catch {
      // No such provider yet (VS Code still starting it): signed out, and the welcome view offers sign-in.
      return false;
    }
  }

  async signIn(): Promise<boolean> {
    const session = await this.session(undefined, 'create');
    this.changed.fire();
    return session !== undefined;
  }

  async signInToTenant(tenantId: string): Promise<boolean> {
    const session = await this.session(tenantId, 'create');
    this.changed.fire();
    return session !== undefined;
  }

  async tenants(signal?: AbortSignal): Promise<TenantInfo[]> {
    if (!(await this.isSignedIn())) throw new AzureError('notSignedIn', 'NotSignedIn', l10n.t('Not signed in to Azure.'));
    try {
      // The home tenant's session lists every tenant the account belongs to.
      const client = await this.clientsFor(undefined).subscriptions();
      const tenants = await collectPages(client.tenants.list({ abortSignal: signal }), signal);
      return await Promise.all(
        tenants.flatMap((tenant) =>
          tenant.tenantId
            ? [
                this.session(tenant.tenantId, 'silent').then((session) => ({
                  tenantId: tenant.tenantId!,
                  ...(tenant.displayName ? { displayName: tenant.displayName } : {}),
                  ...(tenant.defaultDomain ? { defaultDomain: tenant.defaultDomain } : {}),
                  signedIn: session !== undefined,
                })),
              ]
            : [],
        ),
      );
    } catch (error) {
      throw toAzureError(error);
    }
  }

  clientsForTenant(tenantId: string): ArmClients {
    return this.clientsFor(tenantId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private clientsFor(tenantId: string | undefined): ArmClients {
    const key = tenantId ?? '';
    let clients = this.clientsByTenant.get(key);
    if (!clients) {
      clients = new ArmClients({ endpoint: this.cloud.resourceManagerEndpoint, credential: this.credential(tenantId), credentialScope: this.cloud.scope });
      this.clientsByTenant.set(key, clients);
    }
    return clients;
  }

  /** A TokenCredential over VS Code sessions; VS Code refreshes the token when it expires. */
  private credential(tenantId: string | undefined): TokenCredential {
    return {
      getToken: async () => {
        const session = await this.session(tenantId, 'silent');
        if (!session) {
          throw new AzureError('notSignedIn', 'NotSignedIn', tenantId ? l10n.t('Not signed in to tenant {0}.', tenantId) : l10n.t('Not signed in to Azure.'));
        }
        return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + 5 * 60_000 };
      },
    };
  }

  private async session(tenantId: string | undefined, mode: 'silent' | 'create'): Promise<AuthenticationSession | undefined> {
    const scopes = tenantId ? [this.cloud.scope, `VSCODE_TENANT:${tenantId}`] : [this.cloud.scope];
    try {
      return mode === 'create'
        ? await authentication.getSession(this.cloud.authProviderId, scopes, { createIfNone: true })
        : await authentication.getSession(this.cloud.authProviderId, scopes, { silent: true });
    } catch (error) {
      // The user closed the sign-in prompt: not an error worth a message.
      if (mode === 'create' && /cancel/i.test(String((error as Error).message))) return undefined;
      throw error;
    }
  }
}
