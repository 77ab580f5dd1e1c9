/**
 * The Azure cloud the user chose through VS Code's Microsoft authentication settings
 * (`microsoft-sovereign-cloud.environment` and `.customEnvironment`). Plain Node: the caller
 * passes the setting values in.
 */
export interface CloudEnvironment {
  name: string;
  /** Azure Resource Manager, e.g. https://management.azure.com */
  resourceManagerEndpoint: string;
  /** The token scope VS Code's provider is asked for (the management resource's .default). */
  scope: string;
  /** `microsoft` for the public cloud, `microsoft-sovereign-cloud` for the others. */
  authProviderId: 'microsoft' | 'microsoft-sovereign-cloud';
  /** The portal, for links that open a resource there. */
  portalUrl: string;
}

const azureCloud: CloudEnvironment = {
  name: 'AzureCloud',
  resourceManagerEndpoint: 'https://management.azure.com',
  scope: 'https://management.core.windows.net//.default',
  authProviderId: 'microsoft',
  portalUrl: 'https://portal.azure.com',
};

const sovereignClouds: Record<string, CloudEnvironment> = {
  ChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    scope: 'https://management.core.chinacloudapi.cn//.default',
    authProviderId: 'microsoft-sovereign-cloud',
    portalUrl: 'https://portal.azure.cn',
  },
  USGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    scope: 'https://management.core.usgovcloudapi.net//.default',
    authProviderId: 'microsoft-sovereign-cloud',
    portalUrl: 'https://portal.azure.us',
  },
};

export class CloudConfigurationError extends Error {}

export function resolveCloud(environment: string | undefined, customEnvironment: unknown): CloudEnvironment {
  if (!environment) return azureCloud;
  const known = sovereignClouds[environment];
  if (known) return known;
  if (environment !== 'custom') {
    throw new CloudConfigurationError(`Unknown cloud '${environment}' in microsoft-sovereign-cloud.environment: use ChinaCloud, USGovernment or custom.`);
  }
  const custom = (customEnvironment ?? {}) as { name?: unknown; resourceManagerEndpointUrl?: unknown; managementEndpointUrl?: unknown; activeDirectoryResourceId?: unknown; portalUrl?: unknown };
  if (typeof custom.resourceManagerEndpointUrl !== 'string' || !/^https:\/\//.test(custom.resourceManagerEndpointUrl)) {
    throw new CloudConfigurationError('microsoft-sovereign-cloud.customEnvironment needs resourceManagerEndpointUrl (an https URL) for a custom cloud.');
  }
  const management = typeof custom.managementEndpointUrl === 'string' ? custom.managementEndpointUrl : typeof custom.activeDirectoryResourceId === 'string' ? custom.activeDirectoryResourceId : custom.resourceManagerEndpointUrl;
  return {
    name: typeof custom.name === 'string' ? custom.name : 'custom',
    resourceManagerEndpoint: custom.resourceManagerEndpointUrl.replace(/\/+$/, ''),
    scope: `${management.endsWith('/') ? management : `${management}/`}.default`,
    authProviderId: 'microsoft-sovereign-cloud',
    portalUrl: typeof custom.portalUrl === 'string' ? custom.portalUrl.replace(/\/+$/, '') : azureCloud.portalUrl,
  };
}

/** `exp` of a JWT access token in ms, when it is one; tokens of other shapes give undefined. */
export function tokenExpiry(accessToken: string): number | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
