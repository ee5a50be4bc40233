import { z } from 'zod';
import { method } from './define';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// The role the person using this installation works in; the views shown follow it. Real
// multi-user identity comes with sync.
export const USER_ROLES = ['rep', 'field_sales', 'team_lead'] as const;
export type UserRole = (typeof USER_ROLES)[number];

// Preferences of this device (not synced): the UI language, the name and role of the person using it.
export const preferencesSchema = z.object({
  language: z.enum(LANGUAGES),
  userName: z.string().trim().max(100),
  role: z.enum(USER_ROLES),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const settingsApi = {
  'settings.get': method<Preferences>()(z.object({}).strict(), 'The preferences of this device.'),
  'settings.update': method<Preferences>()(
    preferencesSchema.partial().strict(),
    'Change some preferences; answers with all of them as saved.',
  ),
};
