// The review's rows: every choice in words, with the names the user knows (not ARM ids).
import { needsRehydration, restoreTypeDescriptions, type RestoreRequest } from '../../../restore/restoreRequest';
import { usesTargetResourceGroup } from '../../../restore/restoreRules';
import type { RestoreData } from './restoreModel';
import { consistencyText, localTime } from './restoreText';

export function summaryRows(request: RestoreRequest, data: RestoreData): [string, string][] {
  const { source } = request;
  const details = data.details;
  const name = (id: string) => id.split('/').filter(Boolean).at(-1) ?? id;
  const account = data.targets?.storageAccounts.find((candidate) => candidate.id.toLowerCase() === request.stagingStorageAccountId.toLowerCase());
  const rows: [string, string][] = [
    ['Virtual machine', source.vmName],
    ['Recovery point', details ? `${localTime(details.time)} · ${consistencyText(details.consistency)}` : source.point.name],
    ['Restore type', restoreTypeDescriptions[request.type].label],
  ];
  if (usesTargetResourceGroup(request)) rows.push(['Target resource group', request.targetResourceGroup]);
  if (request.type === 'newVm') {
    rows.push(['New VM name', request.vmName]);
    rows.push(['Virtual network', `${name(request.virtualNetworkId)} / subnet ${request.subnetName}`]);
  }
  rows.push(['Region', `${source.vaultLocation} (the vault’s)`]);
  rows.push(['Staging storage account', account ? `${account.name} (${account.resourceGroup}, ${account.skuName})` : name(request.stagingStorageAccountId)]);
  if (request.type !== 'replaceDisks') {
    const own = source.point.zones.length > 0 ? `zone ${source.point.zones.join(', ')}` : 'no zone';
    rows.push(['Availability zone', request.zone ? `Zone ${request.zone}` : `As the point was (${own})`]);
  }
  if (needsRehydration(source.point) && request.rehydration) {
    rows.push(['Rehydration', `${request.rehydration.priority} priority, kept rehydrated ${request.rehydration.days} days`]);
  }
  return rows;
}
