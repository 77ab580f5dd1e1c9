// Every rule Azure applies to a new VM with backup, checked as the user types (webview) and again
// before deploying (host), with the same facts (VmRulesContext). Each message names the field and
// the fix, like vaultRequestProblems; the field rules themselves live in the small files beside.
import { resourceGroupNameProblem, vaultNameProblem } from '../azure/vaultRules';
import { validatePolicy } from '../policy/policyRules';
import { cidrContains, cidrProblem, parseCidr } from './cidr';
import { adminPasswordProblem, adminUsernameProblem } from './credentialRules';
import { isNameTaken, networkResourceNameProblem, vmNameProblem } from './nameRules';
import { parseTypedResourceId, sameName, vaultResourceType, virtualNetworkResourceType } from './resourceIds';
import { sshPublicKeyProblem } from './sshPublicKey';
import { networkResourceNamesOf } from './suggestedNames';
import type { InboundPort, VmCreateRequest } from './vmCreateRequest';
import { imageReferenceProblem, imageUrn, osDiskTypeInfo, popularImageFor, sizeSupportsPremiumDisks } from './vmImages';
import type { VmRulesContext } from './vmRulesContext';

export type VmField =
  | 'subscription' | 'resourceGroup' | 'name' | 'location' | 'zone' | 'osType' | 'image' | 'size'
  | 'adminUsername' | 'password' | 'sshPublicKey' | 'inboundPorts' | 'osDiskType'
  | 'virtualNetwork' | 'addressPrefix' | 'subnet' | 'subnetPrefix'
  | 'networkSecurityGroupName' | 'publicIpName' | 'networkInterfaceName'
  | 'vault' | 'vaultName' | 'vaultResourceGroup' | 'policy';

export type VmProblems = Partial<Record<VmField, string>>;

export const inboundPortNumbers: Record<InboundPort, number> = { SSH: 22, RDP: 3389, HTTP: 80, HTTPS: 443 };

/** Policies every new vault has: a new vault can use these by name. */
export const newVaultPolicyNames: readonly string[] = ['DefaultPolicy', 'EnhancedPolicy'];

/** Every problem of a request, by field; empty when Azure would accept it (as far as the context knows). */
export function vmRequestProblems(request: VmCreateRequest, context: VmRulesContext = {}): VmProblems {
  const problems: VmProblems = {};
  const add = (field: VmField, problem: string | undefined) => {
    if (problem !== undefined && problems[field] === undefined) problems[field] = problem;
  };
  add('subscription', request.subscriptionId ? undefined : 'Subscription is required: choose the subscription the VM belongs to.');
  add('resourceGroup', resourceGroupChoiceProblem('Resource group', request.resourceGroup, context.resourceGroups));
  add('name', vmNameProblem(request.name, request.osType));
  if (!request.resourceGroup.isNew && isNameTaken(request.name, context.takenVmNames)) {
    add('name', `A VM named '${request.name}' already exists in resource group ${request.resourceGroup.name}: choose another name.`);
  }
  add('location', request.location ? undefined : 'Region is required: choose where the VM runs (its vault must be in the same region).');
  add('zone', zoneProblem(request, context));
  imageProblems(request, context, add);
  add('size', sizeProblem(request, context));
  add('adminUsername', adminUsernameProblem(request.adminUsername, request.osType));
  authenticationProblems(request, add);
  add('inboundPorts', inboundPortsProblem(request.inboundPorts));
  add('osDiskType', osDiskTypeProblem(request, context));
  networkProblems(request, context, add);
  if (request.backup.enabled) backupProblems(request, context, add);
  return problems;
}

/** Things worth saying before Create that do not block it. */
export function vmRequestWarnings(request: VmCreateRequest): string[] {
  const warnings: string[] = [];
  const ports = request.inboundPorts.map((port) => `${port} (${inboundPortNumbers[port]})`);
  if (ports.length > 0 && request.publicIp) {
    warnings.push(`Inbound ports ${ports.join(', ')} will be open to the whole internet: fine for testing; restrict the source addresses in the network security group for anything else.`);
  }
  if (ports.length > 0 && !request.publicIp) warnings.push(`Without a public IP address, ports ${ports.join(', ')} are reachable only from inside the virtual network.`);
  if (!request.backup.enabled) warnings.push('Backup is off: this VM will not be protected until you enable backup for it.');
  return warnings;
}

type Add = (field: VmField, problem: string | undefined) => void;

function resourceGroupChoiceProblem(label: string, group: { name: string; isNew: boolean }, existing: readonly string[] | undefined): string | undefined {
  const problem = resourceGroupNameProblem(group.name);
  if (problem) return problem.replace(/^Resource group/, label);
  if (existing === undefined) return undefined;
  if (group.isNew && isNameTaken(group.name, existing)) return `${label} '${group.name}' already exists: choose it among the existing groups, or type a new name.`;
  if (!group.isNew && !isNameTaken(group.name, existing)) return `${label} '${group.name}' does not exist in this subscription: choose an existing group, or create a new one.`;
  return undefined;
}

