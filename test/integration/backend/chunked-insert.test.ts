import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, createChunkedInsert } from '../../../electron/backend/db/chunked-insert';
import { useTempDir } from '../../helpers/temp-dir';

describe('chunked inserts', () => {
  const tempDir = useTempDir();

  it('inserts every row once, in order, in one statement per CHUNK_ROWS rows and one for the rest', () => {
    const db = new Database(path.join(tempDir(), 'chunks.sqlite'));
    db.exec('CREATE TABLE t (batch INTEGER NOT NULL, n INTEGER NOT NULL, label TEXT NOT NULL) STRICT');
    // The real connection, with each statement's runs counted.
    let runs = 0;
    const counted = {
      prepare: (sql: string) => {
        const statement = db.prepare<unknown[]>(sql);
        return { run: (...values: unknown[]) => ((runs += 1), statement.run(...values)) };
      },
    } as unknown as Database.Database;
    const insert = createChunkedInsert(counted, 'INSERT INTO t (batch, n, label)', '(?, ?, ?)');
    const counts = [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, 3 * CHUNK_ROWS + 7];
    for (const [batch, count] of counts.entries()) {
      const rows = Array.from({ length: count }, (_, n) => [batch, n, `行${n}`]);
      runs = 0;
      insert(rows);
      expect(runs, `${count} rows`).toBe(Math.ceil(count / CHUNK_ROWS));
      expect(db.prepare('SELECT n, label FROM t WHERE batch = ? ORDER BY rowid').raw().all(batch)).toEqual(rows.map(([, n, label]) => [n, label]));
    }
    db.close();
  });
});
