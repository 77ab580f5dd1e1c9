// FlowServices for unit tests of command flows: the emulator behind the real SDK clients, the
// real reader, cache and write side, prompts answered from a script, and a job tracker that
// records what a flow follows and waits for the job's end through the service.
import { AzureBackupOperations } from '../../src/azure/azureBackupOperations';
import { BackupCache } from '../../src/azure/backupCache';
import { BackupReader } from '../../src/azure/backupReader';
import type { BackupJob } from '../../src/azure/model';
import type { FlowServices } from '../../src/commands/services';
import type { FollowedJob, JobTracker } from '../../src/jobs/jobTracker';
import type { ScriptedPrompts, ScriptStep } from './scriptedPrompts';
import { scriptedPrompts } from './scriptedPrompts';
import type { TestEmulator } from './testEmulator';

export const demoTenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface TestFlowServices extends FlowServices {
  prompts: ScriptedPrompts;
  /** Jobs the flow followed, with whether it asked for the end-of-job notification. */
  followed: { job: FollowedJob; notify: boolean; final: BackupJob }[];
  /** Scopes the flow asked the tree to refresh, and paths it revealed. */
  refreshed: string[];
  revealed: string[][];
  logged: string[];
}

/** Builds the services for one flow run; the reader has learnt the demo tenant's subscriptions. */
export async function testFlowServices(env: TestEmulator, script: ScriptStep[]): Promise<TestFlowServices> {
  const reader = new BackupReader(() => env.clients);
  await reader.listSubscriptions(demoTenantId);
  const cache = new BackupCache(reader);
  const operations = new AzureBackupOperations(reader, { pollDelayMs: 5, maxPollDelayMs: 20 });
  const followed: TestFlowServices['followed'] = [];
  const jobs: JobTracker = {
    async follow(job, options) {
      for (;;) {
        const current = await operations.getJob(job.vaultId, job.jobName, options?.signal);
        if (current.status !== 'InProgress' && current.status !== 'Cancelling') {
          followed.push({ job, notify: options?.notify ?? true, final: current });
          return current;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
  const refreshed: string[] = [];
  const revealed: string[][] = [];
  const logged: string[] = [];
  return {
    prompts: scriptedPrompts(script),
    azure: () => ({ cache, reader, operations }),
    jobs,
    view: {
      refresh: (scope) => {
        refreshed.push(scope);
        cache.forget(scope);
      },
      reveal: async (path) => {
        revealed.push([...path]);
        return true;
      },
    },
    log: {
      info: (message: string) => logged.push(`info: ${message}`),
      warn: (message: string) => logged.push(`warn: ${message}`),
      error: (message: string | Error) => logged.push(`error: ${String(message)}`),
    },
    followed,
    refreshed,
    revealed,
    logged,
  };
}
