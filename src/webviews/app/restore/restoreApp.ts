// The Restore form in the webview: keeps the draft (saved with setState on every change, with the
// form's identity; the typed confirmation never), asks the host for what it needs (the names taken
// in the target group, a new staging account), checks Azure's rules as the user types, then
// reviews, has Azure validate, and restores, keeping the draft when anything fails.
import type { RestoreSource } from '../../../restore/restoreRequest';
import { replaceConfirmationProblem, restoreRequestWarnings, type RestoreField } from '../../../restore/restoreRules';
import { resourceGroupNameProblem } from '../../../azure/vaultRules';
import { choicesOf, emptyDraft, newStagingAccount, type RestoreDraft, type RestoreState } from '../../shared/restoreDraft';
import type { HostToRestore, RestoreDetails, RestoreIdentity, RestoreToHost } from '../../shared/restoreProtocol';
import { suggestedStagingAccountName } from '../../shared/stagingAccountName';
import type { HostConnection } from '../shared/hostConnection';
import { buildRestoreForm, type RestoreForm } from './restoreForm';
import type { DraftChange, RestoreFormView } from './restoreFormParts';
import { emptyData, fieldLabels, fieldSources, formProblems, groupKey, isPending, newAccountProblem, requestOf, rulesContextOf, validationKey } from './restoreModel';
import { RestorePage } from './restorePage';
import { buildReview, type Phase, type ReviewState, type ReviewView, type ValidationState } from './restoreReview';
import { summaryRows } from './restoreSummary';
import { localTime, replaceExplanation } from './restoreText';

export type RestoreConnection = HostConnection<HostToRestore, RestoreToHost, RestoreState>;

export class RestoreApp {
  private identity: RestoreIdentity | undefined;
  private draft: RestoreDraft;
  /** The VM's name typed to confirm a replace: never saved. */
  private confirmName = '';
  private confirmTouched = false;
  private readonly data = emptyData();
  private readonly askedNames = new Set<string>();
  private phase: Phase | 'form' = 'form';
  private showAll = false;
  private creatingAccount = false;
  private accountMessage: RestoreFormView['accountMessage'];
  private validation: ValidationState | undefined;
  private progress: string | undefined;
  private outcome: string | undefined;
  private readonly form: RestoreForm;
  private readonly review: ReviewView;
  private readonly page: RestorePage;

  constructor(
    root: HTMLElement,
    private readonly host: RestoreConnection,
  ) {
    const saved = host.savedState();
    this.identity = saved?.identity;
    this.draft = saved?.draft ?? emptyDraft();
    this.form = buildRestoreForm({
      change: (change) => this.change(change),
      createAccount: () => this.createAccount(),
      reloadTargets: () => this.reloadTargets(),
      review: () => this.toReview(),
      cancel: () => host.post({ type: 'cancel' }),
    });
    this.review = buildReview({
      confirmName: (value) => this.typeConfirmation(value),
      validate: () => this.validate(),
      restore: () => this.restore(),
      back: () => this.toForm(),
      close: () => host.post({ type: 'cancel' }),
    });
    this.page = new RestorePage(root, this.form.root, this.review.root);
    host.onMessage((message) => this.receive(message));
    if (this.draft.step === 'review') this.phase = 'review';
  }

  /** Tells the host the page is ready for its data (the handshake). */
  start(): void {
    this.host.post({ type: 'ready' });
  }

  private receive(message: HostToRestore): void {
    switch (message.type) {
      case 'init':
        return this.init(message.identity, message.source, message.details);
      case 'loadFailed':
        this.identity = message.identity;
        this.data.loadFailed = message.message;
        return this.page.loadFailed(message.message);
      case 'targets':
        this.data.targets = message.targets;
        this.data.targetsError = message.error;
        this.save(withFirstSubnet(this.draft, this.data.targets));
        return this.update();
      case 'vmNames':
        this.data.vmNames.set(groupKey(message.resourceGroup), { names: message.names, ...(message.error ? { error: message.error } : {}) });
        return this.update();
      case 'storageAccountCreated':
        return this.accountCreated(message);
      case 'validation':
        if (this.validation?.status !== 'validating') return;
        this.validation = message.ok
          ? { ...this.validation, status: 'answered', valid: message.valid, text: message.text, results: message.results }
          : { ...this.validation, status: 'refused', text: message.message, results: [] };
        return this.update();
      case 'restoreProgress':
        this.phase = 'restoring';
        this.progress = message.message;
        return this.update();
      case 'restoreResult':
        this.phase = message.ok ? 'restored' : 'failed';
        this.outcome = message.message;
        // The review keeps showing what started; a reload after this starts a new form. A failure keeps the draft.
        if (message.ok && this.identity && this.data.source) this.host.saveState({ identity: this.identity, draft: emptyDraft(this.data.source) });
        return this.update();
    }
  }

