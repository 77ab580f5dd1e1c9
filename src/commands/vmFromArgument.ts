import type { ProtectedVm, VirtualMachine } from '../azure/model';

const vmIdPattern = /\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+/i;

/** Where a VM id can hide in a command argument, outermost first. */
const nestedKeys = ['vm', 'resource', 'data', 'virtualMachine', 'branchItem'] as const;

/**
 * The virtual machine a command argument stands for: our UnprotectedVmNode carries it whole;
 * an item of the Azure Resources views (a BranchDataItemWrapper around the VM extension's item,
 * or the default item holding an AzureResource) only names it by ARM id, sometimes prefixed with
 * `/accounts/{a}/tenants/{t}`. Answers the VM when the argument has it, else its id.
 */
export function virtualMachineOf(argument: unknown): { vm: VirtualMachine } | { id: string } | undefined {
  if (isVirtualMachine((argument as { vm?: unknown } | undefined)?.vm)) return { vm: (argument as { vm: VirtualMachine }).vm };
  const id = findVmId(argument, 0);
  return id ? { id } : undefined;
}

/** The protected item a ProtectedVmNode (or a ProtectedVm itself) carries. */
export function protectedVmOf(argument: unknown): ProtectedVm | undefined {
  const candidate = (argument as { item?: unknown } | undefined)?.item ?? argument;
  const item = candidate as Partial<ProtectedVm> | undefined;
  return item && typeof item === 'object' && typeof item.id === 'string' && typeof item.vaultId === 'string' && typeof item.itemName === 'string' ? (item as ProtectedVm) : undefined;
}

/**
 * The nodes a tree command acts on: VS Code passes the clicked node and, when several are
 * selected, all of them (the clicked one included).
 */
export function commandTargets(node: unknown, selected: readonly unknown[] | undefined): unknown[] {
  if (Array.isArray(selected) && selected.length > 1) return [...selected];
  return node === undefined ? [] : [node];
}

function findVmId(value: unknown, depth: number): string | undefined {
  if (value === null || value === undefined || depth > 3) return undefined;
  if (typeof value === 'string') return vmIdPattern.exec(value)?.[0];
  if (typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of nestedKeys) {
    const found = findVmId(record[key], depth + 1);
    if (found) return found;
  }
  for (const key of ['id', 'fullId']) {
    const found = typeof record[key] === 'string' ? vmIdPattern.exec(record[key])?.[0] : undefined;
    if (found) return found;
  }
  return undefined;
}

function isVirtualMachine(value: unknown): value is VirtualMachine {
  const vm = value as Partial<VirtualMachine> | undefined;
  return !!vm && typeof vm.id === 'string' && typeof vm.location === 'string' && typeof vm.subscriptionId === 'string';
}
