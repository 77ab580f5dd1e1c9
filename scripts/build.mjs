// Bundles the extension with esbuild: one CommonJS file for Node, `vscode` left to the host; and
// the webview apps for the browser (scripts/webviews.mjs).
import { build } from 'esbuild';
import { copyCodicons, webviewBuildOptions, webviewOutdir } from './webviews.mjs';

const production = process.argv.includes('--production');
await build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
});
console.log(`built dist/extension.js${production ? ' (minified)' : ''}`);
await build(webviewBuildOptions({ production }));
copyCodicons();
console.log(`built ${webviewOutdir}/*${production ? ' (minified)' : ''}`);
