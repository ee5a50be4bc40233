import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Reason, ReasonList, ReasonLists } from '../../shared/domain/reasons';
import { type DefinedStage, type DefinitionsContent, definitionsContentSchema, type StageDefinitions } from '../../shared/domain/stage-definitions';
import { invoke } from '../api/client';
import { REASON_LISTS } from '../hearing/DefinitionsView';
import { ReasonsEditor } from './ReasonsEditor';
import { RuleEditor } from './RuleEditor';
import { useVersioned } from './use-versioned';
import { VersionedFooter } from './VersionedFooter';
import { VersionedSection } from './VersionedSection';

const contentOf = ({ rules, reasons }: StageDefinitions): DefinitionsContent => structuredClone({ rules, reasons });

// Blank label inputs mean "use the catalog": send no label rather than an empty one.
const withoutBlankLabels = (content: DefinitionsContent): DefinitionsContent => {
  const clean = <R extends Reason>(r: R): R => {
    const label = Object.fromEntries(Object.entries(r.label ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    const { label: _, ...rest } = r;
    return (Object.keys(label).length ? { ...rest, label } : rest) as R;
  };
  const reasons = Object.fromEntries(REASON_LISTS.map((list) => [list, content.reasons[list].map(clean)])) as ReasonLists;
  return { ...content, reasons };
};

// Each problem the schema finds, said in the catalog's words with where it is.
const issueTexts = (issues: z.core.$ZodIssue[], t: (key: string, params?: Record<string, string | number>) => string): string[] => {
  const texts = issues.map(({ path }) => {
    const [area, name, index, field] = path.map(String);
    if (area === 'rules') {
      const rule = t(`qualification.stageRule.${name}`);
      return path.length <= 3 ? t('hearing.editor.errors.ruleEmpty', { rule }) : t('hearing.editor.errors.rule', { rule, n: Number(index) + 1 });
    }
    const list = t(`hearing.definitions.reasonList.${name}`);
    if (index === undefined) return t('hearing.editor.errors.reasonList', { list });
    return t(field === 'label' ? 'hearing.editor.errors.label' : 'hearing.editor.errors.code', { list, n: Number(index) + 1 });
  });
  return [...new Set(texts)];
};

// The team lead's editor for the stage definitions: the TQL and nurture rules as structured
// conditions and the reason lists, published as a new version.
export const DefinitionsEditor = () => {
  const { t } = useTranslation();
  return (
    <VersionedSection<StageDefinitions, DefinitionsContent>
      id="definitions-editor-title"
      title={t('hearing.editor.title')}
      help={t('hearing.editor.help')}
      load={() => invoke('definitions.get', {})}
      publish={(content, version) => invoke('definitions.update', { content, version })}
    >
      {(versioned) => <DefinitionsForm versioned={versioned} />}
    </VersionedSection>
  );
};

const DefinitionsForm = ({ versioned }: { versioned: ReturnType<typeof useVersioned<StageDefinitions, DefinitionsContent>> }) => {
  const { t } = useTranslation();
  const record = versioned.record!;
  const [content, setContent] = useState<DefinitionsContent>(() => contentOf(record));
  const [problems, setProblems] = useState<string[]>([]);
  const saved = (list: ReasonList) => new Set(record.reasons[list].map((r) => r.code));
  const setRule = (stage: DefinedStage) => (rule: DefinitionsContent['rules'][DefinedStage]) => {
    versioned.setSaved(false);
    setContent((c) => ({ ...c, rules: { ...c.rules, [stage]: rule } }));
  };
  const setReasons = (list: ReasonList) => (rows: Reason[]) => {
    versioned.setSaved(false);
    setContent((c) => ({ ...c, reasons: { ...c.reasons, [list]: rows } }));
  };
  const submit = async () => {
    const parsed = definitionsContentSchema.safeParse(withoutBlankLabels(content));
    if (!parsed.success) return setProblems(issueTexts(parsed.error.issues, t));
    setProblems([]);
    const next = await versioned.save(parsed.data);
    if (next) setContent(contentOf(next));
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
      <RuleEditor title={t('qualification.stageRule.tql')} rule={content.rules.tql} onChange={setRule('tql')} />
      <RuleEditor title={t('qualification.stageRule.nurture')} rule={content.rules.nurture} onChange={setRule('nurture')} />
      {REASON_LISTS.map((list) => (
        <ReasonsEditor key={list} list={list} reasons={content.reasons[list]} saved={saved(list)} onChange={setReasons(list)} />
      ))}
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
