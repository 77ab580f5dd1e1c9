import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ArmConnection } from './armConnection';
import { clientOptions } from './armConnection';

/** Resource groups are pinned to the api-version the published specification describes. */
export const resourceGroupsApiVersion = '2021-04-01';

/**
 * The Azure SDK clients for one connection, loaded lazily (`await import`) so activating the
 * extension does not pay for them, and built once per subscription.
 */
export class ArmClients {
  private readonly cache = new Map<string, Promise<unknown>>();
  /** One options object for all clients: the SDK keeps a connection pool per tlsOptions object. */
  private readonly options: ReturnType<typeof clientOptions>;

  constructor(readonly connection: ArmConnection) {
    this.options = clientOptions(connection);
  }

  subscriptions(): Promise<SubscriptionClient> {
    return this.once('subscriptions', async () => {
      const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
      return new SubscriptionClient(this.connection.credential, this.options);
    });
  }

  resources(subscriptionId: string): Promise<ResourceManagementClient> {
    return this.once(`resources/${subscriptionId}`, async () => {
      const { ResourceManagementClient } = await import('@azure/arm-resources');
      return new ResourceManagementClient(this.connection.credential, subscriptionId, { ...this.options, apiVersion: resourceGroupsApiVersion });
    });
  }

  compute(subscriptionId: string): Promise<ComputeManagementClient> {
    return this.once(`compute/${subscriptionId}`, async () => {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return new ComputeManagementClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  vaults(subscriptionId: string): Promise<RecoveryServicesClient> {
    return this.once(`vaults/${subscriptionId}`, async () => {
      const { RecoveryServicesClient } = await import('@azure/arm-recoveryservices');
      return new RecoveryServicesClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  backup(subscriptionId: string): Promise<RecoveryServicesBackupClient> {
    return this.once(`backup/${subscriptionId}`, async () => {
      const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
      return new RecoveryServicesBackupClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  private once<T>(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.cache.get(key) as Promise<T> | undefined;
    if (!client) {
      client = create();
      this.cache.set(key, client);
    }
    return client;
  }
}
