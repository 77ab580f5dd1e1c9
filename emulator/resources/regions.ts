/** The Azure regions the emulator knows, with what Subscriptions_ListLocations reports of them. */
export interface Region {
  name: string;
  displayName: string;
  geographyGroup: string;
  latitude: string;
  longitude: string;
  pairedRegion: string;
  /**
   * The logical availability zones the region offers. West US has none (Azure's list of regions
   * with availability zones leaves it out), so "no zone in this region" can be tried there.
   */
  zones: readonly string[];
}

const threeZones = ['1', '2', '3'] as const;

export const regions: readonly Region[] = [
  { name: 'eastus', displayName: 'East US', geographyGroup: 'US', latitude: '37.3719', longitude: '-79.8164', pairedRegion: 'westus', zones: threeZones },
  { name: 'eastus2', displayName: 'East US 2', geographyGroup: 'US', latitude: '36.6681', longitude: '-78.3889', pairedRegion: 'centralus', zones: threeZones },
  { name: 'westus', displayName: 'West US', geographyGroup: 'US', latitude: '37.783', longitude: '-122.417', pairedRegion: 'eastus', zones: [] },
  { name: 'westus2', displayName: 'West US 2', geographyGroup: 'US', latitude: '47.233', longitude: '-119.852', pairedRegion: 'westcentralus', zones: threeZones },
  { name: 'centralus', displayName: 'Central US', geographyGroup: 'US', latitude: '41.5908', longitude: '-93.6208', pairedRegion: 'eastus2', zones: threeZones },
  { name: 'northeurope', displayName: 'North Europe', geographyGroup: 'Europe', latitude: '53.3478', longitude: '-6.2597', pairedRegion: 'westeurope', zones: threeZones },
  { name: 'westeurope', displayName: 'West Europe', geographyGroup: 'Europe', latitude: '52.3667', longitude: '4.9', pairedRegion: 'northeurope', zones: threeZones },
  { name: 'uksouth', displayName: 'UK South', geographyGroup: 'Europe', latitude: '50.941', longitude: '-0.799', pairedRegion: 'ukwest', zones: threeZones },
  { name: 'swedencentral', displayName: 'Sweden Central', geographyGroup: 'Europe', latitude: '60.67488', longitude: '17.14127', pairedRegion: 'swedensouth', zones: threeZones },
  { name: 'southeastasia', displayName: 'Southeast Asia', geographyGroup: 'Asia Pacific', latitude: '1.283', longitude: '103.833', pairedRegion: 'eastasia', zones: threeZones },
  { name: 'japaneast', displayName: 'Japan East', geographyGroup: 'Asia Pacific', latitude: '35.68', longitude: '139.77', pairedRegion: 'japanwest', zones: threeZones },
  { name: 'australiaeast', displayName: 'Australia East', geographyGroup: 'Asia Pacific', latitude: '-33.86', longitude: '151.2094', pairedRegion: 'australiasoutheast', zones: threeZones },
];

/** The availability zones of a region, none for an unknown one. */
export function zonesOf(region: string): readonly string[] {
  return regions.find((known) => known.name === region)?.zones ?? [];
}

/** Turns "West Europe" or "westeurope" into the region's name, or undefined when unknown. */
export function normalizeRegion(location: string): string | undefined {
  const compact = location.replace(/\s+/g, '').toLowerCase();
  return regions.find((region) => region.name === compact)?.name;
}
