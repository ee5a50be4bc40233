import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../shared/api';
import type { ImportPreview } from '../../shared/api/imports';
import { ENCODINGS, type Encoding, type ImportChoices } from './import-options';
import type { Busy } from './use-import-flow';

type Props = {
  file: PickedFile | null;
  preview: ImportPreview | null;
  choices: ImportChoices;
  busy: Busy;
  onPick: () => void;
  onChange: (patch: { encoding?: Encoding; sheet?: string }) => void;
};

const isEncoding = (value: string): value is Encoding => (ENCODINGS as readonly string[]).includes(value);

// Step 1: the file, how it was read, and the controls to read it differently.
export const FileSection = ({ file, preview, choices, busy, onPick, onChange }: Props) => {
  const { t } = useTranslation();
  return (
    <section className="import-section" aria-labelledby="import-file-title">
      <h2 id="import-file-title" className="import-section-title">{t('imports.file.title')}</h2>
      <div className="import-row">
        <button type="button" className={file ? 'button' : 'button button-primary'} onClick={onPick} disabled={busy !== null}>
          {busy === 'pick' ? t('imports.pick.busy') : file ? t('imports.pick.change') : t('imports.pick.choose')}
        </button>
        {!file && <p className="field-help">{t('imports.pick.hint')}</p>}
      </div>
      {file && (
        <dl className="facts import-facts">
          <dt>{t('imports.file.name')}</dt>
          <dd data-testid="import-file-name">{preview?.fileName ?? file.name}</dd>
          {preview && (
            <>
              <dt>{t('imports.file.format')}</dt>
              <dd>{t(`imports.format.${preview.format}`)}</dd>
            </>
          )}
        </dl>
      )}
      {file && preview?.format !== 'xlsx' && (
        <div className="field">
          <label htmlFor="import-encoding" className="field-label">{t('imports.file.encoding')}</label>
          <select
            id="import-encoding"
            className="input"
            value={choices.encoding}
            aria-describedby="import-encoding-detected"
            onChange={(event) => isEncoding(event.target.value) && onChange({ encoding: event.target.value })}
          >
            {ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t(`imports.encoding.${encoding}`)}
              </option>
            ))}
          </select>
          {preview?.encoding && (
            <p id="import-encoding-detected" className="field-help">
              {t('imports.file.detected', { encoding: isEncoding(preview.encoding) ? t(`imports.encoding.${preview.encoding}`) : preview.encoding })}
            </p>
          )}
        </div>
      )}
      {preview && preview.format === 'xlsx' && preview.sheets.length > 0 && (
        <div className="field">
          <label htmlFor="import-sheet" className="field-label">{t('imports.file.sheet')}</label>
          <select id="import-sheet" className="input" value={choices.sheet ?? preview.sheet ?? ''} onChange={(event) => onChange({ sheet: event.target.value })}>
            {preview.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
};
