import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { LeadFacets, LeadPage } from '../../../shared/api/leads';
import { leadInput } from '../../helpers/lead-input';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const list = async (backend: Backend, input: Record<string, unknown>): Promise<string[]> => {
  const answer = await backend.call('leads.list', { sort: 'companyKana', direction: 'asc', ...input });
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as LeadPage).rows.map((r) => r.companyName);
};

describe('lead list search and filters', () => {
  const tempDir = useTempDir();
  const setup = () => {
    const backend = openTempBackend(tempDir());
    backend.leads.createMany([
      leadInput({ companyName: '株式会社アルファ', companyKana: 'アルファ', familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', email: 'yamada@alpha.example.jp', phone: '03-1234-5678', stage: 'mql', temperature: 'hot', owner: '佐藤', source: '展示会', tags: ['決裁者'] }),
      leadInput({ companyName: 'ベータ工業株式会社', companyKana: 'ベータコウギョウ', familyName: '鈴木', givenName: '花子', familyNameKana: 'スズキ', givenNameKana: 'ハナコ', email: 'suzuki@beta.example.jp', phone: '０６（９８７６）５４３２', stage: 'lead', temperature: 'cold', owner: '田中', source: 'ウェビナー', tags: [] }),
      leadInput({ companyName: 'ガンマ商事(株)', companyKana: 'ガンマショウジ', familyName: '山本', givenName: '一郎', familyNameKana: 'ヤマモト', givenNameKana: 'イチロウ', email: 'YAMAMOTO@gamma.example.jp', phone: null, mobile: '090-1111-2222', stage: 'tql', temperature: 'warm', owner: '佐藤', source: '展示会', tags: ['決裁者', '予算あり'] }),
    ]);
    return backend;
  };

  it('finds leads by company, person, furigana and email, all words required', async () => {
    const backend = setup();
    expect(await list(backend, { search: 'ベータ' })).toEqual(['ベータ工業株式会社']);
    expect(await list(backend, { search: '山' })).toEqual(['株式会社アルファ', 'ガンマ商事(株)']);
    expect(await list(backend, { search: 'ヤマダ' })).toEqual(['株式会社アルファ']);
    expect(await list(backend, { search: 'yamamoto@' })).toEqual(['ガンマ商事(株)']);
    expect(await list(backend, { search: '山 ガンマ' })).toEqual(['ガンマ商事(株)']);
    expect(await list(backend, { search: 'ＡＬＰＨＡ' })).toEqual(['株式会社アルファ']);
    expect(await list(backend, { search: '100%_' })).toEqual([]);
    backend.close();
  });

  it('finds phone numbers whatever format is typed or stored', async () => {
    const backend = setup();
    expect(await list(backend, { search: '03-1234' })).toEqual(['株式会社アルファ']);
    expect(await list(backend, { search: '0698765432' })).toEqual(['ベータ工業株式会社']);
    expect(await list(backend, { search: '06-9876-5432' })).toEqual(['ベータ工業株式会社']);
    expect(await list(backend, { search: '+81 90 1111' })).toEqual(['ガンマ商事(株)']);
    // From the start, a number must start the phone; other digits match anywhere in it.
    expect(await list(backend, { search: '06' })).toEqual(['ベータ工業株式会社']);
    expect(await list(backend, { search: '5678' })).toEqual(['株式会社アルファ']);
    expect(await list(backend, { search: '09-' })).toEqual(['ガンマ商事(株)']);
    expect(await list(backend, { search: '04-' })).toEqual([]);
    backend.close();
  });

  it('filters by stage, temperature, owner, source, tag and import, and counts the matches', async () => {
    const backend = setup();
    expect(await list(backend, { stages: ['mql', 'tql'] })).toEqual(['株式会社アルファ', 'ガンマ商事(株)']);
    expect(await list(backend, { temperatures: ['cold'] })).toEqual(['ベータ工業株式会社']);
    expect(await list(backend, { owner: '佐藤', source: '展示会' })).toEqual(['株式会社アルファ', 'ガンマ商事(株)']);
    expect(await list(backend, { tag: '予算あり' })).toEqual(['ガンマ商事(株)']);
    expect(await list(backend, { importId: 'none' })).toEqual([]);
    const page = await backend.call('leads.list', { owner: '佐藤', limit: 1 });
    expect(page).toMatchObject({ ok: true, value: { total: 2 } });
    expect(await backend.call('leads.list', { stages: ['won'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'stages.0' }] } });
    const facets = await backend.call('leads.facets', {});
    expect(facets).toEqual({ ok: true, value: { owners: ['佐藤', '田中'], sources: ['ウェビナー', '展示会'], tags: ['予算あり', '決裁者'], imports: [] } satisfies LeadFacets });
    backend.close();
  });
});
