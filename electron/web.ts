import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackendFromArgs } from './open-backend';
import { startWebHost } from './web/server';

// `npm run web [-- --demo] [-- --db PATH] [-- --port N]`: the app in a browser on 127.0.0.1.
const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      db: { type: 'string' },
      port: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  }
  const backend = await openBackendFromArgs({ demo: values.demo, db: values.db });
  const root = path.resolve(__dirname, '..');
  const host = await startWebHost({
    backend,
    port,
    rendererDir: path.join(root, 'renderer'),
    webPreloadFile: path.join(root, 'web-preload', 'web-preload.js'),
  });
  const info = backend.storeInfo();
  console.log(`Bantam is running (${info.demo ? 'demo store' : 'store'}: ${info.path}, ${info.leadCount} leads).`);
  console.log(`Open this URL in your browser (it carries this run's access token):\n\n  ${host.url}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void host.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`bantam web: ${(error as Error).message}`);
  process.exit(1);
});
