import { l10n } from 'vscode';
import type { Uri } from 'vscode';
import type { RestoreStarted } from '../../azure/restoreOperations';
import { isRestoreState } from '../shared/restoreDraft';
import { isRestoreIdentity, restoreViewType, type RestoreIdentity } from '../shared/restoreProtocol';
import { FormPanels } from './formPanels';
import { RestorePanel, type RestoreBackend } from './restorePanel';
import type { PanelLog } from './webviewPanelHost';

/** What a panel restored after a reload gets when its saved state is unreadable: it says so, and restores nothing. */
const lostIdentity: RestoreIdentity = { vaultId: '', itemId: '', pointId: '' };

/**
 * The Restore forms, one per recovery point: restoring a point whose form is open shows that form
 * (with its draft); another point opens another. After a window reload each form is reopened from
 * its saved identity (vault, item, point), which the host reads from Azure again.
 */
export class RestorePanels extends FormPanels<RestoreIdentity, RestoreIdentity, RestoreStarted, RestorePanel> {
  constructor(extensionUri: Uri, backend: () => RestoreBackend, log: PanelLog) {
    super(extensionUri, {
      viewType: restoreViewType,
      bundle: 'restore',
      tabTitle: l10n.t('Restore'),
      pageTitle: l10n.t('Restore a virtual machine'),
      restoredIdentity: (state) => {
        if (isRestoreState(state)) return state.identity;
        // A form closed before its first save holds only what the serializer saw: nothing usable.
        const identity = (state as { identity?: unknown } | undefined)?.identity;
        return isRestoreIdentity(identity) ? identity : lostIdentity;
      },
      newIdentity: (identity) => identity,
      fits: (identity, wanted) => identity.pointId.toLowerCase() === wanted.pointId.toLowerCase() && identity.itemId.toLowerCase() === wanted.itemId.toLowerCase(),
      createHost: (panel, identity) => new RestorePanel(panel, backend(), identity, log),
    });
  }
}
