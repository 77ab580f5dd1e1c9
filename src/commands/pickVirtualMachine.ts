import { l10n } from 'vscode';
import type { VirtualMachine } from '../azure/model';
import { pickSubscription, type SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';

/** From the palette: a subscription (when there are several), then one of its VMs without backup. */
export async function pickUnprotectedVm(services: FlowServices, subscriptions: SubscriptionSource, title: string): Promise<VirtualMachine | undefined> {
  const subscription = await pickSubscription(services, await subscriptions(), title);
  if (!subscription) return undefined;
  const vms = await services.azure().cache.unprotectedVms(subscription.subscriptionId);
  if (vms.length === 0) {
    await services.prompts.info(l10n.t('Every virtual machine in {0} is already backed up.', subscription.name));
    return undefined;
  }
  return services.prompts.pickOne(
    vms.map((vm) => ({ label: vm.name, description: [vm.location, vm.resourceGroup, vm.powerState].filter(Boolean).join(' · '), value: vm })),
    { title, placeholder: l10n.t('Select a virtual machine without backup') },
  );
}
