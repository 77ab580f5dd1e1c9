import { resourceGroupId } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { skuTier } from './storageAccountRules';

type Json = Record<string, unknown>;

export function storageAccountId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.Storage/storageAccounts/${name}`;
}

/**
 * A new account as the service stores it: Azure's defaults (TLS 1.2, no public blob access,
 * Microsoft-managed encryption, the Hot tier for v2 and blob accounts) under what the client set,
 * created at `created` (an ISO time). The API and the demo seed both make accounts this way.
 */
export function newStorageAccount(account: { id: string; name: string; location: string; sku: string; kind: string; tags?: Record<string, string>; settable?: Json; created: string }): ResourceRecord['resource'] {
  const { created } = account;
  return {
    id: account.id,
    name: account.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: account.location,
    ...(account.tags ? { tags: account.tags } : {}),
    sku: { name: account.sku, tier: skuTier(account.sku) },
    kind: account.kind,
    properties: {
      keyCreationTime: { key1: created, key2: created },
      privateEndpointConnections: [],
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
      supportsHttpsTrafficOnly: true,
      encryption: {
        services: { file: { keyType: 'Account', enabled: true, lastEnabledTime: created }, blob: { keyType: 'Account', enabled: true, lastEnabledTime: created } },
        keySource: 'Microsoft.Storage',
      },
      ...(account.kind === 'StorageV2' || account.kind === 'BlobStorage' ? { accessTier: 'Hot' } : {}),
      ...account.settable,
      creationTime: created,
    },
  };
}
