// `npm test`: type-check, build the app (the end-to-end tests drive the built renderer and web
// host), run every vitest project, and end with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false }).status ?? 1;
const npx = (args) => run(process.platform === 'win32' ? 'npx.cmd' : 'npx', args);

const failures = [];
if (npx(['tsc', '-b', '--noEmit']) !== 0) failures.push('type-check');
if (npx(['vite', 'build', '--logLevel', 'warn']) !== 0 || run(process.execPath, ['build/bundle.mjs']) !== 0) failures.push('build');

const resultsDir = path.join(root, '.test-results');
const resultsFile = path.join(resultsDir, 'vitest.json');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
if (failures.includes('build')) {
  console.error('\nThe build failed, so the tests were not run.');
} else {
  const status = npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)]);
  try {
    const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    // A file that failed to load has no test results but must still count as a failure.
    failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    if (report.numTotalTests === 0) failures.push('no tests ran');
  } catch {
    failures.push('vitest (no report)');
  }
  if (status !== 0 && failed === 0) failures.push('vitest');
}
failed += failures.length;
if (failures.length > 0) console.error(`\nAlso failed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
