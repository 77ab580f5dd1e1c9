import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackupJob } from '../../../src/azure/model';
import { JobWatcher } from '../../../src/jobs/jobWatcher';
import { JobsView } from '../../../src/tree/jobsView';

const vaultId = '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault-a';

function job(jobName: string, status: string, subtasks: BackupJob['subtasks'] = []): BackupJob {
  return { id: `${vaultId}/backupJobs/${jobName}`, jobName, vaultId, operation: 'Backup', status, entityFriendlyName: 'web-01', subtasks, errors: [], cancellable: false };
}

const tasks = [
  { name: 'Take Snapshot', status: 'Completed' },
  { name: 'Transfer data to vault', status: 'Completed' },
];

function viewReading(details: (jobName: string) => BackupJob): { view: JobsView; reads: string[] } {
  const reads: string[] = [];
  const watcher = new JobWatcher({ listJobs: () => Promise.resolve([]) });
  const view = new JobsView(watcher, { redraw: () => undefined, refreshScope: () => undefined }, (readVault, jobName) => {
    assert.equal(readVault, vaultId);
    reads.push(jobName);
    return Promise.resolve(details(jobName));
  });
  return { view, reads };
}

// Azure's jobs listing leaves out each job's subtasks: expanding a job must read its details.
describe('JobsView: a job’s details for the tree', () => {
  it('reads the subtasks a listed job lacks, once for a job that has ended', async () => {
    const { view, reads } = viewReading((jobName) => job(jobName, 'Completed', tasks));
    const listed = job('j1', 'Completed');
    assert.deepEqual((await view.details(listed)).subtasks, tasks);
    assert.deepEqual((await view.details(listed)).subtasks, tasks);
    assert.deepEqual(reads, ['j1'], 'an ended job does not change: read once');
  });

  it('reads a running job’s details each time, as its subtasks move on', async () => {
    let status = 'InProgress';
    const { view, reads } = viewReading((jobName) => job(jobName, status, tasks));
    await view.details(job('j2', 'InProgress'));
    status = 'Completed';
    await view.details(job('j2', 'InProgress'));
    await view.details(job('j2', 'Completed'));
    assert.deepEqual(reads, ['j2', 'j2']);
  });

  it('does not read what the job already has', async () => {
    const { view, reads } = viewReading(() => assert.fail('no read expected'));
    const detailed = job('j3', 'Completed', tasks);
    assert.equal(await view.details(detailed), detailed);
    assert.deepEqual(reads, []);
  });
});
