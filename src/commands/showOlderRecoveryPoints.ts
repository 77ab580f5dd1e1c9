import { l10n } from 'vscode';
import { parseArmId } from '../azure/armId';
import type { ProtectedVm } from '../azure/model';
import { recentRecoveryPointDays, type RecoveryPointRange } from '../azure/recoveryPoints';
import { ProtectedVmNode } from '../tree/protectedVmNode';
import { RecoveryPointNode, RecoveryPointRangeNode } from '../tree/recoveryPointNodes';
import type { ShownPointRanges } from '../tree/recoveryPointRanges';
import type { BackupTreeNode } from '../tree/treeNode';
import type { UserPrompts } from '../ui/userPrompts';
import { pickProtectedVm } from './pickProtectedVm';
import type { SubscriptionSource } from './pickSubscription';
import { dayRange, dayText, endDayProblem, parseDay, startDayProblem } from './recoveryPointDates';
import type { ExtensionServices, FlowServices } from './services';
import { protectedVmPath } from './treePaths';

/** How far back the start date offered first reaches, when no range is shown yet. */
const suggestedDays = 90;

export interface PointRangeServices extends FlowServices {
  /** The range each protected VM lists its recovery points for. */
  pointRanges: ShownPointRanges;
  /** Lists the VM's points for its new range: redraws its node (the one clicked, if any) and expands it. */
  showPoints(item: ProtectedVm, node?: BackupTreeNode): Promise<void>;
}

/** The services the two commands need, on the extension's tree and tree view. */
export function pointRangeServices(services: ExtensionServices): PointRangeServices {
  return {
    ...services,
    pointRanges: services.tree.pointRanges,
    async showPoints(item, node) {
      services.tree.redraw(node);
      const shown = node ?? (await services.tree.findNode(protectedVmPath(parseArmId(item.vaultId).subscriptionId, item.vaultId, item.id)));
      if (shown) await services.treeView.reveal(shown, { expand: true, select: true, focus: true });
    },
  };
}

/**
 * "Show Older Recovery Points…": asks a start and an end date (local days), then lists the VM's
 * points of those days under it until "Show last 30 days". On a VM, one of its points or its
 * "Show older…" item; from the palette it asks for the VM. Cancelling changes nothing.
 */
export async function showOlderRecoveryPoints(services: PointRangeServices, subscriptions: SubscriptionSource, node?: unknown): Promise<void> {
  const vmNode = vmNodeOf(node);
  const item = vmNode?.item ?? (await pickProtectedVm(services, subscriptions, l10n.t('Show Older Recovery Points'), () => true));
  if (!item) return;
  const range = await askDateRange(services.prompts, item.name, services.pointRanges.rangeOf(item.id), new Date());
  if (!range) return;
  services.pointRanges.show(item.id, range);
  await services.showPoints(item, vmNode);
}

/** "Show last 30 days": the VM lists its recent points again. */
export async function showRecentRecoveryPoints(services: PointRangeServices, node?: unknown): Promise<void> {
  const vmNode = vmNodeOf(node);
  if (!vmNode) {
    await services.prompts.info(l10n.t('Use "Show last {0} days" under a virtual machine in the Backups view.', recentRecoveryPointDays));
    return;
  }
  services.pointRanges.show(vmNode.item.id, undefined);
  await services.showPoints(vmNode.item, vmNode);
}

/** The two dates, each refused until it is a day Azure can list: start not in the future, end from the start to today. */
export async function askDateRange(prompts: UserPrompts, vmName: string, shown: RecoveryPointRange | undefined, now: Date): Promise<RecoveryPointRange | undefined> {
  const startText = await prompts.input({
    title: l10n.t('Recovery points of {0}: start date (1/2)', vmName),
    prompt: l10n.t('The first day to list, as YYYY-MM-DD in your time zone. The tree lists the last {0} days unless you choose.', recentRecoveryPointDays),
    value: dayText(shown?.from ?? new Date(now.getFullYear(), now.getMonth(), now.getDate() - suggestedDays)),
    placeholder: 'YYYY-MM-DD',
    validate: (value) => startDayProblem(value, now),
  });
  if (startText === undefined) return undefined;
  const start = parseDay(startText, now);
  if (typeof start === 'string') return undefined;
  const endText = await prompts.input({
    title: l10n.t('Recovery points of {0}: end date (2/2)', vmName),
    prompt: l10n.t('The last day to list, as YYYY-MM-DD; its points are included. From {0} to today.', dayText(start)),
    value: dayText(shown && shown.to.getTime() >= start.getTime() && shown.to.getTime() <= now.getTime() ? shown.to : now),
    placeholder: 'YYYY-MM-DD',
    validate: (value) => endDayProblem(value, start, now),
  });
  if (endText === undefined) return undefined;
  const end = parseDay(endText, now);
  return typeof end === 'string' ? undefined : dayRange(start, end);
}

/** The protected VM node a command was run on: the VM itself, one of its points, or its range item. */
function vmNodeOf(node: unknown): ProtectedVmNode | undefined {
  if (node instanceof ProtectedVmNode) return node;
  if (node instanceof RecoveryPointNode || node instanceof RecoveryPointRangeNode) return node.parent;
  return undefined;
}
