import type { EmulatorState } from '../state/model';
import { SeedBuilder } from './seedBuilder';

const scaleRegions = ['westeurope', 'northeurope', 'eastus', 'westus2', 'uksouth'];

/** Many subscriptions, vaults and protected VMs, for benchmarks: `scale:SUBS,VAULTS,VMS` (VMS per vault). */
export function scaleSeed(now: number, subscriptions: number, vaultsPerSubscription: number, vmsPerVault: number): EmulatorState {
  const seed = new SeedBuilder(now);
  for (let s = 0; s < subscriptions; s++) {
    const subscriptionId = `00000000-0000-4000-8000-${String(s + 1).padStart(12, '0')}`;
    seed.subscription(subscriptionId, `Scale subscription ${s + 1}`, scaleRegions);
    for (let v = 0; v < vaultsPerSubscription; v++) {
      const region = scaleRegions[v % scaleRegions.length]!;
      const group = `rg-scale-${v + 1}`;
      seed.resourceGroup(subscriptionId, group, region);
      const vault = seed.vault(subscriptionId, group, `vault-${s + 1}-${v + 1}`, region);
      for (let m = 0; m < vmsPerVault; m++) {
        const vm = seed.vm(subscriptionId, group, `vm-${v + 1}-${m + 1}`, region);
        seed.protect(vault, vm, { historyDays: 1 });
      }
      seed.vm(subscriptionId, group, `vm-${v + 1}-unprotected`, region);
    }
  }
  return seed.build();
}

export function emptySeed(now: number): EmulatorState {
  const seed = new SeedBuilder(now);
  seed.subscription('11111111-2222-4333-8444-555555555555', 'Empty subscription', ['westeurope', 'northeurope', 'eastus']);
  return seed.build();
}
