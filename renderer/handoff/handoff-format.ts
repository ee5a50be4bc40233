import type { TFunction } from 'i18next';
import type { Handoff } from '../../shared/api/handoff';
import type { SlaClock } from '../../shared/domain/handoff-sla';
import type { Language } from '../../shared/api/settings';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };
const formats = new Map<Language, Intl.DateTimeFormat>();

// Meetings and deadlines are read in Japan time whatever the machine's zone.
export const formatJstDateTime = (iso: string | null, language: Language): string => {
  if (!iso) return '—';
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    formats.set(language, format);
  }
  return format.format(new Date(iso));
};

const duration = (t: TFunction, minutes: number): string => {
  const abs = Math.abs(minutes);
  return abs >= 60 ? t('handoff.sla.hours', { hours: Math.floor(abs / 60), minutes: abs % 60 }) : t('handoff.sla.minutes', { minutes: abs });
};

// "残り 3時間10分" while pending, "1時間 超過" once overdue, met / missed once decided.
export const slaText = (t: TFunction, sla: SlaClock): string => {
  if (sla.met !== null) return sla.met ? t('handoff.sla.met') : t('handoff.sla.missed');
  const left = sla.minutesLeft ?? 0;
  return sla.overdue ? t('handoff.sla.overdueBy', { time: duration(t, left) }) : t('handoff.sla.left', { time: duration(t, left) });
};

// A date and a clock time typed in the form, as the JST instant the contract takes.
export const jstIso = (date: string, time: string): string | undefined => (date && time ? `${date}T${time}:00+09:00` : undefined);

// The JST date and clock time of an instant, for the form's inputs.
export const jstParts = (iso: string | undefined): { date: string; time: string } => {
  if (!iso) return { date: '', time: '' };
  const shifted = new Date(new Date(iso).getTime() + 9 * 60 * 60 * 1000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
};

// "会社: 理由(分類) コメント" for a handoff field sales sent back.
export const returnedText = (t: TFunction, h: Pick<Handoff, 'companyName' | 'reason' | 'reasonGroup' | 'comment'>): string =>
  `${t('handoff.returned.item', {
    company: h.companyName,
    reason: t(`qualification.reason.reject.${h.reason}`, { defaultValue: h.reason ?? '' }),
    group: h.reasonGroup ? t(`qualification.rejectGroup.${h.reasonGroup}`) : '',
  })} ${h.comment ?? ''}`.trim();
