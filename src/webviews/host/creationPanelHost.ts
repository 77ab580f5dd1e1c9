import type { Guard } from '../shared/messageGuards';
import type { LocationChoice, ResourceGroupChoice, SubscriptionChoice, SubscriptionListMessage, SubscriptionListRequest } from '../shared/subscriptionLists';
import { WebviewPanelHost, type HostedPanel, type PanelLog } from './webviewPanelHost';

/** Where a create form's first lists come from, and the user's words for a failure. */
export interface SubscriptionListSource {
  subscriptions(): Promise<SubscriptionChoice[]>;
  resourceGroups(subscriptionId: string): Promise<ResourceGroupChoice[]>;
  locations(subscriptionId: string): Promise<LocationChoice[]>;
  describe(error: unknown): { message: string };
}

/**
 * The host of a create form (Create Vault, Create VM), on top of WebviewPanelHost: one creation
 * at a time, aborted when the panel closes; its last progress, posted again to a form reloaded
 * meanwhile; and `result`, what the form created, or undefined once it closed without.
 */
export abstract class CreationPanelHost<ToWebview, FromWebview extends { type: string }, Result> extends WebviewPanelHost<ToWebview, FromWebview> {
  /** What was created, or undefined when the panel closed without it. */
  readonly result: Promise<Result | undefined>;
  private resolveResult!: (result: Result | undefined) => void;
  private creating: AbortController | undefined;
  private lastProgress: ToWebview | undefined;

  /** `logName` starts the log's lines; `closed` is why a creation running when the panel closes is aborted. */
  constructor(
    panel: HostedPanel,
    guard: Guard<FromWebview>,
    log: PanelLog,
    private readonly logName: string,
    closed: string,
  ) {
    super(panel, guard, log);
    this.result = new Promise((resolve) => {
      this.resolveResult = resolve;
    });
    this.onDidDispose(() => {
      this.creating?.abort(new Error(closed));
      this.resolveResult(undefined);
    });
  }

  protected settle(result: Result): void {
    this.resolveResult(result);
  }

  /** The subscriptions for the form's init; when they cannot be listed, none (and the log says why). */
  protected async subscriptionsOf(source: SubscriptionListSource): Promise<SubscriptionChoice[]> {
    return source.subscriptions().catch((error: unknown) => {
      this.log.error(`${this.logName}: listing subscriptions failed: ${source.describe(error).message}`);
      return [];
    });
  }

  /** After init: a form reloaded while creating shows where the creation is. */
  protected repostProgress(): void {
    if (this.creating && this.lastProgress) this.post(this.lastProgress);
  }

  /** Posts where the creation is, kept for a form reloaded meanwhile. */
  protected progress(message: ToWebview): void {
    this.lastProgress = message;
    this.post(message);
  }

  /** Cancel from the form: aborts the running creation, else closes the panel. */
  protected cancel(reason: Error): void {
    if (this.creating) this.creating.abort(reason);
    else this.dispose();
  }

  /** Runs one creation; a second while one runs is logged and ignored. */
  protected async runCreation(create: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.creating) {
      this.log.warn(`${this.logName}: a second create while one runs was ignored`);
      return;
    }
    const controller = new AbortController();
    this.creating = controller;
    try {
      await create(controller.signal);
    } finally {
      this.creating = undefined;
      this.lastProgress = undefined;
    }
  }
}

/** The answer to listResourceGroups or listLocations: the list, or none with Azure's reason. */
export async function subscriptionListAnswer(request: SubscriptionListRequest, source: SubscriptionListSource): Promise<SubscriptionListMessage> {
  const { subscriptionId } = request;
  const failed = (error: unknown) => source.describe(error).message;
  if (request.type === 'listResourceGroups') {
    return source.resourceGroups(subscriptionId).then(
      (resourceGroups): SubscriptionListMessage => ({ type: 'resourceGroups', subscriptionId, resourceGroups }),
      (error: unknown): SubscriptionListMessage => ({ type: 'resourceGroups', subscriptionId, resourceGroups: [], error: failed(error) }),
    );
  }
  return source.locations(subscriptionId).then(
    (locations): SubscriptionListMessage => ({ type: 'locations', subscriptionId, locations }),
    (error: unknown): SubscriptionListMessage => ({ type: 'locations', subscriptionId, locations: [], error: failed(error) }),
  );
}
