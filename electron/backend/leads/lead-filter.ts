import type { LeadListInput } from '../../../shared/api/leads';
import { normalizeText } from '../../../shared/domain/normalize';

export type SqlFilter = { where: string; params: (string | number)[] };

// A search word that looks like (part of) a phone number is matched on its digits, so 03-1234,
// ０３１２３４ and +81 3 1234 all find 0312345678.
// Typed from the start (0… or +…), a number must start a stored phone key: the search text
// separates fields with U+001F. Other digit runs (the last four digits, say) match anywhere.
const FIELD_START = '\u001f';

const phoneDigits = (text: string): string | null => {
  if (!/^[+\d][\d\s()+-]{2,}$/.test(text) || !/\d{2,}/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  // +81 90 1111 → 0901111: the country code becomes the trunk 0, as in the stored key.
  if (text.startsWith('+')) return `${FIELD_START}${digits.startsWith('81') ? `0${digits.slice(2)}` : digits}`;
  return text.startsWith('0') ? `${FIELD_START}${digits}` : digits;
};

// The whole query when it is a phone number (it may contain spaces), else each word.
const searchTerms = (search: string): string[] => {
  const text = normalizeText(search).toLowerCase();
  if (text === '') return [];
  const phone = phoneDigits(text);
  if (phone !== null) return [phone];
  return text.split(' ').map((word) => phoneDigits(word) ?? word);
};

// WHERE clause for the lead list: live leads, the chosen filters, and every search word.
export const leadFilter = (input: Pick<LeadListInput, 'search' | 'stages' | 'temperatures' | 'owner' | 'source' | 'tag' | 'importId'>): SqlFilter => {
  const clauses = ['deleted_at IS NULL'];
  const params: (string | number)[] = [];
  if (input.stages.length > 0) {
    clauses.push(`stage IN (${input.stages.map(() => '?').join(', ')})`);
    params.push(...input.stages);
  }
  if (input.temperatures.length > 0) {
    clauses.push(`temperature IN (${input.temperatures.map(() => '?').join(', ')})`);
    params.push(...input.temperatures);
  }
  for (const [column, value] of [
    ['owner', input.owner],
    ['source', input.source],
    ['import_id', input.importId],
  ] as const) {
    if (value !== undefined) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (input.tag !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(leads.tags) WHERE value = ?)');
    params.push(input.tag);
  }
  const terms = searchTerms(input.search);
  if (terms.length > 0) {
    // instr on the narrow, already lower-cased search table: no LIKE wildcards to escape.
    clauses.push(`id IN (SELECT lead_id FROM lead_search WHERE ${terms.map(() => 'instr(text, ?) > 0').join(' AND ')})`);
    params.push(...terms);
  }
  return { where: clauses.join(' AND '), params };
};
