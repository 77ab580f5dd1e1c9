import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudConfigurationError, resolveCloud, tokenExpiry } from '../../../src/auth/cloudEnvironment';

describe('resolveCloud', () => {
  it('uses the public cloud and the microsoft provider when no environment is set', () => {
    const cloud = resolveCloud(undefined, undefined);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.azure.com');
    assert.equal(cloud.authProviderId, 'microsoft');
    assert.equal(cloud.scope, 'https://management.core.windows.net//.default');
  });

  it('maps the sovereign clouds to their Resource Manager endpoints and the sovereign provider', () => {
    assert.equal(resolveCloud('ChinaCloud', undefined).resourceManagerEndpoint, 'https://management.chinacloudapi.cn');
    assert.equal(resolveCloud('USGovernment', undefined).resourceManagerEndpoint, 'https://management.usgovcloudapi.net');
    assert.equal(resolveCloud('USGovernment', undefined).authProviderId, 'microsoft-sovereign-cloud');
    assert.equal(resolveCloud('USGovernment', undefined).portalUrl, 'https://portal.azure.us');
  });

  it('takes a custom cloud from customEnvironment', () => {
    const cloud = resolveCloud('custom', {
      name: 'AzureStackHub',
      resourceManagerEndpointUrl: 'https://management.local.azurestack.external/',
      managementEndpointUrl: 'https://management.adfs.azurestack.local/abc',
      portalUrl: 'https://portal.local.azurestack.external/',
    });
    assert.equal(cloud.name, 'AzureStackHub');
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.local.azurestack.external');
    assert.equal(cloud.scope, 'https://management.adfs.azurestack.local/abc/.default');
    assert.equal(cloud.portalUrl, 'https://portal.local.azurestack.external');
  });

  it('names the missing setting when the custom cloud is incomplete', () => {
    assert.throws(() => resolveCloud('custom', {}), (error: Error) => error instanceof CloudConfigurationError && /resourceManagerEndpointUrl/.test(error.message));
    assert.throws(() => resolveCloud('custom', { resourceManagerEndpointUrl: 'http://insecure' }), /https URL/);
    assert.throws(() => resolveCloud('Mars', undefined), /Unknown cloud 'Mars'.*ChinaCloud, USGovernment or custom/);
  });
});

describe('tokenExpiry', () => {
  it('reads exp from a JWT and ignores other tokens', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_900_000_000 })).toString('base64url');
    assert.equal(tokenExpiry(`header.${payload}.signature`), 1_900_000_000_000);
    assert.equal(tokenExpiry('emulator-token'), undefined);
    assert.equal(tokenExpiry('a.not-base64-json.c'), undefined);
  });
});
