// The top of the Restore form: what is restored (the VM, the point's time, consistency, tier and
// expiry, the vault) and the restore type, each type explained in one line.
import { restoreTypeDescriptions, restoreTypes, type RestoreType } from '../../../restore/restoreRequest';
import { h, replaceChildren } from '../shared/dom';
import { field, radioGroup, setRadio } from '../shared/formFields';
import { showProblem, type RestoreFormActions, type RestoreFormPart } from './restoreFormParts';
import { consistencyText, localTime, tierText } from './restoreText';

export function pointSection(): RestoreFormPart {
  const summary = h('dl', { id: 'point-summary', class: 'summary', 'aria-label': 'What is restored' });
  const root = h('section', { id: 'point-section', 'aria-labelledby': 'point-heading' }, h('h2', { id: 'point-heading', tabindex: '-1' }, 'What is restored'), summary);
  return {
    root,
    render({ data }) {
      const { source, details } = data;
      if (!source || !details) return;
      const { point } = source;
      const zone = point.zones.length > 0 ? `Zone ${point.zones.join(', ')}` : 'None (not pinned to a zone)';
      const rows: [string, string][] = [
        ['Virtual machine', source.vmName],
        ['Recovery point', `${localTime(details.time)} (${point.name})`],
        ['Consistency', consistencyText(details.consistency)],
        ['Stored in', tierText(point)],
        ['Expires', details.expiry ? localTime(details.expiry) : 'Never (the backup was stopped with its data retained)'],
        ['Vault', `${details.vaultName} (${source.vaultLocation}) — every restore lands in this region`],
        ['Availability zone', zone],
        ...(details.vmSize ? [['Size', details.vmSize] as [string, string]] : []),
        ['Disks', [point.managed ? 'Managed' : 'Unmanaged', point.premiumDisks ? 'premium' : undefined, point.encrypted ? 'encrypted (Azure Disk Encryption)' : undefined].filter(Boolean).join(', ')],
      ];
      const key = JSON.stringify(rows);
      if (summary.dataset.key === key) return;
      summary.dataset.key = key;
      replaceChildren(summary, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
    },
  };
}

export function typeSection(actions: RestoreFormActions): RestoreFormPart {
  const choices = restoreTypes.map((value) => ({ value, ...restoreTypeDescriptions[value] }));
  const group = radioGroup<RestoreType>('restore-type', 'Restore type', choices, (value) => actions.change({ field: 'type', value }));
  const type = field('restore-type', 'Restore type', group, 'Choose what the restore makes. Nothing is sent before you review, Azure validates and you confirm.');
  const root = h('section', { id: 'type-section', 'aria-labelledby': 'type-heading' }, h('h2', { id: 'type-heading', tabindex: '-1' }, 'How to restore'), type.block);
  return {
    root,
    render(view) {
      setRadio(group, view.draft.type);
      showProblem(view, 'type', type.message);
    },
  };
}