  private init(identity: RestoreIdentity, source: RestoreSource, details: RestoreDetails): void {
    const saved = this.host.savedState();
    if (!saved || saved.identity.pointId !== identity.pointId) this.draft = emptyDraft(source);
    this.identity = identity;
    this.data.source = source;
    this.data.details = details;
    this.page.loaded();
    this.save(this.draft);
    this.askNames();
    this.update();
  }

  private change(change: DraftChange): void {
    if (this.phase !== 'form') return this.update();
    let next = { ...this.draft, [change.field]: change.value } as RestoreDraft;
    if (!next.touched.includes(change.field)) next.touched = [...next.touched, change.field];
    if (change.field === 'virtualNetworkId') next = withFirstSubnet({ ...next, subnetName: '' }, this.data.targets);
    if (change.field === 'stagingStorageAccountId' && change.value === newStagingAccount && !next.newAccountName && this.data.source) {
      next.newAccountName = suggestedStagingAccountName(this.data.source.vmName);
    }
    if (change.field === 'stagingStorageAccountId' || change.field === 'newAccountName' || change.field === 'newAccountResourceGroup') this.accountMessage = undefined;
    this.save(next);
    this.askNames();
    this.update();
  }

  /** The VM names taken in the target group, once per group, for a new VM. */
  private askNames(): void {
    const group = this.draft.targetResourceGroup.trim();
    if (this.draft.type !== 'newVm' || !group || resourceGroupNameProblem(group) || this.askedNames.has(groupKey(group))) return;
    this.askedNames.add(groupKey(group));
    this.host.post({ type: 'listVmNames', resourceGroup: group });
  }

  private reloadTargets(): void {
    this.data.targets = undefined;
    this.data.targetsError = undefined;
    this.host.post({ type: 'reloadTargets' });
    this.update();
  }

  private createAccount(): void {
    if (this.creatingAccount) return;
    this.draft = touched(this.draft, 'newAccountName');
    const problem = newAccountProblem(this.draft);
    if (problem) {
      this.accountMessage = { ok: false, text: problem };
      return this.update();
    }
    this.creatingAccount = true;
    this.accountMessage = undefined;
    this.host.post({ type: 'createStorageAccount', name: this.draft.newAccountName.trim(), resourceGroup: this.draft.newAccountResourceGroup });
    this.update();
  }

  private accountCreated(message: Extract<HostToRestore, { type: 'storageAccountCreated' }>): void {
    this.creatingAccount = false;
    this.accountMessage = { ok: message.ok, text: message.message };
    if (message.ok && this.data.targets) {
      const known = this.data.targets.storageAccounts.some((account) => account.id.toLowerCase() === message.account.id.toLowerCase());
      if (!known) this.data.targets = { ...this.data.targets, storageAccounts: [...this.data.targets.storageAccounts, message.account] };
      this.save(touched({ ...this.draft, stagingStorageAccountId: message.account.id }, 'stagingStorageAccountId'));
    }
    this.update();
  }

  private typeConfirmation(value: string): void {
    if (this.phase === 'restoring' || this.phase === 'restored') return;
    this.confirmName = value;
    this.confirmTouched = true;
    this.update();
  }

  private problems() {
    return formProblems(this.draft, this.data, this.creatingAccount);
  }

  private toReview(): void {
    this.showAll = true;
    if (Object.keys(this.problems()).length > 0) return this.update();
    this.phase = 'review';
    this.save({ ...this.draft, step: 'review' });
    this.update();
    this.review.root.querySelector('h2')?.focus();
  }

  private toForm(): void {
    if (this.phase === 'restoring') return;
    this.phase = 'form';
    this.outcome = undefined;
    this.save({ ...this.draft, step: 'form' });
    this.update();
  }

  private validate(): void {
    const source = this.data.source;
    if (!source || !this.reviewState(source).canValidate) return;
    this.validation = { key: validationKey(this.draft, source), status: 'validating', results: [] };
    this.host.post({ type: 'validate', choices: choicesOf(this.draft, source, '') });
    this.update();
  }

  private restore(): void {
    const source = this.data.source;
    if (!source || (this.phase !== 'review' && this.phase !== 'failed')) return;
    this.confirmTouched = true;
    if (!this.reviewState(source).canRestore) return this.update();
    this.phase = 'restoring';
    this.progress = 'Sending the restore…';
    this.outcome = undefined;
    this.host.post({ type: 'restore', choices: choicesOf(this.draft, source, this.confirmName) });
    this.update();
  }

