/**
 * The VM sizes the emulator offers, with the figures VirtualMachineSizes_List reports (cores,
 * memory, data disks, OS and resource disk sizes), taken from the size pages on
 * learn.microsoft.com (B-series, Av2, Dv3/DSv2, Dsv5/Dasv5/Ddsv5, Esv5, Fsv2, NCv3): every size
 * allows a 1,023 GiB OS disk (osDiskSizeInMB 1047552); v5 sizes without a 'd' have no resource
 * (temp) disk.
 *
 * Which regions offer what, so "size not offered in the region" can be tried:
 * - Standard_NC6s_v3 (GPU) only in eastus, westus2, westeurope and northeurope;
 * - the older Standard_D2s_v3, Standard_D4s_v3 and Standard_DS1_v2 not in swedencentral;
 * - Standard_A1_v2 and Standard_A2_v2 not in swedencentral either;
 * - Standard_F4s_v2 not in uksouth;
 * - everything else in every region the emulator knows.
 *
 * A size can also be listed for a region and still be refused when a VM asks for it: Azure lists
 * sizes by region, while capacity restrictions (ResourceSkus' `restrictions`, e.g.
 * NotAvailableForSubscription) make the create fail with SkuNotAvailable. Here Standard_NC6s_v3 is
 * listed in westeurope but restricted there: what a form that offers the region's list meets.
 */
export interface VmSize {
  name: string;
  numberOfCores: number;
  memoryInMB: number;
  maxDataDiskCount: number;
  osDiskSizeInMB: number;
  resourceDiskSizeInMB: number;
}

const osDisk = 1047552;

const sizes: readonly (VmSize & { onlyIn?: readonly string[]; notIn?: readonly string[]; restrictedIn?: readonly string[] })[] = [
  { name: 'Standard_B1s', numberOfCores: 1, memoryInMB: 1024, maxDataDiskCount: 2, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 4096 },
  { name: 'Standard_B1ms', numberOfCores: 1, memoryInMB: 2048, maxDataDiskCount: 2, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 4096 },
  { name: 'Standard_B2s', numberOfCores: 2, memoryInMB: 4096, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 8192 },
  { name: 'Standard_B2ms', numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 16384 },
  { name: 'Standard_B4ms', numberOfCores: 4, memoryInMB: 16384, maxDataDiskCount: 8, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 32768 },
  { name: 'Standard_A1_v2', numberOfCores: 1, memoryInMB: 2048, maxDataDiskCount: 2, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 10240, notIn: ['swedencentral'] },
  { name: 'Standard_A2_v2', numberOfCores: 2, memoryInMB: 4096, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 20480, notIn: ['swedencentral'] },
  { name: 'Standard_DS1_v2', numberOfCores: 1, memoryInMB: 3584, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 7168, notIn: ['swedencentral'] },
  { name: 'Standard_D2s_v3', numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 16384, notIn: ['swedencentral'] },
  { name: 'Standard_D4s_v3', numberOfCores: 4, memoryInMB: 16384, maxDataDiskCount: 8, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 32768, notIn: ['swedencentral'] },
  { name: 'Standard_D2s_v5', numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_D4s_v5', numberOfCores: 4, memoryInMB: 16384, maxDataDiskCount: 8, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_D8s_v5', numberOfCores: 8, memoryInMB: 32768, maxDataDiskCount: 16, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_D2as_v5', numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_D2ds_v5', numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 76800 },
  { name: 'Standard_E2s_v5', numberOfCores: 2, memoryInMB: 16384, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_E4s_v5', numberOfCores: 4, memoryInMB: 32768, maxDataDiskCount: 8, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 0 },
  { name: 'Standard_F2s_v2', numberOfCores: 2, memoryInMB: 4096, maxDataDiskCount: 4, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 16384 },
  { name: 'Standard_F4s_v2', numberOfCores: 4, memoryInMB: 8192, maxDataDiskCount: 8, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 32768, notIn: ['uksouth'] },
  { name: 'Standard_NC6s_v3', numberOfCores: 6, memoryInMB: 114688, maxDataDiskCount: 12, osDiskSizeInMB: osDisk, resourceDiskSizeInMB: 344064, onlyIn: ['eastus', 'westus2', 'westeurope', 'northeurope'], restrictedIn: ['westeurope'] },
];

/** The sizes a region offers, in the catalogue's order. */
export function sizesIn(region: string): VmSize[] {
  return sizes
    .filter((size) => (size.onlyIn === undefined || size.onlyIn.includes(region)) && !(size.notIn ?? []).includes(region))
    .map(({ name, numberOfCores, memoryInMB, maxDataDiskCount, osDiskSizeInMB, resourceDiskSizeInMB }) => ({ name, numberOfCores, memoryInMB, maxDataDiskCount, osDiskSizeInMB, resourceDiskSizeInMB }));
}

/** Whether a VM of this size can be created in the region (listed and not restricted); names compare case-insensitively, as Azure's do. */
export function isSizeOffered(region: string, sizeName: string): boolean {
  const restricted = sizes.find((size) => size.name.toLowerCase() === sizeName.toLowerCase())?.restrictedIn?.includes(region) ?? false;
  return !restricted && sizesIn(region).some((size) => size.name.toLowerCase() === sizeName.toLowerCase());
}
