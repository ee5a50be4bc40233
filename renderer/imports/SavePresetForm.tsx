import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../shared/domain/import-mapping';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';

// Saves the current mapping under a name, for the next file from the same source.
type Props = { mapping: ColumnMapping; disabled: boolean; onSaved?: () => void };

export const SavePresetForm = ({ mapping, disabled, onSaved }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (): Promise<void> => {
    setSaving(true);
    setSaved(null);
    setError(null);
    try {
      const preset = await invoke('imports.savePreset', { name, mapping });
      setSaved(preset.name);
      onSaved?.();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="import-section import-row"
      aria-labelledby="import-preset-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="import-preset-title" className="import-section-title">{t('imports.preset.title')}</h2>
      <label htmlFor="import-preset-name" className="field-label">{t('imports.preset.name')}</label>
      <input id="import-preset-name" className="input" type="text" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button" disabled={disabled || saving || name.trim() === ''}>
        {saving ? t('imports.preset.saving') : t('imports.preset.save')}
      </button>
      {saved && (
        <span className="form-saved" role="status">
          {t('imports.preset.saved', { name: saved })}
        </span>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </form>
  );
};
