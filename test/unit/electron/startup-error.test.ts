import { describe, expect, it } from 'vitest';
import { BantamError } from '../../../electron/backend/errors';
import { startupErrorText } from '../../../electron/startup-error';

describe('the dialog text when Bantam cannot start', () => {
  const newer = new BantamError('store_unavailable', 'newer', { messageKey: 'errors.store.newer', params: { storeVersion: 9, appVersion: 3 } });

  it('speaks the user language, with the parameters filled in', async () => {
    expect(await startupErrorText(newer, 'ja')).toBe('このデータは新しいバージョンの Bantam で作成されています(スキーマ 9、このアプリは 3 まで)。Bantam を更新してください。');
    expect(await startupErrorText(newer, 'en')).toBe('This store was written by a newer Bantam (schema 9; this app knows up to 3). Update Bantam.');
  });

  it('wraps an unexpected error in a localized sentence', async () => {
    expect(await startupErrorText(new Error('EACCES: permission denied'), 'ja')).toBe('Bantam を起動できませんでした: EACCES: permission denied');
    expect(await startupErrorText(new BantamError('internal', 'no key'), 'en')).toBe('Bantam could not start: no key');
  });
});
