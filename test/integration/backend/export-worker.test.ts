import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../electron/backend/demo';
import { STAGES } from '../../../shared/domain/stages';
import { sampleBusy } from '../../helpers/busy-sampler';
import { useTempDir } from '../../helpers/temp-dir';
import { openTempBackend } from '../../helpers/temp-store';

const NOW = new Date('2026-11-24T10:30:00+09:00');
const LEADS = 15_000;
const COLUMNS = ['companyName', 'familyName', 'email', 'employeeCount', 'stage', 'createdAt', 'reachedTql', 'lastCalledAt', 'budgetStatus', 'latestNote'];

describe('exports.run on a large store', () => {
  const tempDir = useTempDir();

  it('writes XLSX on the export worker, the main thread never busy more than 50 ms at a time', async () => {
    const dir = tempDir();
    const backend = openTempBackend(dir, { now: () => NOW });
    seedDemoStore(backend, { count: LEADS, now: NOW });
    const progress: number[] = [];
    backend.subscribe((event) => {
      if (event.name === 'export.progress') progress.push(event.payload.done);
    });

    const file = path.join(dir, 'all.xlsx');
    const started = performance.now();
    const sampler = sampleBusy();
    const answer = await backend.call('exports.run', { path: file, format: 'xlsx', columns: COLUMNS, filter: { stages: [...STAGES] } });
    const busyMax = sampler.stop();
    const ms = performance.now() - started;
    expect(answer).toMatchObject({ ok: true, value: { kind: 'written', record: { rowCount: LEADS, format: 'xlsx' } } });
    expect(busyMax).toBeLessThan(50);
    // Progress came from the worker while it wrote, and ended at the row count.
    expect(progress.at(-1)).toBe(LEADS);
    expect(progress.some((done) => done > 0 && done < LEADS)).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(LEADS + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('会社名');
    // Every data row has its company in column A and an Excel date in column F.
    const last = sheet.getRow(LEADS + 1);
    expect(typeof last.getCell(1).value).toBe('string');
    expect(last.getCell(6).value).toBeInstanceOf(Date);
    console.log(`XLSX of ${LEADS.toLocaleString('en')} leads in ${ms.toFixed(0)} ms; main thread busy at most ${busyMax.toFixed(1)} ms at a time`);
    backend.close();
  }, 120_000);
});
