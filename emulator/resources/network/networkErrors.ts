import type { ArmError } from '../../http/armError';
import { badRequest, conflict } from '../../http/armError';

/**
 * Microsoft.Network's refusals, with the codes and messages the service sends. Where each text
 * was read (answers quoted in public issue threads, as searched for this emulator):
 * - InvalidResourceName: rh-mobb/documentation#204 (2022).
 * - InvalidResourceReference: microsoft/MCW-Building-a-resilient-IaaS-architecture#35,
 *   Azure/RDS-Templates#349, MicrosoftDocs/azure-docs#81734 (2019-2021).
 * - NetcfgInvalidSubnet: hashicorp/terraform-provider-azurerm#10826, microsoft/AzureTRE#2111.
 * - NetcfgSubnetRangeOutsideVnet, NetcfgSubnetRangesOverlap: MicrosoftDocs/azure-docs#123869 (2024).
 * - DnsRecordInUse: scarolan/azure-terraform-beginners#20, Azure/azure-quickstart-templates#4979.
 * - InUseSubnetCannotBeDeleted: microsoft/nav-arm-templates#161, hashicorp/terraform-provider-azurerm#4784.
 * - InUseNetworkSecurityGroupCannotBeDeleted: pulumi/pulumi-azure-native#3051,
 *   DataBiosphere/terra-workspace-manager#502.
 * - PublicIPAddressCannotBeDeleted: oap-project/cloudtik#158, hashicorp/terraform-provider-azurerm#2566.
 * - PublicIPAddressInUse (the reference side): MicrosoftLearning/AZ-100-...#15.
 * - NicInUse: hashicorp/terraform-provider-azurerm#8105, hashicorp/packer-plugin-azure#273.
 * - StandardSkuPublicIPAddressesMustBeStatic: MicrosoftDocs/azure-docs#42889, pulumi/pulumi-azure-native#1597.
 * - ZonesNotAllowedInBasicSkuResource: microsoft/lisa#3343.
 * - InvalidResourceLocation (ARM's, on a name taken in another region): Azure/azure-cli#27899.
 * The CIDR-notation and security-rule priority messages are written from Azure's documented rules
 * (a prefix must be aligned; NSG rule priorities are 100-4096), as no answer was found to quote.
 */
export function invalidResourceName(name: string): ArmError {
  return badRequest(
    'InvalidResourceName',
    `Resource name ${name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`,
  );
}

export function invalidResourceReference(referencedId: string, referencingId: string): ArmError {
  return badRequest(
    'InvalidResourceReference',
    `Resource ${referencedId} referenced by resource ${referencingId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
  );
}

export function invalidSubnet(subnetName: string, virtualNetworkName: string): ArmError {
  return badRequest('NetcfgInvalidSubnet', `Subnet '${subnetName}' is not valid in virtual network '${virtualNetworkName}'.`);
}

export function subnetOutsideVirtualNetwork(subnetName: string, virtualNetworkName: string): ArmError {
  return badRequest(
    'NetcfgSubnetRangeOutsideVnet',
    `Subnet '${subnetName}' is not valid because its IP address range is outside the IP address range of virtual network '${virtualNetworkName}'.`,
  );
}

export function subnetsOverlap(subnetName: string, virtualNetworkName: string): ArmError {
  return badRequest(
    'NetcfgSubnetRangesOverlap',
    `Subnet '${subnetName}' is not valid because its IP address range overlaps with that of an existing subnet in virtual network '${virtualNetworkName}'.`,
  );
}

export function invalidCidrNotation(prefix: string, resourceId: string, aligned: string): ArmError {
  return badRequest(
    'InvalidCIDRNotation',
    `The address prefix ${prefix} in resource ${resourceId} has an invalid CIDR notation. For the given prefix length, the address prefix should be ${aligned}.`,
  );
}

export function dnsRecordInUse(fqdn: string): ArmError {
  return badRequest('DnsRecordInUse', `DNS record ${fqdn} is already used by another public IP.`);
}

export function subnetInUse(subnetName: string, userId: string): ArmError {
  return badRequest(
    'InUseSubnetCannotBeDeleted',
    `Subnet ${subnetName} is in use by ${userId} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`,
  );
}

export function networkSecurityGroupInUse(groupId: string, userIds: string[]): ArmError {
  return badRequest(
    'InUseNetworkSecurityGroupCannotBeDeleted',
    `Network security group ${groupId} cannot be deleted because it is in use by the following resources: ${userIds.join(', ')}. In order to delete the Network security group, remove the association with the resource(s). To learn how to do this, see aka.ms/deletensg.`,
  );
}

export function publicIpInUse(addressId: string, ipConfigurationId: string): ArmError {
  return badRequest(
    'PublicIPAddressCannotBeDeleted',
    `Public IP address ${addressId} can not be deleted since it is still allocated to resource ${ipConfigurationId}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.  To learn how to do this, see aka.ms/deletepublicip.`,
  );
}

export function publicIpAlreadyAllocated(ipConfigurationId: string, addressId: string, otherIpConfigurationId: string): ArmError {
  return badRequest(
    'PublicIPAddressInUse',
    `Resource ${ipConfigurationId} is referencing public IP address ${addressId} that is already allocated to resource ${otherIpConfigurationId}.`,
  );
}

export function nicInUse(nicId: string, virtualMachineId: string): ArmError {
  return badRequest(
    'NicInUse',
    `Network Interface ${nicId} is used by existing resource ${virtualMachineId}. In order to delete the network interface, it must be dissociated from the resource. To learn more, see aka.ms/deletenic.`,
  );
}

export function standardSkuMustBeStatic(addressId: string): ArmError {
  return badRequest('StandardSkuPublicIPAddressesMustBeStatic', `Standard sku publicIp ${addressId} must have AllocationMethod set to Static.`);
}

export function zonesNotAllowedInBasicSku(addressId: string): ArmError {
  return badRequest(
    'ZonesNotAllowedInBasicSkuResource',
    `Request for resource ${addressId} is invalid as it is Basic sku and in an Availability Zone which is a deprecated configuration.  Please change your resource to Standard sku for Availability Zone support.`,
  );
}

export function invalidRulePriority(priority: unknown): ArmError {
  return badRequest('SecurityRuleInvalidPriority', `Security rule has invalid Priority. Value provided: ${String(priority)} Allowed range 100-4096.`);
}

export function invalidRuleParameter(ruleName: string, parameter: string, value: unknown): ArmError {
  return badRequest('SecurityRuleParameterContainsUnsupportedValue', `Security rule parameter ${parameter} for rule with Id ${ruleName} cannot specify value '${String(value)}'.`);
}

/** ARM's answer when a name is taken by a resource in another region (ARM checks before the provider). */
export function resourceInOtherLocation(name: string, existingLocation: string, resourceGroup: string, requestedLocation: string): ArmError {
  return conflict(
    'InvalidResourceLocation',
    `The resource '${name}' already exists in location '${existingLocation}' in resource group '${resourceGroup}'. A resource with the same name cannot be created in location '${requestedLocation}'. Please select a new resource name.`,
  );
}

export function locationRequired(): ArmError {
  return badRequest('LocationRequired', "The location property is required for this definition and must be an Azure region, for example 'westeurope'.");
}
