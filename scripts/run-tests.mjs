// Runs the test files under node's test runner (TypeScript through tsx) in one run, so there is
// one summary, and ends with a plain "N passed, N failed" line CI reads.
// Usage: node scripts/run-tests.mjs [unit|integration]...
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const layers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration'];
const files = layers.flatMap((layer) => testFiles(join('test', layer)));
if (files.length === 0) {
  console.error(`no test files under ${layers.map((layer) => `test/${layer}`).join(', ')}`);
  process.exit(1);
}
mkdirSync('artifacts', { recursive: true });
const tapFile = join('artifacts', 'test-results.tap');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
  { stdio: 'inherit' },
);
const tap = readFileSync(tapFile, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);

function testFiles(folder) {
  let entries;
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return testFiles(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  }).sort();
}
