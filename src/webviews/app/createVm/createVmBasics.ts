// The Basics section: subscription, resource group, name, region, zone, image and size. The
// administrator account and inbound ports are in createVmAdministrator.ts.
import { popularImages, suggestedVmSizes } from '../../../vmCreation/vmImages';
import { vmNameLength } from '../../../vmCreation/nameRules';
import type { OsType } from '../../../vmCreation/vmCreateRequest';
import { otherImage } from '../../shared/createVmDraft';
import { h, setMessage, show } from '../shared/dom';
import { field, radioGroup, select, setOptions, setRadio, setText, textField } from '../shared/formFields';
import { currentImageCheck, currentNameCheck, regionKey } from './createVmModel';
import { dynamicHelp, formSection, showProblem, type FormActions, type FormPart } from './createVmFormParts';

export function basicsSection(actions: FormActions): FormPart {
  const change = actions.change;
  const subscriptionControl = select('subscription', (value) => change({ field: 'subscriptionId', value }));
  const subscription = field('subscription', 'Subscription', subscriptionControl, 'The VM, its network and its backup are created in this subscription.');

  const groupMode = radioGroup('resource-group-mode', 'Resource group', [
    { value: 'existing', label: 'Use an existing resource group' },
    { value: 'new', label: 'Create a new resource group' },
  ] as const, (value) => change({ field: 'resourceGroupMode', value }));
  const existingGroupControl = select('resource-group', (value) => change({ field: 'existingResourceGroup', value }), true);
  const existingGroup = field('resource-group', 'Resource group', existingGroupControl, 'The VM, its disk and its network resources go here.');
  const newGroupControl = textField('new-resource-group', (value) => change({ field: 'newResourceGroup', value }), { placeholder: 'rg-vm', maxLength: 90, autocomplete: 'off' });
  const newGroup = field('new-resource-group', 'New resource group name', newGroupControl, '1–90 letters, digits, underscores, parentheses, hyphens and periods; not ending in a period. Created in the VM’s region.');

  const nameControl = textField('vm-name', (value) => change({ field: 'name', value }), { placeholder: 'e.g. web-01', autocomplete: 'off', spellcheck: false });
  const name = field('vm-name', 'Virtual machine name', nameControl);
  const nameHelp = dynamicHelp('vm-name', name.block, name.message, nameControl);

  const locationControl = select('location', (value) => change({ field: 'location', value }), true);
  const location = field('location', 'Region', locationControl, 'The VM’s vault must be in this region too.');

  const zoneControl = select('zone', (value) => change({ field: 'zone', value: value as '' | '1' | '2' | '3' }));
  const zone = field('zone', 'Availability zone', zoneControl, 'A zone is a separate datacenter of the region; a VM lives in one zone, or none.');
  const noZones = h('p', { id: 'zone-none', class: 'help', hidden: true });

  const imageControl = select('image', (value) => change({ field: 'image', value }));
  const image = field('image', 'Image', imageControl);
  const urnControl = textField('image-urn', (value) => change({ field: 'imageUrn', value }), { placeholder: 'publisher:offer:sku:version', autocomplete: 'off', spellcheck: false });
  const urn = field('image-urn', 'Image URN', urnControl, 'publisher:offer:sku:version, e.g. Canonical:ubuntu-24_04-lts:server:latest (az vm image list shows them). Checked in the region as you type.');
  const osTypeControl = radioGroup<OsType>('os-type', 'Operating system', [
    { value: 'Linux', label: 'Linux' },
    { value: 'Windows', label: 'Windows' },
  ], (value) => change({ field: 'osType', value }));
  const osType = field('os-type', 'Operating system', osTypeControl, 'Found from the image once it is checked in the region.');

  const sizeControl = select('size', (value) => change({ field: 'size', value }), true);
  const size = field('size', 'Size', sizeControl, 'The sizes offered in the region.');

  const root = formSection('basics', 'Basics',
    h('h3', {}, 'Project details'),
    subscription.block, h('div', { class: 'field-row' }, groupMode), existingGroup.block, newGroup.block,
    h('h3', {}, 'Instance details'),
    name.block, location.block, zone.block, noZones, image.block, urn.block, osType.block, size.block,
  );

  return {
    root,
    render(view) {
      const { draft, data } = view;
      setOptions(subscriptionControl, (data.subscriptions ?? []).map((s) => ({ value: s.subscriptionId, label: s.name, description: s.subscriptionId })), draft.subscriptionId);
      showProblem(view, 'subscription', subscription.message);

      setRadio(groupMode, draft.resourceGroupMode);
      const groups = data.groups.get(draft.subscriptionId);
      const existing = draft.resourceGroupMode === 'existing';
      show(existingGroup.block, existing);
      show(newGroup.block, !existing);
      setOptions(existingGroupControl, (groups?.items ?? []).map((group) => ({ value: group.name, label: group.name, description: group.location })), draft.existingResourceGroup, groups ? 'Choose a resource group…' : 'Loading resource groups…');
      setText(newGroupControl, draft.newResourceGroup);
      showProblem(view, 'resourceGroup', existing ? existingGroup.message : newGroup.message, existing ? undefined : newGroupControl);
      if (existing) setMessage(newGroup.message, undefined);
      else setMessage(existingGroup.message, undefined);

      const { min, max } = vmNameLength[draft.osType];
      nameHelp.textContent = draft.osType === 'Windows'
        ? `${min}–${max} letters, digits and hyphens for a Windows VM (it is the computer name too); not ending in a hyphen; unique in the resource group.`
        : `${min}–${max} letters, digits, hyphens, underscores and periods for a Linux VM; not starting with an underscore or ending in a period or hyphen; unique in the resource group.`;
      setText(nameControl, draft.name);
      showProblem(view, 'name', name.message, nameControl);
      if (!name.message.textContent && view.shown('name') && !view.problems.name && currentNameCheck(draft, view.checks)?.status === 'available') {
        setMessage(name.message, `Virtual machine name '${draft.name.trim()}' is free in ${draft.existingResourceGroup}.`, 'info');
      }

      const locations = data.locations.get(draft.subscriptionId);
      setOptions(locationControl, (locations?.items ?? []).map((l) => ({ value: l.name, label: l.displayName, description: l.name })), draft.location, locations ? 'Choose a region…' : 'Loading regions…');
      showProblem(view, 'location', location.message);

      const region = regionKey(draft.subscriptionId, draft.location);
      const zones = draft.location ? data.zones.get(region) : undefined;
      const regionName = locations?.items.find((l) => l.name === draft.location)?.displayName ?? draft.location;
      const noZone = zones !== undefined && !zones.error && zones.items.length === 0;
      show(zone.block, !noZone || draft.zone !== '');
      show(noZones, noZone);
      noZones.textContent = noZone ? `${regionName} has no availability zones: the VM is placed without one.` : '';
      setOptions(zoneControl, [
        { value: '', label: 'No zone (no infrastructure redundancy required)' },
        ...(zones?.items ?? []).map((z) => ({ value: z, label: `Zone ${z}` })),
      ], draft.zone);
      showProblem(view, 'zone', zone.message);
      if (!zone.message.textContent && zones?.error) setMessage(zone.message, `Zones could not be listed: ${zones.error}`, 'warning');

      setOptions(imageControl, [
        ...popularImages.map((popular) => ({ value: popular.id, label: popular.label, description: popular.osType })),
        { value: otherImage, label: 'Other image (URN)…', description: 'publisher:offer:sku:version' },
      ], draft.image);
      const other = draft.image === otherImage;
      show(urn.block, other);
      show(osType.block, other);
      setText(urnControl, draft.imageUrn);
      showProblem(view, 'image', other ? urn.message : image.message, other ? urnControl : undefined);
      const check = currentImageCheck(draft, view.checks);
      if (other && !urn.message.textContent && check?.status === 'found') {
        setMessage(urn.message, `Found in ${regionName}: a ${check.osType ?? draft.osType} image.`, 'info');
      }
      setRadio(osTypeControl, draft.osType);
      showProblem(view, 'osType', osType.message);

      const sizes = draft.location ? data.sizes.get(region) : undefined;
      const rank = (name: string) => {
        const index = suggestedVmSizes.indexOf(name);
        return index < 0 ? suggestedVmSizes.length : index;
      };
      const sorted = [...(sizes?.items ?? [])].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
      setOptions(sizeControl, sorted.map((s) => ({ value: s.name, label: s.name, description: `${s.vCpus} vCPU · ${formatGiB(s.memoryMb)} GiB${s.premiumDisks ? ' · Premium SSD' : ''}` })), draft.size,
        !draft.location ? 'Choose a region first' : sizes ? 'Choose a size…' : 'Loading sizes…');
      showProblem(view, 'size', size.message);
    },
  };
}

function formatGiB(memoryMb: number): string {
  const gib = memoryMb / 1024;
  return Number.isInteger(gib) ? String(gib) : gib.toFixed(1);
}
