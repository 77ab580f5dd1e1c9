// Starts code-server (VS Code in the browser) on 127.0.0.1 with fresh user data, our VSIX installed
// and the given user settings; used by the end-to-end tests and by `npm start`.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVsCodeTools, freePort } from './tools.mjs';

const baseSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  // No marketplace to reach here: don't let VS Code try.
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // A clean window: no chat side bar or AI prompts over our views.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Sticky scroll copies tree rows into a header; tests should see each row once.
  'workbench.tree.enableStickyScroll': false,
};

const watchdog = fileURLToPath(new URL('./parentWatchdog.cjs', import.meta.url));
const running = new Set();

/**
 * Installs `vsix` into a fresh profile and serves VS Code on http://127.0.0.1:PORT (a free port
 * when 0) with `workspaceFolder` open (an empty temporary folder when not given).
 * Returns once it answers HTTP; stop() ends its process group and removes the temporary folders.
 */
export async function startCodeServer({ vsix, settings = {}, workspaceFolder, port = 0, log = () => {}, tools }) {
  const { node24, codeServer } = tools ?? (await ensureVsCodeTools({ log }));
  const root = mkdtempSync(join(tmpdir(), 'avb-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const folder = workspaceFolder ?? join(root, 'workspace');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, folder]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...baseSettings, ...settings }, null, 2)}\n`);
  // Our own config file, so code-server neither reads nor writes ~/.config/code-server.
  const config = join(root, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // Its own XDG folders too: code-server and VS Code keep logs, config and a device id there.
  const env = { ...process.env, XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config'), XDG_CACHE_HOME: join(root, 'xdg-cache') };
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const cleanup = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });

  let server;
  try {
    if (vsix) {
      const started = Date.now();
      await runToEnd(node24, [codeServer, ...common, '--install-extension', vsix], env);
      log(`installed ${vsix} into code-server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const chosenPort = port || (await freePort());
    const url = `http://127.0.0.1:${chosenPort}`;
    const logFile = join(root, 'code-server.log');
    const out = openSync(logFile, 'a');
    const child = spawn(
      node24,
      ['--require', watchdog, codeServer, ...common, '--bind-addr', `127.0.0.1:${chosenPort}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder],
      // Its own process group, so stop() reaches the extension host and the other helpers too.
      { detached: true, stdio: ['ignore', out, out], env: { ...env, AZURE_VM_BACKUP_WATCHDOG_PARENT: String(process.pid) } },
    );
    closeSync(out);
    server = { child, stopped: false };
    running.add(server);
    installExitHandlers();
    const started = Date.now();
    await waitForHttp(`${url}/healthz`, child, logFile);
    log(`code-server answers at ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    let stopping;
    return {
      url,
      exited,
      userDataDir,
      extensionsDir,
      workspaceFolder: folder,
      logFile,
      stop: () => (stopping ??= stopServer(server).finally(cleanup)),
    };
  } catch (error) {
    if (server) await stopServer(server);
    cleanup();
    throw error;
  }
}

/** SIGTERM to the group, SIGKILL if it is still there after a few seconds. */
async function stopServer(server) {
  running.delete(server);
  if (server.stopped) return;
  server.stopped = true;
  const { child } = server;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Helpers that ignored SIGTERM must not outlive the server.
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let handlersInstalled = false;

/** When this process ends, its servers end too, whoever else listens for the signal. */
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const killAll = () => {
    for (const server of running) killGroup(server.child.pid, 'SIGKILL');
  };
  process.on('exit', killAll);
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    const handler = () => {
      // Alone, keep the signal's default of ending the process. With other listeners (npm start
      // stopping cleanly) they decide, and the exit handler is the backstop.
      if (process.listenerCount(signal) > 1) return;
      killAll();
      process.exit(128 + number);
    };
    process.on(signal, handler);
  }
}

async function waitForHttp(url, child, logFile, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.signalCode ?? `exit ${child.exitCode}`}) before answering ${url}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function runToEnd(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // Only this line proves the install (some failures end with exit code 0).
      if (code === 0 && /was successfully installed/.test(output)) resolve(output);
      else reject(new Error(`code-server ${args.slice(1).join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '(no output)';
  }
}
