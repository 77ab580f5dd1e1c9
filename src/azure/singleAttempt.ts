import type { ServiceClient } from '@azure/core-client';
import { createDefaultHttpClient, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';

let sharedHttpClient: HttpClient | undefined;

/**
 * The client's own pipeline (credential, TLS trust, user agent, the policies tests add) without
 * its retry policy, for a request that must reach the service at most once per call: a PUT whose
 * answer was lost may have started work, and re-sending it blindly could start that work again.
 * The caller decides what to do after a failure (look, then maybe send again).
 */
export function withoutPipelineRetries(client: ServiceClient): Pick<ServiceClient, 'sendRequest'> {
  const pipeline = client.pipeline.clone();
  pipeline.removePolicy({ phase: 'Retry' });
  // The pipeline is what carries the TLS settings (tlsPolicy): any HTTP client sends them. The
  // client's own one (private: a test's stand-in, or the SDK's pooled one) is used when it has one.
  const httpClient = (client as unknown as { _httpClient?: HttpClient })._httpClient ?? (sharedHttpClient ??= createDefaultHttpClient());
  return { sendRequest: (request: PipelineRequest): Promise<PipelineResponse> => pipeline.sendRequest(httpClient, request) };
}
