import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BantamError } from '../../../electron/backend/errors';
import { missingScriptError, workerErrorBody } from '../../../electron/backend/worker-script';

describe('worker scripts', () => {
  it('names the first worker script that was not built, and how to build it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantam-scripts-'));
    const built = path.join(dir, 'import-worker.cjs');
    fs.writeFileSync(built, '');
    const absent = path.join(dir, 'import-writer.cjs');
    expect(missingScriptError('import worker', [built])).toBeNull();
    const error = missingScriptError('import worker', [built, absent]);
    expect(error).toBeInstanceOf(BantamError);
    expect(error).toMatchObject({ code: 'internal', messageKey: 'errors.internal', message: `The import worker is missing at ${absent}: run npm run build.` });
    fs.rmSync(dir, { recursive: true });
  });

  it('lets a BantamError through as it is, and any other error only as the fallback (its text may quote lead data)', () => {
    const own = new BantamError('invalid_input', 'Choose a file.', { messageKey: 'errors.x' });
    expect(workerErrorBody(own, 'fallback')).toEqual(own.toBody());
    expect(workerErrorBody(new Error('株式会社テスト broke'), 'The import failed.')).toEqual({ code: 'internal', message: 'The import failed.', messageKey: 'errors.internal' });
  });
});
