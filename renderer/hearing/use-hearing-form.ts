import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { HearingView } from '../../shared/api/qualification';
import { mergeAnswers, type BantAnswers } from '../../shared/domain/bant';
import { jstDay } from '../../shared/domain/business-time';
import { missingRequired, scriptItems } from '../../shared/domain/hearing-script';
import { evaluate } from '../../shared/domain/qualification';
import type { StageAction } from '../../shared/domain/stage-machine';
import type { StageDecision } from '../../shared/api/qualification';
import { type ApiError, toApiError } from '../api/api-error';
import { invoke } from '../api/client';
import { useAutosave } from '../call/use-autosave';
import { hearingFormSchema, type HearingFormValues, readableAnswers, toFormValues } from './hearing-form';

// The hearing form's state: the answers as typed (autosaved as a draft), the live check on them,
// saving them onto the lead, and deciding with them. Nothing typed is dropped on a failure.
export const useHearingForm = (view: HearingView, setView: (view: HearingView) => void) => {
  const leadId = view.leadId;
  const items = useMemo(() => scriptItems(view.script), [view.script]);
  const resolver = useMemo(() => zodResolver(hearingFormSchema(items)), [items]);
  const form = useForm<HearingFormValues, unknown, BantAnswers>({
    resolver,
    defaultValues: toFormValues(view.answers),
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const restoring = useRef(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const draft = useAutosave<BantAnswers>(leadId, {}, {
    load: () => Promise.resolve(view.draft?.answers ?? null),
    save: (answers) => invoke('hearing.saveDraft', { leadId, answers }),
    restore: (answers) => {
      restoring.current = true;
      // Against the saved answers, so the restored edits still count as unsaved.
      form.reset(toFormValues(mergeAnswers(view.answers, answers, jstDay(new Date())).answers), { keepDefaultValues: true });
      restoring.current = false;
    },
  });

  useEffect(() => {
    const subscription = form.watch((values) => {
      if (!restoring.current) draft.change(readableAnswers(values as HearingFormValues, items));
    });
    return () => subscription.unsubscribe();
  }, [form, draft.change, items]);

  // The live check: the saved answers with the form's laid over them, as the backend would merge them.
  const values = form.watch();
  const today = jstDay(new Date());
  const answers = mergeAnswers(view.answers, readableAnswers(values, items), today).answers;
  const check = evaluate(view.definitions.rules.tql, answers, today);
  const nurture = evaluate(view.definitions.rules.nurture, answers, today);
  const missing = missingRequired(view.script, answers);

  // The answers to send, checked by the schema; null (with the fields marked) when some are wrong.
  const validAnswers = useCallback(async (): Promise<BantAnswers | null> => {
    const parsed = hearingFormSchema(items).safeParse(form.getValues());
    if (parsed.success) return parsed.data;
    await form.trigger();
    return null;
  }, [form, items]);

  const applySaved = useCallback(
    (next: HearingView) => {
      draft.forget();
      setView(next);
      form.reset(toFormValues(next.answers));
    },
    [draft, form, setView],
  );

  const save = useCallback(async (): Promise<boolean> => {
    setSaveError(null);
    const patch = await validAnswers();
    if (!patch) return false;
    try {
      await draft.flush();
      const next = await invoke('hearing.save', { leadId, patch, scriptVersion: view.script.version });
      applySaved(next);
      setSavedAt(next.updatedAt);
      return true;
    } catch (caught) {
      setSaveError(toApiError(caught));
      return false;
    }
  }, [validAnswers, draft, leadId, view.script.version, applySaved]);

  const saveIfChanged = useCallback(async (): Promise<void> => {
    if (form.formState.isDirty) await save();
  }, [form, save]);

  // The decision with the form's answers in the same transaction; a refusal throws and writes nothing.
  const decide = useCallback(
    async (action: StageAction): Promise<StageDecision | 'invalid'> => {
      const patch = await validAnswers();
      if (!patch) return 'invalid';
      await draft.flush();
      const decision = await invoke('stage.decide', { leadId, action, leadVersion: view.leadVersion, patch, scriptVersion: view.script.version });
      // Decided: the answers are saved with it. A failed re-read only leaves the form as typed.
      draft.forget();
      await invoke('hearing.get', { leadId }).then(applySaved, () => undefined);
      return decision;
    },
    [validAnswers, draft, leadId, view.leadVersion, view.script.version, applySaved],
  );

  return { form, items, draft, check, nurture, missing, save, saveIfChanged, saveError, savedAt, decide };
};
