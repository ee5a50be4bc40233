import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ja } from '../../../shared/i18n/ja';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });

const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), ja);

// Every error the backend or the domain can send must have a text in the catalog, or the user
// would see a raw key. Keys built from a code are checked for every code the code can produce.
describe('message keys used by the backend and the domain', () => {
  const files = [...sourceFiles('electron'), ...sourceFiles('shared')];
  const literal = new Set<string>();
  const templated = new Map<string, Set<string>>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/messageKey: '([\w.]+)'/g)) literal.add(m[1]!);
    for (const m of text.matchAll(/messageKey: `([\w.]+)\.\$\{[^}]+\}`/g)) templated.set(m[1]!, new Set());
    // Codes passed to the helpers that build those keys: rowError(field, 'code', ...), warning('code', ...)
    for (const m of text.matchAll(/rowError\([^,]+,\s*'(\w+)'/g)) templated.get('errors.importRow')?.add(m[1]!);
    for (const m of text.matchAll(/warning\('(\w+)'/g)) templated.get('warnings.importMapping')?.add(m[1]!);
    for (const m of text.matchAll(/code: '(ragged_row|unterminated_quote)'/g)) templated.get('errors.importRow')?.add(m[1]!);
  }

  it('finds the keys (the scan itself works)', () => {
    expect(literal.size).toBeGreaterThan(20);
    expect(templated.get('errors.importRow')?.size).toBeGreaterThan(5);
  });

  it('has a Japanese text for every literal key', () => {
    const missing = [...literal].filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('has a Japanese text for every key built from a code', () => {
    const missing = [...templated].flatMap(([prefix, codes]) => [...codes].map((c) => `${prefix}.${c}`)).filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });
});
