// An SSH public key as pasted or read from a .pub file, checked the way Azure will: Linux VMs take
// OpenSSH one-line keys of type ssh-rsa (at least 2048 bits) or ssh-ed25519 (learn.microsoft.com,
// "Detailed steps: Create and manage SSH keys for authentication to a Linux VM in Azure",
// "Supported SSH key formats"; ECDSA and others are not supported). The base64 blob is parsed
// (RFC 4253 wire format: length-prefixed strings and mpints) so a private key, a truncated paste
// or garbage gets a message that says what it is and what to paste instead. Browser-safe: atob only.

export type SshKeyType = 'ssh-rsa' | 'ssh-ed25519';

export interface SshPublicKeyInfo {
  type: SshKeyType;
  /** RSA: the modulus length; ed25519: 256. */
  bits: number;
  comment: string;
}

export const minimumRsaBits = 2048;

const pasteHint = 'paste the one-line public key (the .pub file), starting with ssh-rsa or ssh-ed25519';
const unsupportedTypes: Record<string, string> = {
  'ssh-dss': 'DSA',
  'ecdsa-sha2-nistp256': 'ECDSA',
  'ecdsa-sha2-nistp384': 'ECDSA',
  'ecdsa-sha2-nistp521': 'ECDSA',
  'sk-ecdsa-sha2-nistp256@openssh.com': 'security-key ECDSA',
  'sk-ssh-ed25519@openssh.com': 'security-key ed25519',
};

/** The key's type, size and comment, or a message saying what is wrong and what to paste instead. */
export function parseSshPublicKey(text: string): SshPublicKeyInfo | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: `SSH public key is required: ${pasteHint}.` };
  if (/PRIVATE KEY-----|^PuTTY-User-Key-File/m.test(trimmed)) {
    return { problem: `SSH public key: this is a PRIVATE key, which must never leave your computer. Instead ${pasteHint}.` };
  }
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/.test(trimmed)) {
    return { problem: 'SSH public key is in the SSH2 (RFC 4716) format: convert it with `ssh-keygen -i -f key.pub` and paste the one-line OpenSSH key.' };
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length > 1) return { problem: 'SSH public key: paste exactly one key (one line); this text has several lines.' };
  const [type, blob, ...comment] = trimmed.split(/\s+/);
  if (unsupportedTypes[type] !== undefined) {
    return { problem: `SSH public key of type ${type} (${unsupportedTypes[type]}) is not supported by Azure: use an RSA key of at least ${minimumRsaBits} bits or an ed25519 key.` };
  }
  if (type !== 'ssh-rsa' && type !== 'ssh-ed25519') return { problem: `SSH public key must start with ssh-rsa or ssh-ed25519 (it starts with '${type.slice(0, 20)}'): ${pasteHint}.` };
  if (blob === undefined) return { problem: `SSH public key has no key data after '${type}': the paste is incomplete.` };
  const bytes = base64Bytes(blob);
  if (!bytes) return { problem: 'SSH public key data is not valid base64: the paste is damaged or incomplete; copy the whole line again.' };
  const info = keyInfo(bytes, type);
  return typeof info === 'string' ? { problem: info } : { ...info, comment: comment.join(' ') };
}

/** Why a pasted SSH public key is not acceptable, or undefined. */
export function sshPublicKeyProblem(text: string): string | undefined {
  const parsed = parseSshPublicKey(text);
  return 'problem' in parsed ? parsed.problem : undefined;
}

function keyInfo(bytes: Uint8Array, type: SshKeyType): Omit<SshPublicKeyInfo, 'comment'> | string {
  const reader = new WireReader(bytes);
  const inner = reader.string();
  const damaged = 'SSH public key data is damaged or incomplete: copy the whole line again.';
  if (!inner) return damaged;
  const innerType = new TextDecoder().decode(inner);
  if (innerType !== type) return `SSH public key says '${type}' but its data holds a '${innerType.slice(0, 40)}' key: copy the line unchanged.`;
  if (type === 'ssh-ed25519') {
    const key = reader.string();
    if (!key || key.length !== 32 || !reader.atEnd()) return damaged;
    return { type, bits: 256 };
  }
  const exponent = reader.string();
  const modulus = reader.string();
  if (!exponent || !modulus || !reader.atEnd()) return damaged;
  const bits = bitLength(modulus);
  if (bits < minimumRsaBits) return `SSH public key is an RSA key of ${bits} bits: Azure needs at least ${minimumRsaBits} bits (make one with ssh-keygen -t rsa -b 4096, or use ed25519).`;
  return { type, bits };
}

/** Bit length of a big-endian unsigned number (an mpint's leading zero byte ignored). */
function bitLength(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start]));
}

function base64Bytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** RFC 4253 section 5: uint32 length, then that many bytes. */
class WireReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  string(): Uint8Array | undefined {
    if (this.offset + 4 > this.bytes.length) return undefined;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 4);
    const length = view.getUint32(0);
    this.offset += 4;
    if (this.offset + length > this.bytes.length) return undefined;
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
