/**
 * IPv4 address prefixes (CIDR) as virtual networks and subnets use them. Pure: no state.
 * Azure keeps the first four addresses and the last one of each subnet for itself, so the first
 * address it gives a network interface is the fifth (x.x.x.4), and a subnet has at least /29.
 */
export interface AddressRange {
  /** The first address, as an unsigned 32-bit number. */
  first: number;
  /** The prefix length (0-32). */
  length: number;
}

export const smallestSubnetPrefixLength = 29;
export const reservedAddressesAtStart = 4;

/** Reads 'a.b.c.d/n'; undefined when it is not an IPv4 prefix. Host bits may be set (see aligned). */
export function parsePrefix(text: string): AddressRange | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((octet) => octet > 255) || length > 32) return undefined;
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { first: address, length };
}

function mask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** The prefix with its host bits cleared: what Azure says the prefix should have been. */
export function alignedPrefix(range: AddressRange): string {
  return `${formatAddress((range.first & mask(range.length)) >>> 0)}/${range.length}`;
}

/** Whether the address is the first of its prefix (no host bits set). */
export function isAligned(range: AddressRange): boolean {
  return ((range.first & mask(range.length)) >>> 0) === range.first;
}

export function size(range: AddressRange): number {
  return 2 ** (32 - range.length);
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: AddressRange, inner: AddressRange): boolean {
  return inner.length >= outer.length && ((inner.first & mask(outer.length)) >>> 0) === ((outer.first & mask(outer.length)) >>> 0);
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return contains(a, b) || contains(b, a);
}

export function formatAddress(address: number): string {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
}

/**
 * The private address of the `index`-th network interface in a subnet (0 gives x.x.x.4), or
 * undefined when the subnet has no room left.
 */
export function hostAddress(subnet: AddressRange, index: number): string | undefined {
  const offset = reservedAddressesAtStart + index;
  // The last address (broadcast) is reserved too.
  if (offset >= size(subnet) - 1) return undefined;
  return formatAddress(((subnet.first & mask(subnet.length)) >>> 0) + offset);
}
