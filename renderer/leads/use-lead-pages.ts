import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lead } from '../../shared/domain/lead';
import { invoke } from '../api/client';
import type { LeadSort } from './columns';
import { filterInput, filterKey, type LeadFilters } from './filters';

export const PAGE_SIZE = 100;
// About 40 windows (4,000 leads) stay in memory; scrolling through 100,000 rows must not keep them all.
const MAX_PAGES = 40;

type PageEntry = { rows: Lead[]; version: number };
// One cache per query (sort + filters). `retired` is set once a newer query replaced it, so its late answers are dropped.
// `counted` holds the data versions whose total was asked for: one count per query and version, not per window.
type PageCache = { pages: Map<number, PageEntry>; inflight: Set<string>; retired: boolean; counted: Set<number> };

export type LeadPages = {
  total: number | null;
  // The current query has not answered yet: `total` (and the placeholder rows) are still the previous query's count.
  pending: boolean;
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
// A new sort or new filters is a different query: it starts from an empty cache (placeholders, never the old rows).
export const useLeadPages = (
  sort: LeadSort,
  filters: LeadFilters,
  version: number,
  onError: (error: unknown) => void,
): LeadPages => {
  const key = filterKey(filters);
  // Parsed back from the key so that an equal query keeps the same identity across renders.
  const query = useMemo(() => JSON.parse(key) as ReturnType<typeof filterInput>, [key]);
  const cache = useMemo<PageCache>(
    () => ({ pages: new Map(), inflight: new Set(), retired: false, counted: new Set() }),
    [sort.field, sort.direction, query],
  );
  useEffect(
    () => () => {
      cache.retired = true;
    },
    [cache],
  );
  const [answer, setAnswer] = useState<{ total: number; cache: PageCache } | null>(null);
  const [tick, setTick] = useState(0);
  const [failed, setFailed] = useState(false);

  const fetchPage = useCallback(
    async (page: number) => {
      const flight = `${version}:${page}`;
      if (cache.inflight.has(flight)) return;
      cache.inflight.add(flight);
      const withTotal = !cache.counted.has(version);
      cache.counted.add(version);
      try {
        const result = await invoke('leads.list', {
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          sort: sort.field,
          direction: sort.direction,
          ...query,
          withTotal,
        });
        if (cache.retired) return; // an older query: its rows must not reach the new list
        const current = cache.pages.get(page);
        if (current && current.version > version) return; // a newer reload already answered
        cache.pages.set(page, { rows: result.rows, version });
        const total = result.total;
        if (total !== null) setAnswer({ total, cache });
        setFailed(false);
        setTick((n) => n + 1);
      } catch (error) {
        if (withTotal) cache.counted.delete(version); // the next window asks for the count again
        if (cache.retired) return;
        setFailed(true);
        onError(error);
      } finally {
        cache.inflight.delete(flight);
      }
    },
    [cache, version, sort.field, sort.direction, query, onError],
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

  const total = answer?.total ?? null;

  // With no rows on screen the list asks for nothing, so the first window (and its total) is fetched here.
  useEffect(() => {
    if (total === null || total === 0) ensureRange(0, 0);
  }, [ensureRange, total]);

  const rowAt = useCallback(
    (index: number) => (tick >= 0 ? cache.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE] : undefined),
    // Depends on `tick` so that each arriving window hands out a new function and rows re-render.
    [cache, tick],
  );

  return { total, pending: answer?.cache !== cache, failed, rowAt, ensureRange };
};