  private save(draft: RestoreDraft): void {
    this.draft = draft;
    if (this.identity) this.host.saveState({ identity: this.identity, draft });
  }

  /** What the review shows and allows, from the draft, the validation and the typed name. */
  private reviewState(source: RestoreSource): ReviewState {
    const problems = this.problems();
    const request = requestOf(this.draft, source, this.confirmName);
    const blocking = (Object.keys(problems) as RestoreField[]).filter((field) => problems[field] !== undefined);
    const key = validationKey(this.draft, source);
    const validation = this.validation?.key === key ? this.validation : undefined;
    const replacing = this.draft.type === 'replaceDisks';
    const confirmProblem = replacing ? replaceConfirmationProblem(source.vmName, this.confirmName) : undefined;
    const accepted = validation?.status === 'answered' && validation.valid === true;
    const canValidate = blocking.length === 0;
    const canRestore = canValidate && accepted && confirmProblem === undefined;
    let blockers: string | undefined;
    if (!canValidate) blockers = `Go back and complete: ${[...new Set(blocking.map((field) => fieldLabels[field]))].join(', ')}.`;
    else if (!validation) blockers = 'Validate with Azure first: Restore is available once Azure accepts these choices.';
    else if (validation.status === 'validating') blockers = 'Waiting for Azure’s validation…';
    else if (!accepted) blockers = 'Azure did not accept these choices: go back and change them, then validate again.';
    else if (confirmProblem) blockers = `Type ${source.vmName} to confirm that its disks will be replaced.`;
    const pointTime = this.data.details ? localTime(this.data.details.time) : source.point.name;
    return {
      phase: this.phase === 'form' ? 'review' : this.phase,
      rows: summaryRows(request, this.data),
      warnings: restoreRequestWarnings(request, rulesContextOf(this.draft, this.data)),
      ...(replacing
        ? { replace: { explanation: replaceExplanation(source.vmName, pointTime), vmName: source.vmName, typed: this.confirmName, ...(confirmProblem ? { problem: confirmProblem } : {}), showProblem: this.confirmTouched } }
        : {}),
      ...(validation ? { validation } : {}),
      stale: this.validation !== undefined && validation === undefined,
      canValidate,
      canRestore,
      ...(blockers ? { blockers } : {}),
      ...(this.progress ? { progress: this.progress } : {}),
      ...(this.outcome ? { outcome: this.outcome } : {}),
    };
  }

  private update(): void {
    const source = this.data.source;
    if (!source) return;
    const onForm = this.phase === 'form';
    this.page.showForm(onForm);
    if (!onForm) {
      this.review.render(this.reviewState(source));
      return;
    }
    const problems = this.problems();
    const seen = new Set(this.draft.touched);
    this.form.render({
      draft: this.draft,
      data: this.data,
      problems,
      shown: (field) => this.showAll || fieldSources[field].some((name) => seen.has(name)),
      creatingAccount: this.creatingAccount,
      ...(this.accountMessage ? { accountMessage: this.accountMessage } : {}),
    });
    const blocking = (Object.keys(problems) as RestoreField[]).filter((field) => problems[field] !== undefined);
    const waiting = blocking.every((field) => isPending(problems[field]));
    this.form.reviewButton.disabled = blocking.length > 0;
    this.form.blockers.textContent = blocking.length === 0 ? '' : waiting ? 'Waiting for Azure’s answers…' : `To review, complete: ${[...new Set(blocking.map((field) => fieldLabels[field]))].join(', ')}.`;
  }
}

/** The draft with a field marked as changed by the user (its message shows from now on). */
function touched(draft: RestoreDraft, field: string): RestoreDraft {
  return draft.touched.includes(field) ? draft : { ...draft, touched: [...draft.touched, field] };
}

/** A chosen network's first subnet when none of its subnets is chosen (as the portal does). */
function withFirstSubnet(draft: RestoreDraft, targets: { virtualNetworks: { id: string; subnets: { name: string }[] }[] } | undefined): RestoreDraft {
  if (!draft.virtualNetworkId || !targets) return draft;
  const network = targets.virtualNetworks.find((candidate) => candidate.id.toLowerCase() === draft.virtualNetworkId.toLowerCase());
  if (!network || network.subnets.some((subnet) => subnet.name === draft.subnetName)) return draft;
  return { ...draft, subnetName: network.subnets[0]?.name ?? '' };
}
