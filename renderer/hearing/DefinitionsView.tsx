import '../styles/hearing.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '../../shared/api/qualification';
import type { ReasonList } from '../../shared/domain/reasons';
import type { StageDefinitions } from '../../shared/domain/stage-definitions';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke, onEvent } from '../api/client';
import { useErrorText } from '../i18n/use-error-text';
import { formatJst } from '../queue/jst-time';
import { useApp } from '../state/app-context';
import { reasonLabel } from './reason-label';
import { useRuleText } from './use-rule-text';

export const REASON_LISTS = ['disqualify', 'nurture', 'reject'] as const satisfies readonly ReasonList[];

// The team's written definitions for everyone, in plain words, with the version history; read
// again whenever the team lead publishes a new version.
export const DefinitionsView = () => {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const words = useRuleText();
  const language = useApp((s) => s.language);
  const [definitions, setDefinitions] = useState<StageDefinitions | null>(null);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const load = () =>
      Promise.all([invoke('definitions.get', {}), invoke('definitions.versions', {})]).then(
        ([current, history]) => {
          setDefinitions(current);
          setVersions(history);
        },
        (caught: unknown) => setError(toApiError(caught)),
      );
    void load();
    return onEvent((event) => {
      if (event.name === 'definitions.changed') void load();
    });
  }, []);

  return (
    <section className="view definitions-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title" className="view-title">{t('hearing.definitions.title')}</h1>
      </header>
      <p className="field-help">{t('hearing.definitions.help')}</p>
      {error && <p className="form-error" role="alert">{t('hearing.definitions.loadFailed')} {errorText(error)}</p>}
      {!definitions && !error && <p className="view-loading">{t('hearing.definitions.loading')}</p>}
      {definitions && (
        <>
          <p className="definitions-version">
            {t('hearing.definitions.version', { version: definitions.version, date: formatJst(definitions.updatedAt, language), by: definitions.updatedBy })}
          </p>
          <dl className="definitions-rules">
            {(['tql', 'nurture'] as const).map((stage) => (
              <div key={stage} className="call-card">
                <dt className="call-card-title">{t(`qualification.stageRule.${stage}`)}</dt>
                <dd className="definitions-rule" data-testid={`definition-${stage}`}>{words.rule(definitions.rules[stage])}</dd>
              </div>
            ))}
          </dl>
          <h2 className="definitions-subtitle">{t('hearing.definitions.reasons')}</h2>
          <div className="definitions-reasons">
            {REASON_LISTS.map((list) => (
              <div key={list} className="call-card">
                <h3 className="call-card-title">{t(`hearing.definitions.reasonList.${list}`)}</h3>
                <ul>
                  {definitions.reasons[list].map((reason) => (
                    <li key={reason.code} className={reason.enabled ? undefined : 'definitions-off'}>
                      {reasonLabel(reason, list, language, t)}
                      {!reason.enabled && ` ${t('hearing.definitions.off')}`}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <h2 className="definitions-subtitle">{t('hearing.definitions.history')}</h2>
          <ol className="definitions-history">
            {versions.map((v) => (
              <li key={v.version}>{t('hearing.definitions.version', { version: v.version, date: formatJst(v.updatedAt, language), by: v.updatedBy })}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
