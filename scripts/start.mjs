// npm start: the demo. Packages the extension, starts the emulator with the demo data and
// code-server (VS Code in the browser) with the extension installed and pointed at the emulator,
// prints the URL, and stops both on Ctrl-C or SIGTERM.
// Extra arguments go to the emulator: npm start -- --faults 429=0.1 --time-scale 600
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './vscode/codeServer.mjs';
import { ensureVsCodeTools } from './vscode/tools.mjs';

const log = (message) => console.log(`[start] ${message}`);
const vsix = resolve('dist', 'azure-vm-backup.vsix');
let emulator;
let codeServer;
let stopping;

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const tools = await ensureVsCodeTools({ log });
  log('packaging the extension: npm run package');
  const packaged = spawnSync('npm', ['run', 'package', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (packaged.status !== 0) throw new Error('npm run package failed');

  const ready = await startEmulator(process.argv.slice(2));
  codeServer = await startCodeServer({
    vsix,
    tools,
    log,
    settings: { 'azureVmBackup.emulator.endpoint': ready.url, 'azureVmBackup.emulator.caFile': ready.caFile },
  });
  codeServer.exited.then((how) => {
    if (!stopping) {
      console.error(`code-server stopped unexpectedly (${how})`);
      void stop(1);
    }
  });
  console.log(`
Azure VM Backup in VS Code, against the Azure Resource Manager emulator's demo data:

  VS Code:   ${codeServer.url}/
  Emulator:  ${ready.url}  (CA certificate ${ready.caFile})

Open the VS Code URL in a browser on this machine (it listens on 127.0.0.1 only) and pick
"Azure Backup" in the activity bar. Ctrl-C stops VS Code and the emulator.`);
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  await stop(1);
}

/** Starts emulator/main.ts and resolves with its ready line: { url, caFile }. */
function startEmulator(args) {
  const watchdog = fileURLToPath(new URL('./vscode/parentWatchdog.cjs', import.meta.url));
  emulator = spawn(process.execPath, ['--require', watchdog, '--import', 'tsx', 'emulator/main.ts', '--port', '0', '--seed', 'demo', '--retry-after', '2', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AZURE_VM_BACKUP_WATCHDOG_PARENT: String(process.pid) },
  });
  return new Promise((resolveReady, reject) => {
    let ready = false;
    createInterface({ input: emulator.stdout }).on('line', (line) => {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        console.log(line);
        return;
      }
      if (event.event === 'ready' && !ready) {
        ready = true;
        resolveReady(event);
      }
    });
    emulator.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`the emulator exited (${signal ?? `exit ${code}`}) before it was ready`));
      else if (!stopping) {
        console.error(`the emulator stopped unexpectedly (${signal ?? `exit ${code}`})`);
        void stop(1);
      }
    });
  });
}

/** Stops code-server, then the emulator (it finishes writing its state on SIGTERM), then exits. */
function stop(exitCode) {
  stopping ??= (async () => {
    log('stopping…');
    await codeServer?.stop();
    if (emulator && emulator.exitCode === null && emulator.signalCode === null) {
      const exited = new Promise((done) => emulator.once('exit', done));
      emulator.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      emulator.kill('SIGKILL');
    }
    log('stopped');
    process.exit(exitCode);
  })();
  return stopping;
}
