import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../shared/api/imports';
import { useErrorText } from '../i18n/use-error-text';
import { FileSection } from './FileSection';
import { MappingTable } from './MappingTable';
import { ImportNotices } from './ImportNotices';
import { PlanSection } from './PlanSection';
import { PresetSelect } from './PresetSelect';
import { ProgressPanel } from './ProgressPanel';
import { SampleTable } from './SampleTable';
import { SavePresetForm } from './SavePresetForm';
import { useImportFlow } from './use-import-flow';
import { useImportProgress } from './use-import-progress';
import { usePresets } from './use-presets';

type Props = { onClose: () => void; onCommitted: (result: ImportResult, sourcePath: string) => void };

// The import flow as a full view: choose a file, check how it reads, then import it.
export const ImportView = ({ onClose, onCommitted }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const flow = useImportFlow();
  const progress = useImportProgress(flow.busy);
  const { presets, refresh: refreshPresets } = usePresets();
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves to the view's title so keyboard and screen-reader users know where they are.
  useEffect(() => heading.current?.focus(), []);

  const commit = async (): Promise<void> => {
    const result = await flow.commit();
    if (result && flow.file) onCommitted(result, flow.file.path);
  };

  const { preview, busy } = flow;
  const committing = busy === 'commit';
  return (
    <section className="view import-view" aria-labelledby="import-title" aria-busy={busy !== null}>
      <header className="view-header">
        <h1 id="import-title" className="view-title" tabIndex={-1} ref={heading}>
          {t('imports.title')}
        </h1>
        <button type="button" className="button button-quiet" onClick={onClose} disabled={committing}>
          {t('imports.back')}
        </button>
      </header>
      <FileSection file={flow.file} preview={preview} choices={flow.choices} busy={busy} onPick={() => void flow.pick()} onChange={flow.change} />
      {busy === 'preview' && (
        <p className="view-loading" role="status">
          {t('imports.previewing')}
        </p>
      )}
      {(busy === 'preview' || busy === 'commit') && <ProgressPanel progress={progress} onCancel={flow.cancel} />}
      {flow.error && (
        <div className="import-row">
          <p className="form-error" role="alert">
            {errorText(flow.error)}
          </p>
          {flow.failed === 'preview' && busy === null && (
            <button type="button" className="button" onClick={flow.retry}>
              {t('imports.progress.retry')}
            </button>
          )}
        </div>
      )}
      {preview && (
        <>
          <MappingTable preview={preview} disabled={committing} onChange={flow.changeMapping}>
            <PresetSelect presets={presets} selected={flow.preset} disabled={committing} onChoose={flow.applyPreset} />
          </MappingTable>
          <SampleTable preview={preview} />
          <ImportNotices notices={preview.notices} />
          <PlanSection counts={preview.counts} onDuplicate={flow.choices.onDuplicate} disabled={committing} onChange={(onDuplicate) => flow.change({ onDuplicate })} />
          <SavePresetForm mapping={preview.mapping} disabled={committing} onSaved={() => void refreshPresets()} />
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void commit()}>
              {committing ? t('imports.committing') : t('imports.commit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
};
