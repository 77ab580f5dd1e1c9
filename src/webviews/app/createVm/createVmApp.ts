// The Create VM form in the webview: keeps the draft (saved with setState on every change, the
// password never), asks the host for what it needs (HostRequests), checks Azure's rules as the
// user types, then reviews and creates, keeping the draft when the deployment fails.
import { emptyDraft, noSecrets, otherImage, type CreateVmDraft, type CreateVmSecrets, type CreateVmState } from '../../shared/createVmDraft';
import type { CreateVmIdentity, CreateVmToHost, HostToCreateVm } from '../../shared/createVmProtocol';
import type { SubscriptionChoice } from '../../shared/subscriptionLists';
import { FormPage } from '../shared/formPage';
import type { HostConnection } from '../shared/hostConnection';
import { applyChange, withOsType, withPolicyOf, withSize, withSuggestedNetwork, withSuggestedVaultName } from './createVmChanges';
import { buildCreateVmForm, type CreateVmForm } from './createVmForm';
import { fieldLabels, fieldSources, isSecretChange, type FormChange, type FormView } from './createVmFormParts';
import { receiveList } from './createVmLists';
import { authorVaultOf, chosenPolicyDraft, emptyData, formProblems, isPending, requestFor, takenNetworkNamesOf, type FormField, type FormProblems } from './createVmModel';
import { HostRequests } from './createVmRequests';
import { buildReview, type Phase, type ProgressState, type ReviewView } from './createVmReview';
import { renderReviewOf } from './createVmSummary';

export { checkDelayMs } from './createVmRequests';

export type CreateVmConnection = HostConnection<HostToCreateVm, CreateVmToHost, CreateVmState>;

export class CreateVmApp {
  private identity: CreateVmIdentity | undefined;
  private draft: CreateVmDraft;
  private secrets: CreateVmSecrets = { ...noSecrets };
  private readonly data = emptyData();
  private readonly requests: HostRequests;
  private phase: Phase | 'form' = 'form';
  private progress: Omit<ProgressState, 'phase' | 'canCreate' | 'blockers'> = { resources: [], failures: [] };
  private templateStatus: Parameters<ReviewView['renderTemplateStatus']>[0];
  private readonly form: CreateVmForm;
  private readonly review: ReviewView;
  private readonly page: FormPage;
  /** Why the key file could not be loaded, until the next try. */
  private sshKeyError: string | undefined;
  /** Why "Create new policy…" could not open yet, until the next change. */
  private authorBlocked: string | undefined;

  constructor(
    root: HTMLElement,
    private readonly host: CreateVmConnection,
    private readonly clock: () => number = () => Date.now(),
  ) {
    const saved = host.savedState();
    this.identity = saved?.identity;
    this.draft = saved?.draft ?? emptyDraft();
    this.requests = new HostRequests((message) => host.post(message), this.data, () => this.draft);
    this.form = buildCreateVmForm({
      change: (change) => this.change(change),
      loadSshKey: () => host.post({ type: 'loadSshKey' }),
      authorPolicy: () => this.authorPolicy(),
      review: () => this.toReview(),
      cancel: () => host.post({ type: 'cancel' }),
    });
    this.review = buildReview({
      create: () => this.create(),
      viewTemplate: () => this.viewTemplate(),
      back: () => this.toForm(),
      cancel: () => host.post({ type: 'cancel' }),
      close: () => host.post({ type: 'cancel' }),
    });
    this.page = new FormPage(root, 'Create a virtual machine', this.form.root, this.review.root);
    host.onMessage((message) => this.receive(message));
    if (this.draft.step === 'review') this.phase = 'review';
  }

  /** Tells the host the page is ready for its data (the handshake). */
  start(): void {
    this.host.post({ type: 'ready' });
  }

  private receive(message: HostToCreateVm): void {
    switch (message.type) {
      case 'init':
        return this.init(message.identity, message.subscriptions);
      case 'vmNameCheck':
        if (this.requests.receive(message)) this.update();
        return;
      case 'imageCheck':
        if (!this.requests.receive(message)) return;
        if (message.osType && this.draft.image === otherImage) this.save(withOsType(this.draft, message.osType, this.data));
        return this.update();
      case 'sshKey':
        this.sshKeyError = message.ok ? undefined : message.message;
        if (message.ok || message.message) this.save(touched({ ...this.draft, ...(message.ok ? { sshPublicKey: message.publicKey, sshKeyFile: message.fileName } : {}) }, 'sshPublicKey'));
        return this.update();
      case 'policyAuthored':
        this.save(touched({ ...this.draft, policyMode: 'new', newPolicy: message.draft }, 'policyMode'));
        return this.update();
      case 'templateShown':
        this.templateStatus = { ok: message.ok, message: message.message };
        return this.update();
      case 'createProgress':
        if (this.phase !== 'creating') this.progress = { resources: [], failures: [] };
        this.phase = 'creating';
        this.progress = { ...this.progress, message: message.message, resources: message.resources, ...(message.expectedResourceCount !== undefined ? { expectedResourceCount: message.expectedResourceCount } : {}) };
        return this.update();
      case 'createResult':
        this.phase = message.ok ? 'created' : 'failed';
        this.progress = { ...this.progress, outcome: message.message, failures: message.ok ? [] : message.failures };
        // The review keeps showing what was created; a reload after this starts a new form. A failure keeps the draft.
        if (message.ok && this.identity) this.host.saveState({ identity: this.identity, draft: emptyDraft(this.identity) });
        return this.update();
      default:
        if (!receiveList(this.data, message)) return;
        // What follows from a list for the draft: a size the region offers, the vault's policy, names not taken.
        if (message.type === 'sizes') this.save(withSize(this.draft, this.data));
        if (message.type === 'policies') this.save(withPolicyOf(this.draft, this.data));
        if (message.type === 'vaults') this.save(withSuggestedVaultName(this.draft, this.data));
        if (message.type === 'groupNames') this.save(withSuggestedNetwork(this.draft, this.data));
        return this.update();
    }
  }

