// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron>-<platform>-<arch>/,
// leaving node_modules/better-sqlite3/build (the Node build that tests, the web host and the CLI
// use) untouched. Run by `npm start` and, through its beforePack hook, by electron-builder.
// Needs the network (Electron prebuilds or headers): never run it in CI or tests.
//   node build/electron-native.mjs [--arch x64|arm64|ia32|arm]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_FILE = 'better_sqlite3.node';

export const readElectronVersion = (projectRoot = root) => {
  const file = path.join(projectRoot, 'node_modules', 'electron', 'package.json');
  if (!fs.existsSync(file)) throw new Error('node_modules/electron is missing: run `npm install` first.');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
};

// Same layout as electron/native-binding.ts, which the app reads at run time.
export const nativeDir = (version, platform, arch, projectRoot = root) =>
  path.join(projectRoot, '.cache', 'electron-native', `${version}-${platform}-${arch}`);

const npx = (args, cwd) => {
  const win = process.platform === 'win32';
  const result = spawnSync(win ? 'npx.cmd' : 'npx', args, { cwd, stdio: 'inherit', shell: win, env: { ...process.env, npm_config_yes: 'true' } });
  return result.status === 0;
};

// Returns the path of the Electron-ABI binary, building it first if it is not cached yet.
export const ensureElectronNative = ({ version = readElectronVersion(), platform = process.platform, arch = process.arch, projectRoot = root } = {}) => {
  const dir = nativeDir(version, platform, arch, projectRoot);
  const target = path.join(dir, NATIVE_FILE);
  if (fs.existsSync(target)) return target;
  if (platform !== process.platform) throw new Error(`Cannot build better-sqlite3 for ${platform} on ${process.platform}.`);

  const source = path.join(projectRoot, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(source, 'package.json'))) throw new Error('node_modules/better-sqlite3 is missing: run `npm install` first.');
  // A private copy: a failed rebuild there cannot break the Node build in node_modules.
  const staging = path.join(projectRoot, '.cache', 'electron-native', `staging-${version}-${platform}-${arch}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(source, staging, { recursive: true, filter: (file) => path.relative(source, file) !== 'build' });

  console.log(`[bantam] building better-sqlite3 for Electron ${version} (${platform}-${arch}) in ${path.relative(projectRoot, staging)}`);
  try {
    const built =
      npx(['--yes', 'prebuild-install', '--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform], staging) ||
      (console.log('[bantam] no Electron prebuild available; compiling from source with node-gyp'),
      npx(['--yes', 'node-gyp', 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], staging));
    const output = path.join(staging, 'build', 'Release', NATIVE_FILE);
    if (!built || !fs.existsSync(output)) {
      throw new Error(
        `Could not build better-sqlite3 for Electron ${version} (${platform}-${arch}). Both the prebuilt download ` +
          '(github.com) and a source build (Electron headers from electronjs.org, plus a C++ toolchain) failed. ' +
          'Check the network and compiler, or use `npm run web` to run Bantam in a browser without Electron.',
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    // Copy then rename, so an interrupted copy never looks like a finished binary.
    const temp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(output, temp);
    fs.renameSync(temp, target);
    return target;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
};

// electron-builder's Arch enum (builder-util) to Node's process.arch names.
const BUILDER_ARCH = { 0: 'ia32', 1: 'x64', 2: 'arm', 3: 'arm64' };
export const PACK_DIR = path.join(root, '.cache', 'electron-native', 'pack');

// electron-builder hook: stages the binary for the architecture being packed where
// build/electron-builder.yml's extraResources picks it up. BANTAM_SKIP_NATIVE=1 packs without it
// (offline checks of the package contents only: such an app cannot open its store).
export const beforePack = async (context) => {
  fs.rmSync(PACK_DIR, { recursive: true, force: true });
  fs.mkdirSync(PACK_DIR, { recursive: true });
  if (process.env.BANTAM_SKIP_NATIVE === '1') {
    console.warn('[bantam] BANTAM_SKIP_NATIVE=1: packing WITHOUT the Electron build of better-sqlite3');
    fs.writeFileSync(path.join(PACK_DIR, 'MISSING.txt'), 'Packed with BANTAM_SKIP_NATIVE=1: no better_sqlite3.node.\n');
    return;
  }
  const arch = BUILDER_ARCH[context.arch];
  if (!arch) throw new Error(`Unsupported architecture for the native module: ${context.arch}`);
  const binary = ensureElectronNative({ platform: context.electronPlatformName, arch });
  fs.copyFileSync(binary, path.join(PACK_DIR, NATIVE_FILE));
};

const main = () => {
  if (process.env.CI) {
    console.log('[bantam] CI is set: not building the Electron native module (it needs the network).');
    return;
  }
  const archFlag = process.argv.indexOf('--arch');
  const arch = archFlag > 0 ? process.argv[archFlag + 1] : process.arch;
  try {
    const binary = ensureElectronNative({ arch });
    console.log(`[bantam] Electron native module ready: ${path.relative(root, binary)}`);
  } catch (error) {
    console.error(`[bantam] ${error.message}`);
    process.exit(1);
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
