import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../electron/args';
import { nativeBindingPath } from '../../../electron/native-binding';

describe('nativeBindingPath', () => {
  const base = { resourcesPath: '/opt/Bantam/resources', projectRoot: '/src/bantam', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

  it('uses the per-ABI cache under the project in development', () => {
    expect(nativeBindingPath({ ...base, packaged: false })).toBe(
      path.join('/src/bantam', '.cache', 'electron-native', '45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('uses resources/native in a packaged app', () => {
    expect(nativeBindingPath({ ...base, packaged: true })).toBe(path.join('/opt/Bantam/resources', 'native', 'better_sqlite3.node'));
  });

  it('changes with the Electron version, platform and arch', () => {
    expect(nativeBindingPath({ ...base, packaged: false, electronVersion: '46.0.0', platform: 'darwin', arch: 'arm64' })).toContain(
      `${path.sep}46.0.0-darwin-arm64${path.sep}`,
    );
  });
});

describe('parseHostArgs', () => {
  it('reads --demo and --db', () => {
    expect(parseHostArgs(['/usr/bin/electron', 'dist/electron/main.cjs'])).toEqual({ demo: false });
    expect(parseHostArgs(['electron', 'main.cjs', '--demo'])).toEqual({ demo: true });
    expect(parseHostArgs(['Bantam', '--db', '/tmp/x.db'])).toEqual({ demo: false, db: '/tmp/x.db' });
    expect(parseHostArgs(['Bantam', '--db=/tmp/y.db', '--demo'])).toEqual({ demo: true, db: '/tmp/y.db' });
  });

  it('ignores a --db without a path and unknown switches', () => {
    expect(parseHostArgs(['Bantam', '--db'])).toEqual({ demo: false });
    expect(parseHostArgs(['Bantam', '--db', '--demo'])).toEqual({ demo: true });
    expect(parseHostArgs(['Bantam', '--no-sandbox', '--enable-logging'])).toEqual({ demo: false });
  });
});
