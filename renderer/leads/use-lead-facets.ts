import { useEffect, useState } from 'react';
import type { LeadFacets } from '../../shared/api/leads';
import { invoke } from '../api/client';
import { EMPTY_FACETS } from './filters';

// The filter choices, reloaded whenever `version` (leads.changed) moves. A failure keeps the last choices:
// the list itself reports connection problems, and filtering still works with what is selected.
export const useLeadFacets = (version: number): LeadFacets => {
  const [facets, setFacets] = useState<LeadFacets>(EMPTY_FACETS);
  useEffect(() => {
    let live = true;
    invoke('leads.facets', {}).then(
      (value) => {
        if (live) setFacets(value);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [version]);
  return facets;
};
