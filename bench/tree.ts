// `npm run bench:tree`: how fast the tree's whole estate loads, and what it costs.
//
// Starts the emulator as a child process (so its CPU and memory are not the extension's) with
// `scale:20,5,200` (20 subscriptions × 5 vaults × 200 protected VMs, plus one VM without backup
// per vault), 50 ms latency on every request, 100 items a page and ARM's throttling on. Then loads
// every subscription → vault → protected VM with loadBackupEstate over the real SDK clients: once
// to warm up (imports, TLS), then several measured runs; a second row also lists the VMs without
// backup. It prints wall time against the critical path (the longest chain of requests that must
// follow one another × latency), the requests Azure saw, requests per VM and peak heap. The goal
// (ratio ≤ 1.5, no request per VM) is reported, never enforced.
//
// Options: --runs N (default 5), --seed scale:S,V,M, --latency-ms N, --page-size N.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LoggedExchange } from '../emulator/http/requestLog';
import { ArmClients } from '../src/azure/armClients';
import { staticTokenCredential, type ArmConnection } from '../src/azure/armConnection';
import { loadBackupEstate, type SubscriptionContents } from '../src/azure/backupEstate';
import { BackupReader } from '../src/azure/backupReader';

interface BenchOptions {
  runs: number;
  seed: string;
  latencyMs: number;
  pageSize: number;
}

interface RunResult {
  wallMs: number;
  clientCpuMs: number;
  /** Undefined where /proc is not there to ask. */
  emulatorCpuMs?: number;
  peakHeapBytes: number;
  requests: LoggedExchange[];
  estate: SubscriptionContents[];
}

interface Row {
  label: string;
  runs: RunResult[];
  boundMs: number;
  chain: string;
  requests: number;
  pagesCheck: string;
  maxPerVm: { count: number; kind: string };
}

