import type { AzureIaaSVMProtectionPolicy } from '@azure/arm-recoveryservicesbackup';
import { ArmCalls } from './armCalls';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import { toBackupPolicy } from './mappers';
import type { Vault } from './model';
import { collectPages } from './requestLimiter';
import type { VmImageReference } from '../vmCreation/vmCreateRequest';
import { sizeSupportsPremiumDisks } from '../vmCreation/vmImages';
import type {
  ImageInfo, TakenNetworkNames, VaultInfo, VaultPolicyInfo, VirtualNetworkInfo, VmRulesContext, VmSizeInfo,
} from '../vmCreation/vmRulesContext';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
const iaasVmPolicies = "backupManagementType eq 'AzureIaasVM'";

/** What the Create VM form needs to know before it can check a request: where, with which image, in which groups. */
export interface VmCatalogQuery {
  subscriptionId: string;
  location: string;
  /** The VM's resource group, when it exists (a new group holds no names yet). */
  resourceGroup?: string;
  image?: VmImageReference;
}

/**
 * What Azure offers a new VM, read through the SDK clients for the Create VM form and its rules
 * (VmRulesContext): a region's sizes and zones, whether an image exists and its OS, the region's
 * virtual networks, names taken in a resource group, resource groups, and the region's vaults with
 * their policies. Every request runs under the reader's limiter, honours an AbortSignal and fails
 * with an AzureError. Plain Node: no `vscode`.
 */
export class VmCatalog {
  private readonly calls: ArmCalls;

  constructor(private readonly reader: BackupReader) {
    this.calls = new ArmCalls(reader, { pollDelayMs: 1_000, maxPollDelayMs: 15_000 });
  }

  /** VirtualMachineSizes_List: the sizes the region offers, by name. */
  async listSizes(subscriptionId: string, location: string, signal?: AbortSignal): Promise<VmSizeInfo[]> {
    const compute = await this.reader.clients(subscriptionId).compute(subscriptionId);
    const sizes = await this.calls.run(subscriptionId, signal, () => collectPages(compute.virtualMachineSizes.list(location, { abortSignal: signal }), signal));
    return sizes
      .filter((size) => size.name)
      .map((size) => ({ name: size.name!, vCpus: size.numberOfCores ?? 0, memoryMb: size.memoryInMB ?? 0, premiumDisks: sizeSupportsPremiumDisks(size.name!) }))
      .sort(byName);
  }

  /** The region's logical availability zones, from Subscriptions_ListLocations' availabilityZoneMappings ([] when it has none). */
  async listZones(subscriptionId: string, location: string, signal?: AbortSignal): Promise<string[]> {
    const client = await this.reader.clients(subscriptionId).subscriptions();
    const locations = await this.calls.run(subscriptionId, signal, () => collectPages(client.subscriptions.listLocations(subscriptionId, { abortSignal: signal }), signal));
    const region = locations.find((candidate) => candidate.name?.toLowerCase() === location.toLowerCase());
    return (region?.availabilityZoneMappings ?? []).flatMap((mapping) => (mapping.logicalZone ? [mapping.logicalZone] : [])).sort();
  }

  /**
   * Whether the image exists in the region, and its OS and generation; null when it does not.
   * 'latest' is resolved first to the newest listed version (VirtualMachineImages_List), then that
   * version is read (VirtualMachineImages_Get), as `az vm image show` does.
   */
  async findImage(subscriptionId: string, location: string, image: VmImageReference, signal?: AbortSignal): Promise<ImageInfo | null> {
    const compute = await this.reader.clients(subscriptionId).compute(subscriptionId);
    const { publisher, offer, sku } = image;
    try {
      let version = image.version;
      if (version.toLowerCase() === 'latest') {
        const versions = await this.calls.run(subscriptionId, signal, () => compute.virtualMachineImages.list(location, publisher, offer, sku, { abortSignal: signal }));
        const newest = versions.map((entry) => entry.name).sort(compareVersions).at(-1);
        if (!newest) return null;
        version = newest;
      }
      const found = await this.calls.run(subscriptionId, signal, () => compute.virtualMachineImages.get(location, publisher, offer, sku, version, { abortSignal: signal }));
      const osType = found.osDiskImage?.operatingSystem === 'Windows' ? 'Windows' : 'Linux';
      return { osType, ...(found.hyperVGeneration === 'V1' || found.hyperVGeneration === 'V2' ? { generation: found.hyperVGeneration } : {}) };
    } catch (error) {
      if (error instanceof AzureError && error.reason === 'notFound') return null;
      throw error;
    }
  }

