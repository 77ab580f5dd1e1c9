import '../../support/vscodeStub';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { demoSubscriptions } from '../../../emulator/seed/demoSeed';
import type { BackupOperations } from '../../../src/azure/backupOperations';
import type { ProtectedVm, Subscription, Vault } from '../../../src/azure/model';
import { backUpNow } from '../../../src/commands/backUpNow';
import { dateText, retainUntilProblem, retainUntilTime } from '../../../src/commands/retainUntil';
import { demoTenantId, testFlowServices, type TestFlowServices } from '../../support/flowServices';
import { label, type ScriptStep } from '../../support/scriptedPrompts';
import { startTestEmulator, type TestEmulator } from '../../support/testEmulator';

const day = 86_400_000;
let env: TestEmulator;

beforeEach(async () => {
  env = await startTestEmulator();
});
afterEach(async () => {
  await env.close();
});

async function run(script: ScriptStep[], node?: unknown, adjust?: (services: TestFlowServices) => void): Promise<TestFlowServices> {
  const services = await testFlowServices(env, script);
  adjust?.(services);
  await backUpNow(services, { subscriptions: () => services.azure().reader.listSubscriptions(demoTenantId) as Promise<Subscription[]> }, node);
  services.prompts.assertDone();
  return services;
}

/** A ProtectedVmNode-like argument: the tree node carries the item. */
async function itemNode(subscriptionId: string, vaultName: string, vmName: string): Promise<{ id: string; item: ProtectedVm; vault: Vault }> {
  const { reader } = (await testFlowServices(env, [])).azure();
  const vault = (await reader.listVaults(subscriptionId)).find((candidate) => candidate.name === vaultName)!;
  const item = (await reader.listProtectedVms(vault)).find((candidate) => candidate.name === vmName);
  assert.ok(item, `no protected VM ${vmName}`);
  return { id: item.id, item, vault };
}

async function backupPosts(): Promise<{ url: string; body: unknown }[]> {
  return (await env.requests()).filter((exchange) => exchange.method === 'POST' && /\/backup\?/.test(exchange.url)).map((exchange) => ({ url: exchange.url, body: exchange.requestBody }));
}

function localDate(offsetDays: number, offsetYears = 0): string {
  const now = new Date();
  return dateText(new Date(now.getFullYear() + offsetYears, now.getMonth(), now.getDate() + offsetDays));
}

