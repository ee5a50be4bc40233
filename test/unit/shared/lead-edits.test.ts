import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadCreateInput, leadFieldsSchema, leadMergeInput, leadUpdateInput } from '../../../shared/api/lead-edits';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';

const messages = (input: unknown) => {
  const parsed = leadFieldsSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('lead field schema shared by the backend and the edit form', () => {
  it('turns what a form holds into lead fields, as the import reads values', () => {
    const parsed = leadFieldsSchema.parse({
      companyName: ' ABC株式会社 ',
      companyKana: 'えーびーしー',
      familyNameKana: 'ﾔﾏﾀﾞ',
      familyName: '山田',
      email: '',
      employeeCount: '１，２００名',
      score: '−12',
      temperature: 'hot',
      tags: 'A、B, A',
      customFields: [
        { name: ' 紹介者 ', value: ' 田中 ' },
        { name: '', value: '' },
      ],
    });
    expect(parsed).toMatchObject({
      companyName: 'ABC株式会社',
      companyKana: 'エービーシー',
      familyNameKana: 'ヤマダ',
      email: null,
      phone: null,
      employeeCount: 1200,
      score: -12,
      temperature: 'hot',
      tags: ['A', 'B'],
      customFields: { 紹介者: '田中' },
    });
  });

  it('gives one message key per wrong field', () => {
    expect(messages({ companyName: '', familyName: '山田', email: 'a@b', phone: '03-12', mobile: '9012345678', employeeCount: '-1', score: 100000 })).toEqual({
      companyName: 'leadDetail.validation.companyRequired',
      email: 'leadDetail.validation.email',
      phone: 'leadDetail.validation.phone',
      mobile: 'leadDetail.validation.phoneLeadingZero',
      employeeCount: 'leadDetail.validation.employeeCount',
      score: 'leadDetail.validation.score',
    });
    expect(messages({ companyName: 'A', familyName: '', phone: '' })).toEqual({ familyName: 'leadDetail.validation.personOrContact' });
    expect(messages({ companyName: 'A', email: 'a@example.jp', title: 'x'.repeat(201) })).toEqual({ title: 'leadDetail.validation.tooLong' });
    expect(
      messages({
        companyName: 'A',
        email: 'a@example.jp',
        customFields: [
          { name: 'メモ', value: '1' },
          { name: 'メモ', value: '2' },
          { name: '', value: '3' },
        ],
      }),
    ).toEqual({ 'customFields.1.name': 'leadDetail.validation.customDuplicate', 'customFields.2.name': 'leadDetail.validation.customName' });
  });

  it('has every message key it uses in both catalogs', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/api/lead-edits.ts'), 'utf8');
    const keys = [...source.matchAll(/key\('(\w+)'\)/g)].map((m) => m[1] as string);
    expect(keys.length).toBeGreaterThan(10);
    for (const catalog of [ja, en]) {
      const missing = keys.filter((k) => typeof (catalog.leadDetail.validation as Record<string, string>)[k] !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it('keeps create defaults, update patches partial, and merge choices sound', () => {
    expect(leadCreateInput.parse({ companyName: 'A', phone: '03-1234-5678' })).toMatchObject({ stage: 'lead', doNotCall: false, tags: [], customFields: {} });
    expect(leadUpdateInput.parse({ id: 'x', version: 1, patch: { title: '' } }).patch).toEqual({ title: null });
    expect(leadUpdateInput.safeParse({ id: 'x', version: 1, patch: { stage: 'tql' } }).success).toBe(false);
    expect(leadMergeInput.safeParse({ survivorId: 'a', loserId: 'b', survivorVersion: 1, loserVersion: 1, choices: { tags: 'both' } }).success).toBe(true);
    expect(leadMergeInput.safeParse({ survivorId: 'a', loserId: 'b', survivorVersion: 1, loserVersion: 1, choices: { phone: 'both' } }).success).toBe(false);
  });
});
