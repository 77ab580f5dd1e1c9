import { TargetedError } from '../targetedError';

/**
 * Microsoft.Compute's refusals.
 *
 * Where the texts were read (answers quoted in public issue threads, as searched for this emulator):
 * - SkuNotAvailable (409): Azure-Samples/azuresandbox#70, Azure/azure-cli#32628 (2024-2026).
 * - PlatformImageNotFound (404, target imageReference): clear-code/firefox-support-common#31,
 *   hashicorp/packer#10600.
 * - adminUsername "The Admin Username specified is not allowed." (target adminUsername):
 *   MicrosoftDocs/azure-docs#27881, microsoft/vscode-azurevirtualmachines#157.
 * - adminPassword complexity (target adminPassword): hashicorp/terraform#6542, Azure/sap-hana#1017.
 * - "Network Interface … is used by existing VM …" (NicInUse): hashicorp/terraform#18127.
 * - "Resource … not found." (NotFound), Compute's wording for a missing resource: Azure/azure-cli#27341.
 * - The zone message: kubernetes/test-infra#24049 (its code was not shown there; AvailabilityZoneNotSupported
 *   is this emulator's choice).
 * The computer name messages are written from the rules learn.microsoft.com states for osProfile.computerName.
 * Compute's errors name the offending parameter in `target` (ApiError in ComputeRP.json).
 */
export class ComputeError extends TargetedError {}

export function invalidParameter(message: string, target: string): ComputeError {
  return new ComputeError(400, 'InvalidParameter', message, target);
}

export function skuNotAvailable(size: string, region: string): ComputeError {
  return new ComputeError(
    409,
    'SkuNotAvailable',
    `The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: ${size}' is currently not available in location '${region}'. Please try another size or deploy to a different location or different zone. See https://aka.ms/azureskunotavailable for details.`,
  );
}

export function platformImageNotFound(urn: string): ComputeError {
  return new ComputeError(
    404,
    'PlatformImageNotFound',
    `The platform image '${urn}' is not available. Verify that all fields in the storage profile are correct. For more details about storage profile information, please refer to https://aka.ms/storageprofile`,
    'imageReference',
  );
}

export function zoneNotSupported(zones: readonly string[], vmName: string, region: string, offered: readonly string[]): ComputeError {
  return new ComputeError(
    400,
    'AvailabilityZoneNotSupported',
    `The zone(s) '${zones.join(',')}' for resource 'Microsoft.Compute/virtualMachines/${vmName}' is not supported. The supported zones for location '${region}' are '${offered.join(',')}'.`,
  );
}

export function computeResourceNotFound(id: string): ComputeError {
  return new ComputeError(404, 'NotFound', `Resource ${id} not found.`);
}

export function nicUsedByVm(nicId: string, vmId: string): ComputeError {
  return new ComputeError(400, 'NicInUse', `Network Interface ${nicId} is used by existing VM ${vmId}.`);
}

export function nicInOtherRegion(nicId: string, vmId: string): ComputeError {
  return new ComputeError(
    400,
    'InvalidResourceReference',
    `Resource ${nicId} referenced by resource ${vmId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
  );
}