  /** Virtual networks of the region, in every resource group of the subscription, with their subnets. */
  async listVirtualNetworks(subscriptionId: string, location: string, signal?: AbortSignal): Promise<VirtualNetworkInfo[]> {
    const network = await this.reader.clients(subscriptionId).network(subscriptionId);
    const networks = await this.calls.run(subscriptionId, signal, () => collectPages(network.virtualNetworks.listAll({ abortSignal: signal }), signal));
    return networks
      .filter((vnet) => vnet.id && vnet.name && vnet.location?.toLowerCase() === location.toLowerCase())
      .map((vnet) => ({
        id: vnet.id!,
        name: vnet.name!,
        resourceGroup: resourceGroupOf(vnet.id!),
        location: vnet.location!,
        addressPrefixes: vnet.addressSpace?.addressPrefixes ?? [],
        subnets: (vnet.subnets ?? [])
          .filter((subnet) => subnet.name && subnet.id)
          .map((subnet) => {
            const prefix = subnet.addressPrefix ?? subnet.addressPrefixes?.[0];
            return { id: subnet.id!, name: subnet.name!, ...(prefix ? { addressPrefix: prefix } : {}) };
          }),
      }))
      .sort(byName);
  }

  /** Names of the VMs in a resource group ([] when the group does not exist). */
  async takenVmNames(subscriptionId: string, resourceGroup: string, signal?: AbortSignal): Promise<string[]> {
    const compute = await this.reader.clients(subscriptionId).compute(subscriptionId);
    return this.namesIn(subscriptionId, signal, () => collectPages(compute.virtualMachines.list(resourceGroup, { abortSignal: signal }), signal));
  }

  /** Names of the virtual networks, NSGs, public IPs and NICs in a resource group (empty lists when it does not exist). */
  async takenNetworkNames(subscriptionId: string, resourceGroup: string, signal?: AbortSignal): Promise<Required<TakenNetworkNames>> {
    const network = await this.reader.clients(subscriptionId).network(subscriptionId);
    const options = { abortSignal: signal };
    const [virtualNetworks, networkSecurityGroups, publicIpAddresses, networkInterfaces] = await Promise.all([
      this.namesIn(subscriptionId, signal, () => collectPages(network.virtualNetworks.list(resourceGroup, options), signal)),
      this.namesIn(subscriptionId, signal, () => collectPages(network.networkSecurityGroups.list(resourceGroup, options), signal)),
      this.namesIn(subscriptionId, signal, () => collectPages(network.publicIPAddresses.list(resourceGroup, options), signal)),
      this.namesIn(subscriptionId, signal, () => collectPages(network.networkInterfaces.list(resourceGroup, options), signal)),
    ]);
    return { virtualNetworks, networkSecurityGroups, publicIpAddresses, networkInterfaces };
  }

  /** The subscription's resource group names, sorted. */
  async listResourceGroups(subscriptionId: string, signal?: AbortSignal): Promise<string[]> {
    const resources = await this.reader.clients(subscriptionId).resources(subscriptionId);
    return this.namesIn(subscriptionId, signal, () => collectPages(resources.resourceGroups.list({ abortSignal: signal }), signal));
  }

