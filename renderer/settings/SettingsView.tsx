import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, USER_ROLES } from '../../shared/api/settings';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { useApp } from '../state/app-context';
import { ExportLog } from './ExportLog';
import { TeamLeadEditors } from './TeamLeadEditors';
import { type SettingsFormValues, settingsFormSchema, USER_NAME_MAX } from './settings-form';

export const SettingsView = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const preferences = useApp((s) => s.preferences);
  const language = useApp((s) => s.language);
  const applyPreferences = useApp((s) => s.applyPreferences);
  const storePath = useApp((s) => s.storeInfo?.path);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SettingsFormValues>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: { language: preferences?.language ?? language, role: preferences?.role ?? 'rep', userName: preferences?.userName ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    setSaved(false);
    try {
      const result = await invoke('settings.update', values);
      applyPreferences(result);
      reset(result);
      setSaved(true);
    } catch (caught) {
      // The form keeps the typed values; only the error is added.
      const error = toApiError(caught);
      const userNameIssue = error.issues.find((issue) => issue.path === 'userName');
      if (userNameIssue) setError('userName', { type: 'server', message: 'settings.errors.userNameInvalid' });
      setSaveError(error);
    }
  });

  const fieldError = (message: string | undefined) =>
    message && message.startsWith('settings.') ? t(message, { max: USER_NAME_MAX }) : message;

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{t('settings.title')}</h1>
      </header>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor="settings-language" className="field-label">{t('settings.language')}</label>
          <select id="settings-language" className="input" aria-describedby="settings-language-help" {...register('language')}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`language.${lang}`)}
              </option>
            ))}
          </select>
          <p id="settings-language-help" className="field-help">{t('settings.languageHelp')}</p>
        </div>

        <div className="field">
          <label htmlFor="settings-role" className="field-label">{t('hearing.role.label')}</label>
          <select id="settings-role" className="input" aria-describedby="settings-role-help" {...register('role')}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`hearing.role.${role}`)}
              </option>
            ))}
          </select>
          <p id="settings-role-help" className="field-help">{t('hearing.role.help')}</p>
        </div>

        <div className="field">
          <label htmlFor="settings-user-name" className="field-label">{t('settings.userName')}</label>
          <input
            id="settings-user-name"
            className="input"
            type="text"
            autoComplete="name"
            aria-invalid={errors.userName ? true : undefined}
            aria-describedby={errors.userName ? 'settings-user-name-error' : 'settings-user-name-help'}
            {...register('userName')}
          />
          {errors.userName ? (
            <p id="settings-user-name-error" className="field-error" role="alert">
              {fieldError(errors.userName.message)}
            </p>
          ) : (
            <p id="settings-user-name-help" className="field-help">{t('settings.userNameHelp')}</p>
          )}
        </div>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? t('settings.saving') : t('settings.save')}
          </button>
          {saved && !isDirty && (
            <span className="form-saved" role="status">
              {t('settings.saved')}
            </span>
          )}
        </div>
        {saveError && (
          <p className="form-error" role="alert">
            {errorText(saveError)}
          </p>
        )}
      </form>

      <dl className="facts">
        <dt>{t('settings.store')}</dt>
        <dd className="facts-path">{storePath ?? '—'}</dd>
      </dl>

      <TeamLeadEditors />
      <ExportLog />
    </section>
  );
};
