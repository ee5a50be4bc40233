import type Database from 'better-sqlite3';
import type { LeadInput } from '../../../shared/domain/lead';
import { matchingKeys } from '../leads/lead-row';

export type MatchKey = 'email' | 'phone' | 'companyPerson';

// Where a row's lead already exists: a live lead in the store, or an earlier row of this file.
export type Match =
  | { kind: 'store'; leadId: string; by: MatchKey }
  | { kind: 'file'; rowIndex: number; by: MatchKey };

type Keys = { email: string | null; phones: string[]; companyPerson: string | null };

export const matchKeys = (lead: LeadInput): Keys => {
  const k = matchingKeys(lead);
  return {
    email: k.email_key,
    phones: [k.phone_key, k.mobile_key].filter((p): p is string => p !== null),
    companyPerson: k.company_key && k.person_key ? `${k.company_key}\u001f${k.person_key}` : null,
  };
};

type Target = { kind: 'store'; leadId: string } | { kind: 'file'; rowIndex: number };

// Finds duplicates by email, by normalised phone (phone or mobile, either way round) and by
// normalised company + person name, against the store's live leads and earlier rows of the file.
export const createDuplicateIndex = (db: Database.Database) => {
  const byEmail = new Map<string, Target>();
  const byPhone = new Map<string, Target>();
  const byCompanyPerson = new Map<string, Target>();
  const rows = db
    .prepare('SELECT id, email_key, phone_key, mobile_key, company_key, person_key FROM leads WHERE deleted_at IS NULL')
    .raw()
    .iterate() as IterableIterator<[string, string | null, string | null, string | null, string | null, string | null]>;
  for (const [id, email, phone, mobile, company, person] of rows) {
    const target: Target = { kind: 'store', leadId: id };
    if (email) byEmail.set(email, target);
    if (phone) byPhone.set(phone, target);
    if (mobile) byPhone.set(mobile, target);
    if (company && person) byCompanyPerson.set(`${company}\u001f${person}`, target);
  }
  const withBy = (target: Target | undefined, by: MatchKey): Match | null =>
    target ? (target.kind === 'store' ? { ...target, by } : { ...target, by }) : null;

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
      const target: Target = { kind: 'file', rowIndex };
      if (keys.email && !byEmail.has(keys.email)) byEmail.set(keys.email, target);
      for (const phone of keys.phones) if (!byPhone.has(phone)) byPhone.set(phone, target);
      if (keys.companyPerson && !byCompanyPerson.has(keys.companyPerson)) byCompanyPerson.set(keys.companyPerson, target);
    },
  };
};
