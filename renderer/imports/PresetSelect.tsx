import { useTranslation } from 'react-i18next';
import type { MappingPreset } from '../../shared/api/imports';

type Props = { presets: MappingPreset[]; selected: string | null; disabled: boolean; onChoose: (name: string) => void };

// Applies a saved mapping: the preview runs again with the preset, which shows its mapping.
export const PresetSelect = ({ presets, selected, disabled, onChoose }: Props) => {
  const { t } = useTranslation();
  return (
    <div className="field import-preset-select">
      <label htmlFor="import-preset-choice" className="field-label">{t('imports.presets.label')}</label>
      <select
        id="import-preset-choice"
        className="input"
        value={selected ?? ''}
        disabled={disabled || presets.length === 0}
        onChange={(event) => event.target.value !== '' && onChoose(event.target.value)}
      >
        <option value="">{presets.length === 0 ? t('imports.presets.none') : t('imports.presets.choose')}</option>
        {presets.map((preset) => (
          <option key={preset.name} value={preset.name}>
            {preset.name}
          </option>
        ))}
      </select>
    </div>
  );
};