function zoneProblem(request: VmCreateRequest, context: VmRulesContext): string | undefined {
  const { zone } = request;
  if (zone === undefined) return undefined;
  if (!['1', '2', '3'].includes(zone)) return `Availability zone must be 1, 2 or 3, or none (not '${String(zone)}').`;
  if (context.zones === undefined) return undefined;
  if (context.zones.length === 0) return `Region ${request.location} has no availability zones: choose no zone.`;
  if (!context.zones.includes(zone)) return `Availability zone ${zone} is not offered in ${request.location}: choose ${context.zones.join(', ')} or none.`;
  return undefined;
}

function imageProblems(request: VmCreateRequest, context: VmRulesContext, add: Add): void {
  add('image', imageReferenceProblem(request.image));
  if (context.image === null) add('image', `Image ${imageUrn(request.image)} is not offered in ${request.location}: check the URN, or choose another image.`);
  const osType = context.image?.osType ?? popularImageFor(request.image)?.osType;
  if (osType && osType !== request.osType) {
    add('osType', `The image ${imageUrn(request.image)} is a ${osType} image: set the operating system to ${osType}, or choose a ${request.osType} image.`);
  }
  if (request.osType !== 'Linux' && request.osType !== 'Windows') add('osType', 'Operating system must be Linux or Windows.');
}

function sizeProblem(request: VmCreateRequest, context: VmRulesContext): string | undefined {
  if (request.size === '') return 'Size is required: choose one of the sizes offered in the region.';
  if (context.sizes && !context.sizes.some((size) => sameName(size.name, request.size))) {
    return `Size ${request.size} is not offered in ${request.location}: choose one of the region's ${context.sizes.length} sizes.`;
  }
  return undefined;
}

function authenticationProblems(request: VmCreateRequest, add: Add): void {
  const { authentication } = request;
  if (authentication.kind === 'password') {
    add('password', adminPasswordProblem(authentication.password, request.osType));
  } else if (request.osType === 'Windows') {
    add('sshPublicKey', 'A Windows VM signs in with a password: SSH public keys are for Linux VMs. Choose password authentication.');
  } else {
    add('sshPublicKey', sshPublicKeyProblem(authentication.publicKey));
  }
}

function inboundPortsProblem(ports: readonly InboundPort[]): string | undefined {
  const unknown = ports.find((port) => inboundPortNumbers[port] === undefined);
  if (unknown !== undefined) return `Inbound port '${String(unknown)}' is not one the form opens: choose SSH, RDP, HTTP or HTTPS.`;
  return new Set(ports).size === ports.length ? undefined : 'Inbound ports lists a port twice.';
}

function osDiskTypeProblem(request: VmCreateRequest, context: VmRulesContext): string | undefined {
  const info = osDiskTypeInfo(request.osDiskType);
  if (!info) return `OS disk type must be Premium_LRS, StandardSSD_LRS, Standard_LRS, Premium_ZRS or StandardSSD_ZRS (not '${String(request.osDiskType)}').`;
  const size = context.sizes?.find((candidate) => sameName(candidate.name, request.size));
  const premium = size ? size.premiumDisks : sizeSupportsPremiumDisks(request.size);
  if (info.premium && request.size !== '' && !premium) {
    return `Size ${request.size} does not take Premium SSD disks: choose Standard SSD, or a size with an 's' after the vCPU count (e.g. Standard_B2s, Standard_D2s_v5).`;
  }
  if (info.zoneRedundant && context.zones?.length === 0) return `${info.label} needs a region with availability zones, and ${request.location} has none: choose a locally-redundant disk.`;
  return undefined;
}

function networkProblems(request: VmCreateRequest, context: VmRulesContext, add: Add): void {
  const { network } = request;
  const taken = context.takenNetworkNames ?? {};
  const inNewGroup = request.resourceGroup.isNew;
  const takenIn = (names: readonly string[] | undefined, name: string, what: string, fix: string) =>
    !inNewGroup && isNameTaken(name, names) ? `A ${what} named '${name}' already exists in resource group ${request.resourceGroup.name}: ${fix}.` : undefined;
  if (network.kind === 'new') {
    add('virtualNetwork', networkResourceNameProblem('virtualNetwork', network.virtualNetworkName));
    add('virtualNetwork', takenIn(taken.virtualNetworks, network.virtualNetworkName, 'virtual network', 'choose it as an existing network, or another name'));
    add('addressPrefix', cidrProblem('Address space', network.addressPrefix));
    add('subnet', networkResourceNameProblem('subnet', network.subnetName));
    add('subnetPrefix', cidrProblem('Subnet address range', network.subnetPrefix));
    const space = parseCidr(network.addressPrefix);
    const subnet = parseCidr(network.subnetPrefix);
    if (space && subnet && !cidrContains(space, subnet)) {
      add('subnetPrefix', `Subnet address range ${network.subnetPrefix} must lie inside the virtual network's address space ${network.addressPrefix}.`);
    }
  } else {
    existingNetworkProblems(request, network, context, add);
  }
  const names = networkResourceNamesOf(request);
  add('networkSecurityGroupName', networkResourceNameProblem('networkSecurityGroup', names.networkSecurityGroup));
  add('networkSecurityGroupName', takenIn(taken.networkSecurityGroups, names.networkSecurityGroup, 'network security group', 'choose another name'));
  if (request.publicIp) {
    add('publicIpName', networkResourceNameProblem('publicIp', names.publicIp));
    add('publicIpName', takenIn(taken.publicIpAddresses, names.publicIp, 'public IP address', 'choose another name'));
  }
  add('networkInterfaceName', networkResourceNameProblem('networkInterface', names.networkInterface));
  add('networkInterfaceName', takenIn(taken.networkInterfaces, names.networkInterface, 'network interface', 'choose another name'));
}

