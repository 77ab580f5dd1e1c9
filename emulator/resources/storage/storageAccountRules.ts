import { badRequest, type ArmError } from '../../http/armError';

/**
 * Storage account rules, pure. Sources: the spec (storage 2025-06-01 openapi.json: accountName
 * 3-24 of ^[a-z0-9]+$, the SkuName and Kind enums), learn.microsoft.com "Storage account
 * overview" (which kinds take which SKUs, the endpoints of each kind), and the service's answers
 * quoted in public threads: AccountNameInvalid (Azure/AzureMonitorStarterPacks#171),
 * StorageAccountAlreadyTaken (hashicorp/terraform#11485, OfficeDev/microsoft-teams-apps-timetally#50),
 * InvalidValuesForRequestParameters (hashicorp/terraform-provider-azurerm#8089, Azure/azure-cli#27899).
 */
export const storageAccountNamePattern = /^[a-z0-9]{3,24}$/;

export function invalidAccountNameMessage(name: string): string {
  return `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`;
}

export function takenAccountNameMessage(name: string): string {
  return `The storage account named ${name} is already taken.`;
}

export const skuNames = [
  'Standard_LRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_ZRS', 'Premium_LRS', 'Premium_ZRS', 'Standard_GZRS', 'Standard_RAGZRS',
  'StandardV2_LRS', 'StandardV2_GRS', 'StandardV2_ZRS', 'StandardV2_GZRS', 'PremiumV2_LRS', 'PremiumV2_ZRS',
] as const;
export const kinds = ['Storage', 'StorageV2', 'BlobStorage', 'FileStorage', 'BlockBlobStorage'] as const;

/**
 * The SKUs each kind takes: FileStorage and BlockBlobStorage are premium only (FileStorage also
 * takes the provisioned v2 SKUs, which nothing else does); BlobStorage is standard only.
 */
function skuFitsKind(sku: string, kind: string): boolean {
  const premium = sku.startsWith('Premium_');
  if (sku.includes('V2_')) return kind === 'FileStorage';
  if (kind === 'FileStorage' || kind === 'BlockBlobStorage') return sku === 'Premium_LRS' || sku === 'Premium_ZRS';
  if (kind === 'BlobStorage') return !premium && sku !== 'Standard_ZRS';
  if (kind === 'Storage') return sku !== 'Premium_ZRS' && sku !== 'Standard_GZRS' && sku !== 'Standard_RAGZRS';
  return true;
}

/** The refusal of a sku/kind pair, naming what is wrong as the service does ('Values for request parameters are invalid: kind, sku.'). */
export function skuKindProblem(sku: unknown, kind: unknown): ArmError | undefined {
  const badSku = typeof sku !== 'string' || !(skuNames as readonly string[]).includes(sku);
  const badKind = typeof kind !== 'string' || !(kinds as readonly string[]).includes(kind);
  const invalid = badSku || badKind ? [...(badKind ? ['kind'] : []), ...(badSku ? ['sku'] : [])] : skuFitsKind(sku, kind) ? [] : ['kind', 'sku'];
  return invalid.length > 0 ? badRequest('InvalidValuesForRequestParameters', `Values for request parameters are invalid: ${invalid.join(', ')}.`) : undefined;
}

export function skuTier(sku: string): 'Standard' | 'Premium' {
  return sku.startsWith('Premium') ? 'Premium' : 'Standard';
}

/** Geo-redundant SKUs keep a copy in the paired region. */
export function isGeoRedundant(sku: string): boolean {
  return /GRS|GZRS/.test(sku);
}

/** Read access to the secondary (RA-) adds the '-secondary' endpoints. */
export function hasReadableSecondary(sku: string): boolean {
  return sku.startsWith('Standard_RA');
}

/** The services each kind has endpoints for, in the order Azure lists them. */
function servicesOf(kind: string): string[] {
  switch (kind) {
    case 'StorageV2':
      return ['dfs', 'web', 'blob', 'queue', 'table', 'file'];
    case 'BlobStorage':
      return ['dfs', 'blob', 'table'];
    case 'BlockBlobStorage':
      return ['dfs', 'web', 'blob'];
    case 'FileStorage':
      return ['file'];
    default:
      return ['blob', 'queue', 'table', 'file'];
  }
}

/** 'https://<name>[-secondary].<service>.core.windows.net/' for each service of the kind. */
export function endpointsOf(name: string, kind: string, secondary = false): Record<string, string> {
  const host = secondary ? `${name}-secondary` : name;
  return Object.fromEntries(servicesOf(kind).map((service) => [service, `https://${host}.${service}.core.windows.net/`]));
}
