// What the form asks the host for, and when: each list once it is needed (per subscription,
// region, vault and resource group), and the VM name and image URN checks once typing pauses,
// only for values the rules accept. The answers that belong to the current values are kept in
// `checks`; late answers for values since changed are dropped.
import { vmNameProblem } from '../../../vmCreation/nameRules';
import { parseImageUrn } from '../../../vmCreation/vmImages';
import { otherImage, type CreateVmDraft } from '../../shared/createVmDraft';
import { resourceGroupOf } from '../../shared/placementDraft';
import type { CreateVmToHost, HostToCreateVm } from '../../shared/createVmProtocol';
import { debounce } from '../shared/dom';
import { loadSubscriptionLists } from '../shared/subscriptionData';
import { groupKey, regionKey, type Checks, type FormData } from './createVmModel';

/** How long typing must pause before the name or the image is checked with Azure. */
export const checkDelayMs = 400;

export class HostRequests {
  readonly checks: Checks = {};
  private readonly checkNameLater = debounce(() => this.checkName(), checkDelayMs);
  private readonly checkImageLater = debounce(() => this.checkImage(), checkDelayMs);

  constructor(
    private readonly post: (message: CreateVmToHost) => void,
    private readonly data: FormData,
    private readonly draft: () => CreateVmDraft,
  ) {}

  /** Everything the current draft needs that was not asked for yet. */
  loadLists(): void {
    const { subscriptionId, location } = this.draft();
    if (!subscriptionId) return;
    loadSubscriptionLists(this.data, subscriptionId, this.post);
    if (!this.data.vaults.has(subscriptionId)) this.post({ type: 'listVaults', subscriptionId });
    if (location && !this.data.sizes.has(regionKey(subscriptionId, location))) this.post({ type: 'listRegion', subscriptionId, location });
    this.loadPolicies();
    this.loadGroupNames();
  }

  /** After a change: the lists and checks the new values need. */
  changed(before: CreateVmDraft, after: CreateVmDraft): void {
    this.loadLists();
    const nameKey = (draft: CreateVmDraft) => JSON.stringify([draft.subscriptionId, resourceGroupOf(draft), draft.name.trim(), draft.osType]);
    if (nameKey(before) !== nameKey(after)) {
      this.checks.name = undefined;
      if (this.checkableName()) this.checkNameLater();
    }
    const imageKey = (draft: CreateVmDraft) => JSON.stringify([draft.subscriptionId, draft.location, draft.image, draft.imageUrn.trim()]);
    if (imageKey(before) !== imageKey(after)) {
      this.checks.image = undefined;
      if (after.image === otherImage) this.checkImageLater();
    }
  }

  /** Checks now (a draft restored after a reload). */
  checkAll(): void {
    this.checkName();
    this.checkImage();
  }

  /** Files a check's answer; false when it answers values that have changed since. */
  receive(message: Extract<HostToCreateVm, { type: 'vmNameCheck' | 'imageCheck' }>): boolean {
    if (message.type === 'vmNameCheck') {
      const check = this.checks.name;
      if (!check || check.subscriptionId !== message.subscriptionId || check.resourceGroup !== message.resourceGroup || check.name !== message.name) return false;
      this.checks.name = { ...check, status: message.available ? 'available' : 'taken', ...(message.message ? { message: message.message } : {}) };
      return true;
    }
    const check = this.checks.image;
    if (!check || check.subscriptionId !== message.subscriptionId || check.location !== message.location || check.urn !== message.urn) return false;
    this.checks.image = { ...check, status: message.found ? 'found' : 'missing', ...(message.osType ? { osType: message.osType } : {}), ...(message.message ? { message: message.message } : {}) };
    return true;
  }

  private loadPolicies(): void {
    const draft = this.draft();
    const vaultId = draft.vaultMode === 'existing' ? draft.existingVaultId : '';
    if (vaultId && !this.data.policies.has(vaultId.toLowerCase())) this.post({ type: 'listPolicies', vaultId });
  }

  /** The network names taken in the VM's existing resource group. */
  private loadGroupNames(): void {
    const draft = this.draft();
    const group = resourceGroupOf(draft);
    if (!group.isNew && group.name && !this.data.groupNames.has(groupKey(draft.subscriptionId, group.name))) {
      this.post({ type: 'listGroupNames', subscriptionId: draft.subscriptionId, resourceGroup: group.name });
    }
  }

  /** The name to check in an existing resource group, when the rules accept it. */
  private checkableName(): { group: string; name: string } | undefined {
    const draft = this.draft();
    const group = resourceGroupOf(draft);
    const name = draft.name.trim();
    return draft.subscriptionId && !group.isNew && group.name && !vmNameProblem(name, draft.osType) ? { group: group.name, name } : undefined;
  }

  private checkName(): void {
    const checkable = this.checkableName();
    if (!checkable) return;
    const { subscriptionId } = this.draft();
    this.checks.name = { subscriptionId, resourceGroup: checkable.group, name: checkable.name, status: 'checking' };
    this.post({ type: 'checkVmName', subscriptionId, resourceGroup: checkable.group, name: checkable.name });
  }

  private checkImage(): void {
    const { subscriptionId, location, image, imageUrn: urn } = this.draft();
    if (image !== otherImage || !subscriptionId || !location) return;
    const parsed = parseImageUrn(urn);
    if ('problem' in parsed) return;
    this.checks.image = { subscriptionId, location, urn: urn.trim(), status: 'checking' };
    this.post({ type: 'checkImage', subscriptionId, location, image: parsed });
  }
}
