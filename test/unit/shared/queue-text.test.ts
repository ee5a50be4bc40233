import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { queueReasonText } from '../../../shared/i18n/queue-text';

const time = (iso: string): string => iso.slice(11, 16);

describe('queue reasons in words', () => {
  it('says minutes within the hour, hours within two days, then days', async () => {
    const t = (await createI18n('ja')).t;
    const missed = (overdueMinutes: number) =>
      queueReasonText({ bucket: 'callback_due', dueAt: '2026-11-24T01:00:00.000Z', overdueMinutes, missed: true }, t, time);
    expect(missed(59.9)).toBe('折り返し期限切れ: 01:00 の約束から59分経過');
    expect(missed(60)).toBe('折り返し期限切れ: 01:00 の約束から1時間経過');
    expect(missed(47 * 60 + 59)).toBe('折り返し期限切れ: 01:00 の約束から47時間経過');
    expect(missed(48 * 60)).toBe('折り返し期限切れ: 01:00 の約束から2日経過');
    expect(missed(97277)).toBe('折り返し期限切れ: 01:00 の約束から67日経過');
  });

  it('weighs a hot lead against the speed-to-lead target in English too', async () => {
    const t = (await createI18n('en')).t;
    const hot = (hoursSinceArrival: number, overTarget: boolean) =>
      queueReasonText({ bucket: 'hot_new', arrivedAt: '2026-11-24T01:00:00.000Z', hoursSinceArrival, targetHours: 24, overTarget }, t, time);
    expect(hot(0.25, false)).toBe('New inquiry: arrived 15 min ago (target: within 24 h)');
    expect(hot(30, true)).toMatch(/^New inquiry: arrived 30 h ago/);
  });
});
