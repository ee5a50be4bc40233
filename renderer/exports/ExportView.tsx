import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_ENCODINGS, EXPORT_FORMATS, type ExportColumn, type ExportEncoding, type ExportFormat, type ExportPreset } from '../../shared/api/exports';
import { toApiError, type ApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { useLeadFacets } from '../leads/use-lead-facets';
import { useApp } from '../state/app-context';
import { ColumnChooser } from './ColumnChooser';
import { Cp932Report } from './Cp932Report';
import { ExportFilters } from './ExportFilters';
import { ExportLogTable } from './ExportLogTable';
import { initialOptions, type ExportOptions } from './export-options';
import { useExportRun } from './use-export-run';
import './exports.css';

export const ExportView = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const facets = useLeadFacets(useApp((s) => s.leadsVersion));
  const [registry, setRegistry] = useState<{ columns: ExportColumn[]; presets: ExportPreset[] } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [options, setOptions] = useState<ExportOptions>(() => initialOptions([...DEFAULT_EXPORT_COLUMNS]));
  const { state, run, cancel, written } = useExportRun();
  const change = (patch: Partial<ExportOptions>): void => setOptions((o) => ({ ...o, ...patch }));

  useEffect(() => {
    invoke('exports.columns', {}).then(setRegistry, (caught: unknown) => setLoadError(toApiError(caught)));
  }, []);

  const running = state.kind === 'running';
  const preset = registry?.presets.find((p) => p.id === options.preset);
  const ready = options.stages.length > 0 && (preset !== undefined || options.columns.length > 0);

  return (
    <section className="view export-view" aria-labelledby="export-title" aria-busy={running}>
      <header className="view-header">
        <h1 id="export-title" className="view-title">{t('exports.title')}</h1>
      </header>
      <p className="field-help">{t('exports.intro')}</p>
      {loadError && <p className="form-error" role="alert">{errorText(loadError)}</p>}
      {registry && (
        <form
          className="form export-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (ready && !running) void run(options);
          }}
        >
          <ExportFilters options={options} facets={facets} onChange={change} />
          <fieldset className="export-fieldset">
            <legend>{t('exports.columns.legend')}</legend>
            <div className="field">
              <label htmlFor="export-preset" className="field-label">{t('exports.columns.preset')}</label>
              <select id="export-preset" className="input" value={options.preset} onChange={(e) => change({ preset: e.target.value })}>
                <option value="">{t('exports.columns.noPreset')}</option>
                {registry.presets.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </div>
            {preset ? (
              <p className="field-help" data-testid="export-preset-columns">{preset.columns.map((c) => c.header).join(', ')}</p>
            ) : (
              <ColumnChooser columns={registry.columns} chosen={options.columns} onChange={(columns) => change({ columns })} />
            )}
          </fieldset>
          <fieldset className="export-fieldset">
            <legend>{t('exports.format.legend')}</legend>
            <div className="export-row">
              {EXPORT_FORMATS.map((f) => (
                <label key={f} className="export-check">
                  <input type="radio" name="export-format" value={f} checked={options.format === f} onChange={() => change({ format: f as ExportFormat })} /> {t(`exports.format.${f}`)}
                </label>
              ))}
            </div>
            {options.format === 'csv' && (
              <div className="field">
                <label htmlFor="export-encoding" className="field-label">{t('exports.format.encoding')}</label>
                <select id="export-encoding" className="input" value={options.encoding} onChange={(e) => change({ encoding: e.target.value as ExportEncoding })}>
                  {EXPORT_ENCODINGS.map((enc) => (
                    <option key={enc} value={enc}>{t(`exports.format.${enc}`)}</option>
                  ))}
                </select>
              </div>
            )}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!ready || running}>{t('exports.run')}</button>
          </div>
        </form>
      )}
      {state.kind === 'running' && (
        <div className="export-progress" role="group" aria-label={t('exports.title')} data-testid="export-progress">
          {state.progress && state.progress.total > 0 ? <progress value={state.progress.done} max={state.progress.total} /> : <progress />}
          <span aria-live="polite">{t('exports.running', { done: state.progress?.done ?? 0, total: state.progress?.total ?? 0 })}</span>
          <button type="button" className="button" onClick={() => void cancel()}>{t('exports.cancel')}</button>
        </div>
      )}
      {state.kind === 'written' && <p role="status" data-testid="export-done">{t('exports.done', { count: state.record.rowCount, file: state.record.fileName })}</p>}
      {state.kind === 'cancelled' && <p role="status">{t('exports.cancelled')}</p>}
      {state.kind === 'failed' && <p className="form-error" role="alert">{errorText(state.error)}</p>}
      {state.kind === 'unrepresentable' && (
        <Cp932Report
          problems={state.problems}
          total={state.total}
          onUseUtf8={() => {
            const next = { ...options, encoding: 'utf8-bom' as const };
            setOptions(next);
            void run(next);
          }}
        />
      )}
      <h2 className="view-title export-log-title">{t('exports.log.title')}</h2>
      <ExportLogTable version={written} />
    </section>
  );
};
