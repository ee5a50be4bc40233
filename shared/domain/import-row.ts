import type { ImportTarget } from './import-fields';
import type { ColumnMapping } from './import-mapping';
import {
  ACCEPTED_STAGES,
  ACCEPTED_TEMPERATURES,
  checkPhone,
  isEmail,
  parseScore,
  parseStage,
  parseTemperature,
  parseWholeNumber,
  splitName,
  splitTags,
  toKatakana,
} from './import-values';
import type { LeadInput } from './lead';
import type { Stage } from './stages';

export type RowError = {
  field: ImportTarget | 'row';
  code: string;
  message: string;
  messageKey: string;
  params?: Record<string, string | number>;
};

export type RowResult = { ok: true; lead: LeadInput } | { ok: false; errors: RowError[] };
export type RowDefaults = { stage: Stage; source?: string | null; owner?: string | null };
export type RowMapper = (cells: string[]) => RowResult;

// A lead being assembled from one row: everything nullable until the row is checked.
type Draft = Omit<LeadInput, 'companyName' | 'stage'> & {
  companyName: string | null;
  stage: Stage | null;
  fullName: string | null;
  fullNameKana: string | null;
};

type KanaField = 'companyKana' | 'familyNameKana' | 'givenNameKana' | 'fullNameKana';
// Targets kept as the trimmed text; the others are parsed, checked, split or folded.
type TextField = Exclude<ImportTarget, KanaField | 'employeeCount' | 'score' | 'stage' | 'temperature' | 'tags' | 'custom' | 'ignore'>;

// Applies one trimmed, non-empty cell to the draft; reports problems into errors.
type CellHandler = (value: string, draft: Draft, errors: RowError[]) => void;

const rowError = (field: RowError['field'], code: string, message: string, params?: RowError['params']): RowError => ({
  field,
  code,
  message,
  messageKey: `errors.importRow.${code}`,
  ...(params ? { params } : {}),
});

// The first non-empty value wins when several columns feed one field.
const text =
  (field: TextField): CellHandler =>
  (value, draft) => {
    if (draft[field] === null) draft[field] = value;
  };

const kana =
  (field: KanaField): CellHandler =>
  (value, draft) => {
    if (draft[field] === null) draft[field] = toKatakana(value);
  };

const email =
  (column: string): CellHandler =>
  (value, draft, errors) => {
    if (draft.email !== null) return;
    if (isEmail(value)) draft.email = value;
    else {
      errors.push(
        rowError('email', 'invalid_email', `Column "${column}": "${value}" is not an email address. It must look like name@example.co.jp.`, {
          column,
          value,
        }),
      );
    }
  };

const phone =
  (field: 'phone' | 'mobile', column: string): CellHandler =>
  (value, draft, errors) => {
    if (draft[field] !== null) return;
    const check = checkPhone(value);
    if (check === 'ok') draft[field] = value;
    else if (check === 'leading_zero') {
      errors.push(
        rowError(
          field,
          'phone_leading_zero',
          `Column "${column}": "${value}" has lost its leading 0 (Excel drops it from numbers). Write it as 0${value}, or format the column as text before saving.`,
          { column, value },
        ),
      );
    } else {
      errors.push(
        rowError(
          field,
          'invalid_phone',
          `Column "${column}": "${value}" is not a phone number. A Japanese number has 10 or 11 digits starting with 0 (03-1234-5678); a foreign one starts with + and the country code.`,
          { column, value },
        ),
      );
    }
  };

const wholeNumber =
  (field: 'employeeCount' | 'score', column: string): CellHandler =>
  (value, draft, errors) => {
    if (draft[field] !== null) return;
    const n = field === 'score' ? parseScore(value) : parseWholeNumber(value);
    if (n !== null) draft[field] = n;
    else {
      errors.push(
        rowError(field, 'not_whole_number', `Column "${column}": "${value}" is not a whole number. Write digits only, such as 1200 or 1,200.`, {
          column,
          value,
        }),
      );
    }
  };

// Stage and temperature: a word from a fixed list, or an error that lists the accepted words.
const word =
  (field: 'stage' | 'temperature', column: string): CellHandler =>
  (value, draft, errors) => {
    if (draft[field] !== null) return;
    if (field === 'stage') draft.stage = parseStage(value);
    else draft.temperature = parseTemperature(value);
    if (draft[field] !== null) return;
    const accepted = field === 'stage' ? `one of ${ACCEPTED_STAGES}` : ACCEPTED_TEMPERATURES;
    errors.push(
      rowError(field, `unknown_${field}`, `Column "${column}": "${value}" is not a ${field}. Use ${accepted}, or leave it empty.`, {
        column,
        value,
        accepted: field === 'stage' ? ACCEPTED_STAGES : ACCEPTED_TEMPERATURES,
      }),
    );
  };

const tags: CellHandler = (value, draft) => {
  for (const tag of splitTags(value)) if (!draft.tags.includes(tag)) draft.tags.push(tag);
};

