import { z } from 'zod';
import { method } from './define';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Preferences of this device (not synced): the UI language and the name of the person using it.
export const preferencesSchema = z.object({
  language: z.enum(LANGUAGES),
  userName: z.string().trim().max(100),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const settingsApi = {
  'settings.get': method<Preferences>()(z.object({}).strict(), 'The preferences of this device.'),
  'settings.update': method<Preferences>()(
    preferencesSchema.partial().strict(),
    'Change some preferences; answers with all of them as saved.',
  ),
};
