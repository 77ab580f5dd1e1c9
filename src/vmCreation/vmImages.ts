// What the Create VM form offers: the popular marketplace images (with the publisher:offer:sku the
// portal and the Azure CLI's image aliases use; Gen2 where the portal picks Gen2), any
// publisher:offer:sku:version URN, VM sizes and OS disk types.
import type { OsDiskType, OsType, VmImageReference } from './vmCreateRequest';

export interface PopularImage {
  /** Stable id for the form's picker. */
  id: string;
  label: string;
  osType: OsType;
  image: VmImageReference;
  /** Hyper-V generation the image boots as: V2 needs a size that supports Gen2. */
  generation: 'V1' | 'V2';
}

// URNs as in the Azure CLI's image aliases (Ubuntu2404, Ubuntu2204, Debian12, Win2019Datacenter) and
// the portal's "x64 Gen2" picks (RHEL 9 LVM, Windows Server 2022 Azure Edition).
export const popularImages: readonly PopularImage[] = [
  { id: 'ubuntu-24_04', label: 'Ubuntu Server 24.04 LTS - x64 Gen2', osType: 'Linux', generation: 'V2', image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } },
  { id: 'ubuntu-22_04', label: 'Ubuntu Server 22.04 LTS - x64 Gen2', osType: 'Linux', generation: 'V2', image: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' } },
  { id: 'debian-12', label: 'Debian 12 "Bookworm" - x64 Gen2', osType: 'Linux', generation: 'V2', image: { publisher: 'Debian', offer: 'debian-12', sku: '12-gen2', version: 'latest' } },
  { id: 'rhel-9', label: 'Red Hat Enterprise Linux 9 (LVM) - x64 Gen2', osType: 'Linux', generation: 'V2', image: { publisher: 'RedHat', offer: 'RHEL', sku: '9-lvm-gen2', version: 'latest' } },
  {
    id: 'windows-2022-azure-edition',
    label: 'Windows Server 2022 Datacenter: Azure Edition - x64 Gen2',
    osType: 'Windows',
    generation: 'V2',
    image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
  },
  {
    id: 'windows-2019',
    label: 'Windows Server 2019 Datacenter - x64 Gen2',
    osType: 'Windows',
    generation: 'V2',
    image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-gensecond', version: 'latest' },
  },
];

export const defaultImage: PopularImage = popularImages[0];

/** 'publisher:offer:sku:version' */
export function imageUrn(image: VmImageReference): string {
  return `${image.publisher}:${image.offer}:${image.sku}:${image.version}`;
}

/** The popular image a reference is (publisher, offer and sku compared ignoring case, any version), if any. */
export function popularImageFor(image: VmImageReference): PopularImage | undefined {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return popularImages.find((popular) => same(popular.image.publisher, image.publisher) && same(popular.image.offer, image.offer) && same(popular.image.sku, image.sku));
}

const urnPart = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;
const versionPattern = /^(latest|\d+\.\d+\.\d+)$/i;

/** A URN parsed, or a message saying which part is wrong. Its OS type is the catalog's to say (or the user's). */
export function parseImageUrn(text: string): VmImageReference | { problem: string } {
  const parts = text.trim().split(':');
  if (text.trim() === '') return { problem: 'Image is required: choose one, or type publisher:offer:sku:version (e.g. Canonical:ubuntu-24_04-lts:server:latest).' };
  if (parts.length !== 4) {
    return { problem: `Image URN must have four parts, publisher:offer:sku:version (e.g. Canonical:ubuntu-24_04-lts:server:latest); '${text.trim()}' has ${parts.length}.` };
  }
  const image = { publisher: parts[0], offer: parts[1], sku: parts[2], version: parts[3] };
  const problem = imageReferenceProblem(image);
  return problem ? { problem } : image;
}

/** Why an image reference is not well formed, or undefined. Whether it exists in a region is the catalog's to say. */
export function imageReferenceProblem(image: VmImageReference): string | undefined {
  for (const part of ['publisher', 'offer', 'sku'] as const) {
    const value = image[part];
    if (value === '') return `Image ${part} is missing: the URN is publisher:offer:sku:version.`;
    if (!urnPart.test(value)) return `Image ${part} '${value}' can contain only letters, digits, periods, underscores and hyphens, starting with a letter or digit.`;
  }
  if (!versionPattern.test(image.version)) return `Image version must be 'latest' or a version number such as 1.2.3 (not '${image.version}').`;
  return undefined;
}

/** Sizes the form proposes first (when the region offers them); the full list comes from the region. */
export const suggestedVmSizes: readonly string[] = ['Standard_B1s', 'Standard_B2s', 'Standard_B2ms', 'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E2s_v5'];

export function defaultVmSize(osType: OsType): string {
  return osType === 'Windows' ? 'Standard_D2s_v5' : 'Standard_B2s';
}

/**
 * Whether a size takes Premium SSD disks: Azure's size names mark premium storage support with a
 * lower-case `s` among the additive features after the vCPU count (D2s_v5, D2as_v5, B2ms, E4-2s_v3),
 * or with the older families DS and GS (DS2_v2, GS5).
 */
export function sizeSupportsPremiumDisks(size: string): boolean {
  const match = /^(?:Standard|Basic)_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)(?:_.*)?$/.exec(size);
  if (!match) return false;
  const [, family, , features] = match;
  return features.includes('s') || family === 'DS' || family === 'GS';
}

export interface OsDiskTypeInfo {
  type: OsDiskType;
  label: string;
  /** Needs a size that supports premium storage. */
  premium: boolean;
  /** Zone-redundant: needs a region with availability zones. */
  zoneRedundant: boolean;
}

export const osDiskTypes: readonly OsDiskTypeInfo[] = [
  { type: 'Premium_LRS', label: 'Premium SSD (locally-redundant storage)', premium: true, zoneRedundant: false },
  { type: 'StandardSSD_LRS', label: 'Standard SSD (locally-redundant storage)', premium: false, zoneRedundant: false },
  { type: 'Standard_LRS', label: 'Standard HDD (locally-redundant storage)', premium: false, zoneRedundant: false },
  { type: 'Premium_ZRS', label: 'Premium SSD (zone-redundant storage)', premium: true, zoneRedundant: true },
  { type: 'StandardSSD_ZRS', label: 'Standard SSD (zone-redundant storage)', premium: false, zoneRedundant: true },
];

export function osDiskTypeInfo(type: OsDiskType): OsDiskTypeInfo | undefined {
  return osDiskTypes.find((info) => info.type === type);
}

/** The portal's default: Premium SSD when the size takes it, else Standard SSD. */
export function defaultOsDiskType(size: string): OsDiskType {
  return sizeSupportsPremiumDisks(size) ? 'Premium_LRS' : 'StandardSSD_LRS';
}