const projectRoot = resolve(__dirname, '..');
/** The tenant of the emulator's seeds; it only keys the limiter and fills in a missing tenant. */
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const goalRatio = 1.5;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const gc = exposeGc();
  const folder = mkdtempSync(join(tmpdir(), 'avb-bench-'));
  const emulator = await startEmulatorProcess(options, join(folder, 'ca.pem'));
  try {
    const connection: ArmConnection = { endpoint: emulator.url, credential: staticTokenCredential(), ca: emulator.ca };
    // One long-lived reader, as in the extension: its SDK clients (and their sockets) outlive a refresh.
    const reader = new BackupReader(() => clients);
    const clients = new ArmClients(connection);
    const log = new RequestLogClient(emulator.url, emulator.ca);

    console.log(`emulator: seed ${options.seed}, latency ${options.latencyMs} ms, ${options.pageSize} items a page, throttling on; limiter ${reader.limiter.maxConcurrent} in all / ${reader.limiter.maxPerKey} per subscription`);
    console.log(`runs: 1 warm-up + ${options.runs} measured per row\n`);

    const rows: Row[] = [];
    for (const includeUnprotectedVms of [false, true]) {
      const label = includeUnprotectedVms ? 'protected VMs + VMs without backup' : 'subscriptions → vaults → protected VMs';
      const runs: RunResult[] = [];
      for (let run = 0; run <= options.runs; run++) {
        const result = await measure(reader, log, gc, includeUnprotectedVms, () => processCpuMs(emulator.child.pid));
        if (run > 0) runs.push(result);
        const cpu = `CPU: extension ${result.clientCpuMs.toFixed(0)} ms, emulator ${result.emulatorCpuMs?.toFixed(0) ?? 'n/a'} ms`;
        process.stdout.write(`  ${label}: ${run === 0 ? 'warm-up' : `run ${run}`} ${result.wallMs.toFixed(0)} ms, ${result.requests.length} requests; ${cpu}\n`);
      }
      rows.push(summarize(label, runs, options, includeUnprotectedVms));
    }
    console.log('');
    printTable(rows, options);
  } finally {
    emulator.child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measure(reader: BackupReader, log: RequestLogClient, gc: () => void, includeUnprotectedVms: boolean, emulatorCpu: () => number | undefined): Promise<RunResult> {
  await log.clear();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  const emulatorCpuBefore = emulatorCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const estate = await loadBackupEstate(reader, [tenantId], { includeUnprotectedVms });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const emulatorCpuAfter = emulatorCpu();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const requests = await log.armRequests();
  return {
    wallMs,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    ...(emulatorCpuBefore !== undefined && emulatorCpuAfter !== undefined ? { emulatorCpuMs: emulatorCpuAfter - emulatorCpuBefore } : {}),
    peakHeapBytes: peak - baseline,
    requests,
    estate,
  };
}

function summarize(label: string, runs: RunResult[], options: BenchOptions, includeUnprotectedVms: boolean): Row {
  const estate = runs[0]!.estate;
  const pages = (count: number) => Math.max(1, Math.ceil(count / options.pageSize));
  // The chain of requests that must follow one another: the subscription pages, then for the
  // slowest subscription its vault pages and its largest vault's item pages (or, in parallel, its VM pages).
  const subscriptionPages = pages(estate.length);
  let slowest = { length: 0, text: '' };
  for (const { vaults, unprotectedVms } of estate) {
    const vaultPages = pages(vaults.length);
    const itemPages = Math.max(0, ...vaults.map(({ protectedVms }) => pages(protectedVms.length)));
    const vaultChain = vaultPages + (vaults.length > 0 ? itemPages : 0);
    const vmCount = vaults.reduce((sum, { protectedVms }) => sum + protectedVms.filter((vm) => !vm.purgeTime).length, 0) + (unprotectedVms?.length ?? 0);
    const vmPages = includeUnprotectedVms ? pages(vmCount) : 0;
    const length = Math.max(vaultChain, vmPages);
    if (length > slowest.length) {
      slowest = {
        length,
        text: vmPages > vaultChain ? `${vmPages} VM pages` : `${vaultPages} vault page(s) + ${itemPages} item pages`,
      };
    }
  }
  const chainLength = subscriptionPages + slowest.length;
  const requests = runs.map((run) => run.requests.length);
  const expectedRequests =
    subscriptionPages +
    estate.reduce(
      (sum, { vaults, unprotectedVms }) =>
        sum +
        pages(vaults.length) +
        vaults.reduce((inner, { protectedVms }) => inner + pages(protectedVms.length), 0) +
        (includeUnprotectedVms ? pages(vaults.reduce((count, { protectedVms }) => count + protectedVms.length, 0) + (unprotectedVms?.length ?? 0)) : 0),
      0,
    );
  return {
    label,
    runs,
    boundMs: chainLength * options.latencyMs,
    chain: `${chainLength} = ${subscriptionPages} subscription page(s) + ${slowest.text}`,
    requests: Math.max(...requests),
    pagesCheck: requests.every((count) => count === expectedRequests) ? `= ${expectedRequests} pages expected` : `expected ${expectedRequests} pages, saw ${requests.join('/')} (retries?)`,
    maxPerVm: maxRequestsPerVm(runs[0]!.requests, estate),
  };
}

/** The most requests of one kind that name one VM (a GET per VM, a POST per item…); 0 when none does. */
function maxRequestsPerVm(requests: readonly LoggedExchange[], estate: readonly SubscriptionContents[]): { count: number; kind: string } {
  const vmNames = new Set<string>();
  for (const { vaults, unprotectedVms } of estate) {
    for (const { protectedVms } of vaults) for (const vm of protectedVms) vmNames.add(vm.name.toLowerCase());
    for (const vm of unprotectedVms ?? []) vmNames.add(vm.name.toLowerCase());
  }
  const counts = new Map<string, number>();
  for (const request of requests) {
    const segments = new URL(request.url).pathname.split('/').map((segment) => decodeURIComponent(segment).toLowerCase());
    const named = segments.filter((segment) => segment.split(';').some((part) => vmNames.has(part)));
    for (const name of named) {
      const kind = `${request.method} ${segments.map((segment) => (segment === name ? '{vm}' : segment)).join('/')}`;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  let max = { count: 0, kind: 'no URL names a VM' };
  for (const [kind, count] of counts) if (count > max.count) max = { count, kind };
  return max;
}

function printTable(rows: Row[], options: BenchOptions): void {
  const header = ['scenario', 'wall median', 'wall min', 'bound', 'ratio', 'ARM requests', 'max req/VM', 'peak heap', 'CPU ext/emu'];
  const lines = rows.map((row) => {
    const walls = row.runs.map((run) => run.wallMs).sort((a, b) => a - b);
    const wallMedian = median(walls);
    const heap = Math.max(...row.runs.map((run) => run.peakHeapBytes));
    return [
      row.label,
      `${wallMedian.toFixed(0)} ms`,
      `${walls[0]!.toFixed(0)} ms`,
      `${row.boundMs} ms`,
      (wallMedian / row.boundMs).toFixed(2),
      String(row.requests),
      String(row.maxPerVm.count),
      `${(heap / 1024 / 1024).toFixed(1)} MB`,
      `${median(row.runs.map((run) => run.clientCpuMs)).toFixed(0)}/${row.runs[0]!.emulatorCpuMs === undefined ? 'n/a' : median(row.runs.map((run) => run.emulatorCpuMs!)).toFixed(0)} ms`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log('');
  for (const row of rows) {
    console.log(`${row.label}:`);
    console.log(`  critical path: ${row.chain} → × ${options.latencyMs} ms = ${row.boundMs} ms`);
    console.log(`  requests: ${row.requests} (${row.pagesCheck}); most requests of one kind per VM: ${row.maxPerVm.count} (${row.maxPerVm.kind})`);
  }
  console.log('peak heap: the most heap in use during a load above the heap before it (after a GC), sampled every 2 ms.');
  console.log('CPU ext/emu: median CPU time the extension side (this process) and the emulator process spent per load; with');
  console.log(`  ${availableParallelism()} CPU(s) here, a load cannot be faster than either, whatever the latency allows.`);
  console.log('');
  for (const row of rows) {
    const ratio = median(row.runs.map((run) => run.wallMs)) / row.boundMs;
    const met = ratio <= goalRatio && row.maxPerVm.count === 0;
    console.log(`goal (ratio ≤ ${goalRatio}, no request per VM) for "${row.label}": ${met ? 'met' : 'NOT met'} (ratio ${ratio.toFixed(2)}, ${row.maxPerVm.count} per VM)`);
  }
}

/** The emulator's request log over its control API (GET/DELETE /_emulator/requests). */
class RequestLogClient {
  private readonly agent: https.Agent;

  constructor(
    private readonly url: string,
    ca: string,
  ) {
    // No keep-alive: between runs this connection idles longer than the emulator keeps it open.
    this.agent = new https.Agent({ ca, keepAlive: false });
  }

  clear(): Promise<void> {
    return this.call('DELETE', '/_emulator/requests').then(() => undefined);
  }

  /** The ARM requests since the last clear (control calls are not logged). */
  async armRequests(): Promise<LoggedExchange[]> {
    const body = await this.call('GET', '/_emulator/requests');
    return (JSON.parse(body) as { requests: LoggedExchange[] }).requests.filter((entry) => !new URL(entry.url).pathname.startsWith('/_emulator/'));
  }

  private call(method: string, path: string): Promise<string> {
    return new Promise((done, fail) => {
      const request = https.request(`${this.url}${path}`, { method, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        response.on('error', fail);
      });
      request.on('error', fail);
      request.end();
    });
  }
}

async function startEmulatorProcess(options: BenchOptions, caFile: string): Promise<{ child: ChildProcess; url: string; ca: string }> {
  const args = ['--seed', options.seed, '--latency-ms', String(options.latencyMs), '--page-size', String(options.pageSize), '--ca-file', caFile];
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ url: string }>((done, fail) => {
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) done(JSON.parse(stdout.slice(0, newline)) as { url: string });
    });
    child.once('exit', (code) => fail(new Error(`the emulator exited (${code}) before it was ready`)));
  });
  return { child, url: ready.url, ca: readFileSync(caFile, 'utf8') };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU time (user + system) a process has used, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** global.gc without having to start node with --expose-gc. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: 5, seed: 'scale:20,5,200', latencyMs: 50, pageSize: 100 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--runs': options.runs = Number(value); i++; break;
      case '--seed': options.seed = value ?? options.seed; i++; break;
      case '--latency-ms': options.latencyMs = Number(value); i++; break;
      case '--page-size': options.pageSize = Number(value); i++; break;
      default: throw new Error(`unknown option ${argv[i]}; use --runs N, --seed scale:S,V,M, --latency-ms N, --page-size N`);
    }
  }
  return options;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
