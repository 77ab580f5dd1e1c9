import type { Event } from 'vscode';
import type { ArmClients } from '../azure/armClients';

export interface TenantInfo {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
  /** False when the user has an account but no session for this tenant yet ("Sign in to tenant…"). */
  signedIn: boolean;
}

/**
 * Where credentials come from: VS Code's Microsoft account, @azure/identity, or the emulator.
 * Everything else (clients, tree, commands) is the same whichever it is.
 */
export interface AzureAccess {
  readonly kind: 'vscode' | 'azureIdentity' | 'emulator';
  /** Shown in tooltips and the log, e.g. "Azure (VS Code account)" or the emulator's URL. */
  readonly description: string;
  /** The portal of this cloud, for "Open in Portal". */
  readonly portalUrl: string;
  isSignedIn(): Promise<boolean>;
  /** Asks the user to sign in; resolves true when signed in. */
  signIn(): Promise<boolean>;
  signInToTenant(tenantId: string): Promise<boolean>;
  /** The tenants of the signed-in account; throws AzureError notSignedIn when signed out. */
  tenants(signal?: AbortSignal): Promise<TenantInfo[]>;
  /** SDK clients whose credential is scoped to one tenant. */
  clientsForTenant(tenantId: string): ArmClients;
  /** Fires when sessions change (sign in, sign out, account switch). */
  readonly onDidChange: Event<void>;
  dispose(): void;
}
