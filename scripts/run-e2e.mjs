// npm run test:e2e: the end-to-end journeys in a real VS Code (code-server + Chromium).
// Installs the tools first (once, timed, outside the tests), packages the VSIX when it is older
// than the sources, runs test/e2e/**/*.e2e.test.ts one file at a time, and ends with the plain
// "N passed, N failed, N skipped" line CI reads.
// Usage: node scripts/run-e2e.mjs [test files...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVsCodeTools } from './vscode/tools.mjs';

const vsix = join('dist', 'azure-vm-backup.vsix');
// What goes into the VSIX: when any of it is newer than the VSIX, package again.
const packageInputs = ['src', 'resources', 'package.json', 'scripts/build.mjs', 'scripts/webviews.mjs', 'package-lock.json', 'README.md', 'LICENSE', '.vscodeignore'];

const started = Date.now();
try {
  await ensureVsCodeTools({ log: (message) => console.log(`[e2e tools] ${message}`) });
} catch (error) {
  console.error(`Cannot run the end-to-end tests: ${error instanceof Error ? error.message : error}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

if (!existsSync(vsix) || newestChange(packageInputs) > statSync(vsix).mtimeMs) {
  console.log(`[e2e] ${vsix} is missing or older than the sources: npm run package`);
  const packaged = spawnSync('npm', ['run', 'package'], { stdio: 'inherit' });
  if (packaged.status !== 0) {
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(packaged.status ?? 1);
  }
}

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : e2eFiles(join('test', 'e2e'));
if (files.length === 0) {
  console.error('no test/e2e/**/*.e2e.test.ts files');
  process.exit(1);
}
mkdirSync('artifacts', { recursive: true });
const tapFile = join('artifacts', 'e2e-results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=300000',
    '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
const tap = readFileSync(tapFile, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
console.log(`[e2e] took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in artifacts/e2e/`);
console.log(`${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);

function e2eFiles(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return e2eFiles(path);
      return entry.name.endsWith('.e2e.test.ts') ? [path] : [];
    })
    .sort();
}

function newestChange(paths) {
  return Math.max(
    0,
    ...paths.filter((path) => existsSync(path)).map((path) => {
      const stat = statSync(path);
      if (!stat.isDirectory()) return stat.mtimeMs;
      return newestChange(readdirSync(path).map((entry) => join(path, entry)));
    }),
  );
}
