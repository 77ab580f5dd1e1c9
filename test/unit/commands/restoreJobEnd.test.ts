// How the end of a restore's job is said: a failure with Azure's code, its message and what to do;
// a cancel; warnings with their details; a restore the click attached to (its type unknown); and
// the jobs' own words for the watcher's log and the status bar's tooltip.
import '../../support/vscodeTreeStub';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackupJob, ProtectedVm, Vault } from '../../../src/azure/model';
import { announceRestoreEnd } from '../../../src/commands/restoreJobEnd';
import type { FlowServices } from '../../../src/commands/services';
import { jobEndMessage, jobLabel } from '../../../src/jobs/jobText';
import { scriptedPrompts, type ScriptStep } from '../../support/scriptedPrompts';

const vault: Vault = { id: '/subscriptions/s/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault', name: 'prod-weu-vault', subscriptionId: 's', resourceGroup: 'rg-backup-prod', location: 'westeurope', crossRegionRestore: false, tags: {} };
const item = { id: `${vault.id}/backupFabrics/Azure/protectionContainers/c/protectedItems/i`, name: 'web-01', vaultId: vault.id } as ProtectedVm;

function job(overrides: Partial<BackupJob> = {}): BackupJob {
  return {
    id: `${vault.id}/backupJobs/job-7`, jobName: 'job-7', vaultId: vault.id, operation: 'Restore', status: 'Completed', entityFriendlyName: 'web-01',
    startTime: new Date('2025-01-06T09:00:00Z'), endTime: new Date('2025-01-06T09:40:00Z'), subtasks: [{ name: 'Transfer data', status: 'Completed' }], errors: [], cancellable: false, ...overrides,
  } as BackupJob;
}

function services(script: ScriptStep[]) {
  const revealed: string[][] = [];
  const logged: string[] = [];
  let shown = 0;
  const flow = {
    prompts: scriptedPrompts(script),
    view: { refresh: () => undefined, reveal: async (path: readonly string[]) => (revealed.push([...path]), true) },
    log: { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), error: (line: string) => logged.push(line), show: () => void shown++ },
  } as unknown as FlowServices & { prompts: ReturnType<typeof scriptedPrompts> };
  return { flow, revealed, logged, shown: () => shown };
}

const noCreate = { createVmFromDisks: async () => assert.fail('not offered here') };

describe('the end of a restore', () => {
  it('says a failure with Azure’s code, its message and what to do; Show details writes it all to the log', async () => {
    const failed = job({
      status: 'Failed',
      errors: [{ code: 'UserErrorStorageAccountIsNotInTheSameRegion', message: 'The staging storage account is not in the vault’s region.', recommendations: ['Choose a storage account in westeurope.'] }],
    });
    const { flow, logged, shown } = services([{ error: 'Restore of web-01 failed: The staging storage account is not in the vault’s region. (UserErrorStorageAccountIsNotInTheSameRegion) Choose a storage account in westeurope.', answer: 'Show details' }]);
    await announceRestoreEnd(flow, { vault, item }, { type: 'newVm', vmName: 'web-01-restored', targetResourceGroup: 'rg-web-prod' }, failed, noCreate);
    flow.prompts.assertDone();
    assert.ok(logged.some((line) => /Error UserErrorStorageAccountIsNotInTheSameRegion/.test(line)));
    assert.ok(logged.some((line) => /Recommended: Choose a storage account in westeurope\./.test(line)));
    assert.equal(shown(), 1);
  });

  it('says a cancel, and Show job reveals the job under its vault', async () => {
    const { flow, revealed } = services([{ info: 'Restore of web-01 was cancelled: nothing more is restored.', answer: 'Show job' }]);
    await announceRestoreEnd(flow, { vault, item }, { type: 'restoreDisks', vmName: '', targetResourceGroup: 'rg-web-prod' }, job({ status: 'Cancelled' }), noCreate);
    flow.prompts.assertDone();
    assert.equal(revealed.at(-1)!.at(-1), job().id);
  });

  it('offers the job’s details when it completed with warnings', async () => {
    const { flow } = services([{ info: /^Restore of web-01 completed with warnings: the disks of web-01 were replaced/, answer: undefined }]);
    let offered: string[] = [];
    const info = flow.prompts.info.bind(flow.prompts);
    flow.prompts.info = async (message: string, ...actions: string[]) => ((offered = actions), info(message, ...actions));
    await announceRestoreEnd(flow, { vault, item }, { type: 'replaceDisks', vmName: '', targetResourceGroup: '' }, job({ status: 'CompletedWithWarnings' }), noCreate);
    assert.deepEqual(offered, ['Show job', 'Show details']);
  });

  it('for a restore it attached to, says only how it ended: what it restored is not known here', async () => {
    const { flow } = services([{ info: 'Restore of web-01 completed', answer: undefined }]);
    await announceRestoreEnd(flow, { vault, item }, undefined, job(), noCreate);
    flow.prompts.assertDone();
  });

  it('offers "Create VM from restored disks" at the end of a restore of disks, for that job', async () => {
    const { flow } = services([{ info: /the disks of web-01 are restored in resource group rg-data, with a template/, answer: 'Create VM from restored disks' }]);
    const asked: string[] = [];
    await announceRestoreEnd(flow, { vault, item }, { type: 'restoreDisks', vmName: '', targetResourceGroup: 'rg-data' }, job(), { createVmFromDisks: async (vaultId, jobName) => void asked.push(`${vaultId} ${jobName}`) });
    assert.deepEqual(asked, [`${vault.id} job-7`]);
  });

  it('gives restore jobs their own words', () => {
    assert.equal(jobEndMessage(job()), 'Restore of web-01 completed');
    assert.equal(jobEndMessage(job({ status: 'Failed' })), 'Restore of web-01 failed');
    assert.equal(jobEndMessage(job({ status: 'InProgress' })), 'Restore of web-01: In progress');
    assert.equal(jobLabel(job()), 'Restore · web-01');
  });
});
