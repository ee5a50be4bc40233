import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved } from '../app/list-order';
import { BANT_ITEMS, HEARING_ITEMS, type HearingItem } from '../../shared/domain/bant';
import { type HearingScript, type ScriptContent, scriptContentSchema } from '../../shared/domain/hearing-script';
import { invoke } from '../api/client';
import { useVersioned } from './use-versioned';
import { VersionedFooter } from './VersionedFooter';
import { VersionedSection } from './VersionedSection';

type Text = { ja: string; en: string };
type Entry = { item: HearingItem; on: boolean; required: boolean; questions: Text[]; help: Text };

const isBant = (item: HearingItem): boolean => (BANT_ITEMS as readonly HearingItem[]).includes(item);
const text = (t?: { ja?: string; en?: string }): Text => ({ ja: t?.ja ?? '', en: t?.en ?? '' });

// Every item, the script's in its order first, then the optional ones it leaves off.
const entriesOf = (script: ScriptContent): Entry[] => [
  ...script.items.map((i) => ({ item: i.item, on: true, required: i.required, questions: i.questions.map(text), help: text(i.help) })),
  ...HEARING_ITEMS.filter((item) => !script.items.some((i) => i.item === item)).map((item) => ({ item, on: false, required: false, questions: [{ ja: '', en: '' }], help: text() })),
];

const filled = (t: Text) => Object.fromEntries(Object.entries(t).filter(([, v]) => v.trim() !== ''));

const contentOf = (entries: Entry[]): unknown => ({
  items: entries
    .filter((e) => e.on)
    .map((e) => ({ item: e.item, required: e.required, questions: e.questions.map(filled), ...(e.help.ja.trim() || e.help.en.trim() ? { help: filled(e.help) } : {}) })),
});

// The team lead's hearing script: which items are asked and in what order (the form's Tab
// order), which are required, the open questions in Japanese and English, and help for the rep.
export const ScriptEditor = () => {
  const { t } = useTranslation();
  return (
    <VersionedSection<HearingScript, ScriptContent>
      id="script-editor-title"
      title={t('hearing.script.title')}
      help={t('hearing.script.help')}
      load={() => invoke('script.get', {})}
      publish={(content, version) => invoke('script.update', { content, version })}
    >
      {(versioned) => <ScriptForm versioned={versioned} />}
    </VersionedSection>
  );
};

const ScriptForm = ({ versioned }: { versioned: ReturnType<typeof useVersioned<HearingScript, ScriptContent>> }) => {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(versioned.record!));
  const [problems, setProblems] = useState<string[]>([]);
  const update = (index: number, patch: Partial<Entry>) => {
    versioned.setSaved(false);
    setEntries((list) => list.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  };
  const move = (index: number, by: -1 | 1) => setEntries((list) => moved(list, index, index + by));
  const submit = async () => {
    const parsed = scriptContentSchema.safeParse(contentOf(entries));
    if (!parsed.success) {
      const on = entries.filter((e) => e.on);
      const texts = parsed.error.issues.map(({ path }) => {
        const entry = on[Number(path[1])];
        const item = entry ? t(`qualification.item.${entry.item}`) : '';
        if (path[3] === 'questions' || path[2] === 'questions') return t('hearing.script.errors.question', { item, n: Number(path[3] ?? 0) + 1 });
        return path[2] === 'help' ? t('hearing.script.errors.help', { item }) : t('hearing.script.errors.other');
      });
      return setProblems([...new Set(texts)]);
    }
    setProblems([]);
    const next = await versioned.save(parsed.data);
    if (next) setEntries(entriesOf(next));
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {entries.map((entry, i) => {
        const name = t(`qualification.item.${entry.item}`);
        const setQuestion = (j: number, language: keyof Text, value: string) =>
          update(i, { questions: entry.questions.map((q, k) => (k === j ? { ...q, [language]: value } : q)) });
        return (
          <fieldset key={entry.item} className={entry.on ? 'rules-fieldset' : 'rules-fieldset script-off'}>
            <legend>{name}</legend>
            <div className="form-actions">
              <label className="rules-check">
                <input type="checkbox" checked={entry.on} disabled={isBant(entry.item)} onChange={(e) => update(i, { on: e.target.checked })} />
                {t('hearing.script.asked')}
              </label>
              <label className="rules-check">
                <input type="checkbox" checked={entry.required} disabled={!entry.on} onChange={(e) => update(i, { required: e.target.checked })} />
                {t('hearing.script.required')}
              </label>
              <button type="button" className="button button-quiet" disabled={i === 0} aria-label={t('hearing.script.up', { item: name })} onClick={() => move(i, -1)}>↑</button>
              <button type="button" className="button button-quiet" disabled={i === entries.length - 1} aria-label={t('hearing.script.down', { item: name })} onClick={() => move(i, 1)}>↓</button>
            </div>
            {entry.on && (
              <>
                {entry.questions.map((q, j) => (
                  <div key={j} className="script-question">
                    <input className="input" aria-label={t('hearing.script.questionJa', { item: name, n: j + 1 })} value={q.ja} onChange={(e) => setQuestion(j, 'ja', e.target.value)} />
                    <input className="input" aria-label={t('hearing.script.questionEn', { item: name, n: j + 1 })} value={q.en} onChange={(e) => setQuestion(j, 'en', e.target.value)} />
                    <button type="button" className="button button-quiet" disabled={entry.questions.length === 1} onClick={() => update(i, { questions: entry.questions.filter((_, k) => k !== j) })}>
                      {t('hearing.editor.remove')}
                    </button>
                  </div>
                ))}
                <button type="button" className="button button-quiet" onClick={() => update(i, { questions: [...entry.questions, { ja: '', en: '' }] })}>{t('hearing.script.addQuestion')}</button>
                <div className="script-question">
                  <textarea className="input" rows={2} aria-label={t('hearing.script.helpJa', { item: name })} value={entry.help.ja} onChange={(e) => update(i, { help: { ...entry.help, ja: e.target.value } })} />
                  <textarea className="input" rows={2} aria-label={t('hearing.script.helpEn', { item: name })} value={entry.help.en} onChange={(e) => update(i, { help: { ...entry.help, en: e.target.value } })} />
                </div>
              </>
            )}
          </fieldset>
        );
      })}
      {problems.length > 0 && (
        <ul className="form-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <VersionedFooter versioned={versioned} />
    </form>
  );
};
