import { useTranslation } from 'react-i18next';
import { REJECT_GROUPS, type Reason, type ReasonList, type ReasonLists, type RejectGroup } from '../../shared/domain/reasons';

type Row = Reason & { group?: RejectGroup };

// One reason list: rename in Japanese and English (blank = the built-in wording), switch off, or
// add a reason with its own code. Codes already used by decisions are never renamed.
export const ReasonsEditor = ({ list, reasons, saved, onChange }: { list: ReasonList; reasons: ReasonLists[ReasonList]; saved: Set<string>; onChange: (rows: Row[]) => void }) => {
  const { t } = useTranslation();
  const rows = reasons as Row[];
  const update = (index: number, patch: Partial<Row>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const setLabel = (index: number, language: 'ja' | 'en', value: string) => update(index, { label: { ...rows[index]?.label, [language]: value } });
  const add = () => onChange([...rows, { code: '', enabled: true, label: {}, ...(list === 'reject' ? { group: 'definitional' as const } : {}) }]);
  return (
    <fieldset className="rules-fieldset">
      <legend>{t(`hearing.definitions.reasonList.${list}`)}</legend>
      <table className="rules-outcomes">
        <thead>
          <tr>
            <th>{t('hearing.editor.code')}</th>
            <th>{t('hearing.editor.labelJa')}</th>
            <th>{t('hearing.editor.labelEn')}</th>
            {list === 'reject' && <th>{t('hearing.editor.group')}</th>}
            <th>{t('hearing.editor.enabled')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((reason, i) => {
            const name = reason.code || t('hearing.editor.newReason');
            return (
              <tr key={i}>
                <td>
                  {saved.has(reason.code) ? (
                    <code>{reason.code}</code>
                  ) : (
                    <input className="input" aria-label={t('hearing.editor.codeOf', { n: i + 1 })} value={reason.code} onChange={(e) => update(i, { code: e.target.value })} />
                  )}
                </td>
                <td>
                  <input className="input" aria-label={t('hearing.editor.labelJaOf', { name })} placeholder={t(`qualification.reason.${list}.${reason.code}`, { lng: 'ja', defaultValue: '' })} value={reason.label?.ja ?? ''} onChange={(e) => setLabel(i, 'ja', e.target.value)} />
                </td>
                <td>
                  <input className="input" aria-label={t('hearing.editor.labelEnOf', { name })} placeholder={t(`qualification.reason.${list}.${reason.code}`, { lng: 'en', defaultValue: '' })} value={reason.label?.en ?? ''} onChange={(e) => setLabel(i, 'en', e.target.value)} />
                </td>
                {list === 'reject' && (
                  <td>
                    <select className="input" aria-label={t('hearing.editor.groupOf', { name })} value={reason.group} onChange={(e) => update(i, { group: e.target.value as RejectGroup })}>
                      {REJECT_GROUPS.map((g) => (
                        <option key={g} value={g}>{t(`qualification.rejectGroup.${g}`)}</option>
                      ))}
                    </select>
                  </td>
                )}
                <td>
                  <input type="checkbox" aria-label={t('hearing.editor.enabledOf', { name })} checked={reason.enabled} onChange={(e) => update(i, { enabled: e.target.checked })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button button-quiet" onClick={add}>{t('hearing.editor.addReason')}</button>
    </fieldset>
  );
};
