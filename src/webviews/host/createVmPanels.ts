import { randomUUID } from 'node:crypto';
import { l10n } from 'vscode';
import type { Uri } from 'vscode';
import type { PolicyDraft } from '../../policy/policyDraft';
import { isCreateVmState } from '../shared/createVmDraft';
import { createVmViewType, type CreateVmIdentity, type CreateVmPreset } from '../shared/createVmProtocol';
import { CreateVmPanel, type CreateVmBackend } from './createVmPanel';
import { fitsPreset, FormPanels } from './formPanels';
import type { PanelLog } from './webviewPanelHost';

/**
 * The Create VM forms. A form's identity is its preset and its own id; opening it again with the
 * same preset shows the open form, another preset (another subscription, region or vault) opens a
 * second one. A policy authored in the policy editor comes back here by the form's id.
 */
export class CreateVmPanels extends FormPanels<CreateVmIdentity, CreateVmPreset, string, CreateVmPanel> {
  constructor(
    extensionUri: Uri,
    backend: () => CreateVmBackend,
    private readonly log: PanelLog,
  ) {
    super(extensionUri, {
      viewType: createVmViewType,
      bundle: 'createVm',
      tabTitle: l10n.t('Create Virtual Machine'),
      pageTitle: l10n.t('Create a virtual machine'),
      restoredIdentity: (state) => (isCreateVmState(state) ? state.identity : { formId: randomUUID() }),
      newIdentity: (preset) => ({ ...preset, formId: randomUUID() }),
      fits: (identity, preset) => fitsPreset(identity, preset, ['subscriptionId', 'location', 'vaultId']),
      createHost: (panel, identity) => new CreateVmPanel(panel, backend(), identity, log),
    });
  }

  /** A policy authored for the form `formId`: the form uses it (ignored when that form was closed). */
  deliverPolicy(formId: string, draft: PolicyDraft): void {
    const host = this.find((candidate) => candidate.identity.formId === formId);
    if (host) host.receivePolicy(draft);
    else this.log.warn(`createVm: the form ${formId} that asked for policy ${draft.name} is closed`);
  }
}
