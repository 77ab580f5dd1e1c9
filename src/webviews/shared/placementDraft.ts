// The part every create form's draft starts with: its step, and where the new resource goes and
// what it is called (subscription, an existing or a new resource group, name, region). Pure
// TypeScript, shared by the drafts of the Create Vault and Create VM forms.
import { isOneOf, type Guard } from './messageGuards';

export interface PlacementDraft {
  step: 'form' | 'review';
  subscriptionId: string;
  resourceGroupMode: 'existing' | 'new';
  existingResourceGroup: string;
  newResourceGroup: string;
  name: string;
  location: string;
}

/** A fresh placement: the preset's subscription and region, an existing group still to choose, no name. */
export function emptyPlacement(preset: { subscriptionId?: string; location?: string }): PlacementDraft {
  return {
    step: 'form',
    subscriptionId: preset.subscriptionId ?? '',
    resourceGroupMode: 'existing',
    existingResourceGroup: '',
    newResourceGroup: '',
    name: '',
    location: preset.location ?? '',
  };
}

/** The resource group as a request names it: the chosen existing one, or the new one typed. */
export function resourceGroupOf(draft: PlacementDraft): { name: string; isNew: boolean } {
  const isNew = draft.resourceGroupMode === 'new';
  return { name: (isNew ? draft.newResourceGroup : draft.existingResourceGroup).trim(), isNew };
}

/** The placement fields' guards for a draft's isShape, every text within `text`. */
export function placementGuards(text: Guard<string>): { [K in keyof PlacementDraft]-?: Guard<PlacementDraft[K]> } {
  return {
    step: isOneOf(['form', 'review'] as const),
    subscriptionId: text,
    resourceGroupMode: isOneOf(['existing', 'new'] as const),
    existingResourceGroup: text,
    newResourceGroup: text,
    name: text,
    location: text,
  };
}
