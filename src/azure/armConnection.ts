import type { TokenCredential } from '@azure/core-auth';

/**
 * Where Azure Resource Manager is and how to reach it. Real Azure and the emulator differ only
 * here: the endpoint, the certificate authority to trust, and the credential.
 */
export interface ArmConnection {
  /** e.g. https://management.azure.com or https://127.0.0.1:PORT */
  endpoint: string;
  credential: TokenCredential;
  /** PEM of an extra certificate authority to trust (the emulator's). */
  ca?: string;
  /** Scope to ask tokens for; defaults to `${endpoint}/.default`. */
  credentialScope?: string;
  /** Overrides the SDKs' retry delays, e.g. for tests against a faulty emulator. */
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

/** A credential that always returns the same token: what the emulator accepts. */
export function staticTokenCredential(token = 'emulator-token'): TokenCredential {
  return {
    getToken: () => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3600_000 }),
  };
}

/**
 * The options every SDK client of this extension is built with. The classic clients take the
 * host as `$host` and scopes as `credentialScopes`; the newer modular ones (compute) take
 * `endpoint` and `credentials.scopes`: both are given so either kind points at the connection.
 */
export function clientOptions(connection: ArmConnection): {
  endpoint: string;
  $host: string;
  credentialScopes: string[];
  credentials: { scopes: string[] };
  tlsOptions?: { ca: string };
  retryOptions?: ArmConnection['retry'];
  userAgentOptions: { userAgentPrefix: string };
} {
  const endpoint = connection.endpoint.replace(/\/+$/, '');
  const scopes = [connection.credentialScope ?? `${endpoint}/.default`];
  return {
    endpoint,
    $host: endpoint,
    credentialScopes: scopes,
    credentials: { scopes },
    ...(connection.ca ? { tlsOptions: { ca: connection.ca } } : {}),
    ...(connection.retry ? { retryOptions: connection.retry } : {}),
    userAgentOptions: { userAgentPrefix: 'azure-vm-backup-vscode' },
  };
}
