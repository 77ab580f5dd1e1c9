// The Disks and networking section: the OS disk type (Premium SSD only for sizes that take it,
// zone-redundant only where the region has zones), a new virtual network with suggested, editable
// names and ranges or an existing one of the region, the public IP, and the names of the NSG,
// public IP and NIC the VM gets.
import { osDiskTypes } from '../../../vmCreation/vmImages';
import { suggestNetworkResourceNames } from '../../../vmCreation/suggestedNames';
import type { OsDiskType } from '../../../vmCreation/vmCreateRequest';
import { h, replaceChildren, setMessage, show } from '../shared/dom';
import { checkbox, field, radioGroup, select, setOptions, setRadio, setRadioDisabled, setText, textField } from '../shared/formFields';
import { regionKey } from './createVmModel';
import { formSection, showProblem, type FormActions, type FormPart } from './createVmFormParts';

export function networkingSection(actions: FormActions): FormPart {
  const change = actions.change;
  const diskControl = radioGroup<OsDiskType>('os-disk-type', 'OS disk type', osDiskTypes.map((info) => ({ value: info.type, label: info.label })), (value) => change({ field: 'osDiskType', value }));
  const disk = field('os-disk-type', 'OS disk type', diskControl, 'Premium SSD needs a size with premium storage (an “s” after the vCPU count, e.g. B2s, D2s_v5); zone-redundant disks need a region with zones.');

  const networkMode = radioGroup('network-mode', 'Virtual network', [
    { value: 'new', label: 'Create a new virtual network' },
    { value: 'existing', label: 'Use an existing virtual network of the region' },
  ] as const, (value) => change({ field: 'networkMode', value }));

  const vnetControl = textField('virtual-network-name', (value) => change({ field: 'virtualNetworkName', value }), { autocomplete: 'off', spellcheck: false, placeholder: '<vm name>-vnet' });
  const vnet = field('virtual-network-name', 'Virtual network name', vnetControl, '2–64 letters, digits, underscores, periods and hyphens; suggested from the VM’s name.');
  const spaceControl = textField('address-prefix', (value) => change({ field: 'addressPrefix', value }), { autocomplete: 'off', spellcheck: false });
  const space = field('address-prefix', 'Address space', spaceControl, 'A private IPv4 range in CIDR notation, e.g. 10.0.0.0/16.');
  const subnetControl = textField('subnet-name', (value) => change({ field: 'subnetName', value }), { autocomplete: 'off', spellcheck: false });
  const subnet = field('subnet-name', 'Subnet name', subnetControl);
  const subnetRangeControl = textField('subnet-prefix', (value) => change({ field: 'subnetPrefix', value }), { autocomplete: 'off', spellcheck: false });
  const subnetRange = field('subnet-prefix', 'Subnet address range', subnetRangeControl, 'Inside the address space, e.g. 10.0.0.0/24.');
  const newNetwork = h('div', { id: 'new-network' }, vnet.block, space.block, subnet.block, subnetRange.block);

  const existingVnetControl = select('existing-virtual-network', (value) => change({ field: 'existingVirtualNetworkId', value }), true);
  const existingVnet = field('existing-virtual-network', 'Virtual network', existingVnetControl, 'Networks of the VM’s region and subscription, in any resource group.');
  const existingSubnetControl = select('existing-subnet', (value) => change({ field: 'existingSubnet', value }));
  const existingSubnet = field('existing-subnet', 'Subnet', existingSubnetControl);
  const existingNetwork = h('div', { id: 'existing-network' }, existingVnet.block, existingSubnet.block);

  const publicIpControl = checkbox('public-ip', 'Create a public IP address', (value) => change({ field: 'publicIp', value }));
  const publicIp = field('public-ip', 'Public IP', publicIpControl, 'Without one, the VM is reachable only from inside its virtual network.');

  const names = h('dl', { id: 'network-names', class: 'summary' });
  const namesMessage = h('div', { id: 'network-names-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });

  const root = formSection('networking', 'Disks and networking',
    h('h3', {}, 'Disks'),
    disk.block,
    h('h3', {}, 'Network'),
    h('div', { class: 'field-row' }, networkMode), newNetwork, existingNetwork, publicIp.block,
    h('p', { class: 'help' }, 'The VM also gets a network interface and a network security group with the inbound rules chosen in Basics:'),
    names, namesMessage,
  );

  return {
    root,
    render(view) {
      const { draft, data } = view;
      const size = data.sizes.get(regionKey(draft.subscriptionId, draft.location))?.items.find((candidate) => candidate.name.toLowerCase() === draft.size.toLowerCase());
      const zones = data.zones.get(regionKey(draft.subscriptionId, draft.location));
      setRadio(diskControl, draft.osDiskType);
      for (const info of osDiskTypes) {
        const noPremium = info.premium && size !== undefined && !size.premiumDisks;
        const noZones = info.zoneRedundant && zones !== undefined && !zones.error && zones.items.length === 0;
        setRadioDisabled(diskControl, info.type, (noPremium || noZones) && draft.osDiskType !== info.type);
      }
      showProblem(view, 'osDiskType', disk.message);

      setRadio(networkMode, draft.networkMode);
      const isNew = draft.networkMode === 'new';
      show(newNetwork, isNew);
      show(existingNetwork, !isNew);
      setText(vnetControl, draft.virtualNetworkName);
      setText(spaceControl, draft.addressPrefix);
      setText(subnetControl, draft.subnetName);
      setText(subnetRangeControl, draft.subnetPrefix);
      showProblem(view, 'virtualNetwork', isNew ? vnet.message : existingVnet.message, isNew ? vnetControl : undefined);
      setMessage(isNew ? existingVnet.message : vnet.message, undefined);
      showProblem(view, 'addressPrefix', space.message, spaceControl);
      showProblem(view, 'subnet', isNew ? subnet.message : existingSubnet.message, isNew ? subnetControl : undefined);
      setMessage(isNew ? existingSubnet.message : subnet.message, undefined);
      showProblem(view, 'subnetPrefix', subnetRange.message, subnetRangeControl);

      const networks = draft.location ? data.networks.get(regionKey(draft.subscriptionId, draft.location)) : undefined;
      setOptions(existingVnetControl, (networks?.items ?? []).map((network) => ({ value: network.id, label: network.name, description: `${network.resourceGroup} · ${network.addressPrefixes.join(', ')}` })), draft.existingVirtualNetworkId,
        !draft.location ? 'Choose a region first' : networks ? (networks.items.length > 0 ? 'Choose a virtual network…' : 'No virtual network in this region') : 'Loading virtual networks…');
      if (!isNew && networks?.error && !existingVnet.message.textContent) setMessage(existingVnet.message, `Virtual networks could not be listed: ${networks.error}`);
      const chosen = networks?.items.find((network) => network.id === draft.existingVirtualNetworkId);
      setOptions(existingSubnetControl, (chosen?.subnets ?? []).map((s) => ({ value: s.name, label: s.name, ...(s.addressPrefix ? { description: s.addressPrefix } : {}) })), draft.existingSubnet, chosen ? 'Choose a subnet…' : 'Choose a virtual network first');

      if (publicIpControl.checked !== draft.publicIp) publicIpControl.checked = draft.publicIp;

      const vmName = draft.name.trim() || '<vm>';
      const resources = suggestNetworkResourceNames(vmName, view.takenNetworkNames);
      replaceChildren(names,
        h('dt', {}, 'Network security group'), h('dd', { id: 'network-names-nsg' }, resources.networkSecurityGroup),
        h('dt', {}, 'Network interface'), h('dd', { id: 'network-names-nic' }, resources.networkInterface),
        ...(draft.publicIp ? [h('dt', {}, 'Public IP address'), h('dd', { id: 'network-names-ip' }, resources.publicIp)] : []));
      const problem = (['networkSecurityGroupName', 'networkInterfaceName', 'publicIpName'] as const).map((key) => (view.shown(key) && draft.name.trim() ? view.problems[key] : undefined)).find(Boolean);
      setMessage(namesMessage, problem);
    },
  };
}
