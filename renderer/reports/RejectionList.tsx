import { useTranslation } from 'react-i18next';
import type { RejectionGroup } from '../../shared/api/reports';

// Send-backs in the period by group, each with its reasons, most frequent first.
export const RejectionList = ({ groups }: { groups: readonly RejectionGroup[] }) => {
  const { t } = useTranslation();
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <section className="report-rejections" aria-labelledby="report-rejections-title" data-testid="report-rejections">
      <h2 id="report-rejections-title" className="report-subtitle">{t('reportsView.rejections.title')}</h2>
      {total === 0 ? (
        <p className="field-help">{t('reportsView.rejections.empty')}</p>
      ) : (
        <dl className="rejection-groups">
          {groups.map((g) => (
            <div key={g.group} className="rejection-group">
              <dt>
                {g.group === 'unknown' ? t('reportsView.table.unknownGroup') : t(`qualification.rejectGroup.${g.group}`)}: {t('reportsView.rejections.count', { count: g.count })}
              </dt>
              {g.reasons.map((r) => (
                <dd key={r.reason}>
                  {t(`qualification.reason.reject.${r.reason}`, { defaultValue: r.reason })}: {t('reportsView.rejections.count', { count: r.count })}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
};