const custom =
  (name: string): CellHandler =>
  (value, draft) => {
    draft.customFields[name] = value;
  };

const handlerFor = (target: ImportTarget, column: string, customName: string): CellHandler | null => {
  switch (target) {
    case 'ignore':
      return null;
    case 'custom':
      return custom(customName);
    case 'companyKana':
    case 'familyNameKana':
    case 'givenNameKana':
    case 'fullNameKana':
      return kana(target);
    case 'email':
      return email(column);
    case 'phone':
    case 'mobile':
      return phone(target, column);
    case 'employeeCount':
    case 'score':
      return wholeNumber(target, column);
    case 'stage':
    case 'temperature':
      return word(target, column);
    case 'tags':
      return tags;
    default:
      return text(target);
  }
};

// Custom field names: the header as written, 'Column 3' for a blank one, 'Memo (2)' for a repeat.
const customNames = (mapping: ColumnMapping): string[] => {
  // '__proto__' cannot be an own key set by assignment, so it is always renamed.
  const used = new Set<string>(['__proto__']);
  return mapping.map(({ header }, index) => {
    const base = header.trim() === '' ? `Column ${index + 1}` : header.trim();
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
};

// A literal, not a spread of emptyLeadInput(): made once per row, and a literal is several times faster.
const emptyDraft = (): Draft => ({
  companyName: null,
  companyKana: null,
  department: null,
  title: null,
  familyName: null,
  givenName: null,
  familyNameKana: null,
  givenNameKana: null,
  email: null,
  phone: null,
  mobile: null,
  postalCode: null,
  prefecture: null,
  address: null,
  industry: null,
  employeeCount: null,
  source: null,
  campaign: null,
  score: null,
  temperature: null,
  stage: null,
  owner: null,
  tags: [],
  customFields: {},
  doNotCall: false,
  fullName: null,
  fullNameKana: null,
});

const isContactError = (e: RowError): boolean => e.field === 'email' || e.field === 'phone' || e.field === 'mobile';

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

// Compiles the mapping once; the returned function maps one row (originals kept, trimmed).
export const createRowMapper = (mapping: ColumnMapping, defaults: RowDefaults): RowMapper => {
  const names = customNames(mapping);
  const columns: { index: number; apply: CellHandler }[] = [];
  mapping.forEach(({ header, target }, index) => {
    const apply = handlerFor(target, header, names[index] as string);
    if (apply) columns.push({ index, apply });
  });
  const companyColumn = mapping.find((m) => m.target === 'companyName')?.header;
  const defaultSource = orNull(defaults.source);
  const defaultOwner = orNull(defaults.owner);

  return (cells) => {
    const draft = emptyDraft();
    const errors: RowError[] = [];
    for (const { index, apply } of columns) {
      const value = cells[index]?.trim();
      if (value) apply(value, draft, errors);
    }

    const d = draft;
    if (d.fullName !== null && d.familyName === null && d.givenName === null) {
      const { family, given } = splitName(d.fullName);
      d.familyName = family;
      d.givenName = given;
    }
    if (d.fullNameKana !== null && d.familyNameKana === null && d.givenNameKana === null) {
      const { family, given } = splitName(d.fullNameKana);
      d.familyNameKana = family;
      d.givenNameKana = given;
    }

    if (d.companyName === null) {
      const where = companyColumn === undefined ? undefined : { column: companyColumn };
      errors.push(rowError('companyName', 'missing_company', 'Company name is empty. Fill it in or map another column to the company name.', where));
    }
    // An unreadable email or number is reported as such; this is for rows with none at all.
    if (d.email === null && d.phone === null && d.mobile === null && !errors.some(isContactError)) {
      errors.push(rowError('row', 'no_contact', 'No way to contact: give an email, phone or mobile number.'));
    }
    if (errors.length > 0 || d.companyName === null) return { ok: false, errors };

    // Built field by field (no rest/spread): one object shape for every row keeps this fast.
    const lead: LeadInput = {
      companyName: d.companyName,
      companyKana: d.companyKana,
      department: d.department,
      title: d.title,
      familyName: d.familyName,
      givenName: d.givenName,
      familyNameKana: d.familyNameKana,
      givenNameKana: d.givenNameKana,
      email: d.email,
      phone: d.phone,
      mobile: d.mobile,
      postalCode: d.postalCode,
      prefecture: d.prefecture,
      address: d.address,
      industry: d.industry,
      employeeCount: d.employeeCount,
      source: d.source ?? defaultSource,
      campaign: d.campaign,
      score: d.score,
      temperature: d.temperature,
      stage: d.stage ?? defaults.stage,
      owner: d.owner ?? defaultOwner,
      tags: d.tags,
      customFields: d.customFields,
      doNotCall: false,
    };
    return { ok: true, lead };
  };
};

export const mapRow = (cells: string[], mapping: ColumnMapping, defaults: RowDefaults): RowResult =>
  createRowMapper(mapping, defaults)(cells);
