// Where the restore goes, per restore type: the target resource group, the new VM's name, its
// virtual network and subnet (of the vault's region), the staging storage account (only those
// Azure accepts, or a new one), and the availability zone.
import { usesTargetResourceGroup } from '../../../restore/restoreRules';
import { vmNameLength } from '../../../vmCreation/nameRules';
import { newStagingAccount } from '../../shared/restoreDraft';
import { h, setMessage, show } from '../shared/dom';
import { field, select, setOptions, setText, textField } from '../shared/formFields';
import { requestOf, offeredStagingAccounts } from './restoreModel';
import { showProblem, type RestoreFormActions, type RestoreFormPart } from './restoreFormParts';

export function targetSection(actions: RestoreFormActions): RestoreFormPart {
  const change = actions.change;
  const groupControl = select('target-resource-group', (value) => change({ field: 'targetResourceGroup', value }), true);
  const group = field('target-resource-group', 'Target resource group', groupControl);
  const groupHelp = helpOf(group.block, group.message, groupControl, 'target-resource-group');

  const nameControl = textField('target-vm-name', (value) => change({ field: 'vmName', value }), { placeholder: 'e.g. web-01-restored', autocomplete: 'off', spellcheck: false });
  const name = field('target-vm-name', 'Virtual machine name', nameControl);
  const nameHelp = helpOf(name.block, name.message, nameControl, 'target-vm-name');

  const networkControl = select('virtual-network', (value) => change({ field: 'virtualNetworkId', value }), true);
  const network = field('virtual-network', 'Virtual network', networkControl);
  const networkHelp = helpOf(network.block, network.message, networkControl, 'virtual-network');
  const subnetControl = select('subnet', (value) => change({ field: 'subnetName', value }));
  const subnet = field('subnet', 'Subnet', subnetControl, 'The new VM’s network interface joins this subnet.');

  const stagingControl = select('staging-account', (value) => change({ field: 'stagingStorageAccountId', value }), true);
  const staging = field('staging-account', 'Staging storage account', stagingControl);
  const stagingHelp = helpOf(staging.block, staging.message, stagingControl, 'staging-account');
  const accountNameControl = textField('new-account-name', (value) => change({ field: 'newAccountName', value }), { maxLength: 24, autocomplete: 'off', spellcheck: false });
  const accountName = field('new-account-name', 'New storage account name', accountNameControl, '3–24 lower-case letters and digits, unique across Azure. A StorageV2, locally redundant account in the vault’s region.');
  const accountGroupControl = select('new-account-resource-group', (value) => change({ field: 'newAccountResourceGroup', value }), true);
  const accountGroup = field('new-account-resource-group', 'Its resource group', accountGroupControl);
  const createAccount = h('vscode-button', { id: 'create-account', secondary: true, icon: 'add', onclick: () => actions.createAccount() }, 'Create storage account') as HTMLElement & { disabled: boolean };
  const accountResult = h('div', { id: 'create-account-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const newAccount = h('div', { id: 'new-account', class: 'second-step' }, accountName.block, accountGroup.block, h('div', { class: 'inline-actions' }, createAccount), accountResult);

  const zoneControl = select('zone', (value) => change({ field: 'zone', value: value as '' | '1' | '2' | '3' }));
  const zone = field('zone', 'Availability zone', zoneControl, 'Restoring to another zone (Cross Zonal Restore) needs a point in the vault tier only, of a VM with managed disks that is not encrypted, and a zone-redundant vault.');

  const targetsError = h('div', { id: 'targets-error', class: 'message', 'data-kind': 'error', role: 'alert', hidden: true });
  const reload = h('vscode-button', { id: 'reload-targets', secondary: true, icon: 'refresh', hidden: true, onclick: () => actions.reloadTargets() }, 'List again');

  const root = h('section', { id: 'target-section', 'aria-labelledby': 'target-heading' },
    h('h2', { id: 'target-heading', tabindex: '-1' }, 'Where it goes'),
    targetsError, reload,
    group.block, name.block, network.block, subnet.block, staging.block, newAccount, zone.block);

  return {
    root,
    render(view) {
      const { draft, data } = view;
      const source = data.source;
      if (!source) return;
      const request = requestOf(draft, source, '');
      const type = draft.type;
      const targets = data.targets;
      const region = source.vaultLocation;
      setMessage(targetsError, data.targetsError ? `Azure did not list where the restore can go: ${data.targetsError}` : undefined);
      show(reload, data.targetsError !== undefined);

      const groups = (targets?.resourceGroups ?? []).map((candidate) => ({ value: candidate.name, label: candidate.name, description: candidate.location }));
      const groupShown = usesTargetResourceGroup(request);
      show(group.block, groupShown);
      setOptions(groupControl, groups, draft.targetResourceGroup, targets ? 'Choose a resource group…' : 'Loading resource groups…');
      groupHelp.textContent = type === 'newVm'
        ? `The new VM, its disks and its network interface are created in this resource group, in the vault’s region (${region}) whatever the group’s own region.`
        : `The restored managed disks are created in this resource group, in the vault’s region (${region}).`;
      if (groupShown) showProblem(view, 'targetResourceGroup', group.message);

      const newVm = type === 'newVm';
      show(name.block, newVm);
      show(network.block, newVm);
      show(subnet.block, newVm);
      const osType = source.point.osType ?? targets?.sourceVm?.osType ?? 'Linux';
      const { min, max } = vmNameLength[osType];
      nameHelp.textContent = osType === 'Windows'
        ? `${min}–${max} letters, digits and hyphens for a Windows VM; not ending in a hyphen; no other VM of that name in the resource group.`
        : `${min}–${max} letters, digits, hyphens, underscores and periods; not starting with an underscore or ending in a period or hyphen; no other VM of that name in the resource group.`;
      setText(nameControl, draft.vmName);
      if (newVm) {
        showProblem(view, 'vmName', name.message, nameControl);
        if (!name.message.textContent && view.shown('vmName') && !view.problems.vmName) setMessage(name.message, `Virtual machine name '${request.vmName}' is free in ${request.targetResourceGroup}.`, 'info');
      }

      const networks = targets?.virtualNetworks ?? [];
      networkHelp.textContent = `The virtual networks of the vault’s region (${region}): a restored VM is created there.`;
      setOptions(networkControl, networks.map((vnet) => ({ value: vnet.id, label: vnet.name, description: `${vnet.resourceGroup} · ${vnet.addressPrefixes.join(', ')}` })), draft.virtualNetworkId,
        !targets ? 'Loading virtual networks…' : networks.length === 0 ? `No virtual network in ${region}: create one first` : 'Choose a virtual network…');
      const subnets = networks.find((vnet) => vnet.id.toLowerCase() === draft.virtualNetworkId.toLowerCase())?.subnets ?? [];
      setOptions(subnetControl, subnets.map((candidate) => ({ value: candidate.name, label: candidate.name, ...(candidate.addressPrefix ? { description: candidate.addressPrefix } : {}) })), draft.subnetName,
        draft.virtualNetworkId ? 'Choose a subnet…' : 'Choose a virtual network first');
      if (newVm) {
        showProblem(view, 'virtualNetwork', network.message);
        showProblem(view, 'subnet', subnet.message);
      }

      const offered = offeredStagingAccounts(data);
      const accounts = offered.map((account) => ({ value: account.id, label: account.name, description: `${account.resourceGroup} · ${account.kind} · ${account.skuName}` }));
      // A chosen account Azure would refuse stays in the list, so its problem shows beside it.
      const chosen = targets?.storageAccounts.find((account) => account.id.toLowerCase() === draft.stagingStorageAccountId.toLowerCase());
      if (chosen && !offered.includes(chosen)) accounts.push({ value: chosen.id, label: chosen.name, description: `${chosen.location} · ${chosen.kind} · ${chosen.skuName} — not accepted` });
      setOptions(stagingControl, [...accounts, { value: newStagingAccount, label: 'Create new storage account…', description: `StorageV2, locally redundant, in ${region}` }], draft.stagingStorageAccountId,
        targets ? 'Choose a storage account…' : 'Loading storage accounts…');
      stagingHelp.textContent = stagingHelpText(type, region, offered.length, targets?.storageAccounts.length ?? 0);
      showProblem(view, 'stagingStorageAccount', staging.message);

      const creating = draft.stagingStorageAccountId === newStagingAccount;
      show(newAccount, creating);
      setText(accountNameControl, draft.newAccountName);
      setOptions(accountGroupControl, groups, draft.newAccountResourceGroup, targets ? 'Choose a resource group…' : 'Loading resource groups…');
      createAccount.disabled = view.creatingAccount;
      const accountMessage = view.creatingAccount ? { ok: true, text: `Creating the storage account ${draft.newAccountName.trim()}…` } : view.accountMessage;
      setMessage(accountResult, accountMessage?.text, accountMessage?.ok === false ? 'error' : 'info');

      const zones = targets?.zones ?? [];
      const own = source.point.zones.length > 0 ? `zone ${source.point.zones.join(', ')}` : 'no zone';
      show(zone.block, type !== 'replaceDisks');
      setOptions(zoneControl, [{ value: '', label: `As the point was (${own})` }, ...zones.map((candidate) => ({ value: candidate, label: `Zone ${candidate}` }))], draft.zone);
      if (type !== 'replaceDisks') showProblem(view, 'zone', zone.message);
    },
  };
}

function stagingHelpText(type: string, region: string, offered: number, all: number): string {
  const what = type === 'replaceDisks'
    ? 'Azure Backup keeps the snapshot of the VM’s current disks there while it swaps them.'
    : type === 'restoreDisks'
      ? 'Azure Backup writes the VM’s configuration and the template to build a VM from the disks there.'
      : 'Azure Backup writes the VM’s configuration there while it restores.';
  const left = all - offered;
  const refused = left > 0 ? ` ${left} other account${left === 1 ? '' : 's'} of the subscription ${left === 1 ? 'is' : 'are'} not offered: another region, zone-redundant, blob-only, or premium for standard disks.` : '';
  return `${what} It must be a general-purpose account in the vault’s region (${region}).${refused}`;
}

/** Help under a field whose text the render sets: announced with the field. */
function helpOf(block: HTMLElement, message: HTMLElement, control: HTMLElement, id: string): HTMLElement {
  const text = h('p');
  block.insertBefore(h('vscode-form-helper', { id: `${id}-help` }, text), message);
  control.setAttribute('aria-describedby', `${id}-help ${id}-message`);
  return text;
}
