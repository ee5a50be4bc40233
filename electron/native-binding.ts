import path from 'node:path';

export type NativeBindingInputs = {
  packaged: boolean;
  // process.resourcesPath of the packaged app.
  resourcesPath: string;
  // The repository root in development (two levels above dist/electron/main.cjs).
  projectRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
};

export const NATIVE_FILE = 'better_sqlite3.node';

// The cache folder build/electron-native.mjs fills in development: one per Electron ABI target.
export const devNativeDir = (projectRoot: string, electronVersion: string, platform: string, arch: string): string =>
  path.join(projectRoot, '.cache', 'electron-native', `${electronVersion}-${platform}-${arch}`);

// Where the better-sqlite3 binary built for Electron's ABI lives. node_modules keeps the Node build
// for tests, the web host and the CLI; the desktop app loads this one through `nativeBinding`.
export const nativeBindingPath = (inputs: NativeBindingInputs): string =>
  inputs.packaged
    ? path.join(inputs.resourcesPath, 'native', NATIVE_FILE)
    : path.join(devNativeDir(inputs.projectRoot, inputs.electronVersion, inputs.platform, inputs.arch), NATIVE_FILE);
