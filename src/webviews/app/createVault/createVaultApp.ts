// The create-vault form in the webview: keeps the draft (saved with setState on every change),
// asks the host for the subscription's resource groups, regions and whether the name is free,
// checks Azure's rules as the user types, then reviews and creates.
import { irreversibleChoices, vaultNameProblem } from '../../../azure/vaultRules';
import { emptyDraft, requestOf, type CreateVaultDraft, type CreateVaultState } from '../../shared/createVaultDraft';
import type { CreateVaultPreset, CreateVaultToHost, HostToCreateVault } from '../../shared/createVaultProtocol';
import type { SubscriptionChoice } from '../../shared/subscriptionLists';
import { debounce, setMessage } from '../shared/dom';
import { FormPage } from '../shared/formPage';
import type { HostConnection } from '../shared/hostConnection';
import { loadSubscriptionLists, receiveSubscriptionList, type SubscriptionData } from '../shared/subscriptionData';
import { buildCreateVaultForm, type CreateVaultForm, type FormChange } from './createVaultForm';
import { buildReview, renderProgress, renderSummary, type Phase, type ReviewView } from './createVaultReview';
import { formProblems, renderForm, summaryRows, type NameCheck } from './createVaultView';

export type CreateVaultConnection = HostConnection<HostToCreateVault, CreateVaultToHost, CreateVaultState>;

/** How long typing must pause before the name is checked with Azure. */
export const nameCheckDelayMs = 400;

export class CreateVaultApp {
  private draft: CreateVaultDraft;
  private identity: CreateVaultPreset;
  private readonly data: SubscriptionData = { groups: new Map(), locations: new Map() };
  private nameCheck: NameCheck | undefined;
  private phase: Phase | 'form' = 'form';
  private steps: string[] = [];
  private outcome: string | undefined;
  private showAllMessages = false;
  private readonly form: CreateVaultForm;
  private readonly review: ReviewView;
  private readonly page: FormPage;
  private readonly checkNameLater = debounce(() => this.checkName(), nameCheckDelayMs);

  constructor(
    root: HTMLElement,
    private readonly host: CreateVaultConnection,
  ) {
    const saved = host.savedState();
    this.identity = saved?.identity ?? {};
    this.draft = saved?.draft ?? emptyDraft();
    this.form = buildCreateVaultForm((change) => this.change(change), () => this.toReview(), () => host.post({ type: 'cancel' }));
    this.review = buildReview({
      create: () => this.create(),
      back: () => this.toForm(),
      cancel: () => host.post({ type: 'cancel' }),
      close: () => host.post({ type: 'cancel' }),
    });
    this.page = new FormPage(root, 'Create Recovery Services vault', this.form.root, this.review.root);
    host.onMessage((message) => this.receive(message));
    // A draft restored after hide/show or a reload remembered its step: back to the review.
    if (this.draft.step === 'review') this.phase = 'review';
  }

  /** Tells the host the page is ready for its data (the handshake). */
  start(): void {
    this.host.post({ type: 'ready' });
  }

  private receive(message: HostToCreateVault): void {
    switch (message.type) {
      case 'init':
        return this.init(message.subscriptions, message.preset);
      case 'resourceGroups':
      case 'locations':
        receiveSubscriptionList(this.data, message);
        return this.update();
      case 'nameCheck':
        if (this.nameCheck && this.nameCheck.subscriptionId === message.subscriptionId && this.nameCheck.name === message.name) {
          this.nameCheck = { ...this.nameCheck, status: message.available ? 'available' : 'taken', ...(message.message ? { message: message.message } : {}) };
          this.update();
        }
        return;
      case 'createProgress':
        if (this.phase !== 'creating') this.steps = [];
        this.phase = 'creating';
        if (this.steps.at(-1) !== message.message) this.steps.push(message.message);
        return this.update();
      case 'createResult':
        this.phase = message.ok ? 'created' : 'failed';
        this.outcome = message.ok ? `Created the vault ${message.vaultName}. It is shown and selected in the Backups view.` : message.message;
        // The form keeps showing what was created; a reload after this starts a new, empty form.
        if (message.ok) this.host.saveState({ identity: this.identity, draft: emptyDraft(this.identity) });
        return this.update();
    }
  }

