import { l10n } from 'vscode';
import type { Subscription } from '../azure/model';
import type { FlowServices } from './services';

/** The subscriptions the backup view shows (signed in, filtered as the view is): what palette commands offer. */
export type SubscriptionSource = () => Promise<Subscription[]>;

/** Asks for a subscription when there are several; says so when there is none. */
export async function pickSubscription(services: FlowServices, subscriptions: readonly Subscription[], title: string): Promise<Subscription | undefined> {
  if (subscriptions.length === 0) {
    await services.prompts.info(l10n.t('No Azure subscription is available. Sign in, or select subscriptions for the Azure Backup view.'));
    return undefined;
  }
  if (subscriptions.length === 1) return subscriptions[0];
  return services.prompts.pickOne(
    subscriptions.map((subscription) => ({ label: subscription.name, description: subscription.subscriptionId, value: subscription })),
    { title, placeholder: l10n.t('Select a subscription') },
  );
}
