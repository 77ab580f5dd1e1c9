import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest } from '../../http/armHttp';
import { ok } from '../../http/armHttp';
import { ArmError, badRequest } from '../../http/armError';
import { findSubscription } from '../../state/lookup';
import { apiVersions } from '../../apiVersions';
import { normalizeRegion, regions } from '../regions';
import { sizesIn } from './vmSizes';
import { findImageSku, offersOf, publishers, resolveVersion, skusOf } from './vmImages';

type Json = Record<string, unknown>;

/**
 * What a region offers to a VM: VirtualMachineSizes_List ({"value": [...]}) and the
 * VirtualMachineImages_* lists, which Azure answers as bare JSON arrays of {name, location, id}
 * (ComputeRP.json 2026-03-01), ids spelled with Azure's capitals ('/Subscriptions/…/Providers/…').
 */
export function computeCatalogRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.compute;
  const locationBase = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}';
  const offers = `${locationBase}/publishers/{publisherName}/artifacttypes/vmimage/offers`;
  const skus = `${offers}/{offer}/skus`;
  return [
    {
      method: 'GET',
      template: `${locationBase}/vmSizes`,
      apiVersions: versions,
      handler: (request) => ok({ value: sizesIn(regionOf(context, request, 'vmSizes')) }),
    },
    {
      method: 'GET',
      template: `${locationBase}/publishers`,
      apiVersions: versions,
      handler: (request) => {
        const region = regionOf(context, request, 'publishers');
        return ok(publishers().map((publisher) => entry(request, region, publisher, `Publishers/${publisher}`)));
      },
    },
    {
      method: 'GET',
      template: offers,
      apiVersions: versions,
      handler: (request) => {
        const region = regionOf(context, request, 'publishers');
        const publisher = request.parameters.publisherName!;
        return ok(offersOf(publisher).map((offer) => entry(request, region, offer, `Publishers/${publisher}/ArtifactTypes/VMImage/Offers/${offer}`)));
      },
    },
    {
      method: 'GET',
      template: skus,
      apiVersions: versions,
      handler: (request) => {
        const region = regionOf(context, request, 'publishers');
        const { publisherName, offer } = request.parameters as Record<string, string>;
        return ok(skusOf(publisherName!, offer!).map((image) => entry(request, region, image.sku, `Publishers/${image.publisher}/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/${image.sku}`)));
      },
    },
    {
      method: 'GET',
      template: `${skus}/{skus}/versions`,
      apiVersions: versions,
      handler: (request) => {
        const region = regionOf(context, request, 'publishers');
        const { publisherName, offer, skus: sku } = request.parameters as Record<string, string>;
        const image = findImageSku(publisherName!, offer!, sku!);
        const listed = image ? [...image.versions] : [];
        // $top and $orderby=name desc, as `az vm image list` asks for the newest.
        const descending = /name\s+desc/i.test(request.url.searchParams.get('$orderby') ?? '');
        const ordered = descending ? listed.reverse() : listed;
        const top = Number(request.url.searchParams.get('$top') ?? Number.NaN);
        const shown = Number.isInteger(top) && top > 0 ? ordered.slice(0, top) : ordered;
        return ok(shown.map((version) => entry(request, region, version, `Publishers/${image!.publisher}/ArtifactTypes/VMImage/Offers/${image!.offer}/Skus/${image!.sku}/Versions/${version}`)));
      },
    },
    {
      method: 'GET',
      template: `${skus}/{skus}/versions/{version}`,
      apiVersions: versions,
      handler: (request) => {
        const region = regionOf(context, request, 'publishers');
        const { publisherName, offer, skus: sku, version } = request.parameters as Record<string, string>;
        const image = findImageSku(publisherName!, offer!, sku!);
        const exact = image && resolveVersion(image, version!);
        // Azure's answer for an image that does not exist (as `az vm image show` reports it).
        if (!image || !exact) throw new ArmError(404, 'NotFound', 'Artifact: VMImage was not found.');
        return ok({
          ...entry(request, region, exact, `Publishers/${image.publisher}/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/${image.sku}/Versions/${exact}`),
          properties: {
            hyperVGeneration: image.hyperVGeneration,
            architecture: 'x64',
            osDiskImage: { operatingSystem: image.osType },
            dataDiskImages: [],
            automaticOSUpgradeProperties: { automaticOSUpgradeSupported: false },
            imageDeprecationStatus: { imageState: 'Active' },
            features: [
              { name: 'SecurityType', value: image.hyperVGeneration === 'V2' ? 'TrustedLaunchSupported' : 'Standard' },
              { name: 'IsAcceleratedNetworkSupported', value: 'True' },
            ],
          },
        });
      },
    },
  ];
}

function entry(request: ArmRequest, region: string, name: string, path: string): Json {
  return { name, location: region, id: `/Subscriptions/${request.parameters.subscriptionId}/Providers/Microsoft.Compute/Locations/${region}/${path}` };
}

/** The request's region, or ARM's refusal of a region the provider does not offer. */
function regionOf(context: EmulatorContext, request: ArmRequest, resourceType: string): string {
  findSubscription(context, request.parameters.subscriptionId!);
  const region = normalizeRegion(request.parameters.location!);
  if (!region) {
    throw badRequest(
      'LocationNotAvailableForResourceType',
      `The provided location '${request.parameters.location}' is not available for resource type 'Microsoft.Compute/locations/${resourceType}'. List of available regions for the resource type is '${regions.map((known) => known.name).join(',')}'.`,
    );
  }
  return region;
}