  private init(subscriptions: SubscriptionChoice[], preset: CreateVaultPreset): void {
    this.data.subscriptions = subscriptions;
    if (!this.host.savedState()) {
      this.identity = preset;
      this.draft = emptyDraft(preset);
    }
    if (!subscriptions.some((subscription) => subscription.subscriptionId === this.draft.subscriptionId)) {
      this.draft = { ...this.draft, subscriptionId: subscriptions[0]?.subscriptionId ?? '' };
    }
    this.page.loaded();
    this.save(this.draft);
    this.loadLists();
    this.checkName();
    this.update();
  }

  private change(change: FormChange): void {
    if (this.phase !== 'form') return;
    const next = { ...this.draft, [change.field]: change.value } as CreateVaultDraft;
    if (!next.touched.includes(change.field)) next.touched = [...next.touched, change.field];
    if (change.field === 'subscriptionId') {
      next.existingResourceGroup = '';
      next.location = '';
    }
    if (change.field === 'immutability' && change.value === 'Disabled') next.lockImmutability = false;
    this.save(next);
    if (change.field === 'subscriptionId') this.loadLists();
    if (['subscriptionId', 'name'].includes(change.field)) {
      this.nameCheck = undefined;
      if (!vaultNameProblem(next.name.trim())) {
        this.nameCheck = { subscriptionId: next.subscriptionId, name: next.name.trim(), status: 'checking' };
        this.checkNameLater();
      }
    }
    this.update();
  }

  private loadLists(): void {
    const subscriptionId = this.draft.subscriptionId;
    if (subscriptionId) loadSubscriptionLists(this.data, subscriptionId, (message) => this.host.post(message));
  }

  /** Asks the host whether the name is free in the subscription (only for a name our rules accept). */
  private checkName(): void {
    const name = this.draft.name.trim();
    const subscriptionId = this.draft.subscriptionId;
    if (!subscriptionId || vaultNameProblem(name)) return;
    this.nameCheck = { subscriptionId, name, status: 'checking' };
    const group = this.draft.resourceGroupMode === 'existing' ? this.draft.existingResourceGroup : '';
    this.host.post({ type: 'checkName', subscriptionId, name, ...(group ? { resourceGroup: group } : {}), ...(this.draft.location ? { location: this.draft.location } : {}) });
  }

  private toReview(): void {
    this.showAllMessages = true;
    if (Object.keys(formProblems(this.draft, this.data, this.nameCheck)).length > 0) {
      this.update();
      return;
    }
    this.phase = 'review';
    this.save({ ...this.draft, step: 'review' });
    this.update();
    this.review.root.querySelector('h2')?.focus();
  }

  private toForm(): void {
    if (this.phase === 'creating') return;
    this.phase = 'form';
    this.steps = [];
    this.outcome = undefined;
    this.save({ ...this.draft, step: 'form' });
    this.update();
  }

  private create(): void {
    if (this.phase !== 'review' && this.phase !== 'failed') return;
    if (Object.keys(formProblems(this.draft, this.data, this.nameCheck)).length > 0) return;
    this.phase = 'creating';
    this.steps = [];
    this.outcome = undefined;
    this.host.post({ type: 'create', request: requestOf(this.draft) });
    this.update();
  }

  private save(draft: CreateVaultDraft): void {
    this.draft = draft;
    this.host.saveState({ identity: this.identity, draft });
  }

  private update(): void {
    if (!this.data.subscriptions) return;
    const problems = formProblems(this.draft, this.data, this.nameCheck);
    const onForm = this.phase === 'form';
    this.page.showForm(onForm);
    if (onForm) {
      renderForm(this.form, this.draft, this.data, problems, this.showAllMessages);
      return;
    }
    renderSummary(this.review, summaryRows(this.draft, this.data), irreversibleChoices(requestOf(this.draft)));
    renderProgress(this.review, { phase: this.phase as Phase, steps: this.steps, ...(this.outcome ? { outcome: this.outcome } : {}), canCreate: Object.keys(problems).length === 0 });
    if (this.phase === 'review' && problems.name && this.nameCheck?.status !== 'checking') setMessage(this.review.result, problems.name);
  }
}