  private init(identity: CreateVmIdentity, subscriptions: SubscriptionChoice[]): void {
    this.data.subscriptions = subscriptions;
    const saved = this.host.savedState();
    if (!saved || saved.identity.formId !== identity.formId) this.draft = emptyDraft(identity);
    this.identity = identity;
    if (!subscriptions.some((subscription) => subscription.subscriptionId === this.draft.subscriptionId)) {
      this.draft = { ...this.draft, subscriptionId: subscriptions[0]?.subscriptionId ?? '' };
    }
    this.page.loaded();
    this.save(withSuggestedVaultName(this.draft, this.data));
    this.requests.loadLists();
    this.requests.checkAll();
    this.update();
  }

  private change(change: FormChange): void {
    if (this.phase !== 'form') return this.update();
    this.authorBlocked = undefined;
    if (isSecretChange(change)) {
      this.secrets = { ...this.secrets, [change.field]: change.value };
      if (!this.draft.touched.includes(change.field)) this.save(touched(this.draft, change.field));
      return this.update();
    }
    if (change.field === 'sshPublicKey') this.sshKeyError = undefined;
    const before = this.draft;
    this.save(applyChange(this.draft, change, this.data));
    this.requests.changed(before, this.draft);
    this.update();
  }

  private authorPolicy(): void {
    const vault = authorVaultOf(this.draft);
    this.save(touched(this.draft, 'policyMode'));
    if (!vault) {
      this.authorBlocked = 'Choose the vault (and for a new vault its name, resource group and region) before creating a policy for it.';
      return this.update();
    }
    this.host.post({ type: 'authorPolicy', vault, ...(this.draft.newPolicy ? { draft: this.draft.newPolicy } : {}) });
    this.update();
  }

  private problems(): FormProblems {
    const problems = formProblems(this.draft, this.data, this.requests.checks, this.secrets);
    if (this.sshKeyError) problems.sshPublicKey = this.sshKeyError;
    if (this.authorBlocked && !problems.policy) problems.policy = this.authorBlocked;
    return problems;
  }

  private toReview(): void {
    if (Object.keys(this.problems()).length > 0) return this.update();
    this.phase = 'review';
    this.save({ ...this.draft, step: 'review' });
    this.update();
    this.review.root.querySelector('h2')?.focus();
  }

  private toForm(): void {
    if (this.phase === 'creating') return;
    this.phase = 'form';
    this.progress = { resources: [], failures: [] };
    this.templateStatus = undefined;
    this.save({ ...this.draft, step: 'form' });
    this.update();
  }

  private create(): void {
    if (this.phase !== 'review' && this.phase !== 'failed') return;
    if (Object.keys(this.problems()).length > 0) return;
    this.phase = 'creating';
    this.progress = { resources: [], failures: [], message: 'Sending the deployment…' };
    this.host.post({ type: 'create', request: requestFor(this.draft, this.data, this.secrets) });
    this.update();
  }

  private viewTemplate(): void {
    if (Object.keys(this.problems()).length > 0) return;
    this.templateStatus = 'opening';
    this.host.post({ type: 'viewTemplate', request: requestFor(this.draft, this.data, this.secrets) });
    this.update();
  }

  private save(draft: CreateVmDraft): void {
    this.draft = draft;
    if (this.identity) this.host.saveState({ identity: this.identity, draft });
  }

  private view(problems: FormProblems): FormView {
    const { draft } = this;
    const seen = new Set(draft.touched);
    const takenNetworkNames = takenNetworkNamesOf(draft, this.data);
    return {
      draft,
      secrets: this.secrets,
      data: this.data,
      checks: this.requests.checks,
      problems,
      ...(takenNetworkNames ? { takenNetworkNames } : {}),
      shown: (field) => fieldSources[field].some((source) => seen.has(source)),
    };
  }

  private update(): void {
    if (!this.data.subscriptions) return;
    const problems = this.problems();
    const onForm = this.phase === 'form';
    this.page.showForm(onForm);
    const blocking = (Object.keys(problems) as FormField[]).filter((field) => problems[field] !== undefined);
    const waiting = blocking.every((field) => isPending(problems[field]));
    const fields = [...new Set(blocking.map((field) => fieldLabels[field]))].join(', ');
    if (onForm) {
      this.form.render(this.view(problems));
      this.form.reviewButton.disabled = blocking.length > 0;
      this.form.blockers.textContent = blocking.length === 0 ? '' : waiting ? 'Waiting for Azure’s answers…' : `To review, complete: ${fields}.`;
      return;
    }
    renderReviewOf(this.review, requestFor(this.draft, this.data, this.secrets), this.data, chosenPolicyDraft(this.draft, this.data), this.clock());
    this.review.renderTemplateStatus(this.templateStatus);
    // A review restored after a reload lacks the password (never saved): say what to complete.
    const blockers = blocking.length === 0 ? undefined : waiting ? 'Waiting for Azure’s answers…' : `To create, go back and complete: ${fields}.`;
    this.review.renderProgress({ phase: this.phase as Phase, ...this.progress, canCreate: blocking.length === 0, ...(blockers ? { blockers } : {}) });
  }
}

/** The draft with a field marked as changed by the user (its message shows from now on). */
function touched(draft: CreateVmDraft, field: string): CreateVmDraft {
  return draft.touched.includes(field) ? draft : { ...draft, touched: [...draft.touched, field] };
}
