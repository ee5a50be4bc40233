import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { preferencesSchema, type Preferences } from '../../../shared/api/settings';

export const DEFAULT_PREFERENCES: Preferences = { language: 'ja', userName: '', role: 'rep' };

// Bounds of the desktop window; kept with the preferences but only the Electron host uses them.
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const fileSchema = z.object({
  preferences: preferencesSchema.partial().optional(),
  window: windowStateSchema.optional(),
});
type PreferencesFile = z.infer<typeof fileSchema>;

// Device-local preferences in a small JSON file beside the store. A damaged file falls back to
// defaults (and is replaced on the next save) rather than stopping the app.
export const createPreferencesFile = (file: string) => {
  const read = (): PreferencesFile => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  // Write to a temp file and rename, so a crash never leaves half a file.
  const write = (content: PreferencesFile): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  };
  return {
    path: file,
    get(): Preferences {
      return { ...DEFAULT_PREFERENCES, ...read().preferences };
    },
    update(patch: Partial<Preferences>): Preferences {
      const current = read();
      const preferences = { ...DEFAULT_PREFERENCES, ...current.preferences, ...patch };
      write({ ...current, preferences });
      return preferences;
    },
    getWindow(): WindowState | undefined {
      return read().window;
    },
    setWindow(window: WindowState): void {
      write({ ...read(), window });
    },
  };
};

export type PreferencesStore = ReturnType<typeof createPreferencesFile>;
