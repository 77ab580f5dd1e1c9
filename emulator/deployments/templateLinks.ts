import type { EmulatorContext } from '../context';
import { badRequest, type ArmError } from '../http/armError';
import { getBlob, parseBlobUrl } from '../resources/storage/blobStore';
import { blobSasProblem } from '../resources/storage/serviceSas';
import { newCorrelationId } from './deploymentState';

type Json = Record<string, unknown>;

/** What a deployment request's links lead to: the template and parameters ARM downloaded. */
export interface LinkedContent {
  template?: Json;
  parameters?: Json;
  /** As ARM shows them back on the deployment: the uri without its query (the SAS is not echoed). */
  templateLink?: { uri: string; contentVersion?: string };
  parametersLink?: { uri: string; contentVersion?: string };
}

/**
 * A deployment's templateLink and parametersLink (deployments 2025-03-01 TemplateLink: uri with an
 * optional queryString, or the id of a template spec; ParametersLink: uri). ARM downloads what the
 * link names; here only a blob the emulator holds can be downloaded
 * (https://<account>.blob.core.windows.net/<container>/<blob>), with a service SAS that is for that
 * blob or its container, allows reading, and has not expired ("Deploy private ARM template with SAS
 * token", learn.microsoft.com/azure/azure-resource-manager/templates/secure-template-with-sas-token).
 * Anything else is refused as ARM refuses a link it cannot download (InvalidContentLink).
 */
export function linkedContent(context: EmulatorContext, properties: Json, now: number): LinkedContent {
  const content: LinkedContent = {};
  const templateLink = properties.templateLink as Json | undefined;
  if (templateLink !== undefined) {
    if (properties.template !== undefined) throw invalidContent("'template' and 'templateLink' cannot both be given: send the template inline or link it.");
    if (typeof templateLink.uri !== 'string') throw invalidLink(String(templateLink.id ?? ''), 'template specs (templateLink.id) and relative paths are not served here');
    const queryString = typeof templateLink.queryString === 'string' ? templateLink.queryString.replace(/^\?/, '') : '';
    const uri = queryString ? `${templateLink.uri}${templateLink.uri.includes('?') ? '&' : '?'}${queryString}` : templateLink.uri;
    content.template = download(context, uri, now);
    content.templateLink = { uri: withoutQuery(templateLink.uri), ...(typeof templateLink.contentVersion === 'string' ? { contentVersion: templateLink.contentVersion } : {}) };
  }
  const parametersLink = properties.parametersLink as Json | undefined;
  if (parametersLink !== undefined) {
    if (properties.parameters !== undefined) throw invalidContent("'parameters' and 'parametersLink' cannot both be given.");
    const file = download(context, String(parametersLink.uri ?? ''), now);
    content.parameters = (file.parameters ?? {}) as Json;
    content.parametersLink = { uri: withoutQuery(String(parametersLink.uri ?? '')), ...(typeof parametersLink.contentVersion === 'string' ? { contentVersion: parametersLink.contentVersion } : {}) };
  }
  return content;
}

function download(context: EmulatorContext, uri: string, now: number): Json {
  const address = parseBlobUrl(uri);
  if (!address) throw invalidLink(uri, 'only blobs of the storage accounts this emulator holds can be downloaded');
  const problem = blobSasProblem(context, address, now);
  if (problem) throw invalidLink(uri, problem);
  const blob = getBlob(context, address.account, address.container, address.blob);
  if (!blob) throw invalidLink(uri, 'the blob does not exist');
  try {
    const json = JSON.parse(blob.content) as unknown;
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Json;
  } catch {
    // answered below
  }
  throw invalidLink(uri, 'the blob is not a JSON object');
}

function withoutQuery(uri: string): string {
  const at = uri.indexOf('?');
  return at < 0 ? uri : uri.slice(0, at);
}

/** ARM's words for a link it could not download; the SAS is never echoed. */
function invalidLink(uri: string, why: string): ArmError {
  return badRequest('InvalidContentLink', `Unable to download deployment content from '${withoutQuery(uri)}' (${why}). The tracking Id is '${newCorrelationId()}'. Please see https://aka.ms/arm-deploy for usage details.`);
}

function invalidContent(detail: string): ArmError {
  return badRequest('InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
}
