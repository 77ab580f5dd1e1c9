// The Restore form's draft: what the user has chosen, kept with the webview's setState so it
// survives hide/show and a window reload, together with the form's identity (vault, item, point)
// that the serializer reopens it with. Never saved: fetched data, and the VM's name typed to
// confirm a replace (a reloaded form asks it again, as a deliberate act).
import { needsRehydration, rehydrationDays, type RehydrationPriority, type RestoreSource, type RestoreType } from '../../restore/restoreRequest';
import { isArrayOf, isOneOf, isShape, isText } from './messageGuards';
import { isRestoreIdentity, type RestoreChoices, type RestoreIdentity } from './restoreProtocol';

/** The staging select's value for "Create new storage account…". */
export const newStagingAccount = 'new';

export interface RestoreDraft {
  step: 'form' | 'review';
  type: RestoreType;
  targetResourceGroup: string;
  vmName: string;
  virtualNetworkId: string;
  subnetName: string;
  /** An account's ARM id, or newStagingAccount while one is being named. */
  stagingStorageAccountId: string;
  newAccountName: string;
  newAccountResourceGroup: string;
  /** '' restores as the point was (its own zone, if any). */
  zone: '' | '1' | '2' | '3';
  rehydrationPriority: RehydrationPriority;
  /** As typed, so a half-typed number survives a reload. */
  rehydrationDays: string;
  /** Fields the user has changed: their messages show as they type, the others' after Review. */
  touched: string[];
}

export interface RestoreState {
  identity: RestoreIdentity;
  draft: RestoreDraft;
}

/** The resource group of an ARM id, or ''. */
export function resourceGroupOfId(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** A fresh draft: a new VM, in the backed-up VM's resource group; everything else still to choose. */
export function emptyDraft(source?: Pick<RestoreSource, 'virtualMachineId'>): RestoreDraft {
  const group = source ? resourceGroupOfId(source.virtualMachineId) : '';
  return {
    step: 'form',
    type: 'newVm',
    targetResourceGroup: group,
    vmName: '',
    virtualNetworkId: '',
    subnetName: '',
    stagingStorageAccountId: '',
    newAccountName: '',
    newAccountResourceGroup: group,
    zone: '',
    rehydrationPriority: 'Standard',
    rehydrationDays: String(rehydrationDays.default),
    touched: [],
  };
}

/** The choices the draft stands for (checked separately with restoreRequestProblems). */
export function choicesOf(draft: RestoreDraft, source: RestoreSource, confirmVmName: string): RestoreChoices {
  const days = draft.rehydrationDays.trim() === '' ? Number.NaN : Number(draft.rehydrationDays);
  return {
    type: draft.type,
    targetResourceGroup: draft.targetResourceGroup.trim(),
    vmName: draft.vmName.trim(),
    virtualNetworkId: draft.virtualNetworkId,
    subnetName: draft.subnetName,
    stagingStorageAccountId: draft.stagingStorageAccountId === newStagingAccount ? '' : draft.stagingStorageAccountId,
    ...(draft.zone && draft.type !== 'replaceDisks' ? { zone: draft.zone } : {}),
    ...(needsRehydration(source.point) ? { rehydration: { priority: draft.rehydrationPriority, days: days } } : {}),
    confirmVmName: draft.type === 'replaceDisks' ? confirmVmName : '',
  };
}

const text = isText(1_000);

const isDraft = isShape<RestoreDraft>({
  step: isOneOf(['form', 'review'] as const),
  type: isOneOf(['newVm', 'restoreDisks', 'replaceDisks'] as const),
  targetResourceGroup: text,
  vmName: text,
  virtualNetworkId: text,
  subnetName: text,
  stagingStorageAccountId: text,
  newAccountName: text,
  newAccountResourceGroup: text,
  zone: isOneOf(['', '1', '2', '3'] as const),
  rehydrationPriority: isOneOf(['Standard', 'High'] as const),
  rehydrationDays: isText(20),
  touched: isArrayOf(isText(50), 50),
});

/** A saved state as VS Code hands it back (after a reload it may come from an older version). */
export const isRestoreState = isShape<RestoreState>({ identity: isRestoreIdentity, draft: isDraft });
