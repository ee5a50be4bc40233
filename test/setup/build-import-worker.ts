import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Imports run on a worker thread, which loads the bundled worker script: build it (under a second)
// so the backend tests exercise exactly what the app runs.
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, ['build/bundle.mjs', 'import-worker'], { cwd: root, stdio: 'inherit' });
}
