import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LeadMergeResult, MERGE_BOTH_FIELDS, type MergeChoice } from '../../shared/api/lead-edits';
import type { Language } from '../../shared/api/settings';
import { type Lead, LEAD_EDIT_FIELDS, type LeadEditField } from '../../shared/domain/lead';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { fieldText } from './field-text';

type Props = {
  first: Lead;
  second: Lead;
  language: Language;
  onMerged: (result: LeadMergeResult) => void;
  onCancel: () => void;
};

type Choices = Partial<Record<LeadEditField, MergeChoice>>;

// A sensible start: the kept lead's values, except where it has none and the other one has.
const initialChoices = (keep: Lead, absorb: Lead): Choices => {
  const choices: Choices = {};
  for (const field of LEAD_EDIT_FIELDS) {
    const empty = (lead: Lead) => {
      const value = lead[field];
      return value === null || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);
    };
    if (MERGE_BOTH_FIELDS.includes(field) && !empty(absorb)) choices[field] = empty(keep) ? 'loser' : 'both';
    else if (empty(keep) && !empty(absorb)) choices[field] = 'loser';
  }
  return choices;
};

// Two leads side by side; per field, which value the merged lead keeps. Confirm merges them.
export const MergeView = ({ first, second, language, onMerged, onCancel }: Props) => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sides, setSides] = useState<[Lead, Lead]>([first, second]);
  const [keep, absorb] = sides;
  const [choices, setChoices] = useState<Choices>(() => initialChoices(first, second));
  const [error, setError] = useState<ApiError | null>(null);
  const [merging, setMerging] = useState(false);

  const swap = () => {
    setSides([absorb, keep]);
    setChoices(initialChoices(absorb, keep));
  };

  const confirm = async () => {
    setMerging(true);
    setError(null);
    try {
      const result = await invoke('leads.merge', { survivorId: keep.id, loserId: absorb.id, survivorVersion: keep.version, loserVersion: absorb.version, choices });
      onMerged(result);
    } catch (caught) {
      // The choices stay as they are, to retry or go back.
      setError(toApiError(caught));
      setMerging(false);
    }
  };

  const choiceOf = (field: LeadEditField): MergeChoice => choices[field] ?? 'survivor';
  const option = (field: LeadEditField, choice: MergeChoice, label: string, text: string) => (
    <label className={choiceOf(field) === choice ? 'merge-option merge-option-chosen' : 'merge-option'}>
      <input type="radio" name={`merge-${field}`} checked={choiceOf(field) === choice} onChange={() => setChoices({ ...choices, [field]: choice })} aria-label={`${t(`leadDetail.field.${field}`)}: ${label}`} />
      <span className="merge-value">{text || '—'}</span>
    </label>
  );

  return (
    <section className="view merge-view" aria-labelledby="view-title" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <header className="view-header">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('leadDetail.cancel')}
        </button>
        <h1 id="view-title" className="view-title">
          {t('leadDetail.merge.title')}
        </h1>
        <button type="button" className="button view-header-action" onClick={swap}>
          {t('leadDetail.merge.swap')}
        </button>
      </header>
      <p className="field-help merge-hint">{t('leadDetail.merge.hint')}</p>
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              {t('leadDetail.merge.keep')}
              <span className="merge-company">{keep.companyName}</span>
            </th>
            <th scope="col">
              {t('leadDetail.merge.absorb')}
              <span className="merge-company">{absorb.companyName}</span>
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {LEAD_EDIT_FIELDS.map((field) => {
            const left = fieldText(keep, field, t, language);
            const right = fieldText(absorb, field, t, language);
            return (
              <tr key={field} data-testid={`merge-row-${field}`}>
                <th scope="row">{t(`leadDetail.field.${field}`)}</th>
                {left === right ? (
                  <td colSpan={3} className="merge-same">
                    <span className="merge-value">{left || '—'}</span>
                  </td>
                ) : (
                  <>
                    <td>{option(field, 'survivor', t('leadDetail.merge.keep'), left)}</td>
                    <td>{option(field, 'loser', t('leadDetail.merge.absorb'), right)}</td>
                    <td>{MERGE_BOTH_FIELDS.includes(field) && option(field, 'both', t('leadDetail.merge.both'), t('leadDetail.merge.both'))}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={merging} onClick={() => void confirm()}>
          {merging ? t('leadDetail.merge.merging') : t('leadDetail.merge.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('leadDetail.cancel')}
        </button>
      </div>
    </section>
  );
};
