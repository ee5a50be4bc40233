import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFacets } from '../../shared/api/leads';
import type { Language } from '../../shared/api/settings';
import { STAGES, TEMPERATURES } from '../../shared/domain/stages';
import { EMPTY_FILTERS, isFiltered, type LeadFilters, toggle } from './filters';
import { formatDate } from './format';

type Props = {
  // The search box text as typed; `filters.search` follows it after a debounce.
  searchText: string;
  onSearchText: (text: string) => void;
  filters: LeadFilters;
  onFilters: (filters: LeadFilters) => void;
  facets: LeadFacets;
  language: Language;
};

// A choice that is selected stays listed even if the facets no longer hold it.
const withSelected = (values: string[], selected: string) => (selected && !values.includes(selected) ? [selected, ...values] : values);

export const LeadToolbar = ({ searchText, onSearchText, filters, onFilters, facets, language }: Props) => {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<LeadFilters>) => onFilters({ ...filters, ...patch });
  const filtered = isFiltered({ ...filters, search: searchText });

  return (
    <div role="search" className="lead-toolbar" aria-label={t('leads.filter.label')}>
      <div className="lead-filter lead-filter-search">
        <label htmlFor={`${id}-search`} className="lead-filter-label">
          {t('leads.filter.search')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={searchText}
          placeholder={t('leads.filter.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onSearchText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && searchText) {
              event.preventDefault();
              onSearchText('');
            }
          }}
        />
      </div>
      <StageMenu selected={filters.stages} onChange={(stages) => set({ stages })} />
      <fieldset className="lead-filter lead-chips">
        <legend className="lead-filter-label">{t('leads.filter.temperature')}</legend>
        {TEMPERATURES.map((temperature) => (
          <button
            key={temperature}
            type="button"
            className={`chip temp-${temperature}`}
            aria-pressed={filters.temperatures.includes(temperature)}
            onClick={() => set({ temperatures: TEMPERATURES.filter((v) => toggle(filters.temperatures, temperature).includes(v)) })}
          >
            {t(`temperature.${temperature}`)}
          </button>
        ))}
      </fieldset>
      <FacetSelect label={t('leads.filter.owner')} value={filters.owner} onChange={(owner) => set({ owner })}>
        {withSelected(facets.owners, filters.owner).map((owner) => (
          <option key={owner} value={owner}>
            {owner}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label={t('leads.filter.source')} value={filters.source} onChange={(source) => set({ source })}>
        {withSelected(facets.sources, filters.source).map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label={t('leads.filter.tag')} value={filters.tag} onChange={(tag) => set({ tag })}>
        {withSelected(facets.tags, filters.tag).map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label={t('leads.filter.import')} value={filters.importId} onChange={(importId) => set({ importId })}>
        {facets.imports.map((item) => (
          <option key={item.id} value={item.id}>
            {t('leads.filter.importOption', { fileName: item.fileName, date: formatDate(item.startedAt, language) })}
          </option>
        ))}
        {filters.importId && !facets.imports.some((item) => item.id === filters.importId) && (
          <option value={filters.importId}>{filters.importId}</option>
        )}
      </FacetSelect>
      <button
        type="button"
        className="button button-quiet lead-filter-clear"
        disabled={!filtered}
        onClick={() => {
          onSearchText('');
          onFilters(EMPTY_FILTERS);
        }}
      >
        {t('leads.filter.clear')}
      </button>
    </div>
  );
};

type SelectProps = { label: string; value: string; onChange: (value: string) => void; children: ReactNode };

const FacetSelect = ({ label, value, onChange, children }: SelectProps) => {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="lead-filter">
      <label htmlFor={id} className="lead-filter-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('leads.filter.any')}</option>
        {children}
      </select>
    </div>
  );
};

type StageMenuProps = { selected: LeadFilters['stages']; onChange: (stages: LeadFilters['stages']) => void };

// A checkbox dropdown: <details> opens with Enter/Space on its summary; Escape and a click outside close it.
const StageMenu = ({ selected, onChange }: StageMenuProps) => {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <details
      ref={ref}
      className="lead-filter lead-stage-menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          setOpen(false);
          ref.current?.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="input lead-stage-summary">
        {selected.length ? t('leads.filter.stageCount', { count: selected.length }) : t('leads.filter.stage')}
      </summary>
      <fieldset className="lead-stage-options">
        <legend className="visually-hidden">{t('leads.filter.stage')}</legend>
        {STAGES.map((stage) => (
          <label key={stage} className="lead-stage-option">
            <input
              type="checkbox"
              checked={selected.includes(stage)}
              onChange={() => onChange(STAGES.filter((s) => toggle(selected, stage).includes(s)))}
            />
            {t(`stage.${stage}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
};
