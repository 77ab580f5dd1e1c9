import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ArmError } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { startOperation } from '../operations';
import { checkRestoreRequest } from './restoreRequest';
import { startRestoreJob } from './restoreJob';
import { requirePoint } from './recoveryPoints';
import { itemOperationHeaders, itemPath, requireItem, vaultKeyOf, vaultOf } from './vaultRequest';

type Json = Record<string, unknown>;
/** The trigger's operation ends once the job is created, with its id (as Azure's does: azure-powershell#13037 shows it Succeeded within a second). */
const acceptAzureMs = 2_000;

/**
 * Restores_Trigger: POST …/recoveryPoints/{point}/restore → 202 with Location (…/operationResults/{op},
 * 204 once done), Azure-AsyncOperation (…/operationsStatus/{op}, ending with the Restore job's id)
 * and Retry-After, as the other item operations answer (TriggerRestore_* examples of 2023-06-01).
 * The request is refused with the first problem the service finds (restoreRequest.ts). A retry of a
 * trigger whose answer was lost finds the restore's job running on the item and is refused
 * (BMSUserErrorObjectLocked): one click never makes two restores; the client follows the job.
 */
export function restoreRoutes(context: EmulatorContext): RouteDefinition[] {
  return [{ method: 'POST', template: `${itemPath}/recoveryPoints/{recoveryPointId}/restore`, apiVersions: apiVersions.backup, handler: (request) => triggerRestore(context, request) }];
}

function triggerRestore(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  const item = requireItem(vault, request);
  const point = requirePoint(item, request.parameters.recoveryPointId!, request.now);
  const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
  const { problems, plan } = checkRestoreRequest(context, vault, item, point, properties, request.now);
  const first = problems[0];
  if (first || !plan) throw new ArmError(first?.status ?? 400, first?.code ?? 'UserErrorInvalidRequestParameter', first?.message ?? 'The restore request is invalid.');
  const job = startRestoreJob(context, vault, item, plan, request.now);
  const operation = startOperation(context, 'restore', vaultKeyOf(vault), acceptAzureMs, request.now, { jobId: job.id, itemKey: item.name.toLowerCase() });
  return { status: 202, headers: itemOperationHeaders(context, request, vault, item, operation.id) };
}
