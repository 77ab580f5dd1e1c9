// The emulator's command line, run as a real child process: the ready line, the CA file, --state
// surviving a kill -9, option errors, and free ports.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AzureIaaSVMProtectedItem } from '@azure/arm-recoveryservicesbackup';
import { ArmClients } from '../../src/azure/armClients';
import { staticTokenCredential } from '../../src/azure/armConnection';
import { demoSubscriptions } from '../../emulator/seed/demoSeed';

const projectRoot = resolve(__dirname, '..', '..');
const fast = ['--time-scale', '1000', '--retry-after', '0'];
const children = new Set<ChildProcess>();
const folders: string[] = [];

after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'avb-cli-'));
  folders.push(folder);
  return folder;
}

interface Ready {
  event: string;
  url: string;
  caFile: string;
}

interface Spawned {
  child: ChildProcess;
  stdoutLines(): string[];
  stderr(): string;
  /** The ready line, parsed, and how long after spawning it arrived. */
  ready: Promise<{ info: Ready; ms: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnEmulator(args: string[]): Spawned {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const ready = new Promise<{ info: Ready; ms: number }>((done, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const first = stdout === '' || !stdout.includes('\n');
      stdout += chunk;
      if (first && stdout.includes('\n')) {
        const ms = performance.now() - began;
        try {
          done({ info: JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as Ready, ms });
        } catch (error) {
          fail(new Error(`the first line is not JSON: ${stdout}`, { cause: error }));
        }
      }
    });
    void exited.then(({ code, signal }) => fail(new Error(`the emulator exited (${code ?? signal}) before it was ready: ${stderr}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    stderr: () => stderr,
    ready,
    exited,
  };
}

async function kill9(spawned: Spawned): Promise<void> {
  spawned.child.kill('SIGKILL');
  const { signal } = await spawned.exited;
  assert.equal(signal, 'SIGKILL');
}

function httpsGet(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = https.get(url, { ...(ca ? { ca } : {}), agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', fail);
  });
}

function clientsFor(info: Ready): ArmClients {
  return new ArmClients({ endpoint: info.url, credential: staticTokenCredential(), ca: readFileSync(info.caFile, 'utf8'), retry: { retryDelayInMs: 5, maxRetryDelayInMs: 50 } });
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of pages) all.push(item);
  return all;
}

async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

describe('emulator command line', () => {
  it('prints exactly one JSON ready line within 3 s, and its CA file makes HTTPS succeed', async (t) => {
    const folder = temporaryFolder();
    const caFile = join(folder, 'ca.pem');
    const emulator = spawnEmulator(['--port', '0', '--seed', 'demo', '--ca-file', caFile, ...fast]);
    const { info, ms } = await emulator.ready;
    t.diagnostic(`ready line after ${Math.round(ms)} ms`);
    assert.ok(ms < 3000, `the ready line took ${Math.round(ms)} ms`);
    assert.deepEqual(Object.keys(info).sort(), ['caFile', 'event', 'url']);
    assert.equal(info.event, 'ready');
    assert.match(info.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(info.url, 'https://127.0.0.1:0');
    assert.equal(info.caFile, caFile);

    assert.ok(existsSync(info.caFile), `no CA file at ${info.caFile}`);
    const pem = readFileSync(info.caFile, 'utf8');
    assert.match(pem, /^-----BEGIN CERTIFICATE-----\r?\n[\s\S]+-----END CERTIFICATE-----\s*$/);
    const certificate = new X509Certificate(pem);
    assert.ok(certificate.ca, 'the CA file holds a CA certificate');

    const health = await httpsGet(`${info.url}/_emulator/health`, pem);
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.body), { status: 'ok' });
    await assert.rejects(httpsGet(`${info.url}/_emulator/health`), 'without the CA the certificate is not trusted');

    // The SDK through the CA file, then still one line on stdout.
    const subscriptions = await collect((await clientsFor(info).subscriptions()).subscriptions.list());
    assert.equal(subscriptions.length, 2);
    assert.deepEqual(emulator.stdoutLines(), [JSON.stringify(info)], 'stdout holds the ready line and nothing else');
    await kill9(emulator);
  });

  it('without --ca-file writes the CA to a temporary file it names', async () => {
    const emulator = spawnEmulator(['--port', '0', '--seed', 'empty', ...fast]);
    const { info } = await emulator.ready;
    assert.ok(existsSync(info.caFile));
    assert.equal((await httpsGet(`${info.url}/_emulator/health`, readFileSync(info.caFile, 'utf8'))).status, 200);
    await kill9(emulator);
  });

  it('--port 0 twice gives two different free ports', async () => {
    const first = spawnEmulator(['--port', '0', '--seed', 'empty', ...fast]);
    const second = spawnEmulator(['--port', '0', '--seed', 'empty', ...fast]);
    const [a, b] = await Promise.all([first.ready, second.ready]);
    const portA = new URL(a.info.url).port;
    const portB = new URL(b.info.url).port;
    assert.ok(Number(portA) > 0 && Number(portB) > 0);
    assert.notEqual(portA, portB);
    // Each answers on its own port with its own CA.
    assert.equal((await httpsGet(`${a.info.url}/_emulator/health`, readFileSync(a.info.caFile, 'utf8'))).status, 200);
    assert.equal((await httpsGet(`${b.info.url}/_emulator/health`, readFileSync(b.info.caFile, 'utf8'))).status, 200);
    // SIGTERM stops one cleanly (exit code 0); the other is killed.
    second.child.kill('SIGTERM');
    assert.deepEqual(await second.exited, { code: 0, signal: null });
    await kill9(first);
  });

  it('--state naming a file that is not emulator state exits non-zero naming --state', async () => {
    const stateFile = join(temporaryFolder(), 'state.json');
    writeFileSync(stateFile, '{"half": ');
    const emulator = spawnEmulator(['--port', '0', '--state', stateFile, ...fast]);
    const { code } = await emulator.exited;
    assert.notEqual(code, 0);
    assert.ok(emulator.stderr().includes('--state') && emulator.stderr().includes(stateFile), emulator.stderr());
  });

  for (const [args, option] of [
    [['--seed', 'nonsense'], '--seed'],
    [['--faults', '429=2'], '--faults'],
    [['--port', 'eighty'], '--port'],
    [['--port', '70000'], '--port'],
    [['--bogus'], '--bogus'],
  ] as const) {
    it(`${args.join(' ')} exits non-zero with a message naming ${option}`, async () => {
      const emulator = spawnEmulator([...args]);
      const { code } = await emulator.exited;
      assert.notEqual(code, 0);
      assert.notEqual(code, null);
      assert.ok(emulator.stderr().includes(option), `stderr does not name ${option}: ${emulator.stderr()}`);
      assert.deepEqual(emulator.stdoutLines(), [], 'no ready line');
    });
  }

  it('--state: every answered change survives kill -9 and a restart, and jobs finish after it', async (t) => {
    const folder = temporaryFolder();
    const stateFile = join(folder, 'state.json');
    const args = ['--port', '0', '--seed', 'demo', '--state', stateFile, ...fast];
    const prod = demoSubscriptions.production;
    const group = 'rg-backup-prod';
    const vaultName = 'cli-state-vault';
    const policyName = 'Daily-Cli-30';

    const first = spawnEmulator(args);
    const { info } = await first.ready;
    assert.ok(existsSync(stateFile), 'the state file is written at start');
    let clients = clientsFor(info);
    const vaults = (await clients.vaults(prod)).vaults;
    const created = await vaults.beginCreateOrUpdateAndWait(group, vaultName, {
      location: 'westeurope',
      sku: { name: 'Standard' },
      properties: { publicNetworkAccess: 'Enabled' },
    });
    assert.equal(created.name, vaultName);

    let backup = await clients.backup(prod);
    const template = await backup.protectionPolicies.get(vaultName, group, 'DefaultPolicy');
    const policyProperties = JSON.parse(JSON.stringify(template.properties)) as { retentionPolicy?: { dailySchedule?: { retentionDuration?: { count?: number } } } };
    policyProperties.retentionPolicy!.dailySchedule!.retentionDuration!.count = 45;
    const policy = await backup.protectionPolicies.createOrUpdate(vaultName, group, policyName, { properties: policyProperties as never });
    assert.equal(policy.name, policyName);

    const items = await collect(backup.backupProtectedItems.list('prod-weu-vault', group));
    const item = items.find((candidate) => (candidate.properties as AzureIaaSVMProtectedItem | undefined)?.friendlyName === 'web-01');
    assert.ok(item?.id && item.name);
    const containerName = decodeURIComponent(/\/protectionContainers\/([^/]+)/i.exec(item.id)![1]!);
    const triggeredAt = Date.now() - 1000;
    await backup.backups.trigger('prod-weu-vault', group, 'Azure', containerName, item.name, { properties: { objectType: 'IaasVMBackupRequest' } });

    // Answered: now kill -9, no chance to flush anything.
    await kill9(first);

    const second = spawnEmulator(args);
    const restarted = (await second.ready).info;
    clients = clientsFor(restarted);
    backup = await clients.backup(prod);
    const vault = await (await clients.vaults(prod)).vaults.get(group, vaultName);
    assert.equal(vault.name, vaultName);
    assert.equal(vault.properties?.provisioningState, 'Succeeded');
    const kept = await backup.protectionPolicies.get(vaultName, group, policyName);
    assert.equal((kept.properties as typeof policyProperties).retentionPolicy?.dailySchedule?.retentionDuration?.count, 45);

    const backupJobs = async () =>
      (await collect(backup.backupJobs.list('prod-weu-vault', group, { filter: "operation eq 'Backup'" }))).filter(
        (job) => job.properties?.entityFriendlyName === 'web-01' && (job.properties.startTime?.getTime() ?? 0) >= triggeredAt,
      );
    const jobs = await backupJobs();
    assert.equal(jobs.length, 1, 'the backup job started before the kill is still there, once');
    const jobId = jobs[0]!.name!;
    const finished = await eventually(async () => {
      const job = await backup.jobDetails.get('prod-weu-vault', group, jobId);
      return job.properties?.status === 'InProgress' ? undefined : job;
    }, 'the backup job to finish after the restart');
    assert.equal(finished.properties?.status, 'Completed');
    const after = await backup.protectedItems.get('prod-weu-vault', group, 'Azure', containerName, item.name);
    const afterProperties = after.properties as AzureIaaSVMProtectedItem;
    assert.equal(afterProperties.lastBackupStatus, 'Completed');
    assert.ok(afterProperties.lastBackupTime!.getTime() >= triggeredAt);

    // Its completion is itself a change: kill -9 once more and it is still there.
    await kill9(second);
    const third = spawnEmulator(args);
    const again = (await third.ready).info;
    clients = clientsFor(again);
    backup = await clients.backup(prod);
    const job = await backup.jobDetails.get('prod-weu-vault', group, jobId);
    assert.equal(job.properties?.status, 'Completed');
    assert.equal((await backupJobs()).length, 1);
    t.diagnostic(`state file ${readFileSync(stateFile).length} bytes; job ${jobId} completed across two kill -9`);
    await kill9(third);
  });
});
