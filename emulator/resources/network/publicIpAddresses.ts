import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { badRequest } from '../../http/armError';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { dnsRecordInUse, publicIpInUse, standardSkuMustBeStatic, zonesNotAllowedInBasicSku } from './networkErrors';
import { allNetworkResourcesOf, networkProvisioningState, saveNetworkResource, startNetworkPut } from './networkRecords';
import { networkResourceRoutes } from './networkResourceRoutes';
import { networkUses } from './networkReferences';

type Json = Record<string, unknown>;

/**
 * Azure's rule for a public IP's DNS label (learn.microsoft.com, public IP addresses: "3-63
 * characters, lowercase letters, digits and hyphens, starting with a letter and ending with a
 * letter or digit"); the FQDN is '<label>.<region>.cloudapp.azure.com', unique in the region.
 */
export const domainNameLabelPattern = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

export function publicIpFqdn(label: string, location: string): string {
  return `${label}.${location}.cloudapp.azure.com`;
}

/** Public IP addresses (PublicIPAddresses_*): Basic or Standard, Static or Dynamic, an optional DNS label. */
export function publicIpAddressRoutes(context: EmulatorContext): RouteDefinition[] {
  return networkResourceRoutes(context, {
    type: 'publicIPAddresses',
    nameParameter: 'publicIpAddressName',
    toJson: publicIpAddressJson,
    put: putPublicIpAddress,
    refuseDelete: (context, record) => {
      const user = networkUses(context).publicIpUsers.get(keyOf(record.resource.id));
      if (user) throw publicIpInUse(record.resource.id, user);
    },
  });
}

function putPublicIpAddress(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const start = startNetworkPut(context, request, 'publicIPAddresses', request.parameters.publicIpAddressName!);
  const properties = { ...((start.body.properties ?? {}) as Json) };
  const skuName = String(((start.body.sku ?? {}) as Json).name ?? 'Basic');
  // Basic is the default the 2025-03-01 example PublicIpAddressCreateDefaults.json shows.
  const allocation = String(properties.publicIPAllocationMethod ?? 'Dynamic');
  if (skuName === 'Standard' && allocation !== 'Static') throw standardSkuMustBeStatic(start.id);
  const zones = Array.isArray(start.body.zones) ? start.body.zones.map(String) : undefined;
  if (skuName === 'Basic' && zones && zones.length > 0) throw zonesNotAllowedInBasicSku(start.id);
  const dns = properties.dnsSettings as Json | undefined;
  const label = typeof dns?.domainNameLabel === 'string' && dns.domainNameLabel !== '' ? dns.domainNameLabel : undefined;
  if (label !== undefined) {
    if (!domainNameLabelPattern.test(label)) {
      throw badRequest('InvalidDomainNameLabel', `The domain name label ${label} is invalid. It must conform to the following regular expression: ^[a-z][a-z0-9-]{1,61}[a-z0-9]$.`);
    }
    const fqdn = publicIpFqdn(label, start.location);
    const taken = allNetworkResourcesOf(context, 'publicIPAddresses').some(
      (other) => keyOf(other.resource.id) !== keyOf(start.id) && ((other.resource.properties.dnsSettings ?? {}) as Json).fqdn === fqdn,
    );
    if (taken) throw dnsRecordInUse(fqdn);
  }
  for (const computed of ['provisioningState', 'ipConfiguration', 'ipAddress']) delete properties[computed];
  const resource: ResourceRecord['resource'] = {
    id: start.id,
    name: start.name,
    type: 'Microsoft.Network/publicIPAddresses',
    location: start.location,
    ...(start.body.tags ? { tags: start.body.tags as Record<string, string> } : {}),
    sku: { name: skuName, tier: String(((start.body.sku ?? {}) as Json).tier ?? 'Regional') },
    ...(zones ? { zones } : {}),
    properties: {
      publicIPAddressVersion: 'IPv4',
      idleTimeoutInMinutes: 4,
      ipTags: [],
      ddosSettings: { protectionMode: 'VirtualNetworkInherited' },
      ...properties,
      publicIPAllocationMethod: allocation,
      ...(label !== undefined ? { dnsSettings: { ...dns, domainNameLabel: label, fqdn: publicIpFqdn(label, start.location) } } : {}),
      // A static address is given when the resource is created and kept until it is deleted.
      ...(allocation === 'Static' ? { ipAddress: start.existing?.resource.properties.ipAddress ?? publicAddressFor(start.id) } : {}),
      resourceGuid: start.existing?.resource.properties.resourceGuid ?? randomUUID(),
    },
  };
  return saveNetworkResource(context, request, start, 'publicIPAddresses', resource, (record) => publicIpAddressJson(context, record, request.now));
}

/** A public-looking address worked out from the id, so the same resource always shows the same one. */
export function publicAddressFor(id: string): string {
  const digest = createHash('sha256').update(keyOf(id)).digest();
  return `20.${digest[0]! % 224}.${digest[1]!}.${(digest[2]! % 253) + 1}`;
}

export function publicIpAddressJson(context: EmulatorContext, record: ResourceRecord, now: number): Json {
  const user = networkUses(context).publicIpUsers.get(keyOf(record.resource.id));
  const properties: Json = { ...record.resource.properties, provisioningState: networkProvisioningState(record, now) };
  if (user) {
    properties.ipConfiguration = { id: user };
    // A dynamic address exists only while it is associated (Azure gives it when the VM starts).
    properties.ipAddress ??= publicAddressFor(record.resource.id);
  }
  return { ...record.resource, properties };
}
