import type { Vault } from '../../azure/model';
import type { CreationReport, LocationInfo, NameAvailability, ResourceGroupInfo } from '../../azure/vaultCreation';
import { vaultRequestProblems, type VaultCreateRequest } from '../../azure/vaultRules';
import { isCreateVaultMessage, type CreateStep, type CreateVaultPreset, type CreateVaultToHost, type HostToCreateVault, type SubscriptionChoice } from '../shared/createVaultProtocol';
import { WebviewPanelHost, type HostedPanel, type PanelLog } from './webviewPanelHost';

/** What the create-vault panel needs from the extension: data, the creation, and what to do after. */
export interface CreateVaultBackend {
  subscriptions(): Promise<SubscriptionChoice[]>;
  resourceGroups(subscriptionId: string): Promise<ResourceGroupInfo[]>;
  locations(subscriptionId: string): Promise<LocationInfo[]>;
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
export class CreateVaultPanel extends WebviewPanelHost<HostToCreateVault, CreateVaultToHost> {
  /** The created vault, or undefined when the panel closed without one. */
  readonly result: Promise<Vault | undefined>;
  private settle!: (vault: Vault | undefined) => void;
  private creating: AbortController | undefined;
  private lastProgress: HostToCreateVault | undefined;

  constructor(
    panel: HostedPanel,
    private readonly backend: CreateVaultBackend,
    readonly identity: CreateVaultPreset,
    log: PanelLog,
  ) {
    super(panel, isCreateVaultMessage, log);
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.onDidDispose(() => {
      this.creating?.abort(new Error('The create vault panel was closed.'));
      this.settle(undefined);
    });
  }

  protected async onReady(): Promise<void> {
    const subscriptions = await this.backend.subscriptions().catch((error: unknown) => {
      this.log.error(`createVault: listing subscriptions failed: ${this.backend.describe(error).message}`);
      return [];
    });
    this.post({ type: 'init', subscriptions, preset: this.identity });
    // A form reloaded while creating shows where the creation is.
    if (this.creating && this.lastProgress) this.post(this.lastProgress);
  }

  protected async onMessage(message: Exclude<CreateVaultToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'listResourceGroups': {
        const { subscriptionId } = message;
        await this.backend.resourceGroups(subscriptionId).then(
          (groups) => this.post({ type: 'resourceGroups', subscriptionId, resourceGroups: groups }),
          (error: unknown) => this.post({ type: 'resourceGroups', subscriptionId, resourceGroups: [], error: this.backend.describe(error).message }),
        );
        return;
      }
      case 'listLocations': {
        const { subscriptionId } = message;
        await this.backend.locations(subscriptionId).then(
          (locations) => this.post({ type: 'locations', subscriptionId, locations }),
          (error: unknown) => this.post({ type: 'locations', subscriptionId, locations: [], error: this.backend.describe(error).message }),
        );
        return;
      }
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
        if (this.creating) this.creating.abort(new Error('Cancelled from the form.'));
        else this.dispose();
        return;
    }
  }

  private async create(request: VaultCreateRequest): Promise<void> {
    if (this.creating) {
      this.log.warn('createVault: a second create while one runs was ignored');
      return;
    }
    // The webview validated it; the host does again, as it would for any input from a page.
    const problems = Object.values(vaultRequestProblems(request));
    if (problems.length > 0) {
      this.log.warn(`createVault: refused an invalid request: ${problems.join(' ')}`);
      this.post({ type: 'createResult', ok: false, message: problems.join('\n') });
      return;
    }
    const controller = new AbortController();
    this.creating = controller;
    const report = (step: CreateStep, message: string) => {
      this.lastProgress = { type: 'createProgress', step, message };
      this.post(this.lastProgress);
    };
    try {
      const vault = await this.backend.create(request, report, controller.signal);
      this.log.info(`createVault: created ${vault.id}`);
      this.post({ type: 'createResult', ok: true, vaultId: vault.id, vaultName: vault.name });
      this.settle(vault);
      await this.backend.created(vault);
    } catch (error) {
      const failure = this.backend.describe(error);
      this.log.error(`createVault: creating ${request.name} failed: ${failure.message}`);
      this.post({ type: 'createResult', ok: false, message: failure.cancelled ? 'Cancelled.' : failure.message, ...(failure.vaultId ? { vaultId: failure.vaultId } : {}) });
    } finally {
      this.creating = undefined;
      this.lastProgress = undefined;
    }
  }
}
