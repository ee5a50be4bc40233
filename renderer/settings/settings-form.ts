import { z } from 'zod';
import { LANGUAGES } from '../../shared/api/settings';

export const USER_NAME_MAX = 100;

// Messages are catalog keys; the view translates them, so errors follow the UI language.
export const settingsFormSchema = z.object({
  language: z.enum(LANGUAGES),
  userName: z.string().trim().max(USER_NAME_MAX, { message: 'settings.errors.userNameTooLong' }),
});

export type SettingsFormValues = z.infer<typeof settingsFormSchema>;
