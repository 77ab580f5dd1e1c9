import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ok } from '../http/armHttp';
import { ArmError, badRequest } from '../http/armError';
import { apiVersions } from '../apiVersions';
import type { ProtectionIntentRecord, VaultRecord } from '../state/model';
import { serviceErrors } from './serviceErrors';
import { protect } from './protectedItems';
import { isSoftDeleted, itemId } from './protectedItemState';
import { runningJobsOf } from './jobEngine';
import { vaultOf, vaultPath } from './vaultRequest';

type Json = Record<string, unknown>;
const intentPath = `${vaultPath}/backupFabrics/{fabricName}/backupProtectionIntent/{intentObjectName}`;

/**
 * backupProtectionIntent, as the portal's own create-VM template protects the new VM (resource
 * `vaults/backupFabrics/backupProtectionIntent` named `{vault}/Azure/vm;iaasvmcontainerv2;{rg};{vm}`,
 * protectionIntentItemType AzureResourceItem, policyId, sourceResourceId). ProtectionIntent_CreateOrUpdate,
 * _Get and _Delete (bms.json 2023-06-01) answer 200, 200 and 204 and document no error answer.
 *
 * An intent for an IaaS VM protects it with the same checks and the same ConfigureBackup job as a
 * protected-item PUT. But the intent's PUT does not report why a VM could not be protected: Azure
 * "picks the intent up to create the backup item, so the API could not return the error" (a
 * Microsoft maintainer in Azure/terraform-provider-azapi#398). So a refused intent is still kept,
 * answered 200, and reads protectionState ProtectionFailed. Only a request that is no AzureResourceItem
 * intent at all, or names another fabric, is refused outright (400).
 */
export function protectionIntentRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    { method: 'PUT', template: intentPath, apiVersions: versions, handler: (request) => putIntent(context, request) },
    {
      method: 'GET',
      template: intentPath,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const intent = azureFabric(request) ? vault.protectionIntents?.[request.parameters.intentObjectName!.toLowerCase()] : undefined;
        // The spec documents no answer for an intent never put; the service's not-found for backup objects is a guess.
        if (!intent) throw serviceErrors.itemNotFound();
        return ok(intentJson(vault, intent));
      },
    },
    {
      method: 'DELETE',
      template: intentPath,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const key = request.parameters.intentObjectName!.toLowerCase();
        if (vault.protectionIntents?.[key]) {
          // Only the intent goes: the item it made stays protected (stopping is the item's own PUT or DELETE).
          delete vault.protectionIntents[key];
          context.changed();
        }
        return { status: 204 };
      },
    },
  ];
}

function azureFabric(request: ArmRequest): boolean {
  return request.parameters.fabricName!.toLowerCase() === 'azure';
}

function putIntent(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const vault = vaultOf(context, request);
  if (!azureFabric(request)) throw badRequest('BMSUserErrorInvalidInput', `Fabric '${request.parameters.fabricName}' is not valid; use Azure.`);
  const properties = (((request.body ?? {}) as Json).properties ?? {}) as Json;
  if (properties.protectionIntentItemType !== 'AzureResourceItem') throw serviceErrors.invalidParameter('protectionIntentItemType');
  const name = request.parameters.intentObjectName!;
  let failure: ProtectionIntentRecord['failure'];
  try {
    protect(context, vault, { sourceResourceId: properties.sourceResourceId, itemName: name, now: request.now }, properties);
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    failure = { code: error.code, message: error.message };
  }
  const intents = (vault.protectionIntents ??= {});
  const intent: ProtectionIntentRecord = {
    name: intents[name.toLowerCase()]?.name ?? name,
    sourceResourceId: typeof properties.sourceResourceId === 'string' ? properties.sourceResourceId : '',
    policyId: typeof properties.policyId === 'string' ? properties.policyId : '',
    ...(typeof properties.friendlyName === 'string' ? { friendlyName: properties.friendlyName } : {}),
    ...(failure ? { failure } : {}),
  };
  intents[name.toLowerCase()] = intent;
  context.changed();
  return ok(intentJson(vault, intent));
}

/** The intent as the service shows it (AzureResourceProtectionIntent); its state is its item's. */
function intentJson(vault: VaultRecord, intent: ProtectionIntentRecord): Record<string, unknown> {
  const item = vault.protectedItems[intent.name.toLowerCase()];
  const live = item && !isSoftDeleted(item) ? item : undefined;
  let protectionState: string;
  if (!live) protectionState = intent.failure ? 'ProtectionFailed' : 'NotProtected';
  else if (live.protectionState === 'ProtectionStopped') protectionState = 'NotProtected';
  else if (runningJobsOf(vault, live.name).some((job) => job.operation === 'ConfigureBackup')) protectionState = 'Protecting';
  else protectionState = live.protectionState === 'ProtectionError' ? 'ProtectionFailed' : 'Protected';
  return {
    id: `${vault.resource.id}/backupFabrics/Azure/backupProtectionIntent/${intent.name}`,
    name: intent.name,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/backupProtectionIntent',
    properties: {
      protectionIntentItemType: 'AzureResourceItem',
      backupManagementType: 'AzureIaasVM',
      sourceResourceId: intent.sourceResourceId,
      ...(live ? { itemId: itemId(vault, live) } : {}),
      policyId: intent.policyId,
      protectionState,
      ...(intent.friendlyName ? { friendlyName: intent.friendlyName } : {}),
    },
  };
}
