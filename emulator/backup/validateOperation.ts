import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok } from '../http/armHttp';
import { ArmError } from '../http/armError';
import { apiVersions } from '../apiVersions';
import type { OperationRecord, ProtectedItemRecord, VaultRecord } from '../state/model';
import { keyOf } from '../state/lookup';
import { findOperation, operationStatus, operationUrl, startOperation } from '../operations';
import { checkRestoreRequest } from './restoreRequest';
import { restoreProblems } from './restoreErrors';
import { requirePoint } from './recoveryPoints';
import { serviceErrors } from './serviceErrors';
import { operationStatusJson, vaultKeyOf, vaultOf, vaultPath } from './vaultRequest';

type Json = Record<string, unknown>;
type ValidationResult = NonNullable<OperationRecord['validationResults']>[number];
const validateAzureMs = 5_000;

/**
 * The backup service's validation of a restore before it is sent (bms.json 2023-06-01):
 * Operation_Validate (POST …/backupValidateOperation → 200 ValidateOperationsResponse) and the
 * asynchronous ValidateOperation_Trigger (POST …/backupTriggerValidateOperation → 202 with Location
 * …/backupValidateOperationResults/{op} and Azure-AsyncOperation …/backupValidateOperationsStatuses/{op},
 * whose status ends with OperationStatusValidateOperationExtendedInfo and whose result answers 202
 * until then, 200 after: the ValidateOperation* examples). Both run the trigger's own checks
 * (restoreRequest.ts) and list every problem found as { code, message, recommendations }; an empty
 * list means the restore would be accepted. The request is a ValidateOperationRequestResource
 * ({ id: the recovery point's ARM id, properties: ValidateIaasVMRestoreOperationRequest }); the older
 * shape without the envelope (the 2023-06-01 examples) is taken too.
 */
export function validateOperationRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    {
      method: 'POST',
      template: `${vaultPath}/backupValidateOperation`,
      apiVersions: versions,
      handler: (request) => ok({ validateOperationResponse: { validationResults: validate(context, request) } }),
    },
    {
      method: 'POST',
      template: `${vaultPath}/backupTriggerValidateOperation`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const validationResults = validate(context, request);
        const operation = startOperation(context, 'validateRestore', vaultKeyOf(vault), validateAzureMs, request.now);
        operation.validationResults = validationResults;
        return { status: 202, headers: validateHeaders(context, request, vault, operation.id) };
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupValidateOperationsStatuses/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['validateRestore'], vaultKeyOf(vault));
        const running = operationStatus(operation, request.now) === 'InProgress';
        return ok(
          {
            ...operationStatusJson(operation, request.now),
            ...(running ? {} : { properties: { objectType: 'OperationStatusValidateOperationExtendedInfo', validateOperationResponse: { validationResults: operation.validationResults ?? [] } } }),
          },
          running ? context.retryAfterHeader() : {},
        );
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupValidateOperationResults/{operationId}`,
      apiVersions: versions,
      handler: (request): ArmResponse => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['validateRestore'], vaultKeyOf(vault));
        if (operationStatus(operation, request.now) === 'InProgress') return { status: 202, headers: validateHeaders(context, request, vault, operation.id) };
        return ok({ validateOperationResponse: { validationResults: operation.validationResults ?? [] } });
      },
    },
  ];
}

function validateHeaders(context: EmulatorContext, request: ArmRequest, vault: VaultRecord, operationId: string): Record<string, string> {
  return {
    Location: operationUrl(request.origin, `${vault.resource.id}/backupValidateOperationResults/${operationId}`, request.apiVersion),
    'Azure-AsyncOperation': operationUrl(request.origin, `${vault.resource.id}/backupValidateOperationsStatuses/${operationId}`, request.apiVersion),
    ...context.retryAfterHeader(),
  };
}

/** The problems the trigger would find; a missing item or point is the request's own 404, as for the trigger. */
function validate(context: EmulatorContext, request: ArmRequest): ValidationResult[] {
  const vault = vaultOf(context, request);
  const body = (request.body ?? {}) as Json;
  const validation = (body.properties ?? body) as Json;
  if (validation.objectType !== 'ValidateIaasVMRestoreOperationRequest' && validation.objectType !== 'ValidateRestoreOperationRequest') {
    const problem = restoreProblems.invalidParameter('objectType', 'Use ValidateIaasVMRestoreOperationRequest to validate a virtual machine restore.');
    throw new ArmError(problem.status, problem.code, problem.message);
  }
  const restoreRequest = (validation.restoreRequest ?? {}) as Json;
  const named = /\/protectionContainers\/([^/]+)\/protectedItems\/([^/]+)\/recoveryPoints\/([^/]+)$/i.exec(decodeURIComponent(String(body.id ?? '')));
  const item = named ? itemNamed(vault, named[1]!, named[2]!) : itemOfVm(vault, restoreRequest.sourceResourceId);
  if (!item) throw serviceErrors.itemNotFound();
  const point = requirePoint(item, named ? named[3]! : String(restoreRequest.recoveryPointId ?? ''), request.now);
  return checkRestoreRequest(context, vault, item, point, restoreRequest, request.now).problems.map(({ code, message, recommendations }) => ({ code, message, recommendations }));
}

function itemNamed(vault: VaultRecord, containerName: string, itemName: string): ProtectedItemRecord | undefined {
  const item = vault.protectedItems[itemName.toLowerCase()];
  return item && item.containerName.toLowerCase() === containerName.toLowerCase() ? item : undefined;
}

function itemOfVm(vault: VaultRecord, sourceResourceId: unknown): ProtectedItemRecord | undefined {
  if (typeof sourceResourceId !== 'string') return undefined;
  return Object.values(vault.protectedItems).find((item) => keyOf(item.virtualMachineId) === keyOf(sourceResourceId));
}
