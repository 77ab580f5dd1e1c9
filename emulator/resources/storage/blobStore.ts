import type { EmulatorContext } from '../../context';
import type { BlobRecord, ResourceRecord } from '../../state/model';
import { keyOf } from '../../state/lookup';

/**
 * A small block-blob store for the storage accounts the emulator holds: the restore's configuration
 * and template, which a deployment's templateLink then reads. Blobs are addressed as Azure does,
 * https://<account>.blob.core.windows.net/<container>/<blob>; account and container names are lower
 * case (Azure's rules), blob names keep their case.
 */
export function blobUrl(account: string, container: string, blob: string): string {
  return `https://${account}.blob.core.windows.net/${container}/${blob.split('/').map(encodeURIComponent).join('/')}`;
}

export interface BlobAddress {
  account: string;
  container: string;
  blob: string;
  /** The query string (a SAS), without '?'. */
  query: string;
}

/** Reads a blob URL of the public cloud; undefined for any other link. */
export function parseBlobUrl(uri: string): BlobAddress | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const host = /^([a-z0-9]{3,24})\.blob\.core\.windows\.net$/.exec(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' || !host) return undefined;
  const [container, ...rest] = url.pathname.split('/').filter((segment) => segment.length > 0);
  if (!container || rest.length === 0) return undefined;
  return { account: host[1]!, container: container.toLowerCase(), blob: rest.map(decodeURIComponent).join('/'), query: url.search.replace(/^\?/, '') };
}

const blobKey = (account: string, container: string, blob: string) => `${account.toLowerCase()}/${container.toLowerCase()}/${blob}`;

export function putBlob(context: EmulatorContext, blob: Omit<BlobRecord, 'account' | 'container'> & { account: string; container: string }): BlobRecord {
  const record: BlobRecord = { ...blob, account: blob.account.toLowerCase(), container: blob.container.toLowerCase() };
  context.state.blobs[blobKey(record.account, record.container, record.name)] = record;
  context.changed();
  return record;
}

export function getBlob(context: EmulatorContext, account: string, container: string, blob: string): BlobRecord | undefined {
  return context.state.blobs[blobKey(account, container, blob)];
}

/** The storage account of that name, anywhere in the emulator (names are global). */
export function storageAccountNamed(context: EmulatorContext, name: string): ResourceRecord | undefined {
  return Object.values(context.state.storageAccounts).find((record) => keyOf(record.resource.name) === keyOf(name));
}
