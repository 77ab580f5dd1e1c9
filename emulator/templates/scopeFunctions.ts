/**
 * Functions that read the deployment's own context: parameters(), variables(), deployment(),
 * resourceGroup(), subscription(), tenant(), environment() and copyIndex(). Their objects carry
 * the properties Azure's docs show for each ("Deployment functions", "Scope functions").
 */
import { expectInteger, expectString, type FunctionCall, type FunctionTable } from './functionRegistry';
import { copyHelp, ExpressionError, notExpectedHere, seeHelp } from './templateErrors';
import { isInteger } from './templateValues';
import type { LoopFrame } from './evaluationContext';

function parameter(args: unknown[], call: FunctionCall): unknown {
  const name = expectString(call, args, 0);
  const { functionArguments } = call.context;
  if (functionArguments) {
    if (!functionArguments.has(name.toLowerCase())) {
      throw new ExpressionError(seeHelp(`The user-defined function parameter '${name}' is not found.`, 'https://aka.ms/arm-user-defined-functions'));
    }
    return functionArguments.get(name.toLowerCase());
  }
  return call.context.env.parameter(name);
}

function copyIndex(args: unknown[], call: FunctionCall): number {
  let loopName: string | undefined;
  let offset = 0;
  if (args.length === 2) {
    loopName = expectString(call, args, 0);
    offset = expectInteger(call, args, 1);
  } else if (args.length === 1) {
    if (isInteger(args[0])) offset = args[0];
    else loopName = expectString(call, args, 0);
  }
  const loops = call.context.loops;
  let frame: LoopFrame | undefined;
  if (loopName !== undefined) {
    const wanted = loopName.toLowerCase();
    frame = [...loops].reverse().find((loop) => loop.name.toLowerCase() === wanted);
    if (!frame && loops.length > 0) {
      throw new ExpressionError(seeHelp(`The template function 'copyIndex' has an invalid argument: the copy loop '${loopName}' was not found.`, copyHelp));
    }
  } else {
    // Without a name: the resource's (or output's) loop; property loops must be named, as in Azure.
    frame = [...loops].reverse().find((loop) => loop.kind === 'resource' || loop.kind === 'output') ?? loops[loops.length - 1];
  }
  if (!frame) throw notExpectedHere(call.name, `The function can only be used in a resource with copy specified. Please see ${copyHelp} for usage details.`);
  return frame.index + offset;
}

const azureCloud = {
  name: 'AzureCloud',
  gallery: 'https://gallery.azure.com/',
  graph: 'https://graph.windows.net/',
  portal: 'https://portal.azure.com',
  graphAudience: 'https://graph.windows.net/',
  activeDirectoryDataLake: 'https://datalake.azure.net/',
  batch: 'https://batch.core.windows.net/',
  media: 'https://rest.media.azure.net',
  sqlManagement: 'https://management.core.windows.net:8443/',
  vmImageAliasDoc: 'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json',
  resourceManager: 'https://management.azure.com/',
  authentication: {
    loginEndpoint: 'https://login.microsoftonline.com/',
    audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
    tenant: 'common',
    identityProvider: 'AAD',
  },
  suffixes: {
    acrLoginServer: '.azurecr.io',
    azureDatalakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
    azureDatalakeStoreFileSystem: 'azuredatalakestore.net',
    azureFrontDoorEndpointSuffix: 'azurefd.net',
    keyvaultDns: '.vault.azure.net',
    sqlServerHostname: '.database.windows.net',
    storage: 'core.windows.net',
  },
};

export const scopeFunctions: FunctionTable = {
  parameters: { minArgs: 1, maxArgs: 1, evaluate: parameter },
  variables: {
    minArgs: 1,
    maxArgs: 1,
    places: ['variable', 'resourceHeader', 'resourceBody', 'output'],
    evaluate: (args, call) => call.context.env.variable(expectString(call, args, 0)),
  },
  copyIndex: { minArgs: 0, maxArgs: 2, evaluate: copyIndex },
  deployment: {
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, call) => {
      const { env } = call.context;
      return {
        name: env.scope.deploymentName,
        properties: {
          template: env.deployment.template,
          parameters: env.deployment.suppliedParameters,
          mode: 'Incremental',
          provisioningState: 'Accepted',
        },
      };
    },
  },
  resourceGroup: {
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, call) => {
      const group = call.context.env.scope.resourceGroup;
      return {
        id: group.id,
        name: group.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: group.location,
        tags: group.tags ?? {},
        properties: { provisioningState: 'Succeeded' },
      };
    },
  },
  subscription: {
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, call) => {
      const { scope } = call.context.env;
      return {
        id: `/subscriptions/${scope.subscriptionId}`,
        subscriptionId: scope.subscriptionId,
        tenantId: scope.tenantId,
        displayName: scope.subscriptionDisplayName,
      };
    },
  },
  tenant: {
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, call) => {
      const { tenantId } = call.context.env.scope;
      return { id: `/tenants/${tenantId}`, tenantId, countryCode: 'US', displayName: 'Default Directory' };
    },
  },
  environment: { minArgs: 0, maxArgs: 0, evaluate: () => structuredClone(azureCloud) },
};