describe('back up now', () => {
  it('asks the retain-until date, starts the backup with it, follows the job with a notification and refreshes the vault', async () => {
    const node = await itemNode(demoSubscriptions.production, 'prod-weu-vault', 'web-01');
    const retainUntil = localDate(45);
    const services = await run([{ input: 'Back Up web-01 Now', answer: retainUntil }], node);
    const posts = await backupPosts();
    assert.equal(posts.length, 1);
    const expiry = Date.parse((posts[0]!.body as { properties: { recoveryPointExpiryTimeInUTC: string } }).properties.recoveryPointExpiryTimeInUTC);
    assert.ok(Math.abs(expiry - retainUntilTime(retainUntil).getTime()) < 60_000, 'kept until the chosen day');
    assert.equal(services.followed.length, 1);
    assert.equal(services.followed[0]!.job.label, 'Back up web-01');
    assert.equal(services.followed[0]!.notify, true, 'the job tracker announces the end');
    assert.equal(services.followed[0]!.final.operation, 'Backup');
    assert.equal(services.followed[0]!.final.status, 'Completed');
    assert.deepEqual(services.prompts.progressLog, ['Starting backup of web-01…']);
    assert.ok(services.refreshed.includes(node.vault.id));
  });

  it('offers today + 30 days, names the format, and refuses today, the past, garbage and more than 99 years', async () => {
    const node = await itemNode(demoSubscriptions.production, 'prod-weu-vault', 'web-01');
    let offered: { value?: string; prompt?: string } = {};
    await run(
      [
        {
          input: 'Back Up web-01 Now',
          refuses: [
            { value: localDate(0), message: /^The date must be in the future: enter \d{4}-\d{2}-\d{2} or later\.$/ },
            { value: localDate(-1), message: /must be in the future/ },
            { value: localDate(1, 99), message: /^Azure keeps an on-demand recovery point at most 99 years: enter \d{4}-\d{2}-\d{2} or earlier\.$/ },
            { value: 'next friday', message: /^Enter the date as YYYY-MM-DD, for example \d{4}-\d{2}-\d{2}\.$/ },
            { value: '31/12/2030', message: /YYYY-MM-DD/ },
            { value: '2031-02-30', message: /^2031-02-30 is not a date on the calendar/ },
          ],
          answer: localDate(0, 98),
        },
      ],
      node,
      (services) => {
        const input = services.prompts.input.bind(services.prompts);
        services.prompts.input = (options) => {
          offered = { value: options.value, prompt: options.prompt };
          return input(options);
        };
      },
    );
    assert.equal(offered.value, localDate(30));
    assert.match(offered.prompt ?? '', /YYYY-MM-DD/);
    assert.equal((await backupPosts()).length, 1, 'the service accepts a date decades ahead');
  });

  it('follows the running backup instead of starting a second one', async () => {
    const node = await itemNode(demoSubscriptions.production, 'prod-weu-vault', 'web-01');
    const started = Date.now();
    const { operations, reader } = (await testFlowServices(env, [])).azure();
    const first = await operations.backUpNow(node.item, new Date(Date.now() + 30 * day));
    const services = await run([{ info: 'A backup of web-01 is already running — following it.' }], node);
    assert.deepEqual(services.followed.map((followed) => [followed.job.jobName, followed.notify]), [[first.jobId, true]]);
    assert.equal((await backupPosts()).length, 1, 'one backup request in all');
    const backups = (await reader.listJobs(node.vault, { since: new Date(started - 1000), operation: 'Backup' })).filter((job) => job.entityFriendlyName === 'web-01');
    assert.equal(backups.length, 1, 'exactly one Backup job in the emulator');
  });

  it('follows the backup that started after the date was asked, when the service says one runs', async () => {
    const node = await itemNode(demoSubscriptions.production, 'prod-weu-vault', 'web-02');
    const { operations } = (await testFlowServices(env, [])).azure();
    const first = await operations.backUpNow(node.item, new Date(Date.now() + 30 * day));
    const services = await run(
      [
        { input: 'Back Up web-02 Now', answer: localDate(30) },
        { info: 'A backup of web-02 is already running — following it.' },
      ],
      node,
      (services) => {
        // The check before asking missed it: the backup started while the user typed.
        const real = services.azure();
        const late: BackupOperations = Object.assign(Object.create(real.operations) as BackupOperations, { runningBackup: async () => undefined });
        services.azure = () => ({ ...real, operations: late });
      },
    );
    assert.deepEqual(services.followed.map((followed) => followed.job.jobName), [first.jobId]);
    assert.equal((await backupPosts()).length, 1, 'never a second backup request');
  });

  it('starts nothing when the date is cancelled', async () => {
    const node = await itemNode(demoSubscriptions.production, 'prod-weu-vault', 'web-01');
    const services = await run([{ input: 'Back Up web-01 Now', answer: undefined }], node);
    assert.deepEqual(await backupPosts(), []);
    assert.deepEqual(services.followed, []);
  });

  it('asks for a backed-up VM from the palette, leaving out stopped and soft-deleted ones', async () => {
    const services = await run([
      { pickOne: 'Back Up Now', answer: label('Contoso Development') },
      { pickOne: 'Back Up Now', answer: () => undefined },
    ]);
    assert.deepEqual(services.prompts.offered[1]!.labels, ['build-agent-01']);
    assert.deepEqual(await backupPosts(), []);
  });

  it('says to resume a stopped backup first', async () => {
    const node = await itemNode(demoSubscriptions.development, 'dev-neu-vault', 'build-agent-02');
    await run([{ error: 'Backup is stopped for build-agent-02: resume backup first.' }], node);
    assert.deepEqual(await backupPosts(), []);
  });
});

describe('retain-until date', () => {
  const now = new Date(2025, 5, 15, 10, 30);

  it('accepts tomorrow to 99 years ahead', () => {
    assert.equal(retainUntilProblem('2025-06-16', now), undefined);
    assert.equal(retainUntilProblem(' 2025-07-15 ', now), undefined);
    assert.equal(retainUntilProblem('2124-06-15', now), undefined);
  });

  it('refuses today, the past, a day beyond 99 years, impossible dates and other formats', () => {
    assert.equal(retainUntilProblem('2025-06-15', now), 'The date must be in the future: enter 2025-06-16 or later.');
    assert.equal(retainUntilProblem('2025-06-14', now), 'The date must be in the future: enter 2025-06-16 or later.');
    assert.equal(retainUntilProblem('2124-06-16', now), 'Azure keeps an on-demand recovery point at most 99 years: enter 2124-06-15 or earlier.');
    assert.equal(retainUntilProblem('2025-13-01', now), '2025-13-01 is not a date on the calendar. Enter a real date as YYYY-MM-DD, for example 2025-07-15.');
    assert.equal(retainUntilProblem('15.07.2025', now), 'Enter the date as YYYY-MM-DD, for example 2025-07-15.');
    assert.equal(retainUntilProblem('', now), 'Enter the date as YYYY-MM-DD, for example 2025-07-15.');
  });

  it('keeps the point until the chosen day at the current time of day', () => {
    assert.equal(retainUntilTime('2025-07-15', now).getTime(), new Date(2025, 6, 15, 10, 30).getTime());
  });
});
