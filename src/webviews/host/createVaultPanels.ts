import { l10n } from 'vscode';
import type { Uri } from 'vscode';
import type { Vault } from '../../azure/model';
import { isCreateVaultState } from '../shared/createVaultDraft';
import { createVaultViewType, type CreateVaultPreset } from '../shared/createVaultProtocol';
import { CreateVaultPanel, type CreateVaultBackend } from './createVaultPanel';
import { fitsPreset, FormPanels } from './formPanels';
import type { PanelLog } from './webviewPanelHost';

/**
 * The create-vault forms. A form's identity is its preset; opening it again shows the open form,
 * unless the caller needs another subscription or region (Enable Backup's "Create new vault…"):
 * then a second form opens.
 */
export class CreateVaultPanels extends FormPanels<CreateVaultPreset, CreateVaultPreset, Vault, CreateVaultPanel> {
  constructor(extensionUri: Uri, backend: () => CreateVaultBackend, log: PanelLog) {
    super(extensionUri, {
      viewType: createVaultViewType,
      bundle: 'createVault',
      tabTitle: l10n.t('Create Vault'),
      pageTitle: l10n.t('Create Recovery Services vault'),
      restoredIdentity: (state) => (isCreateVaultState(state) ? state.identity : {}),
      newIdentity: (preset) => preset,
      fits: (identity, preset) => fitsPreset(identity, preset, ['subscriptionId', 'location']),
      createHost: (panel, identity) => new CreateVaultPanel(panel, backend(), identity, log),
    });
  }
}
