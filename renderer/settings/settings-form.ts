import { z } from 'zod';
import { LANGUAGES, USER_ROLES } from '../../shared/api/settings';

export const USER_NAME_MAX = 100;

// Messages are catalog keys; the view translates them, so errors follow the UI language.
export const settingsFormSchema = z.object({
  language: z.enum(LANGUAGES),
  role: z.enum(USER_ROLES),
  userName: z.string().trim().max(USER_NAME_MAX, { message: 'settings.errors.userNameTooLong' }),
});

export type SettingsFormValues = z.infer<typeof settingsFormSchema>;
