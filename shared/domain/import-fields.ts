import { LEAD_DATA_FIELDS } from './lead';

// Lead fields a file column can fill directly. Derived state (doNotCall, customFields) is not here:
// custom columns go through the 'custom' target instead.
export const LEAD_IMPORT_FIELDS = [...LEAD_DATA_FIELDS, 'stage'] as const;

export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

// Composite targets: one column split into several lead fields.
// fullName: 氏名 / Name, split on a space into family and given name.
// fullNameKana: フリガナ of the full name, split likewise and folded to full-width katakana.
export const COMPOSITE_IMPORT_TARGETS = ['fullName', 'fullNameKana'] as const;

// 'custom' keeps the column as a custom field under its header; 'ignore' drops it.
export const IMPORT_TARGETS = [...LEAD_IMPORT_FIELDS, ...COMPOSITE_IMPORT_TARGETS, 'custom', 'ignore'] as const;

export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const isImportTarget = (value: string): value is ImportTarget => (IMPORT_TARGETS as readonly string[]).includes(value);

// Targets that may take several columns; every other target takes at most one.
export const isRepeatableTarget = (target: ImportTarget): boolean => target === 'custom' || target === 'ignore';