function existingNetworkProblems(request: VmCreateRequest, network: Extract<VmCreateRequest['network'], { kind: 'existing' }>, context: VmRulesContext, add: Add): void {
  const id = parseTypedResourceId(network.virtualNetworkId, virtualNetworkResourceType);
  if (!id) {
    add('virtualNetwork', 'Virtual network is required: choose an existing virtual network of the region, or create a new one.');
    return;
  }
  if (request.subscriptionId && !sameName(id.subscriptionId, request.subscriptionId)) {
    add('virtualNetwork', `Virtual network ${id.name} is in another subscription: a VM's network must be in its own subscription.`);
  }
  if (network.subnetName === '') add('subnet', `Subnet is required: choose a subnet of ${id.name}.`);
  if (context.virtualNetworks === undefined) return;
  const found = context.virtualNetworks.find((candidate) => sameName(candidate.id, network.virtualNetworkId));
  if (!found) {
    add('virtualNetwork', `Virtual network ${id.name} (resource group ${id.resourceGroup}) was not found in ${request.location}: choose one of the region's networks, or create a new one.`);
    return;
  }
  if (!sameName(found.location, request.location)) {
    add('virtualNetwork', `Virtual network ${found.name} is in ${found.location}: a VM can use only a network of its own region (${request.location}).`);
  }
  if (network.subnetName !== '' && !found.subnets.some((subnet) => sameName(subnet.name, network.subnetName))) {
    const names = found.subnets.map((subnet) => subnet.name);
    add('subnet', names.length === 0 ? `Virtual network ${found.name} has no subnet: add one, or create a new network.` : `Virtual network ${found.name} has no subnet named '${network.subnetName}': choose ${names.join(', ')}.`);
  }
}

function backupProblems(request: VmCreateRequest, context: VmRulesContext, add: Add): void {
  if (!request.backup.enabled) return;
  const { vault, policy } = request.backup;
  let policyNames: readonly string[] | undefined;
  let vaultLabel: string;
  if (vault.kind === 'existing') {
    const id = parseTypedResourceId(vault.vaultId, vaultResourceType);
    if (!id) {
      add('vault', 'Recovery Services vault is required: choose a vault of the VM\'s region, or create a new one.');
      return;
    }
    vaultLabel = id.name;
    if (request.subscriptionId && !sameName(id.subscriptionId, request.subscriptionId)) {
      add('vault', `Vault ${id.name} is in another subscription: the vault must be in the VM's subscription.`);
    }
    const found = context.vaults?.find((candidate) => sameName(candidate.id, vault.vaultId));
    if (context.vaults && !found) add('vault', `Vault ${id.name} (resource group ${id.resourceGroup}) was not found: choose a vault of ${request.location}, or create a new one.`);
    if (found && !sameName(found.location, request.location)) {
      add('vault', `Vault ${found.name} is in ${found.location}: a vault backs up only VMs of its own region (${request.location}). Choose a vault of ${request.location}, or create one.`);
    }
    policyNames = found?.policies?.map((candidate) => candidate.name);
  } else {
    vaultLabel = vault.name;
    add('vaultName', vaultNameProblem(vault.name));
    if (isNameTaken(vault.name, context.takenVaultNames)) add('vaultName', `Vault name '${vault.name}' is taken in this subscription (vault names are unique per subscription): choose another.`);
    add('vaultResourceGroup', resourceGroupChoiceProblem("Vault's resource group", vault.resourceGroup, context.resourceGroups));
    policyNames = newVaultPolicyNames;
  }
  if (policy.kind === 'existing') {
    if (policy.name === '') add('policy', 'Backup policy is required: choose DefaultPolicy, another policy of the vault, or create a new one.');
    else if (policyNames && !policyNames.some((name) => sameName(name, policy.name))) {
      add('policy', vault.kind === 'new'
        ? `A new vault has only ${newVaultPolicyNames.join(' and ')}: choose one of them, or create a new policy (not '${policy.name}').`
        : `Vault ${vaultLabel} has no policy named '${policy.name}': choose one of ${policyNames.join(', ')}, or create a new policy.`);
    }
  } else {
    const errors = validatePolicy(policy.draft, { existingNames: policyNames ?? [] }).filter((problem) => problem.severity === 'error');
    if (errors.length > 0) add('policy', `New policy ${policy.draft.name || '(unnamed)'}: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
}

