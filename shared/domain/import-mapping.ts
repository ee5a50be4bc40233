import { isRepeatableTarget, type ImportTarget } from './import-fields';
import { targetForHeader } from './import-headers';

export type ColumnMapping = { header: string; target: ImportTarget }[];

export type MappingWarning = {
  code: 'no_company' | 'no_contact' | 'no_person_name' | 'target_mapped_twice';
  message: string;
  messageKey: string;
  params?: Record<string, string | number>;
};

// One entry per header, in order. Unknown headers are kept as custom fields, never dropped;
// each target is taken by its first header only, so a second 'Email' column stays custom.
export const suggestMapping = (headers: string[]): ColumnMapping => {
  const taken = new Set<ImportTarget>();
  return headers.map((header) => {
    const target = targetForHeader(header);
    if (target === null || taken.has(target)) return { header, target: 'custom' };
    taken.add(target);
    return { header, target };
  });
};

const warning = (code: MappingWarning['code'], message: string, params?: MappingWarning['params']): MappingWarning => ({
  code,
  message,
  messageKey: `warnings.importMapping.${code}`,
  ...(params ? { params } : {}),
});

const quoted = (headers: string[]): string => headers.map((h) => `"${h}"`).join(', ');

// What the user should fix in the mapping before importing. Rows are still checked one by one.
export const validateMapping = (mapping: ColumnMapping): MappingWarning[] => {
  const columns = new Map<ImportTarget, string[]>();
  for (const { header, target } of mapping) columns.set(target, [...(columns.get(target) ?? []), header]);
  const has = (...targets: ImportTarget[]): boolean => targets.some((t) => columns.has(t));

  const warnings: MappingWarning[] = [];
  if (!has('companyName')) {
    warnings.push(warning('no_company', 'No column is mapped to the company name, so every row would be rejected. Map the column that holds the company name.'));
  }
  if (!has('email', 'phone', 'mobile')) {
    warnings.push(
      warning('no_contact', 'No column gives a way to contact the lead, so every row would be rejected. Map a column to the email, phone or mobile number.'),
    );
  }
  if (!has('fullName', 'familyName', 'givenName')) {
    warnings.push(warning('no_person_name', 'No column is mapped to the person’s name. The leads will be imported without a contact person.'));
  }
  for (const [target, headers] of columns) {
    // Tag columns are merged, so several of them are fine.
    if (headers.length > 1 && !isRepeatableTarget(target) && target !== 'tags') {
      warnings.push(
        warning(
          'target_mapped_twice',
          `The columns ${quoted(headers)} are all mapped to ${target}. Only the first non-empty value of each row is used; map the others to another field or to a custom field.`,
          { target, columns: headers.join(', ') },
        ),
      );
    }
  }
  return warnings;
};
