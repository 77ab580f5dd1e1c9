import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface WorkbenchBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

// Debian's Chromium, headless, offline: nothing phones home, no sandbox (we run as root in CI).
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh Chromium profile showing `url`. */
export async function openBrowser(executablePath: string, url: string): Promise<WorkbenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'avb-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumArgs,
      // Crash reports and dconf would otherwise land in the home folder.
      env: { ...process.env, XDG_CONFIG_HOME: join(profile, 'xdg-config'), XDG_CACHE_HOME: join(profile, 'xdg-cache') },
      viewport: { width: 1400, height: 900 },
      // The workbench copies and pastes in places; let it without a permission prompt.
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    context.setDefaultTimeout(15_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    return {
      context,
      page,
      close: async () => {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
