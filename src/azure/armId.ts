/** The parts of an Azure Resource Manager id that the extension needs. */
export interface ArmIdParts {
  subscriptionId: string;
  resourceGroup?: string;
  /** The last segment: the resource's own name. */
  name: string;
}

/** Splits `/subscriptions/{s}/resourceGroups/{rg}/providers/…/{name}`; ARM ids are case-insensitive. */
export function parseArmId(id: string): ArmIdParts {
  const segments = id.split('/').filter((segment) => segment.length > 0);
  const valueAfter = (key: string): string | undefined => {
    const index = segments.findIndex((segment) => segment.toLowerCase() === key.toLowerCase());
    return index >= 0 ? segments[index + 1] : undefined;
  };
  const subscriptionId = valueAfter('subscriptions');
  if (!subscriptionId) throw new Error(`Not an Azure resource id: '${id}'`);
  const resourceGroup = valueAfter('resourceGroups');
  return { subscriptionId, ...(resourceGroup ? { resourceGroup } : {}), name: decodeURIComponent(segments.at(-1)!) };
}

/** A key to compare ARM ids by: ids differ in case between services (resourceGroups vs resourcegroups). */
export function armIdKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

export function sameArmId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && armIdKey(a) === armIdKey(b);
}
