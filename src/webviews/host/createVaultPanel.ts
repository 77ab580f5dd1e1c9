import type { Vault } from '../../azure/model';
import type { CreationReport, NameAvailability } from '../../azure/vaultCreation';
import { vaultRequestProblems, type VaultCreateRequest } from '../../azure/vaultRules';
import { isCreateVaultMessage, type CreateStep, type CreateVaultPreset, type CreateVaultToHost, type HostToCreateVault } from '../shared/createVaultProtocol';
import { CreationPanelHost, subscriptionListAnswer, type SubscriptionListSource } from './creationPanelHost';
import type { HostedPanel, PanelLog } from './webviewPanelHost';

/** What the create-vault panel needs from the extension: data, the creation, and what to do after. */
export interface CreateVaultBackend extends SubscriptionListSource {
  checkName(subscriptionId: string, name: string, where: { resourceGroup?: string; location?: string }): Promise<NameAvailability>;
  create(request: VaultCreateRequest, report: CreationReport, signal: AbortSignal): Promise<Vault>;
  /** After a creation: refresh the tree and reveal the vault. */
  created(vault: Vault): Promise<void>;
  /** The user's words for a failure (an AzureError's explanation, or the message). */
  describe(error: unknown): { message: string; cancelled: boolean; vaultId?: string };
}

/**
 * The create-vault panel's host: answers the form's requests through the backend, validates the
 * request again before creating, reports the creation's steps, and tells whoever opened it which
 * vault was created (`result`).
 */
export class CreateVaultPanel extends CreationPanelHost<HostToCreateVault, CreateVaultToHost, Vault> {
  constructor(
    panel: HostedPanel,
    private readonly backend: CreateVaultBackend,
    readonly identity: CreateVaultPreset,
    log: PanelLog,
  ) {
    super(panel, isCreateVaultMessage, log, 'createVault', 'The create vault panel was closed.');
  }

  protected async onReady(): Promise<void> {
    this.post({ type: 'init', subscriptions: await this.subscriptionsOf(this.backend), preset: this.identity });
    this.repostProgress();
  }

  protected async onMessage(message: Exclude<CreateVaultToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'listResourceGroups':
      case 'listLocations':
        return this.post(await subscriptionListAnswer(message, this.backend));
      case 'checkName': {
        const { subscriptionId, name } = message;
        const where = { ...(message.resourceGroup ? { resourceGroup: message.resourceGroup } : {}), ...(message.location ? { location: message.location } : {}) };
        await this.backend.checkName(subscriptionId, name, where).then(
          (answer) => this.post({ type: 'nameCheck', subscriptionId, name, available: answer.available, ...(answer.message ? { message: answer.message } : {}) }),
          (error: unknown) => this.post({ type: 'nameCheck', subscriptionId, name, available: false, message: `Could not check the name: ${this.backend.describe(error).message}` }),
        );
        return;
      }
      case 'create':
        return this.create(message.request);
      case 'cancel':
        return this.cancel(new Error('Cancelled from the form.'));
    }
  }

  private create(request: VaultCreateRequest): Promise<void> {
    return this.runCreation(async (signal) => {
      // The webview validated it; the host does again, as it would for any input from a page.
      const problems = Object.values(vaultRequestProblems(request));
      if (problems.length > 0) {
        this.log.warn(`createVault: refused an invalid request: ${problems.join(' ')}`);
        this.post({ type: 'createResult', ok: false, message: problems.join('\n') });
        return;
      }
      const report = (step: CreateStep, message: string) => this.progress({ type: 'createProgress', step, message });
      try {
        const vault = await this.backend.create(request, report, signal);
        this.log.info(`createVault: created ${vault.id}`);
        this.post({ type: 'createResult', ok: true, vaultId: vault.id, vaultName: vault.name });
        this.settle(vault);
        await this.backend.created(vault);
      } catch (error) {
        const failure = this.backend.describe(error);
        this.log.error(`createVault: creating ${request.name} failed: ${failure.message}`);
        this.post({ type: 'createResult', ok: false, message: failure.cancelled ? 'Cancelled.' : failure.message, ...(failure.vaultId ? { vaultId: failure.vaultId } : {}) });
      }
    });
  }
}
