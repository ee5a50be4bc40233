import type { ApiErrorBody, ApiEvent, Envelope, Input, PickedFile } from '../../shared/api';
import type { ApiEvents } from '../../shared/api/events';
import type { ImportCounts, ImportNotice, ImportPreview, ImportResult, MappingPreset, RejectedRow, RowReason, UndoResult } from '../../shared/api/imports';
import { suggestMapping, validateMapping, type ColumnMapping } from '../../shared/domain/import-mapping';
import type { Lead, LeadInput } from '../../shared/domain/lead';
import { makeLead } from './fake-lead';

// The file every fake pick answers: a Shift_JIS CSV with one row that has no company (line 5),
// and one row (line 4) whose email is lead 0's, so it is a duplicate when the store has lead 0.
export const FAKE_IMPORT_FILE: PickedFile = { path: '/home/rep/リスト/展示会リスト.csv', name: '展示会リスト.csv' };
export const FAKE_IMPORT_HEADERS = ['会社名', '氏名', '電話番号', 'メール', '取引先メモ'];
const ROWS = [
  ['株式会社アルファ', '山田 太郎', '03-1111-2222', 'yamada@alpha.example', '展示会で名刺交換'],
  ['株式会社ベータ', '佐藤 花子', '06-3333-4444', 'sato@beta.example', ''],
  ['株式会社テスト0', '鈴木 一郎', '03-1234-5678', 'taro0@example.co.jp', '既存'],
  ['', '高橋 次郎', '045-555-6666', 'takahashi@example.jp', '会社名なし'],
];

// The file ends like a Salesforce report export: a blank line, then a footer the backend leaves out.
const FOOTER_NOTICE: ImportNotice = {
  code: 'salesforce_footer',
  line: 7,
  lines: 5,
  message: "The last 5 lines from line 7 are a Salesforce report's footer.",
  messageKey: 'imports.notice.salesforceFooter',
  params: { line: 7, lines: 5 },
};

const missingCompany: RowReason = {
  field: 'companyName',
  code: 'missing_company',
  message: 'The company name is empty.',
  messageKey: 'errors.importRow.missing_company',
};

const toLead = (mapping: ColumnMapping, cells: string[]): LeadInput => {
  const lead: LeadInput = { ...makeLead(0), companyName: '', companyKana: null, email: null, phone: null, familyName: null, givenName: null, customFields: {}, tags: [] };
  mapping.forEach(({ header, target }, i) => {
    const value = cells[i] ?? '';
    if (target === 'fullName') [lead.familyName, lead.givenName] = [value.split(' ')[0] ?? null, value.split(' ')[1] ?? null];
    else if (target === 'custom' && value) lead.customFields[header] = value;
    else if (target === 'companyName') lead.companyName = value;
    else if (target === 'email' || target === 'phone') lead[target] = value || null;
  });
  return lead;
};

export type FakeImports = {
  pickNext: PickedFile | null | Error;
  presets: MappingPreset[];
  // The next call of this method waits until release() (it answers) or imports.cancel (it fails as cancelled).
  holdNext: 'imports.preview' | 'imports.commit' | null;
  release: () => void;
  // Pushes an 'import.progress' event, as the backend does while a run is held.
  progress: (payload: ApiEvents['import.progress']) => void;
};

// What the backend answers for a cancelled preview or commit.
export const CANCELLED_ERROR: ApiErrorBody = { code: 'conflict', message: 'The import was cancelled.', messageKey: 'errors.import.cancelled' };

type Answer = <T>(method: string, input: unknown, value: () => T) => Promise<Envelope<T>>;

