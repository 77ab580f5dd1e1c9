import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { StorageManagementClient } from '@azure/arm-storage';
import type { ArmConnection } from './armConnection';
import { clientOptions } from './armConnection';

/**
 * The api-version @azure/arm-resources 6.1.x sends for resource groups and deployments alike
 * (its default: one client, one version); the published specifications in ../shared describe it.
 */
export const resourceGroupsApiVersion = '2025-03-01';

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
      return new ResourceManagementClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  compute(subscriptionId: string): Promise<ComputeManagementClient> {
    return this.once(`compute/${subscriptionId}`, async () => {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return new ComputeManagementClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  network(subscriptionId: string): Promise<NetworkManagementClient> {
    return this.once(`network/${subscriptionId}`, async () => {
      const { NetworkManagementClient } = await import('@azure/arm-network');
      return new NetworkManagementClient(this.connection.credential, subscriptionId, this.options);
    });
  }

  storage(subscriptionId: string): Promise<StorageManagementClient> {
    return this.once(`storage/${subscriptionId}`, async () => {
      const { StorageManagementClient } = await import('@azure/arm-storage');
      return new StorageManagementClient(this.connection.credential, subscriptionId, this.options);
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
