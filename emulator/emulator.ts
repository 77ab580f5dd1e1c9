import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEmulatorCertificates } from './certificates';
import { EmulatorContext, type EmulatorOptions } from './context';
import { Router } from './http/router';
import { RequestLog } from './http/requestLog';
import { FaultDice } from './http/faults';
import { SubscriptionThrottle } from './http/throttling';
import { createArmServer } from './http/server';
import { StateFile } from './state/store';
import type { EmulatorState } from './state/model';
import { demoSeed } from './seed/demoSeed';
import { emptySeed, scaleSeed } from './seed/scaleSeed';
import { subscriptionRoutes } from './resources/subscriptions';
import { resourceGroupRoutes } from './resources/resourceGroups';
import { virtualMachineRoutes } from './resources/virtualMachines';
import { vaultRoutes } from './resources/vaults';
import { networkRoutes } from './resources/network/networkRoutes';
import { storageAccountRoutes } from './resources/storage/storageAccounts';
import { computeCatalogRoutes } from './resources/compute/computeCatalogRoutes';
import { vaultConfigRoutes } from './backup/vaultConfigs';
import { policyRoutes } from './backup/policies';
import { discoveryRoutes } from './backup/discovery';
import { protectedItemRoutes } from './backup/protectedItems';
import { onDemandBackupRoutes } from './backup/onDemandBackup';
import { backupStatusRoutes } from './backup/backupStatus';
import { jobRoutes } from './backup/jobs';
import { recoveryPointRoutes } from './backup/recoveryPoints';
import { protectionIntentRoutes } from './backup/protectionIntents';
import { restorePointCollectionRoutes } from './backup/restorePointCollectionRoutes';
import { restoreRoutes } from './backup/restoreTrigger';
import { validateOperationRoutes } from './backup/validateOperation';
import { diskRoutes } from './resources/compute/diskRoutes';
import { serviceSasRoutes } from './resources/storage/serviceSas';
import { advanceTime } from './backup/progress';
import { DeploymentPlans } from './deployments/deploymentPlans';
import { DeploymentEngine } from './deployments/deploymentEngine';
import { deploymentRoutes } from './deployments/deploymentRoutes';
import { InternalArm } from './deployments/internalArm';

export interface RunningEmulator {
  url: string;
  caFile: string;
  caCertificate: string;
  context: EmulatorContext;
  close(): Promise<void>;
}

/** Starts the ARM emulator on 127.0.0.1 and writes its CA certificate where clients can trust it. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const stateFile = options.stateFile ? new StateFile(options.stateFile) : undefined;
  const restored = stateFile?.load();
  const context = new EmulatorContext(options, restored ?? seedState(options), stateFile);
  if (!restored) {
    context.changed();
    context.persist();
  }

  const router = new Router();
  // Deployments send their resources through the same router, on the emulator's own address.
  let origin = 'https://127.0.0.1';
  const internal = new InternalArm(router, () => origin);
  const plans = new DeploymentPlans(context);
  const deployments = new DeploymentEngine(context, plans, internal, (now) => advanceTime(context, now));
  router.add(
    ...subscriptionRoutes(context),
    ...resourceGroupRoutes(context),
    ...virtualMachineRoutes(context),
    ...vaultRoutes(context),
    ...networkRoutes(context),
    ...storageAccountRoutes(context),
    ...computeCatalogRoutes(context),
    ...vaultConfigRoutes(context),
    ...policyRoutes(context),
    ...discoveryRoutes(context),
    ...protectedItemRoutes(context),
    ...onDemandBackupRoutes(context),
    ...backupStatusRoutes(context),
    ...jobRoutes(context),
    ...recoveryPointRoutes(context),
    ...deploymentRoutes({ context, plans, internal }, deployments),
    ...protectionIntentRoutes(context),
    ...restorePointCollectionRoutes(context),
    ...restoreRoutes(context),
    ...validateOperationRoutes(context),
    ...diskRoutes(context),
    ...serviceSasRoutes(context),
  );

  const certificates = await createEmulatorCertificates();
  mkdirSync(dirname(options.caFile), { recursive: true });
  writeFileSync(options.caFile, certificates.caCertificate);
  const server = createArmServer({
    context,
    router,
    log: new RequestLog(),
    dice: new FaultDice(options.faults, options.faultSeed),
    throttle: new SubscriptionThrottle(options.throttling),
    advance: (now) => {
      deployments.advance(now);
      advanceTime(context, now);
    },
    certificate: { chain: certificates.serverCertificateChain, key: certificates.serverPrivateKey },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `https://127.0.0.1:${port}`;
  return {
    url: `https://127.0.0.1:${port}`,
    caFile: options.caFile,
    caCertificate: certificates.caCertificate,
    context,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function seedState(options: EmulatorOptions): EmulatorState {
  const now = Date.now();
  switch (options.seed.kind) {
    case 'demo':
      return demoSeed(now);
    case 'empty':
      return emptySeed(now);
    case 'scale':
      return scaleSeed(now, options.seed.subscriptions, options.seed.vaultsPerSubscription, options.seed.vmsPerVault);
  }
}