// imports.* over the in-memory leads: previews and commits that behave like the backend's.
export const createFakeImports = (leads: Lead[], answer: Answer, emit: (event: ApiEvent) => void, record: (method: string, input: unknown) => void) => {
  let held: ((outcome: 'answer' | 'cancel') => void) | null = null;
  const state: FakeImports = {
    pickNext: FAKE_IMPORT_FILE,
    presets: [],
    holdNext: null,
    release: () => held?.('answer'),
    progress: (payload) => emit({ name: 'import.progress', payload }),
  };
  const imports = new Map<string, string[]>();

  const presetMapping = (name: string): ColumnMapping => {
    const preset = state.presets.find((p) => p.name === name);
    if (preset) return preset.mapping;
    const error: ApiErrorBody = { code: 'not_found', message: 'no preset', messageKey: 'errors.import.noPreset', params: { name } };
    throw error;
  };

  const plan = (input: Input<'imports.preview'>) => {
    const mapping = input.mapping ?? (input.preset ? presetMapping(input.preset) : suggestMapping(FAKE_IMPORT_HEADERS));
    if (mapping.map((m) => m.header).join('\n') !== FAKE_IMPORT_HEADERS.join('\n')) {
      const error: ApiErrorBody = { code: 'invalid_input', message: 'mismatch', messageKey: 'errors.import.mappingMismatch' };
      throw error;
    }
    const rows = ROWS.map((cells, i) => {
      const lead = toLead(mapping, cells);
      const reasons = lead.companyName ? [] : [missingCompany];
      return { line: i + 2, lead: reasons.length ? null : lead, reasons, cells };
    });
    const good = rows.filter((r) => r.lead);
    const dupes = good.filter((r) => leads.some((l) => l.email && l.email === r.lead?.email)).length;
    const policy = input.onDuplicate ?? 'skip';
    const counts: ImportCounts = {
      totalRows: rows.length,
      toCreate: policy === 'create' ? good.length : good.length - dupes,
      toUpdate: policy === 'fill' || policy === 'overwrite' ? dupes : 0,
      skipped: policy === 'skip' ? dupes : 0,
      rejected: rows.length - good.length,
      duplicatesInStore: dupes,
      duplicatesInFile: 0,
      mergedInFile: 0,
    };
    const rejected: RejectedRow[] = rows.filter((r) => !r.lead).map((r) => ({ line: r.line, reasons: r.reasons, cells: r.cells }));
    return { mapping, rows, counts, rejected };
  };

  // A thrown error body becomes a failed envelope, as the backend answers.
  const guarded = async <T>(method: string, input: unknown, value: () => T): Promise<Envelope<T>> => {
    if (state.holdNext === method) {
      state.holdNext = null;
      const outcome = await new Promise<'answer' | 'cancel'>((resolve) => {
        held = resolve;
      });
      held = null;
      if (outcome === 'cancel') {
        record(method, input);
        return { ok: false, error: CANCELLED_ERROR };
      }
    }
    try {
      return await answer(method, input, value);
    } catch (error) {
      return { ok: false, error: error as ApiErrorBody };
    }
  };

  return {
    state,
    pickImportFile: async (): Promise<PickedFile | null> => {
      record('pickImportFile', undefined);
      if (state.pickNext instanceof Error) throw state.pickNext;
      return state.pickNext;
    },
    'imports.preview': (input: Input<'imports.preview'>) =>
      guarded('imports.preview', input, (): ImportPreview => {
        const p = plan(input);
        return {
          fileName: FAKE_IMPORT_FILE.name,
          format: 'csv',
          encoding: input.encoding && input.encoding !== 'auto' ? input.encoding : 'cp932',
          delimiter: ',',
          sheets: [],
          sheet: null,
          headers: FAKE_IMPORT_HEADERS,
          mapping: p.mapping,
          mappingWarnings: validateMapping(p.mapping),
          sample: p.rows.map(({ line, lead, reasons }) => ({ line, lead, reasons })),
          counts: p.counts,
          rejected: p.rejected,
          notices: [FOOTER_NOTICE],
        };
      }),
    'imports.commit': (input: Input<'imports.commit'>) =>
      guarded('imports.commit', input, (): ImportResult => {
        const p = plan(input);
        const id = `import-${imports.size + 1}`;
        const created = p.rows.filter((r) => r.lead).slice(0, p.counts.toCreate);
        const ids = created.map((r, i) => {
          const base = makeLead(1000 + leads.length + i);
          const lead: Lead = { ...base, ...r.lead, id: base.id, importId: id };
          leads.push(lead);
          return lead.id;
        });
        imports.set(id, ids);
        emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
        const now = new Date().toISOString();
        return {
          id,
          fileName: FAKE_IMPORT_FILE.name,
          format: 'csv',
          encoding: 'cp932',
          sheet: null,
          onDuplicate: input.onDuplicate ?? 'skip',
          actor: '',
          startedAt: now,
          finishedAt: now,
          totalRows: p.counts.totalRows,
          created: ids.length,
          updated: p.counts.toUpdate,
          unchanged: 0,
          skipped: p.counts.skipped,
          rejected: p.counts.rejected,
          mergedInFile: p.counts.mergedInFile,
          undoneAt: null,
          rejectedRows: p.rejected,
          notices: [FOOTER_NOTICE],
        };
      }),
    'imports.undo': (input: Input<'imports.undo'>) =>
      guarded('imports.undo', input, (): UndoResult => {
        const ids = imports.get(input.id) ?? [];
        for (const leadId of ids) leads.splice(leads.findIndex((l) => l.id === leadId), 1);
        imports.set(input.id, []);
        emit({ name: 'leads.changed', payload: { reason: 'bulk' } });
        return { importId: input.id, removed: ids.length, restored: 0, keptNewer: 0, undoneAt: new Date().toISOString() };
      }),
    'imports.rejectedCsv': (input: Input<'imports.rejectedCsv'>) => guarded('imports.rejectedCsv', input, () => ({ path: input.path, rows: 1 })),
    'imports.savePreset': (input: Input<'imports.savePreset'>) =>
      guarded('imports.savePreset', input, (): MappingPreset => {
        const preset = { name: input.name, mapping: input.mapping, updatedAt: new Date().toISOString() };
        state.presets = [...state.presets.filter((p) => p.name !== input.name), preset];
        return preset;
      }),
    'imports.cancel': (input: Input<'imports.cancel'>) =>
      guarded('imports.cancel', input, () => {
        const running = held !== null;
        held?.('cancel');
        return { cancelled: running };
      }),
    'imports.presets': (input: Input<'imports.presets'>) => guarded('imports.presets', input, () => state.presets),
  };
};
