// The webview bundles: one browser script (IIFE) and stylesheet per app in dist/webviews, plus the
// codicon font and stylesheet. scripts/build.mjs builds them; the DOM tests build the same way.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export const webviewOutdir = 'dist/webviews';

/** <name> → its entry: dist/webviews/<name>.js and <name>.css. */
export const webviewEntries = {
  createVault: 'src/webviews/app/createVault/main.ts',
  policyEditor: 'src/webviews/app/policyEditor/main.ts',
  createVm: 'src/webviews/app/createVm/main.ts',
  restore: 'src/webviews/app/restore/main.ts',
};

/** esbuild options for the webview bundles. */
export function webviewBuildOptions({ production = false } = {}) {
  return {
    entryPoints: webviewEntries,
    outdir: webviewOutdir,
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
  };
}

/** Copies codicon.css and codicon.ttf from @vscode/codicons into dist/webviews. */
export function copyCodicons() {
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  mkdirSync(webviewOutdir, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(folder, file), join(webviewOutdir, file));
}
