import path from 'node:path';
import { build } from 'esbuild';

// The crash test kills a real backend process with SIGKILL: bundle its small entry for plain Node.
export const CRASH_CHILD = path.resolve(import.meta.dirname, '..', '..', 'dist', 'test', 'call-crash-child.cjs');

export default async function setup(): Promise<void> {
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '..', 'integration', 'backend', 'call-crash-child.ts')],
    outfile: CRASH_CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    // Migrations are imported as `./NNN.sql?raw`; here the suffix is dropped and .sql read as text.
    loader: { '.sql': 'text' },
    plugins: [
      {
        name: 'strip-raw-suffix',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)) }));
        },
      },
    ],
  });
}
