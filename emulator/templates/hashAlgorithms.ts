/**
 * The two hashes behind uniqueString() and guid(), computed as Azure computes them, so names a
 * template derives in the emulator are the names it would get in Azure.
 *
 * Where the facts come from (Azure publishes neither algorithm in its docs):
 * - uniqueString: the arguments joined with '-', UTF-8 encoded, hashed with the 64-bit MurmurHash
 *   variant of Microsoft.WindowsAzure.ResourceStack (two 32-bit lanes, MurmurHash3 x86 constants),
 *   then written as 13 characters of the alphabet a–z, 2–7, five bits at a time from the top.
 *   Described by the gist "Calculating the Bicep uniqueString hash locally" (maskati) and the
 *   go-azure-uniquestring project (JasonWhall), both read from Azure.Deployments.Expression.
 *   Checked against outputs Azure returned that others published: uniqueString('hello','world') =
 *   'a7wkljktk6wne' (hash 571013382255652050), 'tyeth' = 'zcztcwvu6iyg6' (Stack Overflow 43295720),
 *   'aaa' = 'zavj67f3en4hc', 'bbb' = 'w5eragfxe33cy', 'zzz' = 'cryksdzzzawae',
 *   ('xxx','yyy','zzz') = 'lghi7k5js7itq' (Kingsland.ArmLinter's notes from real deployments).
 * - guid: an RFC 4122 version-5 (SHA-1, name-based) UUID over the arguments joined with '-', in the
 *   namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830 — the namespace Terraform and PowerShell users
 *   reproduce to get the same role-assignment names Bicep's guid() gives.
 */
import { createHash } from 'node:crypto';

const mask32 = 0xffffffff;

function rotateLeft32(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

function multiply32(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}

function finalMix32(h: number): number {
  h ^= h >>> 16;
  h = multiply32(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = multiply32(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function littleEndian32(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = count - 1; i >= 0; i--) value = (value * 256 + bytes[start + i]) >>> 0;
  return value;
}

/** Microsoft's MurmurHash64 (ResourceStack ComputeHash) of `bytes`, seed 0. */
export function murmurHash64(bytes: Uint8Array): bigint {
  const c1 = 0x239b961b;
  const c2 = 0xab0e9789;
  const length = bytes.length;
  let h1 = 0;
  let h2 = 0;
  let index = 0;
  for (; index + 7 < length; index += 8) {
    let k1 = littleEndian32(bytes, index, 4);
    let k2 = littleEndian32(bytes, index + 4, 4);
    k1 = multiply32(rotateLeft32(multiply32(k1, c1), 15), c2);
    h1 = (h1 ^ k1) >>> 0;
    h1 = (multiply32((rotateLeft32(h1, 19) + h2) >>> 0, 5) + 0x561ccd1b) >>> 0;
    k2 = multiply32(rotateLeft32(multiply32(k2, c2), 17), c1);
    h2 = (h2 ^ k2) >>> 0;
    h2 = (multiply32((rotateLeft32(h2, 13) + h1) >>> 0, 5) + 0x0bcaa747) >>> 0;
  }
  const tail = length - index;
  if (tail > 0) {
    const k1 = multiply32(rotateLeft32(multiply32(littleEndian32(bytes, index, Math.min(tail, 4)), c1), 15), c2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = multiply32(rotateLeft32(multiply32(littleEndian32(bytes, index + 4, tail - 4), c2), 17), c1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ (length & mask32)) >>> 0;
  h2 = (h2 ^ (length & mask32)) >>> 0;
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = finalMix32(h1);
  h2 = finalMix32(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return (BigInt(h2) << 32n) | BigInt(h1);
}

const base32Alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** uniqueString(...values): 13 characters, deterministic. */
export function uniqueString(values: string[]): string {
  let hash = murmurHash64(new TextEncoder().encode(values.join('-')));
  let text = '';
  for (let i = 0; i < 13; i++) {
    text += base32Alphabet[Number(hash >> 59n)];
    hash = (hash << 5n) & 0xffffffffffffffffn;
  }
  return text;
}

const guidNamespace = '11fb06fb-712d-4ddd-98c7-e71bbd588830';

/** guid(...values): a version-5 UUID in Azure's template namespace. */
export function templateGuid(values: string[]): string {
  const namespace = Buffer.from(guidNamespace.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1').update(namespace).update(Buffer.from(values.join('-'), 'utf8')).digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
