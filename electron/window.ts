import { BrowserWindow, screen, type Rectangle } from 'electron';
import type { WindowState } from './backend/settings/preferences';
import { secureWebPreferences } from './security';

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
const MIN_SIZE = { width: 400, height: 300 } as const;
// How much of the window must be on a display for a saved position to be reused.
const MIN_VISIBLE = { width: 100, height: 50 } as const;

export type InitialBounds = { width: number; height: number; x?: number; y?: number };

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

// The saved size always; the saved position only while enough of it shows on a current display
// (a monitor may have been unplugged since), otherwise the OS centres the window.
export const initialBounds = (state: WindowState | undefined, workAreas: readonly Rectangle[]): InitialBounds => {
  if (!state) return { ...DEFAULT_SIZE };
  const size = { width: Math.max(state.width, MIN_SIZE.width), height: Math.max(state.height, MIN_SIZE.height) };
  if (state.x === undefined || state.y === undefined) return size;
  const rect = { x: state.x, y: state.y, ...size };
  const visible = workAreas.some((area) => {
    const o = overlap(rect, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  return visible ? { ...size, x: state.x, y: state.y } : size;
};

// What is saved on close: the normal (not maximized) bounds plus whether it was maximized.
export const windowStateOf = (window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowState => {
  const bounds = window.getNormalBounds();
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(Math.round(bounds.width), MIN_SIZE.width),
    height: Math.max(Math.round(bounds.height), MIN_SIZE.height),
    maximized: window.isMaximized(),
  };
};

export type MainWindowOptions = {
  preloadPath: string;
  state: WindowState | undefined;
  saveState: (state: WindowState) => void;
};

export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  // webPreferences come from secureWebPreferences() (contextIsolation and sandbox on; tested), which
  // the scanner cannot follow; Auxclick needs no Blink switch since every new window is denied.
  const window = new BrowserWindow({ /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
    ...initialBounds(options.state, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Bantam',
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (options.state?.maximized) window.maximize();
  // Shown once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      options.saveState(windowStateOf(window));
    } catch {
      // Losing the window position must never block quitting.
    }
  });
  return window;
};
