import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFaults } from './http/faults';
import { defaultOptions, type EmulatorOptions, type SeedSpec } from './context';

export const usage = `Usage: npm run emulator -- [options]

  --port N               port on 127.0.0.1 (0 picks a free one; default 0)
  --seed demo|empty|scale:SUBS,VAULTS,VMS
                         initial data (default demo); scale gives VMS protected VMs per vault
  --state FILE           keep the state in FILE: every answered change survives a kill and a restart
  --ca-file FILE         where to write the CA certificate clients must trust
  --time-scale N         jobs and operations run N times faster than in Azure (default 60)
  --retry-after SECONDS  Retry-After sent on asynchronous operations and throttling (Azure: 60; default 60)
  --latency-ms N         delay every answer by N ms
  --faults SPEC          e.g. 429=0.1,503=0.05,reset=0.02 (chance per request)
  --fault-seed N         make the faults repeatable
  --page-size N          items per page on every list (default 100)
  --no-throttling        turn off ARM's per-subscription request budgets
`;

/** Parses the command line; throws with a message naming the bad option. */
export function parseOptions(argv: readonly string[]): EmulatorOptions {
  const options: EmulatorOptions = { ...defaultOptions, caFile: join(tmpdir(), `azure-vm-backup-emulator-${process.pid}`, 'ca.pem') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n\n${usage}`);
      return next;
    };
    const number = (low: number) => {
      const text = value();
      const parsed = Number(text);
      if (!Number.isFinite(parsed) || parsed < low) throw new Error(`${flag} must be a number of at least ${low}, not "${text}"`);
      return parsed;
    };
    switch (flag) {
      case '--port':
        options.port = number(0);
        if (!Number.isInteger(options.port) || options.port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${argv[i]}"`);
        break;
      case '--seed': options.seed = parseSeed(value()); break;
      case '--state': options.stateFile = resolve(value()); break;
      case '--ca-file': options.caFile = resolve(value()); break;
      case '--time-scale': options.timeScale = number(0.001); break;
      case '--retry-after': options.retryAfterSeconds = number(0); break;
      case '--latency-ms': options.latencyMs = number(0); break;
      case '--faults': options.faults = parseFaults(value()); break;
      case '--fault-seed': options.faultSeed = number(0); break;
      case '--page-size': options.pageSize = number(1); break;
      case '--no-throttling': options.throttling = false; break;
      case '--help': case '-h': throw new Error(usage);
      default: throw new Error(`Unknown option ${flag}\n\n${usage}`);
    }
  }
  return options;
}

export function parseSeed(text: string): SeedSpec {
  if (text === 'demo' || text === 'empty') return { kind: text };
  const scale = /^scale:(\d+),(\d+),(\d+)$/.exec(text);
  if (scale) return { kind: 'scale', subscriptions: Number(scale[1]), vaultsPerSubscription: Number(scale[2]), vmsPerVault: Number(scale[3]) };
  throw new Error(`--seed must be demo, empty or scale:SUBS,VAULTS,VMS (e.g. scale:20,5,200), not "${text}"`);
}