  /**
   * The vaults of a region (any resource group) with their AzureIaasVM policies, each policy with
   * its restore point collection resource group pattern. Also answers every vault name of the
   * subscription, which a new vault's name must differ from.
   */
  async listVaults(subscriptionId: string, location: string, signal?: AbortSignal): Promise<{ vaults: VaultInfo[]; takenVaultNames: string[] }> {
    const all = await this.reader.listVaults(subscriptionId, signal);
    const inRegion = all.filter((vault) => vault.location.toLowerCase() === location.toLowerCase());
    const vaults = await Promise.all(
      inRegion.map(async (vault) => ({ id: vault.id, name: vault.name, resourceGroup: vault.resourceGroup, location: vault.location, policies: await this.vaultPolicies(vault, signal) })),
    );
    return { vaults, takenVaultNames: all.map((vault) => vault.name) };
  }

  /** Everything VmRulesContext holds for a query, read in parallel. */
  async rulesContext(query: VmCatalogQuery, signal?: AbortSignal): Promise<VmRulesContext> {
    const { subscriptionId, location, resourceGroup, image } = query;
    const [sizes, zones, virtualNetworks, resourceGroups, vaults, imageInfo] = await Promise.all([
      this.listSizes(subscriptionId, location, signal),
      this.listZones(subscriptionId, location, signal),
      this.listVirtualNetworks(subscriptionId, location, signal),
      this.listResourceGroups(subscriptionId, signal),
      this.listVaults(subscriptionId, location, signal),
      image ? this.findImage(subscriptionId, location, image, signal) : Promise.resolve(undefined),
    ]);
    const groupExists = resourceGroup !== undefined && resourceGroups.some((group) => group.toLowerCase() === resourceGroup.toLowerCase());
    const [takenVmNames, takenNetworkNames] = groupExists
      ? await Promise.all([this.takenVmNames(subscriptionId, resourceGroup, signal), this.takenNetworkNames(subscriptionId, resourceGroup, signal)])
      : [[], {}];
    return {
      sizes, zones, virtualNetworks, resourceGroups, vaults: vaults.vaults, takenVaultNames: vaults.takenVaultNames, takenVmNames, takenNetworkNames,
      ...(imageInfo !== undefined ? { image: imageInfo } : {}),
    };
  }

  private async vaultPolicies(vault: Vault, signal?: AbortSignal): Promise<VaultPolicyInfo[]> {
    const backup = await this.calls.backup(vault.subscriptionId, signal);
    const policies = await this.calls.run(vault.subscriptionId, signal, () =>
      collectPages(backup.backupPolicies.list(vault.name, vault.resourceGroup, { filter: iaasVmPolicies, abortSignal: signal }), signal),
    );
    return policies
      .flatMap((policy) => {
        const mapped = toBackupPolicy(policy, vault.id);
        if (!mapped) return [];
        const details = (policy.properties as AzureIaaSVMProtectionPolicy).instantRPDetails;
        const prefix = details?.azureBackupRGNamePrefix ?? '';
        const suffix = details?.azureBackupRGNameSuffix ?? '';
        return [{ name: mapped.name, kind: mapped.kind, ...(prefix || suffix ? { instantRpResourceGroup: { prefix, suffix } } : {}) }];
      })
      .sort(byName);
  }

  /** Names from a listing; a resource group that does not exist has none. */
  private async namesIn(subscriptionId: string, signal: AbortSignal | undefined, list: () => Promise<{ name?: string }[]>): Promise<string[]> {
    try {
      const items = await this.calls.run(subscriptionId, signal, list);
      return items.flatMap((item) => (item.name ? [item.name] : [])).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      if (error instanceof AzureError && error.code.toLowerCase() === 'resourcegroupnotfound') return [];
      throw error;
    }
  }
}

function resourceGroupOf(id: string): string {
  const segments = id.split('/');
  const index = segments.findIndex((segment) => segment.toLowerCase() === 'resourcegroups');
  return index >= 0 ? segments[index + 1] ?? '' : '';
}

/** Image versions compare part by part as numbers (9.10 after 9.9). */
function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.localeCompare(b);
}
