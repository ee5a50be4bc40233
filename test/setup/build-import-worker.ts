import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Imports and funnel reports run on worker threads, which load the bundled worker scripts: build
// them (under a second) so the backend tests exercise exactly what the app runs.
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, ['build/bundle.mjs', 'import-worker', 'import-writer', 'funnel-worker'], { cwd: root, stdio: 'inherit' });
}
