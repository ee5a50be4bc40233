import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lead } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import type { LeadSort } from './columns';

export const PAGE_SIZE = 100;
// About 40 windows (4,000 leads) stay in memory; scrolling through 100,000 rows must not keep them all.
const MAX_PAGES = 40;

type PageEntry = { rows: Lead[]; version: number };
type PageCache = { pages: Map<number, PageEntry>; inflight: Set<string> };

export type LeadPages = {
  total: number | null;
  // The last fetch failed; the view offers a retry.
  failed: boolean;
  rowAt: (index: number) => Lead | undefined;
  ensureRange: (start: number, end: number) => void;
};

const evict = (cache: PageCache, keepFrom: number, keepTo: number) => {
  if (cache.pages.size <= MAX_PAGES) return;
  const centre = (keepFrom + keepTo) / 2;
  const byDistance = [...cache.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const page of byDistance) {
    if (cache.pages.size <= MAX_PAGES) break;
    if (page < keepFrom || page > keepTo) cache.pages.delete(page);
  }
};

// Pages through 'leads.list' on demand. `version` changes when the backend says leads changed:
// pages already shown stay on screen (stale) until their reload arrives, so nothing flickers.
export const useLeadPages = (sort: LeadSort, version: number, onError: (error: unknown) => void): LeadPages => {
  // A new order makes every cached window wrong, so a new sort gets a fresh cache.
  const cache = useMemo<PageCache>(() => ({ pages: new Map(), inflight: new Set() }), [sort.field, sort.direction]);
  const [total, setTotal] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const [failed, setFailed] = useState(false);

  const fetchPage = useCallback(
    async (page: number) => {
      const key = `${version}:${page}`;
      if (cache.inflight.has(key)) return;
      cache.inflight.add(key);
      try {
        const result = await invoke('leads.list', {
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          sort: sort.field,
          direction: sort.direction,
        });
        const current = cache.pages.get(page);
        if (current && current.version > version) return; // a newer reload already answered
        cache.pages.set(page, { rows: result.rows, version });
        setTotal(result.total);
        setFailed(false);
        setTick((n) => n + 1);
      } catch (error) {
        setFailed(true);
        onError(error);
      } finally {
        cache.inflight.delete(key);
      }
    },
    [cache, version, sort.field, sort.direction, onError],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
      const last = Math.floor(Math.max(0, end) / PAGE_SIZE);
      for (let page = first; page <= last; page++) {
        const entry = cache.pages.get(page);
        if (!entry || entry.version !== version) void fetchPage(page);
      }
      evict(cache, first, last);
    },
    [cache, version, fetchPage],
  );

  // With no rows on screen the list asks for nothing, so the first window (and its total) is fetched here.
  useEffect(() => {
    if (total === null || total === 0) ensureRange(0, 0);
  }, [ensureRange, total]);

  const rowAt = useCallback(
    (index: number) => (tick >= 0 ? cache.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE] : undefined),
    // Depends on `tick` so that each arriving window hands out a new function and rows re-render.
    [cache, tick],
  );

  return { total, failed, rowAt, ensureRange };
};
