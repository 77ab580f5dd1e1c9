// IPv4 CIDR prefixes for a new virtual network and its subnet. Azure's rules (learn.microsoft.com,
// "Azure Virtual Network FAQ"): the address must be the network's first address for its length
// (Azure refuses 10.0.0.1/24), the smallest IPv4 subnet is /29 and the largest /2, and these
// ranges cannot be used: 224.0.0.0/4 (multicast), 255.255.255.255/32 (broadcast), 127.0.0.0/8
// (loopback), 169.254.0.0/16 (link-local), 168.63.129.16/32 (Azure's internal DNS and health probes).

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  address: number;
  prefixLength: number;
}

export const prefixLengthRange = { min: 2, max: 29 } as const;

const reservedRanges: readonly { cidr: string; what: string }[] = [
  { cidr: '224.0.0.0/4', what: 'multicast' },
  { cidr: '255.255.255.255/32', what: 'broadcast' },
  { cidr: '127.0.0.0/8', what: 'loopback' },
  { cidr: '169.254.0.0/16', what: 'link-local' },
  { cidr: '168.63.129.16/32', what: "Azure's internal DNS and health probe" },
];

/** 'a.b.c.d/n' read as written (host bits kept), or undefined when it is not IPv4 CIDR notation. */
export function parseCidr(text: string): { address: number; prefixLength: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) return undefined;
  return { address: octets.reduce((sum, octet) => sum * 256 + octet, 0), prefixLength };
}

export function formatCidr(cidr: Cidr): string {
  const a = cidr.address;
  return `${Math.floor(a / 2 ** 24) % 256}.${Math.floor(a / 2 ** 16) % 256}.${Math.floor(a / 2 ** 8) % 256}.${a % 256}/${cidr.prefixLength}`;
}

/** The first address of the block an address falls in, for a prefix length. */
export function networkAddress(address: number, prefixLength: number): number {
  const size = 2 ** (32 - prefixLength);
  return Math.floor(address / size) * size;
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefixLength >= outer.prefixLength && networkAddress(inner.address, outer.prefixLength) === outer.address;
}

/** Whether two blocks share any address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** Why an address prefix is not acceptable for a virtual network or subnet (label names the field), or undefined. */
export function cidrProblem(label: string, text: string): string | undefined {
  if (text.trim() === '') return `${label} is required, in CIDR notation such as 10.0.0.0/16.`;
  const parsed = parseCidr(text);
  if (!parsed) return `${label} '${text}' is not an IPv4 address prefix in CIDR notation, such as 10.0.0.0/16.`;
  const { min, max } = prefixLengthRange;
  if (parsed.prefixLength < min || parsed.prefixLength > max) return `${label} must have a prefix length from /${min} to /${max} (not /${parsed.prefixLength}).`;
  const network = networkAddress(parsed.address, parsed.prefixLength);
  if (network !== parsed.address) {
    return `${label} ${text} has host bits set: for a /${parsed.prefixLength} it must be ${formatCidr({ address: network, prefixLength: parsed.prefixLength })}.`;
  }
  const block = { address: network, prefixLength: parsed.prefixLength };
  const reserved = reservedRanges.find((range) => cidrOverlaps(block, parseCidr(range.cidr)!));
  if (reserved) return `${label} ${text} overlaps ${reserved.cidr}, the ${reserved.what} range Azure reserves: use a private range such as 10.0.0.0/16.`;
  return undefined;
}
