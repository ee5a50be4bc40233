import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Bantam';

// The same folder Electron's app.getPath('userData') gives for an app named Bantam, so the CLI,
// the web host and the desktop app share one store. BANTAM_HOME overrides it.
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string => {
  if (env.BANTAM_HOME) return path.resolve(env.BANTAM_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
};

export type StoreFiles = { dbPath: string; preferencesPath: string; demo: boolean };

// The regular store and the demo store live side by side; preferences are shared by both.
export const storeFiles = (dataDir: string, options: { demo?: boolean; db?: string } = {}): StoreFiles => ({
  dbPath: options.db ? path.resolve(options.db) : path.join(dataDir, options.demo ? 'bantam-demo.db' : 'bantam.db'),
  preferencesPath: path.join(dataDir, 'preferences.json'),
  demo: options.demo ?? false,
});
