import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import type { ArmRequest, ArmResponse } from '../../http/armHttp';
import { ok } from '../../http/armHttp';
import { keyOf } from '../../state/lookup';
import type { ResourceRecord } from '../../state/model';
import { apiVersions } from '../../apiVersions';
import { invalidResourceName, invalidRuleParameter, invalidRulePriority, networkSecurityGroupInUse } from './networkErrors';
import { networkNamePattern } from './networkNames';
import { childJson, findNetworkResource, networkProvisioningState, saveNetworkResource, startNetworkPut } from './networkRecords';
import { networkResourceRoutes, networkResourceTemplate } from './networkResourceRoutes';
import { networkUses } from './networkReferences';

type Json = Record<string, unknown>;

/**
 * The six rules Azure puts in every network security group, with its names, priorities and
 * descriptions (azure-rest-api-specs, Microsoft.Network 2025-03-01 examples DefaultSecurityRuleList.json
 * and NetworkSecurityGroupCreateWithRule.json).
 */
const defaultRules: readonly { name: string; description: string; access: string; direction: string; priority: number; source: string; destination: string }[] = [
  { name: 'AllowVnetInBound', description: 'Allow inbound traffic from all VMs in VNET', access: 'Allow', direction: 'Inbound', priority: 65000, source: 'VirtualNetwork', destination: 'VirtualNetwork' },
  { name: 'AllowAzureLoadBalancerInBound', description: 'Allow inbound traffic from azure load balancer', access: 'Allow', direction: 'Inbound', priority: 65001, source: 'AzureLoadBalancer', destination: '*' },
  { name: 'DenyAllInBound', description: 'Deny all inbound traffic', access: 'Deny', direction: 'Inbound', priority: 65500, source: '*', destination: '*' },
  { name: 'AllowVnetOutBound', description: 'Allow outbound traffic from all VMs to all VMs in VNET', access: 'Allow', direction: 'Outbound', priority: 65000, source: 'VirtualNetwork', destination: 'VirtualNetwork' },
  { name: 'AllowInternetOutBound', description: 'Allow outbound traffic from all VMs to Internet', access: 'Allow', direction: 'Outbound', priority: 65001, source: '*', destination: 'Internet' },
  { name: 'DenyAllOutBound', description: 'Deny all outbound traffic', access: 'Deny', direction: 'Outbound', priority: 65500, source: '*', destination: '*' },
];

const ruleType = 'Microsoft.Network/networkSecurityGroups/securityRules';
const defaultRuleType = 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules';
const accessValues = ['Allow', 'Deny'];
const directionValues = ['Inbound', 'Outbound'];
const protocolValues = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];

/** Network security groups (NetworkSecurityGroups_*), their rules inline, and Azure's default rules. */
export function networkSecurityGroupRoutes(context: EmulatorContext): RouteDefinition[] {
  const nsg = networkResourceTemplate('networkSecurityGroups', 'networkSecurityGroupName');
  return [
    ...networkResourceRoutes(context, {
      type: 'networkSecurityGroups',
      nameParameter: 'networkSecurityGroupName',
      toJson: networkSecurityGroupJson,
      put: putNetworkSecurityGroup,
      refuseDelete: (context, record) => {
        const users = networkUses(context).securityGroupUsers.get(keyOf(record.resource.id));
        const ids = [...(users?.networkInterfaces ?? []), ...(users?.subnets ?? [])];
        if (ids.length > 0) throw networkSecurityGroupInUse(record.resource.id, ids);
      },
    }),
    {
      method: 'GET',
      template: `${nsg}/defaultSecurityRules`,
      apiVersions: apiVersions.network,
      handler: (request) => {
        const record = findNetworkResource(context, request, 'networkSecurityGroups', request.parameters.networkSecurityGroupName!);
        return ok({ value: (networkSecurityGroupJson(context, record, request.now).properties as Json).defaultSecurityRules });
      },
    },
  ];
}

/** Checks a group's rules the way Microsoft.Network does: names, priority range, the enumerated values. */
function checkRules(rules: Json[]): void {
  for (const rule of rules) {
    const name = String(rule.name ?? '');
    if (!networkNamePattern.test(name)) throw invalidResourceName(name);
    const properties = (rule.properties ?? {}) as Json;
    const priority = properties.priority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 100 || priority > 4096) throw invalidRulePriority(priority);
    if (!accessValues.includes(String(properties.access))) throw invalidRuleParameter(name, 'Access', properties.access);
    if (!directionValues.includes(String(properties.direction))) throw invalidRuleParameter(name, 'Direction', properties.direction);
    if (!protocolValues.includes(String(properties.protocol))) throw invalidRuleParameter(name, 'Protocol', properties.protocol);
  }
}

function putNetworkSecurityGroup(context: EmulatorContext, request: ArmRequest): ArmResponse {
  const start = startNetworkPut(context, request, 'networkSecurityGroups', request.parameters.networkSecurityGroupName!);
  const properties = { ...((start.body.properties ?? {}) as Json) };
  const rules = ((properties.securityRules ?? []) as Json[]).map((rule) => {
    const ruleProperties = { ...((rule.properties ?? {}) as Json) };
    delete ruleProperties.provisioningState;
    return { name: String(rule.name ?? ''), properties: ruleProperties };
  });
  checkRules(rules);
  for (const computed of ['provisioningState', 'defaultSecurityRules', 'networkInterfaces', 'subnets']) delete properties[computed];
  const resource: ResourceRecord['resource'] = {
    id: start.id,
    name: start.name,
    type: 'Microsoft.Network/networkSecurityGroups',
    location: start.location,
    ...(start.body.tags ? { tags: start.body.tags as Record<string, string> } : {}),
    properties: { ...properties, securityRules: rules, resourceGuid: start.existing?.resource.properties.resourceGuid ?? randomUUID() },
  };
  return saveNetworkResource(context, request, start, 'networkSecurityGroups', resource, (record) => networkSecurityGroupJson(context, record, request.now));
}

export function networkSecurityGroupJson(context: EmulatorContext, record: ResourceRecord, now: number): Json {
  const state = networkProvisioningState(record, now);
  const etag = record.resource.etag;
  const users = networkUses(context).securityGroupUsers.get(keyOf(record.resource.id));
  const rules = ((record.resource.properties.securityRules ?? []) as Json[]).map((rule) => childJson(record.resource.id, 'securityRules', ruleType, rule, etag, state));
  const defaults = defaultRules.map((rule) =>
    childJson(
      record.resource.id,
      'defaultSecurityRules',
      defaultRuleType,
      {
        name: rule.name,
        properties: {
          description: rule.description,
          protocol: '*',
          sourcePortRange: '*',
          destinationPortRange: '*',
          sourceAddressPrefix: rule.source,
          sourceAddressPrefixes: [],
          destinationAddressPrefix: rule.destination,
          destinationAddressPrefixes: [],
          sourcePortRanges: [],
          destinationPortRanges: [],
          access: rule.access,
          priority: rule.priority,
          direction: rule.direction,
        },
      },
      etag,
      'Succeeded',
    ),
  );
  return {
    ...record.resource,
    properties: {
      ...record.resource.properties,
      provisioningState: state,
      securityRules: rules,
      defaultSecurityRules: defaults,
      ...(users && users.networkInterfaces.length > 0 ? { networkInterfaces: users.networkInterfaces.map((id) => ({ id })) } : {}),
      ...(users && users.subnets.length > 0 ? { subnets: users.subnets.map((id) => ({ id })) } : {}),
    },
  };
}
