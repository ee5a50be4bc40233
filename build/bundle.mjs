// Bundles the Node-side entry points with esbuild (main, preload, web host, CLI, bench) and the
// web host's browser bridge. Usage: node build/bundle.mjs [entry ...]   (default: all but bench)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// `import sql from './001_initial.sql?raw'` inlines the file as a string, as Vite does in tests.
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

const node = { platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'better-sqlite3'] };
const ENTRIES = {
  main: { ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  // Sandboxed preloads must be a single CommonJS file that requires only 'electron'.
  preload: { ...node, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
  web: { ...node, entryPoints: ['electron/web.ts'], outfile: 'dist/electron/web.cjs' },
  // Lead imports run on this worker thread (see electron/backend/imports/runner.ts).
  'import-worker': { ...node, entryPoints: ['electron/backend/imports/worker.ts'], outfile: 'dist/electron/import-worker.cjs' },
  // Its writer thread: a small script of its own, so it starts writing while the worker reads.
  'import-writer': { ...node, entryPoints: ['electron/backend/imports/write-thread.ts'], outfile: 'dist/electron/import-writer.cjs' },
  // Funnel reports are computed on this worker thread (see electron/backend/reports/funnel-runner.ts).
  'funnel-worker': { ...node, entryPoints: ['electron/backend/reports/funnel-worker.ts'], outfile: 'dist/electron/funnel-worker.cjs' },
  // Exports are written on this worker thread (see electron/backend/exports/run-export.ts).
  'export-worker': { ...node, entryPoints: ['electron/backend/exports/export-worker.ts'], outfile: 'dist/electron/export-worker.cjs' },
  cli: { ...node, entryPoints: ['electron/cli.ts'], outfile: 'dist/electron/cli.cjs', banner: { js: '#!/usr/bin/env node' } },
  'web-preload': {
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    entryPoints: ['electron/web-preload.ts'],
    outfile: 'dist/web-preload/web-preload.js',
  },
  bench: { ...node, entryPoints: ['test/bench/run.ts'], outfile: 'dist/bench/run.cjs' },
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(ENTRIES).filter((n) => n !== 'bench');
for (const name of names) {
  const options = ENTRIES[name];
  if (!options) {
    console.error(`Unknown entry "${name}". Known: ${Object.keys(ENTRIES).join(', ')}`);
    process.exit(2);
  }
  await build({
    ...options,
    absWorkingDir: root,
    bundle: true,
    sourcemap: 'linked',
    // The bridges carry the whole contract (zod schemas): minified, they load faster.
    minify: name === 'preload' || name === 'web-preload',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [rawText],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}
