// The lists the host sends, filed where the form looks for them: per subscription, per region
// and per vault. Anything else is not a list.
import type { HostToCreateVm } from '../../shared/createVmProtocol';
import { receiveSubscriptionList } from '../shared/subscriptionData';
import { groupKey, regionKey, type FormData } from './createVmModel';

/** Files a list message in `data`; false when the message is not a list. */
export function receiveList(data: FormData, message: HostToCreateVm): boolean {
  const error = 'error' in message && message.error ? { error: message.error } : {};
  switch (message.type) {
    case 'resourceGroups':
    case 'locations':
      receiveSubscriptionList(data, message);
      return true;
    case 'vaults':
      data.vaults.set(message.subscriptionId, { items: message.vaults, ...error });
      return true;
    case 'zones':
      data.zones.set(regionKey(message.subscriptionId, message.location), { items: message.items, ...error });
      return true;
    case 'sizes':
      data.sizes.set(regionKey(message.subscriptionId, message.location), { items: message.items, ...error });
      return true;
    case 'networks':
      data.networks.set(regionKey(message.subscriptionId, message.location), { items: message.items, ...error });
      return true;
    case 'policies':
      data.policies.set(message.vaultId.toLowerCase(), { items: message.policies, ...error });
      return true;
    case 'groupNames':
      data.groupNames.set(groupKey(message.subscriptionId, message.resourceGroup), { items: [message.names], ...error });
      return true;
    default:
      return false;
  }
}
