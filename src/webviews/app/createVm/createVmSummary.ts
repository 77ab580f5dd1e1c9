// What the review shows: every choice of the request in words with the names the deployment will
// use, the warnings, and the backup's restore point group and estimated schedule.
import type { PolicyDraft } from '../../../policy/policyDraft';
import { previewPolicy } from '../../../policy/policyPreview';
import { restorePointGroupExplanation, restorePointGroupName } from '../../../vmCreation/restorePointGroupName';
import { networkResourceNamesOf } from '../../../vmCreation/suggestedNames';
import type { VmCreateRequest } from '../../../vmCreation/vmCreateRequest';
import { imageUrn, osDiskTypeInfo, popularImageFor } from '../../../vmCreation/vmImages';
import { inboundPortNumbers, vmRequestWarnings } from '../../../vmCreation/vmRules';
import { regionKey, type FormData } from './createVmModel';
import type { ReviewView } from './createVmReview';

export function summaryRows(request: VmCreateRequest, data: FormData, policy: PolicyDraft | undefined): [string, string][] {
  const subscription = data.subscriptions?.find((s) => s.subscriptionId === request.subscriptionId);
  const location = data.locations.get(request.subscriptionId)?.items.find((l) => l.name === request.location);
  const size = data.sizes.get(regionKey(request.subscriptionId, request.location))?.items.find((s) => s.name === request.size);
  const names = networkResourceNamesOf(request);
  const network = request.network.kind === 'new'
    ? `${request.network.virtualNetworkName} (new, ${request.network.addressPrefix}), subnet ${request.network.subnetName} (${request.network.subnetPrefix})`
    : `${request.network.virtualNetworkId.split('/').at(-1)}, subnet ${request.network.subnetName}`;
  const rows: [string, string][] = [
    ['Subscription', subscription ? `${subscription.name} (${subscription.subscriptionId})` : request.subscriptionId],
    ['Resource group', `${request.resourceGroup.name}${request.resourceGroup.isNew ? ' (new)' : ''}`],
    ['Virtual machine name', request.name],
    ['Region', location?.displayName ?? request.location],
    ['Availability zone', request.zone ? `Zone ${request.zone}` : 'None'],
    ['Image', `${popularImageFor(request.image)?.label ?? imageUrn(request.image)} (${request.osType})`],
    ['Size', size ? `${size.name} (${size.vCpus} vCPU, ${size.memoryMb / 1024} GiB)` : request.size],
    ['Administrator', `${request.adminUsername}, ${request.authentication.kind === 'password' ? 'password' : 'SSH public key'}`],
    ['Public inbound ports', request.inboundPorts.length > 0 ? request.inboundPorts.map((port) => `${port} (${inboundPortNumbers[port]})`).join(', ') : 'None'],
    ['OS disk', osDiskTypeInfo(request.osDiskType)?.label ?? request.osDiskType],
    ['Virtual network', network],
    ['Public IP', request.publicIp ? names.publicIp : 'None'],
    ['Network security group', names.networkSecurityGroup],
    ['Network interface', names.networkInterface],
  ];
  if (!request.backup.enabled) return [...rows, ['Backup', 'Off']];
  const { vault, policy: choice } = request.backup;
  const vaultText = vault.kind === 'existing'
    ? `${vault.vaultId.split('/').at(-1)} (resource group ${vault.vaultId.split('/')[4] ?? '?'})`
    : `${vault.name} (new, resource group ${vault.resourceGroup.name}${vault.resourceGroup.isNew ? ', new' : ''})`;
  return [
    ...rows,
    ['Backup', 'On'],
    ['Recovery Services vault', vaultText],
    ['Backup policy', choice.kind === 'existing' ? choice.name : `${choice.draft.name} (new, created with the VM)`],
    ['Restore point collection resource group', restorePointGroupName(request.location, policy?.instantRpResourceGroup)],
  ];
}

/** Draws the review of a request: its rows, its warnings, and its backup (policy preview from `now`). */
export function renderReviewOf(review: ReviewView, request: VmCreateRequest, data: FormData, policy: PolicyDraft | undefined, now: number): void {
  review.renderSummary(summaryRows(request, data, policy), vmRequestWarnings(request));
  const pattern = policy?.instantRpResourceGroup;
  review.renderBackup(request.backup.enabled ? {
    groupName: restorePointGroupName(request.location, pattern),
    explanation: restorePointGroupExplanation(request.location, pattern),
    ...(policy ? { policy, preview: previewPolicy(policy, now) } : {}),
  } : undefined);
}
