import { l10n } from 'vscode';
import { resourceGroupNameProblem } from '../azure/vaultRules';
import { VaultCreation } from '../azure/vaultCreation';
import type { PickItem } from '../ui/userPrompts';
import type { FlowServices } from './services';

/** An existing resource group (in its region), or a new one to create in `location`. */
export interface PickedResourceGroup {
  name: string;
  isNew: boolean;
  location: string;
}

/**
 * Asks for one of the subscription's resource groups, or for the name and region of a new one
 * (created only when the deployment starts). Undefined when cancelled.
 */
export async function pickResourceGroup(services: FlowServices, subscriptionId: string, title: string): Promise<PickedResourceGroup | undefined> {
  const lists = new VaultCreation(services.azure().reader);
  const groups = await lists.listResourceGroups(subscriptionId);
  const createNew = 'createNew' as const;
  const items: PickItem<PickedResourceGroup | typeof createNew>[] = [
    { label: `$(add) ${l10n.t('Create new resource group…')}`, value: createNew },
    ...groups.map((group) => ({ label: group.name, description: group.location, value: { name: group.name, isNew: false, location: group.location } })),
  ];
  const picked = await services.prompts.pickOne(items, { title, placeholder: l10n.t('Select the resource group to deploy to') });
  if (picked !== createNew) return picked;

  const taken = new Set(groups.map((group) => group.name.toLowerCase()));
  const name = await services.prompts.input({
    title: l10n.t('{0}: new resource group', title),
    prompt: l10n.t('Name of the new resource group: 1–90 letters, digits, underscores, parentheses, hyphens and periods, not ending in a period.'),
    validate: (value) => resourceGroupNameProblem(value) ?? (taken.has(value.toLowerCase()) ? l10n.t('The subscription already has a resource group named {0}: pick it from the list instead.', value) : undefined),
  });
  if (name === undefined) return undefined;
  const locations = await lists.listLocations(subscriptionId);
  const location = await services.prompts.pickOne(
    locations.map((candidate) => ({ label: candidate.displayName, description: candidate.name, value: candidate.name })),
    { title: l10n.t('{0}: region of {1}', title, name), placeholder: l10n.t('Select the region of the new resource group (templates usually deploy to their resource group\'s region)') },
  );
  return location === undefined ? undefined : { name, isNew: true, location };
}
