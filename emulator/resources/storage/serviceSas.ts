import { createHash, createHmac } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import { ok } from '../../http/armHttp';
import { badRequest, resourceNotFound } from '../../http/armError';
import { apiVersions } from '../../apiVersions';
import { findResourceGroup, keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { storageAccountId } from './storageAccountResource';
import { storageAccountNamed, type BlobAddress } from './blobStore';

type Json = Record<string, unknown>;

/** The service version the tokens name (sv), one that signs with the string below. */
const signedVersion = '2022-11-02';

/**
 * StorageAccounts_ListServiceSAS (POST …/storageAccounts/{account}/ListServiceSas, storage
 * 2025-06-01): a service SAS for a blob or a container of the account, as the portal asks for one to
 * deploy a restore's template from its staging account. The token is signed as Azure signs a blob
 * service SAS ("Create a service SAS", learn.microsoft.com/rest/api/storageservices/create-service-sas:
 * HMAC-SHA256 over the permissions, start, expiry, canonicalized resource, identifier, IP, protocol,
 * version, resource, snapshot time, encryption scope and the five response headers), with a key the
 * emulator derives from the account (it keeps no account keys): honest enough that a deployment's
 * templateLink can check its signature, resource, permission and times. Only the blob service's
 * resources (signedResource b or c) are signed here.
 */
export function serviceSasRoutes(context: EmulatorContext): RouteDefinition[] {
  return [
    {
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}/listServiceSas',
      apiVersions: apiVersions.storage,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const account = context.state.storageAccounts[keyOf(storageAccountId(group.subscriptionId, group.name, request.parameters.accountName!))];
        if (!account) throw resourceNotFound('Microsoft.Storage/storageAccounts', request.parameters.accountName!, group.name);
        return ok({ serviceSasToken: serviceSasToken(account, (request.body ?? {}) as Json) });
      },
    },
  ];
}

function serviceSasToken(account: ResourceRecord, parameters: Json): string {
  const invalid: string[] = [];
  const resource = String(parameters.canonicalizedResource ?? '');
  const signedResource = String(parameters.signedResource ?? '');
  const prefix = `/blob/${account.resource.name}/`;
  const path = resource.startsWith(prefix) ? resource.slice(prefix.length).split('/').filter(Boolean) : [];
  if (path.length === 0 || (signedResource === 'c' && path.length !== 1) || (signedResource === 'b' && path.length < 2)) invalid.push('canonicalizedResource');
  if (signedResource !== 'b' && signedResource !== 'c') invalid.push('signedResource');
  const permissions = String(parameters.signedPermission ?? '');
  if (!/^[rdwlacup]+$/.test(permissions)) invalid.push('signedPermission');
  const expiry = timeOf(parameters.signedExpiry);
  if (expiry === undefined) invalid.push('signedExpiry');
  const start = parameters.signedStart === undefined ? undefined : timeOf(parameters.signedStart);
  if (parameters.signedStart !== undefined && start === undefined) invalid.push('signedStart');
  const protocol = parameters.signedProtocol === undefined ? '' : String(parameters.signedProtocol);
  if (protocol !== '' && protocol !== 'https' && protocol !== 'https,http') invalid.push('signedProtocol');
  const keyName = String(parameters.keyToSign ?? 'key1');
  if (keyName !== 'key1' && keyName !== 'key2') invalid.push('keyToSign');
  // The storage provider's answer for values it cannot take (storageAccountRules.ts gives its source).
  if (invalid.length > 0) throw badRequest('InvalidValuesForRequestParameters', `Values for request parameters are invalid: ${invalid.join(', ')}.`);
  const fields: SasFields = { sv: signedVersion, sr: signedResource, sp: permissions, se: expiry!, ...(start ? { st: start } : {}), ...(protocol ? { spr: protocol } : {}) };
  const query = new URLSearchParams({ sv: fields.sv, sr: fields.sr, ...(fields.st ? { st: fields.st } : {}), se: fields.se, sp: fields.sp, ...(fields.spr ? { spr: fields.spr } : {}) });
  query.set('sig', signature(account, keyName, `/blob/${account.resource.name}/${path.join('/')}`, fields));
  return query.toString();
}

interface SasFields {
  sv: string;
  sr: string;
  sp: string;
  se: string;
  st?: string;
  spr?: string;
}

/** Why a blob URL's SAS does not let ARM read the blob at `now`, or undefined when it does. */
export function blobSasProblem(context: EmulatorContext, address: BlobAddress, now: number): string | undefined {
  const account = storageAccountNamed(context, address.account);
  if (!account) return 'the storage account does not exist';
  const query = new URLSearchParams(address.query);
  const fields: SasFields = { sv: query.get('sv') ?? '', sr: query.get('sr') ?? '', sp: query.get('sp') ?? '', se: query.get('se') ?? '', ...(query.get('st') ? { st: query.get('st')! } : {}), ...(query.get('spr') ? { spr: query.get('spr')! } : {}) };
  const sig = query.get('sig');
  if (!sig) return 'the link has no shared access signature, and the container is not public';
  const resource = fields.sr === 'b' ? `/blob/${account.resource.name}/${address.container}/${address.blob}` : fields.sr === 'c' ? `/blob/${account.resource.name}/${address.container}` : undefined;
  if (!resource) return `the signature is for resource '${fields.sr}', not for a blob or its container`;
  if (!['key1', 'key2'].some((keyName) => signature(account, keyName, resource, fields) === sig)) return 'the signature does not match this blob';
  if (!fields.sp.includes('r')) return 'the signature does not allow reading';
  if (Date.parse(fields.se) <= now) return `the signature expired at ${fields.se}`;
  if (fields.st && Date.parse(fields.st) > now) return `the signature is valid from ${fields.st} only`;
  return undefined;
}

function signature(account: ResourceRecord, keyName: string, canonicalizedResource: string, fields: SasFields): string {
  const stringToSign = [fields.sp, fields.st ?? '', fields.se, canonicalizedResource, '', '', fields.spr ?? '', fields.sv, fields.sr, '', '', '', '', '', '', ''].join('\n');
  return createHmac('sha256', accountKey(account, keyName)).update(stringToSign, 'utf8').digest('base64');
}

/** The account's key: worked out from the account, so it survives restarts without being stored. */
function accountKey(account: ResourceRecord, keyName: string): Buffer {
  return createHash('sha256').update(`${keyOf(account.resource.id)}|${String(account.resource.properties.creationTime ?? '')}|${keyName}`).digest();
}

/** An ISO time as SAS tokens write it: whole seconds, UTC. */
function timeOf(value: unknown): string | undefined {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
