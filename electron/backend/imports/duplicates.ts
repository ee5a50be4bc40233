import type Database from 'better-sqlite3';
import type { LeadInput } from '../../../shared/domain/lead';
import { matchingKeys, type MatchingKeys } from '../leads/lead-row';
import { createKeyTable } from './key-table';

export type MatchKey = 'email' | 'phone' | 'companyPerson';

// Where a row's lead already exists: a live lead in the store, or an earlier row of this file.
export type Match =
  | { kind: 'store'; leadId: string; by: MatchKey }
  | { kind: 'file'; rowIndex: number; by: MatchKey };

// `columns`: the same keys as stored on the lead, reused when the lead is inserted.
type Keys = { email: string | null; phones: string[]; companyPerson: string | null; columns: MatchingKeys };

export const matchKeys = (lead: LeadInput): Keys => {
  const k = matchingKeys(lead);
  return {
    columns: k,
    email: k.email_key,
    phones: [k.phone_key, k.mobile_key].filter((p): p is string => p !== null),
    companyPerson: k.company_key && k.person_key ? `${k.company_key}\u001f${k.person_key}` : null,
  };
};

// Where a key was seen: a store lead as -(its index in storeIds + 1), a file row as its index.
type Target = number;

// Finds duplicates by email, by normalised phone (phone or mobile, either way round) and by
// normalised company + person name, against the store's live leads and earlier rows of the file.
export const createDuplicateIndex = (db: Database.Database) => {
  const byEmail = createKeyTable();
  const byPhone = createKeyTable();
  const byCompanyPerson = createKeyTable();
  const storeIds: string[] = [];
  const rows = db
    .prepare('SELECT id, email_key, phone_key, mobile_key, company_key, person_key FROM leads WHERE deleted_at IS NULL')
    .raw()
    .iterate() as IterableIterator<[string, string | null, string | null, string | null, string | null, string | null]>;
  for (const [id, email, phone, mobile, company, person] of rows) {
    storeIds.push(id);
    const target = -storeIds.length;
    if (email) byEmail.set(email, target);
    if (phone) byPhone.set(phone, target);
    if (mobile) byPhone.set(mobile, target);
    if (company && person) byCompanyPerson.set(`${company}\u001f${person}`, target);
  }
  const withBy = (target: Target | undefined, by: MatchKey): Match | null => {
    if (target === undefined) return null;
    return target < 0 ? { kind: 'store', leadId: storeIds[-target - 1]!, by } : { kind: 'file', rowIndex: target, by };
  };

  return {
    find(keys: Keys): Match | null {
      if (keys.email) {
        const m = withBy(byEmail.get(keys.email), 'email');
        if (m) return m;
      }
      for (const phone of keys.phones) {
        const m = withBy(byPhone.get(phone), 'phone');
        if (m) return m;
      }
      return keys.companyPerson ? withBy(byCompanyPerson.get(keys.companyPerson), 'companyPerson') : null;
    },
    // Later rows of the file are matched against this one; the first occurrence of a key wins.
    remember(keys: Keys, rowIndex: number): void {
      if (keys.email) byEmail.set(keys.email, rowIndex, false);
      for (const phone of keys.phones) byPhone.set(phone, rowIndex, false);
      if (keys.companyPerson) byCompanyPerson.set(keys.companyPerson, rowIndex, false);
    },
  };
};
