import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureVsCodeTools } from '../../../scripts/vscode/tools.mjs';
import { startCodeServer, type RunningCodeServer } from '../../../scripts/vscode/codeServer.mjs';
import type { EmulatorOptions } from '../../../emulator/context';
import { startE2eEmulator, type E2eEmulator } from './e2eEmulator';
import { openBrowser, type WorkbenchBrowser } from './browser';
import { artifactsDir, Workbench } from './workbench';

const projectRoot = resolve(__dirname, '..', '..', '..');
export const defaultVsix = join(projectRoot, 'dist', 'azure-vm-backup.vsix');
/** Our view container's title in the activity bar (package.json contributes.viewsContainers). */
export const viewContainerTitle = 'Azure Backup';

export interface VsCodeSessionOptions {
  /** Emulator options over the E2E defaults (demo seed, fast clock, Retry-After 1 s). */
  emulator?: Partial<EmulatorOptions>;
  /** More user settings; the emulator's endpoint and CA are set already. */
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  vsix?: string;
}

/** What a test's afterEach hook hands over: node 20's TestContext has these at run time. */
interface FinishedTest {
  name: string;
  passed?: boolean;
}

/**
 * Our extension in a real VS Code: an emulator with the demo data, code-server with the packaged
 * VSIX pointed at it, and headless Chromium showing the workbench. The Workbench helpers drive it.
 */
export class VsCodeSession extends Workbench {
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly emulator: E2eEmulator,
    readonly codeServer: RunningCodeServer,
    private readonly browser: WorkbenchBrowser,
  ) {
    super(browser.page);
  }

  static async start(options: VsCodeSessionOptions = {}): Promise<VsCodeSession> {
    const started = Date.now();
    const vsix = options.vsix ?? defaultVsix;
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does).`);
    const tools = await ensureVsCodeTools({ log });
    const cleanups: (() => Promise<void>)[] = [];
    try {
      const emulator = await startE2eEmulator(options.emulator);
      cleanups.push(() => emulator.close());
      const codeServer = await startCodeServer({
        vsix,
        tools,
        log,
        settings: { ...emulator.settings(), ...options.settings },
        ...(options.workspaceFolder ? { workspaceFolder: options.workspaceFolder } : {}),
      });
      cleanups.push(() => codeServer.stop());
      const browser = await openBrowser(tools.chromium, codeServer.url);
      cleanups.push(() => browser.close());
      const session = new VsCodeSession(emulator, codeServer, browser);
      await session.ready();
      // The extension's activity-bar tab shows once the extension host has loaded the VSIX.
      await session
        .activityTab(viewContainerTitle)
        .waitFor({ timeout: 60_000 })
        .catch(() => {
          throw new Error(`the "${viewContainerTitle}" activity-bar tab did not appear within 60 s: was ${vsix} installed? See ${codeServer.logFile}`);
        });
      log(`VS Code session ready in ${seconds(started)} (${codeServer.url}, emulator ${emulator.url})`);
      return session;
    } catch (error) {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      throw error;
    }
  }

  /** For afterEach: when the test failed, saves a screenshot and VS Code's logs under artifacts/e2e/. */
  async recordFailure(test: FinishedTest): Promise<void> {
    if (test.passed !== false) return;
    const name = `failed-${test.name.replace(/[^\w.-]+/g, '-').slice(0, 80)}`;
    try {
      const file = await this.screenshot(name);
      const logs = join(this.codeServer.userDataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(artifactsDir, `${name}-logs`), { recursive: true });
      cpSync(this.codeServer.logFile, join(artifactsDir, `${name}-code-server.log`));
      log(`test failed: screenshot ${file}, logs in ${join(artifactsDir, `${name}-logs`)}`);
    } catch (error) {
      log(`could not record the failure: ${(error as Error).message}`);
    }
  }

  /** Closes the browser, code-server and the emulator; safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.browser.close();
      await this.codeServer.stop();
      await this.emulator.close();
    })();
    return this.stopping;
  }
}

export function startVsCodeSession(options: VsCodeSessionOptions = {}): Promise<VsCodeSession> {
  return VsCodeSession.start(options);
}

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
