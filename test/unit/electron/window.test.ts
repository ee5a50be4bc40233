import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, DEFAULT_SIZE, initialBounds, windowStateOf } from '../../../electron/window';
import { BrowserWindow, screen } from './fake-electron';
import { LOCKED_DOWN_PREFERENCES } from './locked-down';

vi.mock('electron', () => import('./fake-electron'));

const single = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('initialBounds', () => {
  it('uses the default size without saved state', () => {
    expect(initialBounds(undefined, single)).toEqual(DEFAULT_SIZE);
  });

  it('restores a position that is on a display', () => {
    expect(initialBounds({ x: 100, y: 50, width: 900, height: 600, maximized: false }, single)).toEqual({ x: 100, y: 50, width: 900, height: 600 });
  });

  it('drops a position that is no longer on any display', () => {
    expect(initialBounds({ x: 3000, y: 50, width: 900, height: 600, maximized: false }, single)).toEqual({ width: 900, height: 600 });
    // Only a 20 px sliver would show: not enough to grab the title bar.
    expect(initialBounds({ x: 1900, y: 50, width: 900, height: 600, maximized: false }, single)).toEqual({ width: 900, height: 600 });
  });

  it('restores a position on a second display', () => {
    const two = [...single, { x: 1920, y: 0, width: 1280, height: 1024 }];
    expect(initialBounds({ x: 2000, y: 100, width: 900, height: 600, maximized: false }, two)).toMatchObject({ x: 2000, y: 100 });
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    BrowserWindow.instances.length = 0;
  });

  it('creates the window with locked-down webPreferences', () => {
    createMainWindow({ preloadPath: '/app/preload.cjs', state: undefined, saveState: vi.fn() });
    const options = BrowserWindow.instances[0]?.options as { webPreferences: Record<string, unknown>; show: boolean };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ ...LOCKED_DOWN_PREFERENCES, preload: '/app/preload.cjs' });
  });

  it('restores saved bounds and maximized state, and saves them on close', () => {
    const saveState = vi.fn();
    screen.getAllDisplays.mockReturnValueOnce([{ workArea: single[0]! }]);
    const window = createMainWindow({ preloadPath: '/p', state: { x: 5, y: 6, width: 800, height: 500, maximized: true }, saveState });
    expect(window).toBe(BrowserWindow.instances[0]);
    expect(BrowserWindow.instances[0]?.options).toMatchObject({ x: 5, y: 6, width: 800, height: 500 });
    const fake = BrowserWindow.instances[0]!;
    expect(fake.isMaximized()).toBe(true);
    fake.normalBounds = { x: 11.4, y: 12, width: 1024.6, height: 768 };
    fake.emit('close');
    expect(saveState).toHaveBeenCalledWith({ x: 11, y: 12, width: 1025, height: 768, maximized: true });
  });

  it('shows the window only when it is ready', () => {
    createMainWindow({ preloadPath: '/p', state: undefined, saveState: vi.fn() });
    const fake = BrowserWindow.instances[0]!;
    expect(fake.show).not.toHaveBeenCalled();
    fake.emit('ready-to-show');
    expect(fake.show).toHaveBeenCalled();
  });

  it('never lets a failing save block closing', () => {
    createMainWindow({ preloadPath: '/p', state: undefined, saveState: () => { throw new Error('disk full'); } });
    expect(() => BrowserWindow.instances[0]!.emit('close')).not.toThrow();
  });

  it('keeps the saved minimum size', () => {
    const fake = new BrowserWindow({});
    fake.normalBounds = { x: 0, y: 0, width: 10, height: 10 };
    expect(windowStateOf(fake)).toEqual({ x: 0, y: 0, width: 400, height: 300, maximized: false });
  });
});
