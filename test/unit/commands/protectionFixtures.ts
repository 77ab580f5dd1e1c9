// What the unit tests of the protection commands (stop, resume, undelete, change policy, delete
// vault) share: the demo estate's vaults and items by name, palette subscriptions, and the
// writes a flow sent to the emulator.
import assert from 'node:assert/strict';
import type { LoggedExchange } from '../../../emulator/http/requestLog';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { BackupPolicy, ProtectedVm, Vault } from '../../../src/azure/model';
import type { SubscriptionSource } from '../../../src/commands/pickSubscription';
import type { ProtectedVmTarget } from '../../../src/commands/protectedVmTarget';
import type { FlowServices } from '../../../src/commands/services';
import { demoTenantId } from '../../support/flowServices';
import type { TestEmulator } from '../../support/testEmulator';

/** The demo tenant's subscriptions, as the palette pickers ask for them. */
export function demoSubscriptionsOf(services: FlowServices): SubscriptionSource {
  return () => services.azure().cache.subscriptions(demoTenantId);
}

export async function vaultNamed(services: FlowServices, name: string): Promise<Vault> {
  const { reader } = services.azure();
  for (const subscriptionId of Object.values(demoSubscriptions)) {
    const vault = (await reader.listVaults(subscriptionId)).find((candidate) => candidate.name === name);
    if (vault) return vault;
  }
  assert.fail(`no vault named ${name}`);
}

/** The item as the service shows it now (not cached). */
export async function itemNamed(services: FlowServices, vault: Vault, vmName: string): Promise<ProtectedVm | undefined> {
  return (await services.azure().reader.listProtectedVms(vault)).find((item) => item.name === vmName);
}

export async function targetNamed(services: FlowServices, vaultName: string, vmName: string): Promise<ProtectedVmTarget> {
  const vault = await vaultNamed(services, vaultName);
  const item = await itemNamed(services, vault, vmName);
  assert.ok(item, `${vaultName} has no item for ${vmName}`);
  return { vault, item };
}

export async function policyNamed(services: FlowServices, vault: Vault, name: string): Promise<BackupPolicy> {
  const policy = (await services.azure().reader.listPolicies(vault)).find((candidate) => candidate.name === name);
  assert.ok(policy, `${vault.name} has no policy ${name}`);
  return policy;
}

/** The last request the emulator logged, to look at what came after. */
export async function mark(env: TestEmulator): Promise<number> {
  return (await env.requests()).at(-1)?.sequence ?? 0;
}

/** The Azure writes (PUT, PATCH, DELETE, POST) sent since `since`; reads and polls left out. */
export async function writesSince(env: TestEmulator, since: number): Promise<LoggedExchange[]> {
  return (await env.requests(since)).filter((exchange) => exchange.method !== 'GET' && new URL(exchange.url, 'https://emulator').pathname.toLowerCase().startsWith('/subscriptions/'));
}

export function describeWrites(writes: readonly LoggedExchange[]): string[] {
  return writes.map((exchange) => `${exchange.method} ${decodeURIComponent(new URL(exchange.url, 'https://emulator').pathname)}`);
}

/** Sets a vault's guarded settings the way the portal does: a PATCH of its security settings. */
export async function patchVaultSecurity(env: TestEmulator, vault: Vault, settings: { softDeleteState?: string; immutability?: string }): Promise<void> {
  const client = await env.clients.vaults(vault.subscriptionId);
  await client.vaults.beginUpdateAndWait(
    vault.resourceGroup,
    vault.name,
    {
      properties: {
        securitySettings: {
          ...(settings.softDeleteState ? { softDeleteSettings: { softDeleteState: settings.softDeleteState } } : {}),
          ...(settings.immutability ? { immutabilitySettings: { state: settings.immutability } } : {}),
        },
      },
    },
    { updateIntervalInMs: 5 },
  );
}

/** Creates a Standard daily policy in a vault keeping daily points `days` days. */
export async function createDailyPolicy(env: TestEmulator, vault: Vault, name: string, days: number): Promise<void> {
  const at = new Date(Date.UTC(2024, 0, 1, 22, 30));
  const client = await env.clients.backup(vault.subscriptionId);
  await client.protectionPolicies.createOrUpdate(vault.name, vault.resourceGroup, name, {
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      instantRpRetentionRangeInDays: 2,
      timeZone: 'UTC',
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at] },
      retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at], retentionDuration: { count: days, durationType: 'Days' } } },
    } as never,
  });
}
