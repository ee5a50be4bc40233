// `npm start [-- --demo] [-- --db PATH]`: build, make sure better-sqlite3 exists for Electron's ABI,
// then launch Electron on dist/electron/main.cjs with the extra arguments passed through.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  console.error(`[bantam] ${message}`);
  process.exit(1);
};

const win = process.platform === 'win32';
const build = spawnSync(win ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: win });
if (build.status !== 0) fail('The build failed; see the messages above.');

try {
  ensureElectronNative();
} catch (error) {
  fail(error.message);
}

// The electron package resolves (and on first use downloads) its binary when required from Node.
let electronBinary;
try {
  electronBinary = createRequire(import.meta.url)('electron');
} catch (error) {
  fail(
    `Electron could not be found or downloaded (${error.message.split('\n')[0]}). ` +
      'Without Electron, run the same app in a browser with `npm run web` (add `-- --demo` for demo data).',
  );
}
if (typeof electronBinary !== 'string') fail('The electron package did not give a binary path. Try `npm run web` instead.');

const child = spawn(electronBinary, [path.join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // ELECTRON_RUN_AS_NODE from a parent tool would make Electron start as plain Node.
  env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'ELECTRON_RUN_AS_NODE')),
});
child.on('error', (error) => fail(`Electron could not start: ${error.message}. Try \`npm run web\` instead.`));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
