import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { ja } from '../../shared/i18n/ja';

type Tree = { [key: string]: string | Tree };

// Every leaf as [dotted key, value].
const leaves = (tree: Tree, prefix = ''): [string, unknown][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  const jaLeaves = new Map(leaves(ja));
  const enLeaves = new Map(leaves(en));

  it('has every Japanese key in English and vice versa', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...jaLeaves.keys()].sort());
  });

  it('has non-empty strings everywhere', () => {
    for (const [key, value] of [...jaLeaves, ...enLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, value] of jaLeaves) {
      expect(placeholders(String(enLeaves.get(key))), key).toEqual(placeholders(String(value)));
    }
  });
});
