import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadMergeResult } from '../../shared/api/lead-edits';
import type { Lead } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import type { DetailNotice } from './LeadDetail';

// What the lead view shows in place of the list.
export type LeadScreen =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'detail'; id: string; notice: DetailNotice | null }
  // `from` is where a cancel goes back to: the first lead's detail, or the list where both were selected.
  | { kind: 'merge'; first: Lead; second: Lead; from: 'detail' | 'list' };

export const useLeadScreens = (onError: (error: unknown) => void) => {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<LeadScreen>({ kind: 'list' });
  const open = useCallback((id: string) => setScreen({ kind: 'detail', id, notice: null }), []);
  const back = useCallback(() => setScreen({ kind: 'list' }), []);
  // After a merge the kept lead opens, with the undo right there.
  const merged = useCallback(
    (result: LeadMergeResult) =>
      setScreen({ kind: 'detail', id: result.lead.id, notice: { text: t('leadDetail.merge.done', { company: result.lead.companyName }), mergeId: result.merge.id } }),
    [t],
  );
  const undoMerge = useCallback(
    (mergeId: string) => {
      invoke('leads.unmerge', { mergeId })
        .then((result) => {
          const text = [t('leadDetail.merge.undone'), result.keptNewer > 0 ? t('leadDetail.merge.keptNewer', { count: result.keptNewer }) : '']
            .filter(Boolean)
            .join(' ');
          setScreen({ kind: 'detail', id: result.survivor.id, notice: { text } });
        })
        .catch(onError);
    },
    [t, onError],
  );
  return { screen, setScreen, open, back, merged, undoMerge };
};

export type LeadScreens = ReturnType<typeof useLeadScreens>;
